/**
 * The serde schema a generated package hands to this runtime: a flat table of
 * the shapes the service reaches, keyed by absolute Smithy shape id. Members
 * point at their targets by id, so recursive shapes need no special casing.
 */
import type { PathExpression } from "./client/path-expression.js";

/** An absolute Smithy shape id, e.g. `com.amazonaws.ssm#MaxResults`. */
export type ShapeId = string;

export type TimestampFormat = "epoch-seconds" | "date-time" | "http-date";

export type Protocol = "awsJson1_0" | "awsJson1_1" | "rpcv2Cbor";

export interface MemberSchema {
  readonly target: ShapeId;
  /** `smithy.api#timestampFormat` on the member; overrides the target's. */
  readonly timestampFormat?: TimestampFormat;
  /** `smithy.api#default` in wire form; filled in when the member is absent. */
  readonly default?: unknown;
  /** `smithy.api#required`; used by client error correction. */
  readonly required?: boolean;
  /** `smithy.api#clientOptional`: a client leaves this member's default to the server. */
  readonly clientOptional?: boolean;
  /** `smithy.api#idempotencyToken`: a client fills in a fresh UUID when the member is absent. */
  readonly idempotencyToken?: boolean;
}

export type SimpleShapeType =
  | "string"
  | "enum"
  | "boolean"
  | "blob"
  | "document"
  | "byte"
  | "short"
  | "integer"
  | "intEnum"
  | "long"
  | "float"
  | "double"
  | "bigInteger"
  | "bigDecimal";

export interface SimpleShapeSchema {
  readonly type: SimpleShapeType;
}

export interface TimestampShapeSchema {
  readonly type: "timestamp";
  /** `smithy.api#timestampFormat` on the shape; the protocol default is epoch-seconds. */
  readonly format?: TimestampFormat;
}

export interface ListShapeSchema {
  readonly type: "list";
  readonly member: MemberSchema;
  readonly sparse?: boolean;
}

export interface MapShapeSchema {
  readonly type: "map";
  readonly value: MemberSchema;
  readonly sparse?: boolean;
}

export interface StructureShapeSchema {
  readonly type: "structure";
  /** Members in model order, keyed by member name (also the wire name in awsJson). */
  readonly members: Readonly<Record<string, MemberSchema>>;
  /** Set on `smithy.api#error` structures. */
  readonly error?: "client" | "server";
  /** `smithy.api#httpError`, when modeled. */
  readonly httpError?: number;
  /** `aws.protocols#awsQueryError` code, for `awsQueryCompatible` services. */
  readonly queryErrorCode?: string;
}

export interface UnionShapeSchema {
  readonly type: "union";
  readonly members: Readonly<Record<string, MemberSchema>>;
}

export type ShapeSchema =
  SimpleShapeSchema | TimestampShapeSchema | ListShapeSchema | MapShapeSchema | StructureShapeSchema | UnionShapeSchema;

export interface OperationSchema {
  /** The operation's shape name, as used in `X-Amz-Target`. */
  readonly name: string;
  /** Absent when the model says `smithy.api#Unit`. */
  readonly input?: ShapeId;
  readonly output?: ShapeId;
  /** Modeled errors of the operation and of the service, sorted by shape id. */
  readonly errors: readonly ShapeId[];
  /** `smithy.api#endpoint` hostPrefix, labels written `{Member}`. */
  readonly hostPrefix?: string;
  /** `smithy.api#requestCompression` encodings the service accepts, in preference order. */
  readonly requestCompression?: readonly string[];
  /** `smithy.rules#staticContextParams`: endpoint rule set parameter → value. */
  readonly staticContextParams?: Readonly<Record<string, string | boolean | readonly string[]>>;
  /** `smithy.rules#contextParam`: endpoint rule set parameter → input member. */
  readonly contextParams?: Readonly<Record<string, string>>;
  /** `smithy.rules#operationContextParams`: endpoint rule set parameter → its path into the input, compiled. */
  readonly operationContextParams?: Readonly<Record<string, PathExpression>>;
}

export interface ServiceSchema {
  readonly id: ShapeId;
  /** The service shape's name: the `X-Amz-Target` prefix. */
  readonly name: string;
  /** `aws.api#service` sdkId, for the user agent; else `name` is used. */
  readonly sdkId?: string;
  readonly version: string;
  readonly protocol: Protocol;
  /** `aws.auth#sigv4` name; absent when the service is not signed. */
  readonly signingName?: string;
  /** `aws.api#service` endpointPrefix, for the default endpoint. */
  readonly endpointPrefix?: string;
  /** `aws.protocols#awsQueryCompatible` is applied. */
  readonly queryCompatible?: boolean;
  readonly shapes: Readonly<Record<ShapeId, ShapeSchema>>;
  readonly operations: Readonly<Record<string, OperationSchema>>;
}
