/**
 * Schema-driven conversion between typed values (Date, Uint8Array, unions…)
 * and their wire form: awsJson's by default, another protocol's with its
 * {@link WireFormat}. One walker per direction; both are total over the
 * shape kinds of `schema.ts`.
 */
import type { MemberSchema, ServiceSchema, ShapeId, ShapeSchema, TimestampFormat } from "./schema.js";
import { SerializationError } from "./errors.js";
import { randomUUID } from "./platform/node.cjs";
import { fromBase64, toBase64 } from "@smithy/util-base64";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * How a protocol writes and reads the scalars whose wire form differs between
 * protocols; lists, maps, structures and unions are the same everywhere.
 * `read…` throw a {@link SerializationError} naming `path` on a wrong value.
 */
export interface WireFormat {
  writeBlob(value: Uint8Array | string): unknown;
  writeTimestamp(value: Date | number | string, format: TimestampFormat): unknown;
  writeFloat(value: number): unknown;
  /** bigInteger and bigDecimal. */
  writeBigNumber(value: number | bigint): unknown;
  readBlob(value: unknown, path: string): Uint8Array;
  readTimestamp(value: unknown, format: TimestampFormat, path: string): Date;
  readFloat(value: unknown, path: string): number;
  /** Integer types, bigInteger and bigDecimal. */
  readNumber(value: unknown, path: string): number;
}

const NON_FINITE: Readonly<Record<string, number>> = {
  NaN: Number.NaN,
  Infinity: Number.POSITIVE_INFINITY,
  "-Infinity": Number.NEGATIVE_INFINITY,
};

/** Sets `object[key]` as an own data property, even for `__proto__`. */
function setOwn(object: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__") {
    Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    object[key] = value;
  }
}

function shapeOf(schema: ServiceSchema, id: ShapeId): ShapeSchema {
  const shape = schema.shapes[id];
  if (shape === undefined) throw new Error(`Shape ${id} is missing from the service schema`);
  return shape;
}

function formatOf(shape: ShapeSchema, member: MemberSchema | undefined): TimestampFormat {
  return member?.timestampFormat ?? (shape.type === "timestamp" ? shape.format : undefined) ?? "epoch-seconds";
}

// ---------------------------------------------------------------- typed → wire

/**
 * Who writes: a client's request leaves defaults to the server (all of them
 * at the top level, and nested ones on `@clientOptional` members) and fills
 * in an absent idempotency token with a fresh UUID; a server's response
 * writes every default.
 */
export type Writer = "client" | "server";

/** Converts a typed value of shape `id` to its wire value (JSON by default). */
export function serializeShape(
  schema: ServiceSchema,
  id: ShapeId,
  value: unknown,
  member?: MemberSchema,
  writer: Writer = "server",
  format: WireFormat = JSON_FORMAT,
): Json {
  const shape = shapeOf(schema, id);
  switch (shape.type) {
    case "float":
    case "double":
      return format.writeFloat(value as number) as Json;
    case "timestamp":
      return format.writeTimestamp(value as Date | number | string, formatOf(shape, member)) as Json;
    case "blob":
      return format.writeBlob(value as Uint8Array | string) as Json;
    case "bigInteger":
    case "bigDecimal":
      return format.writeBigNumber(value as number | bigint) as Json;
    case "list": {
      const out: Json[] = [];
      for (const item of value as unknown[]) {
        if (item == null) {
          if (shape.sparse) out.push(null);
        } else {
          out.push(serializeShape(schema, shape.member.target, item, shape.member, writer, format));
        }
      }
      return out;
    }
    case "map": {
      const out: Record<string, Json> = {};
      for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
        if (item == null) {
          if (shape.sparse) setOwn(out, key, null);
        } else {
          setOwn(out, key, serializeShape(schema, shape.value.target, item, shape.value, writer, format));
        }
      }
      return out;
    }
    case "structure":
      return writeStructure(schema, shape.members, value as Record<string, unknown>, writer, true, format);
    case "union":
      return serializeUnion(schema, shape.members, value as Record<string, unknown>, writer, format);
    default:
      return value as Json;
  }
}

/** Serialises the members of a top-level structure (an input, output or error) that are set, in model order. */
export function serializeStructure(
  schema: ServiceSchema,
  members: Readonly<Record<string, MemberSchema>>,
  value: Record<string, unknown> | undefined,
  writer: Writer = "server",
  format: WireFormat = JSON_FORMAT,
): Record<string, Json> {
  return writeStructure(schema, members, value, writer, false, format);
}

function writeStructure(
  schema: ServiceSchema,
  members: Readonly<Record<string, MemberSchema>>,
  value: Record<string, unknown> | undefined,
  writer: Writer,
  nested: boolean,
  format: WireFormat,
): Record<string, Json> {
  const out: Record<string, Json> = {};
  for (const name in members) {
    const member = members[name]!;
    const item = value?.[name];
    if (item != null) out[name] = serializeShape(schema, member.target, item, member, writer, format);
    else if (writer === "client" && member.idempotencyToken) out[name] = randomUUID();
    else if (member.default !== undefined && writesDefault(writer, nested, member))
      out[name] = format === JSON_FORMAT ? (member.default as Json) : defaultIn(schema, member, writer, format);
  }
  return out;
}

/** A member's default (JSON wire form in the schema) in another protocol's wire form. */
function defaultIn(schema: ServiceSchema, member: MemberSchema, writer: Writer, format: WireFormat): Json {
  const typed = deserializeShape(schema, member.target, member.default, "", member);
  return serializeShape(schema, member.target, typed, member, writer, format);
}

/** Whether `writer` writes `member`'s default when the member is absent (see {@link Writer}). */
export function writesDefault(writer: Writer, nested: boolean, member: MemberSchema): boolean {
  return writer === "server" || (nested && !member.clientOptional);
}

function serializeUnion(
  schema: ServiceSchema,
  members: Readonly<Record<string, MemberSchema>>,
  value: Record<string, unknown>,
  writer: Writer,
  format: WireFormat,
): Record<string, Json> {
  for (const name in members) {
    const item = value[name];
    if (item !== undefined)
      return { [name]: serializeShape(schema, members[name]!.target, item, members[name], writer, format) };
  }
  const unknown = value.$unknown as [string, Json] | undefined;
  return unknown ? { [unknown[0]]: unknown[1] } : {};
}

/** Bytes (or a string's UTF-8 bytes) as base64. */
export function serializeBlob(value: Uint8Array | string): string {
  return toBase64(typeof value === "string" ? new TextEncoder().encode(value) : value);
}

export function serializeFloat(value: number): Json {
  if (Number.isNaN(value)) return "NaN";
  if (value === Number.POSITIVE_INFINITY) return "Infinity";
  if (value === Number.NEGATIVE_INFINITY) return "-Infinity";
  return value;
}

export function serializeTimestamp(value: Date | number | string, format: TimestampFormat): Json {
  const date = value instanceof Date ? value : new Date(typeof value === "number" ? value * 1000 : value);
  switch (format) {
    case "date-time":
      // RFC 3339 with fractional seconds only when there are some.
      return date.toISOString().replace(".000Z", "Z");
    case "http-date":
      return date.toUTCString();
    default:
      return Math.round(date.getTime()) / 1000;
  }
}

// ---------------------------------------------------------------- wire → typed

export interface DeserializeOptions {
  /**
   * Client error correction: a required member the service left out (and
   * that has no default) is filled with its type's zero value, so typed
   * code never sees it missing.
   */
  readonly errorCorrection?: boolean;
  /** The protocol's scalars; default awsJson's. */
  readonly format?: WireFormat;
}

/**
 * Converts a wire value of shape `id` to its typed form. Unknown members
 * are dropped, `null` members are absent, absent members with a default get
 * it, and a value of the wrong type throws a {@link SerializationError}
 * naming its path. Defaults are in JSON wire form (as the schema holds them)
 * whatever the protocol.
 */
export function deserializeShape(
  schema: ServiceSchema,
  id: ShapeId,
  value: unknown,
  path = "",
  member?: MemberSchema,
  options: DeserializeOptions = {},
): unknown {
  const shape = shapeOf(schema, id);
  switch (shape.type) {
    case "string":
    case "enum":
      return expect(typeof value === "string", value, "a string", path);
    case "boolean":
      return expect(typeof value === "boolean", value, "a boolean", path);
    case "byte":
    case "short":
    case "integer":
    case "intEnum":
    case "long":
    case "bigInteger":
    case "bigDecimal":
      return (options.format ?? JSON_FORMAT).readNumber(value, path);
    case "float":
    case "double":
      return (options.format ?? JSON_FORMAT).readFloat(value, path);
    case "timestamp":
      return (options.format ?? JSON_FORMAT).readTimestamp(value, formatOf(shape, member), path);
    case "blob":
      return (options.format ?? JSON_FORMAT).readBlob(value, path);
    case "document":
      return value;
    case "list": {
      expect(Array.isArray(value), value, "a list", path);
      const out: unknown[] = [];
      (value as unknown[]).forEach((item, index) => {
        if (item === null) {
          if (shape.sparse) out.push(null);
        } else {
          out.push(deserializeShape(schema, shape.member.target, item, `${path}[${index}]`, shape.member, options));
        }
      });
      return out;
    }
    case "map": {
      expectObject(value, path);
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
        if (item === null) {
          if (shape.sparse) setOwn(out, key, null);
        } else {
          setOwn(out, key, deserializeShape(schema, shape.value.target, item, `${path}.${key}`, shape.value, options));
        }
      }
      return out;
    }
    case "structure":
      return deserializeStructure(schema, shape.members, value, path, options);
    case "union":
      return deserializeUnion(schema, shape.members, value, path, options);
  }
}

/** Reads the known, non-null members of a structure; ignores the rest. */
export function deserializeStructure(
  schema: ServiceSchema,
  members: Readonly<Record<string, MemberSchema>>,
  value: unknown,
  path = "",
  options: DeserializeOptions = {},
): Record<string, unknown> {
  expectObject(value, path);
  const object = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const name in members) {
    const member = members[name]!;
    const present = Object.hasOwn(object, name) ? object[name] : undefined;
    const item = present ?? member.default;
    if (item != null) {
      // Defaults are in JSON wire form, whatever the protocol.
      const how =
        present != null || options.format === undefined || options.format === JSON_FORMAT
          ? options
          : { ...options, format: JSON_FORMAT };
      out[name] = deserializeShape(schema, member.target, item, path ? `${path}.${name}` : name, member, how);
    } else if (options.errorCorrection && member.required) {
      const zero = zeroValue(shapeOf(schema, member.target));
      if (zero !== undefined) out[name] = zero;
    }
  }
  return out;
}

function deserializeUnion(
  schema: ServiceSchema,
  members: Readonly<Record<string, MemberSchema>>,
  value: unknown,
  path: string,
  options: DeserializeOptions,
): Record<string, unknown> {
  expectObject(value, path);
  const set = Object.entries(value as Record<string, unknown>).filter(
    ([key, item]) => item !== null && key !== "__type",
  );
  if (set.length !== 1) {
    throw new SerializationError(`Union ${path || "value"} must have exactly one member set, found ${set.length}`);
  }
  const [name, item] = set[0]!;
  const member = Object.hasOwn(members, name) ? members[name] : undefined;
  if (member === undefined) return { $unknown: [name, item] };
  return { [name]: deserializeShape(schema, member.target, item, path ? `${path}.${name}` : name, member, options) };
}

/** The zero value of a shape, for client error correction. */
function zeroValue(shape: ShapeSchema): unknown {
  switch (shape.type) {
    case "string":
    case "enum":
      return "";
    case "boolean":
      return false;
    case "timestamp":
      return new Date(0);
    case "blob":
      return new Uint8Array(0);
    case "list":
      return [];
    case "map":
    case "structure":
      return {};
    case "document":
    case "union":
      return undefined;
    default:
      return 0;
  }
}

/** awsJson's scalars: base64 blobs, timestamps in their format, non-finite floats as strings. */
export const JSON_FORMAT: WireFormat = {
  writeBlob: serializeBlob,
  writeTimestamp: serializeTimestamp,
  writeFloat: serializeFloat,
  writeBigNumber: (value) => (typeof value === "bigint" ? Number(value) : value),
  readBlob(value, path) {
    expect(typeof value === "string", value, "a base64 string", path);
    try {
      return fromBase64(value as string);
    } catch {
      return expect(false, value, "a base64 string", path) as never;
    }
  },
  readTimestamp: deserializeTimestamp,
  readFloat(value, path) {
    if (typeof value === "string" && value in NON_FINITE) return NON_FINITE[value]!;
    return expect(typeof value === "number", value, "a number", path) as number;
  },
  readNumber: (value, path) => expect(typeof value === "number", value, "a number", path) as number,
};

function deserializeTimestamp(value: unknown, format: TimestampFormat, path: string): Date {
  if (typeof value === "number") return new Date(Math.round(value * 1000));
  if (typeof value === "string" && format !== "epoch-seconds") {
    const date = new Date(value);
    if (!Number.isNaN(date.getTime())) return date;
  }
  throw new SerializationError(
    `Expected ${format === "epoch-seconds" ? "epoch seconds as a number" : `a ${format} timestamp`} at ${path || "value"}, found ${describe(value)}`,
  );
}

export function expect<T>(ok: boolean, value: T, what: string, path: string): T {
  if (!ok) throw new SerializationError(`Expected ${what} at ${path || "value"}, found ${describe(value)}`);
  return value;
}

function expectObject(value: unknown, path: string): void {
  expect(typeof value === "object" && value !== null && !Array.isArray(value), value, "an object", path);
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (value instanceof Uint8Array) return "bytes";
  if (typeof value === "bigint") return `bigint ${value}`.slice(0, 80);
  return typeof value === "object" ? "an object" : `${typeof value} ${JSON.stringify(value)}`.slice(0, 80);
}
