/**
 * The traits the generator interprets, decoded once from their node values
 * into the fields the shape index carries. Validation (`validate/`) has
 * already checked their form, so decoding only reads; emitters read these
 * fields and never a trait by its id.
 */
import type { Traits } from "../load/ast.js";
import { HTTP_TRAIT } from "./http-bindings.js";
import { compilePattern } from "./patterns.js";
import {
  type HttpMalformedRequestCase,
  type HttpRequestCase,
  type HttpResponseCase,
  PROTOCOL_TEST_TRAITS,
} from "./protocol-tests.js";

export const TRAIT = {
  documentation: "smithy.api#documentation",
  deprecated: "smithy.api#deprecated",
  required: "smithy.api#required",
  clientOptional: "smithy.api#clientOptional",
  default: "smithy.api#default",
  input: "smithy.api#input",
  error: "smithy.api#error",
  httpError: "smithy.api#httpError",
  queryError: "aws.protocols#awsQueryError",
  paginated: "smithy.api#paginated",
  endpoint: "smithy.api#endpoint",
  sparse: "smithy.api#sparse",
  uniqueItems: "smithy.api#uniqueItems",
  timestampFormat: "smithy.api#timestampFormat",
  enumValue: "smithy.api#enumValue",
  length: "smithy.api#length",
  range: "smithy.api#range",
  pattern: "smithy.api#pattern",
  jsonName: "smithy.api#jsonName",
  idempotencyToken: "smithy.api#idempotencyToken",
  requestCompression: "smithy.api#requestCompression",
  ...PROTOCOL_TEST_TRAITS,
} as const;

/** Every trait a field of the index decodes; the others stay in `otherTraits`. */
const DECODED: ReadonlySet<string> = new Set([...Object.values(TRAIT), ...Object.values(HTTP_TRAIT)]);

export interface Bounds {
  readonly min?: number;
  readonly max?: number;
}

export interface Pattern {
  /** As the model writes it (messages quote this). */
  readonly model: string;
  /** The ECMAScript source validators check; absent when ECMAScript has no equivalent (left unchecked). */
  readonly ecmascript?: string;
}

/** `@length`, `@range` and `@pattern` of a shape or member. */
export interface Constraints {
  readonly length?: Bounds;
  readonly range?: Bounds;
  readonly pattern?: Pattern;
}

export interface Deprecation {
  readonly message?: string;
  readonly since?: string;
}

export type Fault = "client" | "server";

/** `@error` with the status and query error code that go with it. */
export interface ErrorTraits {
  readonly fault: Fault;
  /** `@httpError`. */
  readonly httpStatus?: number;
  /** `aws.protocols#awsQueryError` code, for `@awsQueryCompatible` services. */
  readonly queryErrorCode?: string;
}

export interface ProtocolTests {
  readonly requests: readonly HttpRequestCase[];
  readonly responses: readonly HttpResponseCase[];
  readonly malformed: readonly HttpMalformedRequestCase[];
}

export const constraintsOf = (traits: Traits): Constraints => ({
  ...optional("length", traits[TRAIT.length] as Bounds | undefined),
  ...optional("range", traits[TRAIT.range] as Bounds | undefined),
  ...optional("pattern", patternOf(traits[TRAIT.pattern])),
});

function patternOf(value: unknown): Pattern | undefined {
  if (typeof value !== "string") return undefined;
  const compiled = compilePattern(value);
  return { model: value, ...optional("ecmascript", compiled.kind === "ok" ? compiled.source : undefined) };
}

export function errorOf(traits: Traits): ErrorTraits | undefined {
  const fault = traits[TRAIT.error] as Fault | undefined;
  if (fault === undefined) return undefined;
  const queryError = traits[TRAIT.queryError] as { code?: string } | undefined;
  return {
    fault,
    ...optional("httpStatus", traits[TRAIT.httpError] as number | undefined),
    ...optional("queryErrorCode", queryError?.code),
  };
}

export const has = (traits: Traits, trait: string): boolean => traits[trait] !== undefined;

export function protocolTestsOf(traits: Traits): ProtocolTests {
  const cases = <C>(trait: string) => (traits[trait] ?? []) as unknown as readonly C[];
  return {
    requests: cases<HttpRequestCase>(TRAIT.requestTests),
    responses: cases<HttpResponseCase>(TRAIT.responseTests),
    malformed: cases<HttpMalformedRequestCase>(TRAIT.malformedRequestTests),
  };
}

export function requestCompressionOf(traits: Traits): readonly string[] {
  return (traits[TRAIT.requestCompression] as { encodings?: string[] } | undefined)?.encodings ?? [];
}

export function docsOf(traits: Traits): { documentation?: string; deprecated?: Deprecation } {
  const deprecated = traits[TRAIT.deprecated] as Deprecation | undefined;
  return {
    ...optional("documentation", traits[TRAIT.documentation] as string | undefined),
    ...optional("deprecated", deprecated === undefined ? undefined : { ...deprecated }),
  };
}

/** The traits no field decodes, kept as they are for tools; emitters do not read them. */
export function otherTraitsOf(traits: Traits): Traits {
  const other: Record<string, Traits[string]> = {};
  for (const [trait, value] of Object.entries(traits)) if (!DECODED.has(trait)) other[trait] = value;
  return other;
}

export function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
