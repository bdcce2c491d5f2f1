/**
 * Compiled awsJson writers: each shape of a schema becomes a function that
 * writes a typed value straight to JSON text, in one pass. The text is exactly
 * `JSON.stringify` of what `serializeShape` builds (a property test holds the
 * two together); compiling once per service spares the schema walk and the
 * intermediate wire objects on every response.
 */
import { randomUUID } from "./platform/node.cjs";
import type { MemberSchema, ServiceSchema, ShapeId, TimestampFormat } from "./schema.js";
import { type Writer, serializeBlob, serializeFloat, serializeTimestamp, writesDefault } from "./serde.js";

const NO_MEMBERS: Readonly<Record<string, unknown>> = Object.freeze({});

/** Writes one typed value (never null or undefined) as JSON text. */
export type WriteJson = (value: unknown) => string;

export interface WireWriters {
  /** The writer of a structure's members that are set, in model order, as a JSON object. */
  structure(members: Readonly<Record<string, MemberSchema>>): WriteJson;
}

/**
 * Compiles writers for `schema` lazily, shape by shape, on first use.
 * `writer` decides which defaults are written, as in `serializeShape`.
 */
export function compileWireWriters(schema: ServiceSchema, writer: Writer = "server"): WireWriters {
  const byShape = new Map<ShapeId, WriteJson>();

  function writerOf(id: ShapeId, member: MemberSchema | undefined): WriteJson {
    const shape = schema.shapes[id];
    if (shape === undefined) throw new Error(`Shape ${id} is missing from the service schema`);
    if (shape.type === "timestamp") return timestampWriter(member?.timestampFormat ?? shape.format ?? "epoch-seconds");
    const known = byShape.get(id);
    if (known !== undefined) return known;
    // Recursive shapes reach themselves while compiling: they get a forwarder to the finished writer.
    let compiled: WriteJson | undefined;
    byShape.set(id, (value) => compiled!(value));
    compiled = compileShape(id);
    byShape.set(id, compiled);
    return compiled;
  }

  function compileShape(id: ShapeId): WriteJson {
    const shape = schema.shapes[id]!;
    switch (shape.type) {
      case "float":
      case "double":
        return writeFloat;
      case "byte":
      case "short":
      case "integer":
      case "intEnum":
      case "long":
        return writeNumber;
      case "bigInteger":
      case "bigDecimal":
        return (value) => writeNumber(typeof value === "bigint" ? Number(value) : value);
      case "boolean":
        return (value) => (value ? "true" : "false");
      case "blob":
        return writeBlob;
      case "list":
        return listWriter(writerOf(shape.member.target, shape.member), shape.sparse === true);
      case "map":
        return mapWriter(writerOf(shape.value.target, shape.value), shape.sparse === true);
      case "structure":
        return structureWriter(shape.members, true);
      case "union":
        return unionWriter(shape.members);
      case "string":
      case "enum":
        return writeString;
      default:
        // Documents are already their wire form.
        return writeAny;
    }
  }

  function structureWriter(members: Readonly<Record<string, MemberSchema>>, nested: boolean): WriteJson {
    return objectWriter(
      Object.entries(members).map(([name, member]) => ({
        name,
        write: writerOf(member.target, member),
        inline: inlineKind(member),
        token: writer === "client" && member.idempotencyToken === true,
        fallback:
          member.default !== undefined && writesDefault(writer, nested, member) ? JSON.stringify(member.default) : "",
      })),
    );
  }

  /** How a member's writer is spelled out inside its structure's writer, where that is cheaper than a call. */
  function inlineKind(member: MemberSchema): Inline {
    const shape = schema.shapes[member.target];
    if (shape?.type === "string" || shape?.type === "enum") return "string";
    if (
      shape?.type === "timestamp" &&
      (member.timestampFormat ?? shape.format ?? "epoch-seconds") === "epoch-seconds"
    ) {
      return "epoch-seconds";
    }
    return "call";
  }

  function unionWriter(members: Readonly<Record<string, MemberSchema>>): WriteJson {
    const fields = Object.entries(members).map(([name, member]) => ({
      name,
      key: `${JSON.stringify(name)}:`,
      write: writerOf(member.target, member),
    }));
    return (value) => {
      const object = value as Record<string, unknown>;
      for (const field of fields) {
        const item = object[field.name];
        if (item !== undefined) return `{${field.key}${field.write(item)}}`;
      }
      const unknown = object.$unknown as [string, unknown] | undefined;
      return unknown ? `{${JSON.stringify(unknown[0])}:${writeAny(unknown[1])}}` : "{}";
    };
  }

  return {
    structure: (members) => structureWriter(members, false),
  };
}

type Inline = "string" | "epoch-seconds" | "call";

interface Field {
  readonly name: string;
  readonly write: WriteJson;
  readonly inline: Inline;
  /** An idempotency token the client fills in with a new UUID when absent. */
  readonly token: boolean;
  /** The default's JSON text when it is written for an absent member, else "". */
  readonly fallback: string;
}

/**
 * The writer of one structure, compiled to a function of its own: each
 * member is read by name (a monomorphic property load, where a loop over the
 * members would read them through one megamorphic site), strings and
 * epoch-seconds timestamps are written inline. Names and defaults enter the
 * source only as `JSON.stringify` literals, so no model text becomes code.
 */
function objectWriter(fields: readonly Field[]): WriteJson {
  let body = 'var v = value == null ? none : value, s = "", c = "", x;\n';
  fields.forEach((field, i) => {
    const key = JSON.stringify(`${JSON.stringify(field.name)}:`);
    const written =
      field.inline === "string"
        ? `(typeof x === "string" && !escapes.test(x) ? '"' + x + '"' : any(x))`
        : field.inline === "epoch-seconds"
          ? `(x instanceof Date ? epochSeconds(x) : w[${i}](x))`
          : `w[${i}](x)`;
    body += `x = v[${JSON.stringify(field.name)}];\n`;
    body += `if (x != null) { s += c + ${key} + ${written}; c = ","; }\n`;
    if (field.token) body += `else { s += c + ${key} + '"' + uuid() + '"'; c = ","; }\n`;
    else if (field.fallback !== "") body += `else { s += c + ${key} + ${JSON.stringify(field.fallback)}; c = ","; }\n`;
  });
  body += 'return "{" + s + "}";';
  const factory = new Function(
    "w",
    "none",
    "escapes",
    "any",
    "epochSeconds",
    "uuid",
    `return function (value) {\n${body}\n};`,
  );
  return factory(
    fields.map((field) => field.write),
    NO_MEMBERS,
    NEEDS_ESCAPE,
    writeAny,
    epochSecondsOf,
    randomUUID,
  ) as WriteJson;
}

function listWriter(writeItem: WriteJson, sparse: boolean): WriteJson {
  return (value) => {
    let text = "";
    for (const item of value as unknown[]) {
      const written = item != null ? writeItem(item) : sparse ? "null" : "";
      if (written !== "") text += text === "" ? written : `,${written}`;
    }
    return `[${text}]`;
  };
}

function mapWriter(writeItem: WriteJson, sparse: boolean): WriteJson {
  return (value) => {
    let text = "";
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
      const written = item != null ? writeItem(item) : sparse ? "null" : "";
      if (written !== "") text += `${text === "" ? "" : ","}${JSON.stringify(key)}:${written}`;
    }
    return `{${text}}`;
  };
}

/** `JSON.stringify` of a wire value; `null` for what JSON cannot hold, as inside an object. */
function writeAny(value: unknown): string {
  return JSON.stringify(value) ?? "null";
}

/** Characters `JSON.stringify` escapes: quote, backslash, controls and (lone) surrogates. */
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/** Most strings need no escapes: they are quoted as they are, sparing `JSON.stringify`. */
function writeString(value: unknown): string {
  return typeof value === "string" && !NEEDS_ESCAPE.test(value) ? `"${value}"` : writeAny(value);
}

function writeNumber(value: unknown): string {
  return typeof value === "number" && Number.isFinite(value) ? String(value) : writeAny(value);
}

/** Non-finite floats travel as the strings "NaN", "Infinity" and "-Infinity". */
function writeFloat(value: unknown): string {
  const wire = serializeFloat(value as number);
  return typeof wire === "string" ? `"${wire}"` : writeNumber(wire);
}

/** Base64 needs no escapes. */
function writeBlob(value: unknown): string {
  return `"${serializeBlob(value as Uint8Array | string)}"`;
}

/** Below this many ms (year 5138), `ms / 1000` prints as its decimal digits, which integer arithmetic writes faster. */
const EXACT_MS = 1e14;

/**
 * `String(Math.round(date.getTime()) / 1000)`, without printing a fraction:
 * whole seconds, then the milliseconds with their trailing zeros dropped.
 */
export function epochSecondsOf(date: Date): string {
  const ms = date.getTime();
  if (!(ms >= 0 && ms < EXACT_MS)) return writeNumber(serializeTimestamp(date, "epoch-seconds"));
  const fraction = ms % 1000;
  const seconds = (ms - fraction) / 1000;
  if (fraction === 0) return `${seconds}`;
  if (fraction % 100 === 0) return `${seconds}.${fraction / 100}`;
  if (fraction % 10 === 0) return `${seconds}.${fraction < 100 ? "0" : ""}${fraction / 10}`;
  return `${seconds}.${fraction < 10 ? "00" : fraction < 100 ? "0" : ""}${fraction}`;
}

/** Epoch seconds as a number; the other formats as strings that need no escapes. */
function timestampWriter(format: TimestampFormat): WriteJson {
  if (format === "epoch-seconds") {
    return (value) =>
      value instanceof Date ? epochSecondsOf(value) : writeNumber(serializeTimestamp(value as number | string, format));
  }
  return (value) => {
    const wire = serializeTimestamp(value as Date | number | string, format);
    return typeof wire === "string" ? `"${wire}"` : writeNumber(wire);
  };
}
