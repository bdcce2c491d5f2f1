/**
 * The trait definitions of Smithy's prelude, as far as a diff needs them:
 * every prelude trait id with its `breakingChanges` rules (empty: none), and
 * the diff tags it carries. Models do not define these traits themselves,
 * so the diff knows them from here. Transcribed from the prelude's
 * definitions (smithy-model `prelude.smithy`). `enumValue` carries no rule
 * here: enum values are compared by ChangedEnumTrait.
 */
import type { BreakingChangeRule } from "./trait-definitions.js";

const remove: BreakingChangeRule[] = [{ change: "remove" }];
const any: BreakingChangeRule[] = [{ change: "any" }];
const presence: BreakingChangeRule[] = [{ change: "presence" }];

export const PRELUDE_TRAIT_RULES: Readonly<Record<string, readonly BreakingChangeRule[]>> = {
  trait: [
    { change: "presence" },
    { path: "/structurallyExclusive", change: "any" },
    {
      path: "/conflicts",
      change: "update",
      severity: "NOTE",
      message: "more conflicts can make models that were valid fail validation",
    },
  ],
  deprecated: [],
  box: [],
  documentation: [],
  externalDocumentation: [],
  auth: [],
  protocolDefinition: presence,
  authDefinition: presence,
  httpBasicAuth: remove,
  httpDigestAuth: remove,
  httpBearerAuth: remove,
  httpApiKeyAuth: remove,
  traitValidators: [],
  metadata: [],
  default: [],
  addedDefault: remove,
  clientOptional: [],
  optionalAuth: remove,
  examples: [],
  error: any,
  retryable: remove,
  readonly: remove,
  idempotent: remove,
  idempotencyToken: remove,
  internal: [{ change: "remove", severity: "WARNING", message: "the shape becomes visible outside" }],
  jsonName: any,
  xmlAttribute: any,
  xmlFlattened: any,
  xmlName: any,
  xmlNamespace: any,
  noReplace: [],
  mediaType: remove,
  references: [],
  resourceIdentifier: remove,
  private: [],
  sensitive: [],
  since: [],
  streaming: any,
  requiresLength: presence,
  longPoll: [],
  tags: [],
  title: [],
  enum: presence,
  enumValue: [],
  length: [],
  range: [],
  pattern: [
    { change: "add", severity: "WARNING", message: "add a pattern only when every value already matched it" },
    { change: "update", severity: "NOTE", message: "a changed pattern should accept more values, not fewer" },
  ],
  required: [],
  property: [{ change: "remove" }, { change: "update" }],
  notProperty: [{ change: "add" }],
  nestedProperties: any,
  recommended: [],
  sparse: presence,
  uniqueItems: [{ change: "presence", severity: "WARNING" }],
  unstable: [],
  paginated: [
    { change: "remove" },
    { path: "/inputToken", change: "update" },
    { path: "/outputToken", change: "update" },
    { path: "/items", change: "remove" },
    { path: "/items", change: "add", severity: "NOTE" },
    { path: "/items", change: "update", severity: "NOTE" },
    { path: "/pageSize", change: "update" },
    { path: "/pageSize", change: "remove" },
  ],
  http: [
    { change: "remove" },
    { path: "/method", change: "update" },
    { path: "/uri", change: "update" },
    { path: "/code", change: "update" },
    {
      path: "/code",
      change: "presence",
      severity: "DANGER",
      message: "adding or removing it is compatible only when the code is the default, 200",
    },
  ],
  httpLabel: presence,
  httpQuery: any,
  httpQueryParams: any,
  httpHeader: any,
  httpPrefixHeaders: any,
  httpPayload: presence,
  httpError: any,
  httpResponseCode: any,
  cors: remove,
  eventPayload: any,
  eventHeader: any,
  idRef: [],
  timestampFormat: any,
  endpoint: any,
  hostLabel: any,
  suppress: [],
  httpChecksumRequired: [],
  input: presence,
  output: presence,
  unitType: [],
  mixin: [],
  requestCompression: [
    {
      change: "remove",
      severity: "DANGER",
      message: "new clients stop compressing requests; the service must keep accepting every encoding it took",
    },
    { change: "remove", path: "/encodings", message: "`encodings` is required by the trait" },
    {
      change: "add",
      severity: "NOTE",
      path: "/encodings/member",
      message: "once an encoding is listed, the service must support it",
    },
    {
      change: "remove",
      severity: "DANGER",
      path: "/encodings/member",
      message: "new clients stop using the removed encodings; the service must keep accepting them",
    },
    {
      change: "update",
      severity: "DANGER",
      path: "/encodings/member",
      message: "new clients stop using the old encodings; the service must keep accepting them",
    },
  ],
};

/**
 * Authentication schemes a service can lose: the prelude's auth traits and
 * AWS's SigV4 traits (their definitions carry `smithy.api#authDefinition`;
 * a model that defines its own scheme marks it the same way).
 */
export const KNOWN_AUTH_SCHEMES: readonly string[] = [
  "smithy.api#httpBasicAuth",
  "smithy.api#httpDigestAuth",
  "smithy.api#httpBearerAuth",
  "smithy.api#httpApiKeyAuth",
  "aws.auth#sigv4",
  "aws.auth#sigv4a",
];
