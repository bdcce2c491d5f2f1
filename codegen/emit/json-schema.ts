/**
 * JSON Schema (draft-07) for each shape of the closure, from its constraint
 * traits. The schemas describe typed values (what a client sends and a server
 * implementation receives), not wire JSON: timestamps and blobs are objects
 * there, so they carry no keywords.
 */
import type { Constraints, Member, Shape, ShapeIndex } from "../index/shape-index.js";
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
  const constraints = constraintKeywords(shape.constraints, shape.type);
  switch (shape.type) {
    case "string":
      return { type: "string", ...constraints };
    case "enum":
      return {
        type: "string",
        enum: shape.members.map((m) => m.value),
        ...constraints,
      };
    case "intEnum":
      return { type: "integer", enum: shape.members.map((m) => m.value), ...constraints };
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
      return {
        type: "array",
        items: shape.sparse ? { anyOf: [{ type: "null" }, item] } : item,
        ...(shape.uniqueItems ? { uniqueItems: true } : {}),
        ...constraints,
      };
    }
    case "map": {
      const value = memberSchema(index, shape.members[1]!);
      return {
        type: "object",
        propertyNames: memberSchema(index, shape.members[0]!),
        additionalProperties: shape.sparse ? { anyOf: [{ type: "null" }, value] } : value,
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
  const own = constraintKeywords(member.constraints, target.type);
  return Object.keys(own).length ? { allOf: [ref, own] } : ref;
}

function constraintKeywords({ length, range, pattern }: Constraints, type: string): JsonSchema {
  const out: JsonSchema = {};
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
  if (range?.min !== undefined) out.minimum = range.min;
  if (range?.max !== undefined) out.maximum = range.max;
  if (pattern?.ecmascript !== undefined) out.pattern = pattern.ecmascript;
  return out;
}

/** Rewritten ECMAScript pattern → the model's spelling, for messages that quote the model. */
export function rewrittenPatterns(index: ShapeIndex): Record<string, string> {
  const out: Record<string, string> = {};
  const visit = ({ pattern }: Constraints) => {
    if (pattern?.ecmascript !== undefined && pattern.ecmascript !== pattern.model)
      out[pattern.ecmascript] = pattern.model;
  };
  for (const shape of index.shapes) {
    visit(shape.constraints);
    for (const member of shape.members) visit(member.constraints);
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
