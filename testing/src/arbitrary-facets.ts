/**
 * Reads the constraints of a generated package's JSON Schema definitions
 * (`schemas/shapes.schema.json`) shape by shape, beside the serde schema.
 * Definitions are keyed by TypeScript names, not shape ids, so the two are
 * matched by walking both from the operations' inputs and outputs: a member's
 * `$ref` names its target's definition.
 */
import type { MemberSchema, ServiceSchema, ShapeId, ShapeSchema } from "@sjc/runtime";

/** A JSON Schema object, as the generator writes it. */
export type JsonSchema = { readonly [keyword: string]: unknown };

/** What the definitions of a generated package look like: `shapes.schema.json`'s `definitions`. */
export type SchemaDefinitions = Readonly<Record<string, JsonSchema>>;

/** The constraints that apply at one place: a shape's own, narrowed by its member's. */
export interface Facets {
  /** In code points, as ajv counts. */
  readonly minLength?: number;
  readonly maxLength?: number;
  /** ECMAScript (`u` mode) sources; every one must match. */
  readonly patterns: readonly string[];
  readonly enum?: readonly unknown[];
  readonly minimum?: number;
  readonly maximum?: number;
  /** List items or map entries. */
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly uniqueItems?: boolean;
  /** Structure members that must be set. */
  readonly required: readonly string[];
}

const NO_FACETS: Facets = { patterns: [], required: [] };

/** One place a value goes: its shape, the member that leads there, and the constraints in force. */
export interface Site {
  readonly id: ShapeId;
  readonly shape: ShapeSchema;
  readonly member?: MemberSchema;
  readonly facets: Facets;
  /** The JSON Schema of the target's definition; children are found through it. */
  readonly definition: JsonSchema;
}

export class ShapeFacets {
  private readonly names = new Map<ShapeId, string>();

  constructor(
    readonly schema: ServiceSchema,
    readonly definitions: SchemaDefinitions,
  ) {
    this.matchDefinitions();
  }

  /** The place of shape `id` itself, with no member narrowing it. */
  site(id: ShapeId): Site {
    const definition = this.definitionOf(id);
    return { id, shape: this.shapeOf(id), facets: facetsOf(definition, this.definitions), definition };
  }

  /** A structure's or union's member. */
  memberSite(parent: Site, name: string): Site {
    if (parent.shape.type !== "structure" && parent.shape.type !== "union") {
      throw new Error(`${parent.id} has no members`);
    }
    const member = parent.shape.members[name];
    if (member === undefined) throw new Error(`${parent.id} has no member ${name}`);
    const properties = (parent.definition.properties ?? {}) as Record<string, JsonSchema>;
    return this.childSite(member, properties[name]);
  }

  /** A list's item. */
  itemSite(parent: Site): Site {
    if (parent.shape.type !== "list") throw new Error(`${parent.id} is not a list`);
    return this.childSite(parent.shape.member, withoutNull(parent.definition.items as JsonSchema | undefined));
  }

  /** A map's value. */
  valueSite(parent: Site): Site {
    if (parent.shape.type !== "map") throw new Error(`${parent.id} is not a map`);
    return this.childSite(
      parent.shape.value,
      withoutNull(parent.definition.additionalProperties as JsonSchema | undefined),
    );
  }

  /** A map's keys: always strings, constrained by `propertyNames`. */
  keyFacets(parent: Site): Facets {
    const names = parent.definition.propertyNames as JsonSchema | undefined;
    return names === undefined ? NO_FACETS : facetsOf(names, this.definitions);
  }

  private childSite(member: MemberSchema, node: JsonSchema | undefined): Site {
    const definition = this.definitionOf(member.target);
    const facets = node === undefined ? facetsOf(definition, this.definitions) : facetsOf(node, this.definitions);
    return { id: member.target, shape: this.shapeOf(member.target), member, facets, definition };
  }

  private shapeOf(id: ShapeId): ShapeSchema {
    const shape = this.schema.shapes[id];
    if (shape === undefined) throw new Error(`Shape ${id} is missing from the service schema`);
    return shape;
  }

  private definitionOf(id: ShapeId): JsonSchema {
    const name = this.names.get(id) ?? this.nameByGuess(id);
    if (name === undefined) throw new Error(`No JSON Schema definition found for ${id}`);
    return this.definitions[name]!;
  }

  /**
   * Operation inputs, outputs and errors are found by name (`Name`, or
   * `Name_`… when the generator renamed it); everything else through the
   * `$ref`s of the members that reach it.
   */
  private matchDefinitions(): void {
    const roots = new Set<ShapeId>();
    for (const operation of Object.values(this.schema.operations)) {
      if (operation.input) roots.add(operation.input);
      if (operation.output) roots.add(operation.output);
      for (const error of operation.errors) roots.add(error);
    }
    const queue: ShapeId[] = [];
    for (const id of roots) {
      const name = this.nameByGuess(id);
      if (name !== undefined) {
        this.names.set(id, name);
        queue.push(id);
      }
    }
    while (queue.length > 0) {
      const id = queue.shift()!;
      const shape = this.shapeOf(id);
      const definition = this.definitions[this.names.get(id)!]!;
      for (const [member, node] of childNodes(shape, definition)) {
        const name = refName(node);
        if (name === undefined || this.names.has(member.target)) continue;
        if (this.definitions[name] === undefined) continue;
        this.names.set(member.target, name);
        queue.push(member.target);
      }
    }
  }

  private nameByGuess(id: ShapeId): string | undefined {
    const shape = this.shapeOf(id);
    let name = id.slice(id.indexOf("#") + 1);
    while (Object.hasOwn(this.definitions, name)) {
      if (fits(shape, this.definitions[name]!)) return name;
      name = `${name}_`;
    }
    return undefined;
  }
}

/** The member schemas below an aggregate's definition, paired with their serde members. */
function childNodes(shape: ShapeSchema, definition: JsonSchema): [MemberSchema, JsonSchema | undefined][] {
  switch (shape.type) {
    case "structure":
    case "union": {
      const properties = (definition.properties ?? {}) as Record<string, JsonSchema>;
      return Object.entries(shape.members).map(([name, member]) => [member, properties[name]]);
    }
    case "list":
      return [[shape.member, withoutNull(definition.items as JsonSchema | undefined)]];
    case "map":
      return [[shape.value, withoutNull(definition.additionalProperties as JsonSchema | undefined)]];
    default:
      return [];
  }
}

/** Whether a definition can describe `shape`: same JSON type and, for structures, the same members. */
function fits(shape: ShapeSchema, definition: JsonSchema): boolean {
  switch (shape.type) {
    case "structure":
    case "union": {
      const properties = Object.keys((definition.properties ?? {}) as object);
      const members = Object.keys(shape.members);
      return (
        definition.type === "object" &&
        properties.length === members.length &&
        members.every((name, i) => properties[i] === name)
      );
    }
    case "map":
      return definition.type === "object" && definition.properties === undefined;
    case "list":
      return definition.type === "array";
    case "string":
    case "enum":
      return definition.type === "string";
    case "boolean":
      return definition.type === "boolean";
    case "timestamp":
    case "blob":
    case "document":
      return definition.type === undefined;
    default:
      return definition.type === "integer" || definition.type === "number";
  }
}

/** A sparse item or value schema is `anyOf: [{type: null}, X]`: X. */
function withoutNull(node: JsonSchema | undefined): JsonSchema | undefined {
  const anyOf = node?.anyOf as JsonSchema[] | undefined;
  if (anyOf === undefined) return node;
  return anyOf.find((option) => option.type !== "null");
}

function refName(node: JsonSchema | undefined): string | undefined {
  if (node === undefined) return undefined;
  if (typeof node.$ref === "string") return node.$ref.replace(/^#\/definitions\//, "");
  const allOf = node.allOf as JsonSchema[] | undefined;
  return allOf?.map(refName).find((name) => name !== undefined);
}

/** The constraints of a schema node: its own keywords, those of its `$ref` and of its `allOf`, intersected. */
export function facetsOf(node: JsonSchema, definitions: SchemaDefinitions): Facets {
  let facets = ownFacets(node);
  if (typeof node.$ref === "string") {
    const target = definitions[node.$ref.replace(/^#\/definitions\//, "")];
    if (target !== undefined) facets = intersect(facets, facetsOf(target, definitions));
  }
  for (const part of (node.allOf ?? []) as JsonSchema[]) facets = intersect(facets, facetsOf(part, definitions));
  return facets;
}

function ownFacets(node: JsonSchema): Facets {
  const number = (keyword: string) => (typeof node[keyword] === "number" ? (node[keyword] as number) : undefined);
  return {
    minLength: number("minLength"),
    maxLength: number("maxLength"),
    patterns: typeof node.pattern === "string" ? [node.pattern] : [],
    enum: Array.isArray(node.enum) ? node.enum : undefined,
    minimum: number("minimum"),
    maximum: number("maximum"),
    minItems: number("minItems") ?? number("minProperties"),
    maxItems: number("maxItems") ?? number("maxProperties"),
    uniqueItems: node.uniqueItems === true || undefined,
    required: Array.isArray(node.required) ? (node.required as string[]) : [],
  };
}

function intersect(a: Facets, b: Facets): Facets {
  const lower = (x?: number, y?: number) => (x === undefined ? y : y === undefined ? x : Math.max(x, y));
  const upper = (x?: number, y?: number) => (x === undefined ? y : y === undefined ? x : Math.min(x, y));
  return {
    minLength: lower(a.minLength, b.minLength),
    maxLength: upper(a.maxLength, b.maxLength),
    patterns: [...new Set([...a.patterns, ...b.patterns])],
    enum: a.enum === undefined ? b.enum : b.enum === undefined ? a.enum : a.enum.filter((v) => b.enum!.includes(v)),
    minimum: lower(a.minimum, b.minimum),
    maximum: upper(a.maximum, b.maximum),
    minItems: lower(a.minItems, b.minItems),
    maxItems: upper(a.maxItems, b.maxItems),
    uniqueItems: a.uniqueItems || b.uniqueItems || undefined,
    required: [...new Set([...a.required, ...b.required])],
  };
}
