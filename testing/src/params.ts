/**
 * Protocol-test `params` are Smithy node values: timestamps as epoch seconds
 * or date-time strings, blobs as UTF-8 strings, non-finite floats as the
 * strings "NaN", "Infinity" and "-Infinity". This walks the serde schema to
 * turn them into the typed values generated code works with (Date,
 * Uint8Array, number). Documents pass through untouched; `null` members of a
 * structure or union are absent; `null` items of lists and maps stay (sparse).
 */
import type { ServiceSchema, ShapeId } from "@sjc/runtime";

const NON_FINITE: Readonly<Record<string, number>> = {
  NaN: Number.NaN,
  Infinity: Number.POSITIVE_INFINITY,
  "-Infinity": Number.NEGATIVE_INFINITY,
};

const encoder = new TextEncoder();

/**
 * The typed value of `params`, a node value of shape `id`. `T` is whatever the
 * caller expects (usually inferred from where the value goes); the schema, not
 * the compiler, vouches for it.
 */
export function fromParams<T = unknown>(schema: ServiceSchema, id: ShapeId, params: unknown): T {
  return typedValue(schema, id, params, "params") as T;
}

function typedValue(schema: ServiceSchema, id: ShapeId, node: unknown, path: string): unknown {
  const shape = schema.shapes[id];
  if (shape === undefined) throw new TypeError(`${path}: shape ${id} is missing from the service schema`);
  if (node === null) return null;
  switch (shape.type) {
    case "timestamp":
      return timestamp(node, path);
    case "blob":
      if (typeof node !== "string") throw mismatch(path, "a string (blob bytes as UTF-8)", node);
      return encoder.encode(node);
    case "float":
    case "double":
      if (typeof node === "string" && Object.hasOwn(NON_FINITE, node)) return NON_FINITE[node];
      if (typeof node !== "number") throw mismatch(path, 'a number, "NaN", "Infinity" or "-Infinity"', node);
      return node;
    case "list":
      if (!Array.isArray(node)) throw mismatch(path, "a list", node);
      return node.map((item, index) => typedValue(schema, shape.member.target, item, `${path}[${index}]`));
    case "map": {
      const out: Record<string, unknown> = {};
      for (const [key, item] of entries(node, path)) {
        defineOwn(out, key, typedValue(schema, shape.value.target, item, `${path}.${key}`));
      }
      return out;
    }
    case "structure":
    case "union": {
      const out: Record<string, unknown> = {};
      for (const [name, item] of entries(node, path)) {
        if (!Object.hasOwn(shape.members, name)) throw new TypeError(`${path}: ${id} has no member named ${name}`);
        if (item === null) continue;
        defineOwn(out, name, typedValue(schema, shape.members[name]!.target, item, `${path}.${name}`));
      }
      return out;
    }
    default:
      return node;
  }
}

function timestamp(node: unknown, path: string): Date {
  const date =
    typeof node === "number"
      ? new Date(Math.round(node * 1000))
      : typeof node === "string"
        ? new Date(node)
        : undefined;
  if (date === undefined || Number.isNaN(date.getTime())) {
    throw mismatch(path, "epoch seconds or a date-time string", node);
  }
  return date;
}

function entries(node: unknown, path: string): [string, unknown][] {
  if (typeof node !== "object" || node === null || Array.isArray(node)) throw mismatch(path, "an object", node);
  return Object.entries(node);
}

/** Sets an own data property, even for `__proto__`. */
function defineOwn(object: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
}

function mismatch(path: string, expected: string, found: unknown): TypeError {
  return new TypeError(`${path}: expected ${expected}, found ${JSON.stringify(found)}`);
}
