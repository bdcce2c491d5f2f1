/**
 * Compiled awsJson writers: each shape of a schema becomes a function that
 * writes a typed value straight to JSON text, in one pass. The text is exactly
 * `JSON.stringify` of what `serializeShape` builds (a property test holds the
 * two together); compiling once per service spares the schema walk and the
 * intermediate wire objects on every response.
 */
import { randomUUID } from "node:crypto";
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
    const fields = Object.entries(members).map(([name, member]) => ({
      name,
      key: `${JSON.stringify(name)}:`,
      write: writerOf(member.target, member),
      token: writer === "client" && member.idempotencyToken === true,
      fallback:
        member.default !== undefined && writesDefault(writer, nested, member) ? JSON.stringify(member.default) : "",
    }));
    return (value) => {
      // A top-level output may be absent (a void implementation): its defaults are still written.
      const object = (value ?? NO_MEMBERS) as Record<string, unknown>;
      let text = "";
      for (const field of fields) {
        const item = object[field.name];
        const written = item != null ? field.write(item) : field.token ? `"${randomUUID()}"` : field.fallback;
        if (written !== "") text += `${text === "" ? "" : ","}${field.key}${written}`;
      }
      return `{${text}}`;
    };
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

/** Epoch seconds as a number; the other formats as strings that need no escapes. */
function timestampWriter(format: TimestampFormat): WriteJson {
  return (value) => {
    const wire = serializeTimestamp(value as Date | number | string, format);
    return typeof wire === "string" ? `"${wire}"` : writeNumber(wire);
  };
}
