/**
 * What a typed value reads back as after a trip over the wire, and a form of
 * it that compares structurally. The reader fills in the model's defaults for
 * absent members, so the expectation does too; the conversion of default
 * values is written out here rather than borrowed from the serde under test.
 */
import type { MemberSchema, ServiceSchema, ShapeId } from "@sjc/runtime";

const NON_FINITE: Readonly<Record<string, number>> = {
  NaN: Number.NaN,
  Infinity: Number.POSITIVE_INFINITY,
  "-Infinity": Number.NEGATIVE_INFINITY,
};

/** `value` (of shape `id`) with every absent structure member that has a model default set to it. */
export function withDefaults(schema: ServiceSchema, id: ShapeId, value: unknown): unknown {
  if (value === null || value === undefined) return value;
  const shape = schema.shapes[id];
  switch (shape?.type) {
    case "structure": {
      const object = value as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const [name, member] of Object.entries(shape.members)) {
        const item = Object.hasOwn(object, name) ? object[name] : undefined;
        if (item != null) out[name] = withDefaults(schema, member.target, item);
        else if (member.default != null) out[name] = typedDefault(schema, member, member.default);
      }
      return out;
    }
    case "union": {
      const out: Record<string, unknown> = {};
      for (const [name, item] of Object.entries(value as Record<string, unknown>)) {
        const member = Object.hasOwn(shape.members, name) ? shape.members[name] : undefined;
        own(out, name, member ? withDefaults(schema, member.target, item) : item);
      }
      return out;
    }
    case "list":
      return (value as unknown[]).map((item) => withDefaults(schema, shape.member.target, item));
    case "map": {
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
        own(out, key, withDefaults(schema, shape.value.target, item));
      }
      return out;
    }
    default:
      return value;
  }
}

/** A `smithy.api#default` (wire form) as the typed value a reader produces. */
function typedDefault(schema: ServiceSchema, member: MemberSchema, wire: unknown): unknown {
  const shape = schema.shapes[member.target];
  switch (shape?.type) {
    case "timestamp":
      return typeof wire === "number" ? new Date(Math.round(wire * 1000)) : new Date(String(wire));
    case "blob":
      return new Uint8Array(Buffer.from(String(wire), "base64"));
    case "float":
    case "double":
      return typeof wire === "string" && Object.hasOwn(NON_FINITE, wire) ? NON_FINITE[wire] : wire;
    case "structure":
      return withDefaults(schema, member.target, wire);
    default:
      return structuredClone(wire);
  }
}

/**
 * A deep copy that compares with `assert.deepStrictEqual`: plain objects
 * (whatever the prototype, `__proto__` keys kept as own properties), bytes as
 * plain `Uint8Array` (a `Buffer` is one of another prototype), `undefined`
 * members dropped.
 */
export function comparableValue(value: unknown): unknown {
  if (value === null || typeof value !== "object" || value instanceof Date) return value;
  if (ArrayBuffer.isView(value)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength).slice();
  if (Array.isArray(value)) return value.map(comparableValue);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const item = (value as Record<string, unknown>)[key];
    if (item !== undefined) own(out, key, comparableValue(item));
  }
  return out;
}

function own(object: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
}
