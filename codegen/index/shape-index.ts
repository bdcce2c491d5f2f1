/**
 * The typed shape index: the one view of the model that emitters read. It
 * holds the service's closure (every shape its operations reach), sorted by
 * shape id, with targets resolved, nullability and defaults decided, and all
 * names chosen.
 */
import type { AstMember, AstShape, NodeValue, Traits } from "../load/ast.js";
import {
  type EndpointRules,
  type OperationEndpointParams,
  endpointRulesOf,
  operationEndpointParams,
} from "./endpoint-rules.js";
import type { FlatModel } from "./flatten.js";
import { type Names, decideNames, shapeName } from "./names.js";
import { UNIT } from "./prelude.js";
import { type ServiceProtocol, decodeProtocol } from "./protocol.js";
import { streamingMember } from "./streaming.js";
import type { ShapeType } from "./shape-types.js";
import {
  type Constraints,
  type Deprecation,
  type ErrorTraits,
  type ProtocolTests,
  TRAIT,
  constraintsOf,
  docsOf,
  errorOf,
  has,
  optional,
  otherTraitsOf,
  protocolTestsOf,
  requestCompressionOf,
} from "./decoded-traits.js";
import type { HttpResponseCase } from "./protocol-tests.js";
import {
  HTTP_TRAIT,
  type HttpBinding,
  type MemberBinding,
  compareRoutes,
  httpBindingOf,
  memberBindingOf,
} from "./http-bindings.js";

export type { Bounds, Constraints, Deprecation, ErrorTraits, Fault, Pattern, ProtocolTests } from "./decoded-traits.js";
export type { HttpBinding, MemberBinding, QueryLiteral, UriPattern, UriSegment } from "./http-bindings.js";

export type TimestampFormat = "date-time" | "epoch-seconds" | "http-date";

export interface Member {
  /** `ns#Shape$member` */
  readonly id: string;
  readonly name: string;
  readonly target: string;
  readonly required: boolean;
  /** Smithy 2.0 nullability as a client sees it: false means always set. */
  readonly nullable: boolean;
  /** `smithy.api#default` when it gives a value (not `null`). */
  readonly default?: NodeValue;
  /** The member's own `@length`, `@range`, `@pattern` (beside its target's). */
  readonly constraints: Constraints;
  readonly timestampFormat?: TimestampFormat;
  readonly clientOptional: boolean;
  readonly idempotencyToken: boolean;
  readonly jsonName?: string;
  /** Where the member travels in an HTTP-binding protocol (`@httpLabel`, `@httpHeader`, …); absent: the body. */
  readonly binding?: MemberBinding;
  /** Members of enum and intEnum shapes: the value (`@enumValue`, or an enum member's name). */
  readonly value?: string | number;
  readonly documentation?: string;
  readonly deprecated?: Deprecation;
  readonly otherTraits: Traits;
}

interface ShapeBase {
  readonly id: string;
  readonly name: string;
  /** structure, union, enum, intEnum: in model order; list: [member]; map: [key, value]. */
  readonly members: readonly Member[];
  readonly constraints: Constraints;
  /** `@mediaType` of a string or blob. */
  readonly mediaType?: string;
  readonly documentation?: string;
  readonly deprecated?: Deprecation;
  readonly otherTraits: Traits;
}

export interface ListShape extends ShapeBase {
  readonly type: "list";
  readonly sparse: boolean;
  readonly uniqueItems: boolean;
}

export interface MapShape extends ShapeBase {
  readonly type: "map";
  readonly sparse: boolean;
}

export interface StructureShape extends ShapeBase {
  readonly type: "structure";
  /** Set on error structures. */
  readonly error?: ErrorTraits;
  /** `smithy.test#httpResponseTests` on an error structure. */
  readonly responseTests: readonly HttpResponseCase[];
}

export interface TimestampShape extends ShapeBase {
  readonly type: "timestamp";
  readonly timestampFormat?: TimestampFormat;
}

export interface OtherShape extends ShapeBase {
  readonly type: Exclude<ShapeType, "list" | "map" | "structure" | "timestamp">;
}

/** A data shape of the closure, with the traits of its kind decoded. */
export type Shape = ListShape | MapShape | StructureShape | TimestampShape | OtherShape;

export type ErrorShape = StructureShape & { readonly error: ErrorTraits };

export interface Paginated {
  readonly inputToken?: string;
  readonly outputToken?: string;
  readonly items?: string;
  readonly pageSize?: string;
}

export interface Operation {
  readonly id: string;
  readonly name: string;
  readonly input?: string;
  readonly output?: string;
  /** Operation errors then service errors, sorted by shape id. */
  readonly errors: readonly string[];
  readonly paginated?: Paginated;
  /**
   * True when `{}` is a valid input: no required member without a default, and
   * no member named like a property every object has (`constructor`, …).
   * The command's input may then be left out.
   */
  readonly inputOptional: boolean;
  readonly hostPrefix?: string;
  /** Rule set parameters the operation sets (`smithy.rules#staticContextParams`, `#contextParam`). */
  readonly endpointParams: OperationEndpointParams;
  /** `smithy.api#requestCompression` encodings, in the model's order (empty without the trait). */
  readonly requestCompression: readonly string[];
  /** `@http`: method, URI pattern and success code, for HTTP-binding protocols. */
  readonly http?: HttpBinding;
  /** `@httpChecksumRequired`: the request carries a Content-MD5 (or another checksum). */
  readonly checksumRequired: boolean;
  readonly tests: ProtocolTests;
  readonly documentation?: string;
  readonly deprecated?: Deprecation;
}

export interface ServiceInfo {
  readonly id: string;
  readonly name: string;
  readonly version: string;
  readonly sdkId: string;
  readonly title?: string;
  /** Decoded from the protocol trait; validation has made sure there is a supported one. */
  readonly protocol: ServiceProtocol;
  readonly signingName?: string;
  readonly endpointPrefix?: string;
  readonly queryCompatible: boolean;
  /** `smithy.rules#endpointRuleSet` and what goes with it; absent without a rule set. */
  readonly endpointRules?: EndpointRules;
  readonly documentation?: string;
}

export interface ShapeIndex {
  readonly service: ServiceInfo;
  /** Sorted by name. */
  readonly operations: readonly Operation[];
  /** Data shapes of the closure, sorted by shape id. */
  readonly shapes: readonly Shape[];
  readonly names: Names;
  shape(id: string): Shape;
  /** Error structures of the closure (`smithy.api#error`), sorted by shape id. */
  readonly errors: readonly ErrorShape[];
  /** Operations with `@http`, in the order a server matches requests against them (most specific first). */
  readonly routes: readonly Operation[];
}

export function buildShapeIndex(model: FlatModel, serviceId: string): ShapeIndex {
  const raw = (id: string): AstShape => {
    const shape = model.shapes.get(id);
    if (!shape) throw new Error(`generator bug: ${id} was not validated`);
    return shape;
  };
  const serviceShape = raw(serviceId);
  const service = serviceInfo(serviceId, serviceShape);
  const operationIds = collectOperations(model, serviceShape).filter((id) => !streamingMember(model, raw(id)));
  const serviceErrors = (serviceShape.errors ?? []).map((e) => e.target);
  const servicePaginated = serviceShape.traits?.[TRAIT.paginated] as Paginated | undefined;

  const declared = operationIds
    .map((id) => {
      const shape = raw(id);
      const input = shape.input && shape.input.target !== UNIT ? raw(shape.input.target) : undefined;
      return toOperation(
        id,
        shape,
        operationEndpointParams(shape, input),
        serviceErrors,
        servicePaginated,
        serviceShape.rename,
      );
    })
    .sort((a, b) => compare(a.name, b.name));

  const closure = new Set<string>();
  const visit = (id: string) => {
    if (closure.has(id) || id === UNIT) return;
    closure.add(id);
    const shape = raw(id);
    for (const member of memberList(shape)) visit(member.target);
  };
  for (const op of declared) {
    for (const id of [op.input, op.output, ...op.errors]) if (id) visit(id);
  }
  const sortedIds = [...closure].sort(compare);
  // Operation inputs count as @input structures even where the model omits the trait.
  const inputs = new Set(declared.flatMap((op) => (op.input ? [op.input] : [])));
  const shapes = sortedIds.map((id) => toShape(id, raw(id), serviceShape.rename, inputs.has(id)));
  const byId = new Map(shapes.map((s) => [s.id, s]));
  const operations: Operation[] = declared.map((op) => ({
    ...op,
    inputOptional: acceptsEmptyInput(op.input ? byId.get(op.input) : undefined),
  }));
  const names = decideNames({ sdkId: service.sdkId, operations: operations.map((o) => o.name), shapes: sortedIds });
  return {
    service,
    operations,
    shapes,
    names,
    errors: shapes.filter((s): s is ErrorShape => s.type === "structure" && s.error !== undefined),
    routes: operations.filter((op) => op.http !== undefined).sort((a, b) => compareRoutes(a.http!, b.http!)),
    shape(id) {
      const shape = byId.get(id);
      if (!shape) throw new Error(`generator bug: ${id} is not in the service closure`);
      return shape;
    },
  };
}

function serviceInfo(id: string, shape: AstShape): ServiceInfo {
  const traits = shape.traits ?? {};
  const aws = (traits["aws.api#service"] ?? {}) as { sdkId?: string; endpointPrefix?: string };
  const sigv4 = traits["aws.auth#sigv4"] as { name?: string } | undefined;
  return {
    id,
    name: shapeName(id),
    version: shape.version ?? "",
    sdkId: aws.sdkId ?? shapeName(id),
    ...optional("title", traits["smithy.api#title"] as string | undefined),
    protocol: protocolOf(id, traits),
    ...optional("signingName", sigv4?.name),
    ...optional("endpointPrefix", aws.endpointPrefix),
    queryCompatible: "aws.protocols#awsQueryCompatible" in traits,
    ...optional("endpointRules", endpointRulesOf(shape)),
    ...optional("documentation", traits[TRAIT.documentation] as string | undefined),
  };
}

function protocolOf(id: string, traits: Traits): ServiceProtocol {
  const protocol = decodeProtocol(traits);
  if (protocol === undefined)
    throw new Error(`generator bug: ${id} has no supported protocol, which validation reports`);
  return protocol;
}

/** Operations bound to the service directly or through its resources, unique. */
export function collectOperations(model: FlatModel, service: AstShape): string[] {
  const found = new Set<string>();
  const fromResource = (id: string, seen: Set<string>) => {
    if (seen.has(id)) return;
    seen.add(id);
    const resource = model.shapes.get(id)!;
    for (const key of ["create", "put", "read", "update", "delete", "list"] as const) {
      if (resource[key]) found.add(resource[key]!.target);
    }
    for (const ref of [...(resource.operations ?? []), ...(resource.collectionOperations ?? [])]) found.add(ref.target);
    for (const ref of resource.resources ?? []) fromResource(ref.target, seen);
  };
  for (const ref of service.operations ?? []) found.add(ref.target);
  const seen = new Set<string>();
  for (const ref of service.resources ?? []) fromResource(ref.target, seen);
  return [...found];
}

function toOperation(
  id: string,
  shape: AstShape,
  endpointParams: OperationEndpointParams,
  serviceErrors: readonly string[],
  servicePaginated: Paginated | undefined,
  rename: Readonly<Record<string, string>> | undefined,
): Omit<Operation, "inputOptional"> {
  const traits = shape.traits ?? {};
  const own = traits[TRAIT.paginated] as Paginated | undefined;
  const endpoint = traits[TRAIT.endpoint] as { hostPrefix?: string } | undefined;
  const target = (ref: { target: string } | undefined) => (ref && ref.target !== UNIT ? ref.target : undefined);
  return {
    id,
    name: rename?.[id] ?? shapeName(id),
    ...optional("input", target(shape.input)),
    ...optional("output", target(shape.output)),
    errors: [...new Set([...(shape.errors ?? []).map((e) => e.target), ...serviceErrors])].sort(compare),
    ...optional("paginated", own ? { ...servicePaginated, ...own } : undefined),
    ...optional("hostPrefix", endpoint?.hostPrefix),
    endpointParams,
    requestCompression: requestCompressionOf(traits),
    ...optional("http", httpBindingOf(traits)),
    checksumRequired: has(traits, HTTP_TRAIT.checksumRequired),
    tests: protocolTestsOf(traits),
    ...docsOf(traits),
  };
}

/** Names `{}` already has through Object.prototype, with other types than a member's. */
const OBJECT_PROPERTIES = new Set(Object.getOwnPropertyNames(Object.prototype));

function acceptsEmptyInput(input: Shape | undefined): boolean {
  return (input?.members ?? []).every(
    (m) => (!m.required || m.default !== undefined) && !OBJECT_PROPERTIES.has(m.name),
  );
}

function toShape(
  id: string,
  shape: AstShape,
  rename: Readonly<Record<string, string>> | undefined,
  operationInput: boolean,
): Shape {
  const traits = shape.traits ?? {};
  const type = (shape.type === "set" ? "list" : shape.type) as ShapeType;
  const isInput = operationInput || has(traits, TRAIT.input);
  const members = memberEntries(shape).map(([name, member]) => toMember(id, name, member, type, isInput));
  const base = {
    id,
    name: rename?.[id] ?? shapeName(id),
    members,
    constraints: constraintsOf(traits),
    ...optional("mediaType", traits[HTTP_TRAIT.mediaType] as string | undefined),
    ...docsOf(traits),
    otherTraits: otherTraitsOf(traits),
  };
  switch (type) {
    case "list":
      return { ...base, type, sparse: has(traits, TRAIT.sparse), uniqueItems: has(traits, TRAIT.uniqueItems) };
    case "map":
      return { ...base, type, sparse: has(traits, TRAIT.sparse) };
    case "structure":
      return {
        ...base,
        type,
        ...optional("error", errorOf(traits)),
        responseTests: protocolTestsOf(traits).responses,
      };
    case "timestamp":
      return {
        ...base,
        type,
        ...optional("timestampFormat", traits[TRAIT.timestampFormat] as TimestampFormat | undefined),
      };
    default:
      return { ...base, type };
  }
}

function toMember(container: string, name: string, member: AstMember, type: ShapeType, isInput: boolean): Member {
  const traits = member.traits ?? {};
  const required = has(traits, TRAIT.required);
  const defaultValue = traits[TRAIT.default];
  const hasDefault = defaultValue !== undefined && defaultValue !== null;
  const clientOptional = has(traits, TRAIT.clientOptional);
  // Members of @input structures are always optional to callers: a required
  // one is checked by validation, a defaulted one is filled in by the server.
  const nullable = type !== "structure" || clientOptional || isInput || !(required || hasDefault);
  const enumValue = traits[TRAIT.enumValue] as string | number | undefined;
  return {
    id: `${container}$${name}`,
    name,
    target: member.target,
    required,
    nullable,
    ...optional("default", hasDefault ? defaultValue : undefined),
    constraints: constraintsOf(traits),
    ...optional("timestampFormat", traits[TRAIT.timestampFormat] as TimestampFormat | undefined),
    clientOptional,
    idempotencyToken: has(traits, TRAIT.idempotencyToken),
    ...optional("jsonName", traits[TRAIT.jsonName] as string | undefined),
    ...optional("binding", memberBindingOf(traits)),
    ...optional("value", type === "enum" ? (enumValue ?? name) : type === "intEnum" ? enumValue : undefined),
    ...docsOf(traits),
    otherTraits: otherTraitsOf(traits),
  };
}

function memberEntries(shape: AstShape): [string, AstMember][] {
  if (shape.type === "list" || shape.type === "set") return shape.member ? [["member", shape.member]] : [];
  if (shape.type === "map")
    return [
      ["key", shape.key!],
      ["value", shape.value!],
    ];
  return Object.entries(shape.members ?? {});
}

function memberList(shape: AstShape): AstMember[] {
  if (shape.type === "enum" || shape.type === "intEnum") return [];
  return memberEntries(shape).map(([, m]) => m);
}

/** Code-unit order: the same on every machine and locale. */
export const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
