/**
 * JSON Schema (draft-07) for each shape of the closure, from its constraint
 * traits. The schemas describe typed values (what a client sends and a server
 * implementation receives), not wire JSON: timestamps and blobs are objects
 * there, so they carry no keywords.
 */
import type { Member, Shape, ShapeIndex } from "../index/shape-index.js";
import { compilePattern } from "../index/patterns.js";
import { INTEGER_BOUNDS } from "../index/shape-types.js";

export type JsonSchema = { [keyword: string]: unknown };

export const definitionRef = (name: string): JsonSchema => ({ $ref: `#/definitions/${name}` });

/** `{ definitions: { ShapeName: schema } }` for every shape, sorted by shape id. */
export function buildDefinitions(index: ShapeIndex): Record<string, JsonSchema> {
  const definitions: Record<string, JsonSchema> = {};
  for (const shape of index.shapes) definitions[index.names.shape(shape.id)] = shapeSchema(index, shape);
  return definitions;
}

function shapeSchema(index: ShapeIndex, shape: Shape): JsonSchema {
  const constraints = constraintsOf(shape.traits, shape.type);
  switch (shape.type) {
    case "string":
      return { type: "string", ...constraints };
    case "enum":
      return {
        type: "string",
        enum: shape.members.map((m) => m.traits["smithy.api#enumValue"] ?? m.name),
        ...constraints,
      };
    case "intEnum":
      return { type: "integer", enum: shape.members.map((m) => m.traits["smithy.api#enumValue"]), ...constraints };
    case "boolean":
      return { type: "boolean" };
    case "byte":
    case "short":
    case "integer":
    case "long": {
      const [minimum, maximum] = INTEGER_BOUNDS[shape.type]!;
      return { type: "integer", minimum, maximum, ...constraints };
    }
    case "bigInteger":
      return { type: "integer", ...constraints };
    case "float":
    case "double":
    case "bigDecimal":
      return { type: "number", ...constraints };
    case "list": {
      const item = memberSchema(index, shape.members[0]!);
      const sparse = shape.traits["smithy.api#sparse"] !== undefined;
      return {
        type: "array",
        items: sparse ? { anyOf: [{ type: "null" }, item] } : item,
        ...(shape.traits["smithy.api#uniqueItems"] !== undefined ? { uniqueItems: true } : {}),
        ...constraints,
      };
    }
    case "map": {
      const value = memberSchema(index, shape.members[1]!);
      const sparse = shape.traits["smithy.api#sparse"] !== undefined;
      return {
        type: "object",
        propertyNames: memberSchema(index, shape.members[0]!),
        additionalProperties: sparse ? { anyOf: [{ type: "null" }, value] } : value,
        ...constraints,
      };
    }
    case "structure":
      return structureSchema(index, shape);
    case "union":
      return {
        type: "object",
        properties: Object.fromEntries(shape.members.map((m) => [m.name, memberSchema(index, m)])),
        minProperties: 1,
        maxProperties: 1,
      };
    default:
      // timestamp, blob, document: typed values JSON Schema cannot constrain usefully.
      return {};
  }
}

function structureSchema(index: ShapeIndex, shape: Shape): JsonSchema {
  // A required member with a default may be omitted: the default fills it.
  const required = shape.members.filter((m) => m.required && m.default === undefined).map((m) => m.name);
  return {
    type: "object",
    properties: Object.fromEntries(shape.members.map((m) => [m.name, memberSchema(index, m)])),
    ...(required.length ? { required } : {}),
  };
}

/** A reference to the target, plus the member's own constraints when it has any. */
function memberSchema(index: ShapeIndex, member: Member): JsonSchema {
  const target = index.shape(member.target);
  const ref = definitionRef(index.names.shape(member.target));
  const own = constraintsOf(member.traits, target.type);
  return Object.keys(own).length ? { allOf: [ref, own] } : ref;
}

function constraintsOf(traits: Shape["traits"], type: string): JsonSchema {
  const out: JsonSchema = {};
  const length = traits["smithy.api#length"] as { min?: number; max?: number } | undefined;
  if (length && type !== "blob") {
    const [min, max] =
      type === "list"
        ? ["minItems", "maxItems"]
        : type === "map"
          ? ["minProperties", "maxProperties"]
          : ["minLength", "maxLength"];
    if (length.min !== undefined) out[min] = length.min;
    if (length.max !== undefined) out[max] = length.max;
  }
  const range = traits["smithy.api#range"] as { min?: number; max?: number } | undefined;
  if (range?.min !== undefined) out.minimum = range.min;
  if (range?.max !== undefined) out.maximum = range.max;
  const pattern = traits["smithy.api#pattern"];
  if (typeof pattern === "string") {
    const compiled = compilePattern(pattern);
    if (compiled.kind === "ok") out.pattern = compiled.source;
  }
  return out;
}

/** Rewritten ECMAScript pattern → the model's spelling, for messages that quote the model. */
export function rewrittenPatterns(index: ShapeIndex): Record<string, string> {
  const out: Record<string, string> = {};
  const visit = (traits: Shape["traits"]) => {
    const pattern = traits["smithy.api#pattern"];
    if (typeof pattern !== "string") return;
    const compiled = compilePattern(pattern);
    if (compiled.kind === "ok" && compiled.source !== pattern) out[compiled.source] = pattern;
  };
  for (const shape of index.shapes) {
    visit(shape.traits);
    for (const member of shape.members) visit(member.traits);
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
