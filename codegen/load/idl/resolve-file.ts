/**
 * A parsed IDL file as JSON AST: relative shape ids resolved (a `use`, then a
 * shape of the namespace defined by any file of the model, then the prelude,
 * then the namespace), annotation traits given their value, enum values
 * checked, `apply` statements kept as `apply` entries for the merge.
 */
import type { AstMember, AstReference, AstShape, NodeValue } from "../ast.js";
import { mergeTraitValues } from "../merge-traits.js";
import type { IdlNode, ParsedIdlFile, ParsedMember, ParsedShape, ParsedTrait } from "./parsed-file.js";
import { ShapeIdText } from "./parsed-file.js";
import { PRELUDE_NAMESPACE, PRELUDE_SHAPE_TYPES } from "./prelude-names.js";

/** A problem found while resolving, at an offset of the file or about a shape. */
export interface ResolveError {
  readonly message: string;
  readonly offset: number;
  readonly shapeId: string;
}

/**
 * What a member leaves to the mixins of its shape, known once every file is
 * resolved: the target of a member written `$name`, or the value of an enum
 * member written without one (inherited, or else its name).
 */
export interface Elision {
  readonly shapeId: string;
  readonly member: string;
  readonly resource?: string;
  readonly mixins: readonly string[];
  readonly offset: number;
  readonly enumValue?: true;
}

export interface ResolvedFile {
  /** Shapes, and `apply` entries keyed by their (absolute) target. */
  readonly shapes: Record<string, AstShape>;
  /** Several `apply` statements of one file may name the same target: all of them, in order. */
  readonly applies: readonly {
    readonly target: string;
    readonly traits: Record<string, NodeValue>;
    readonly offset: number;
  }[];
  readonly metadata: readonly { readonly key: string; readonly value: NodeValue; readonly offset: number }[];
  readonly elisions: readonly Elision[];
  readonly errors: readonly ResolveError[];
}

/** The type of a shape any source of the model defines, by absolute id. */
export type ShapeTypeOf = (id: string) => string | undefined;

const UNIT = "smithy.api#Unit";
const NO_MIXINS: readonly string[] = [];
/** Kinds whose JSON AST has `members` even when empty. */
const HAS_MEMBERS = new Set(["structure", "union", "enum", "intEnum"]);
const ENUM_VALUE = "smithy.api#enumValue";
const INT_MAX = 2147483647;

export function resolveFile(file: ParsedIdlFile, typeOf: ShapeTypeOf): ResolvedFile {
  return new FileResolver(file, typeOf).resolve();
}

class FileResolver {
  private readonly errors: ResolveError[] = [];
  private readonly elisions: Elision[] = [];
  /** Resolved ids by text: a file names the same shapes many times. */
  private readonly resolved = new Map<string, string>();

  constructor(
    private readonly file: ParsedIdlFile,
    private readonly typeOf: ShapeTypeOf,
  ) {}

  resolve(): ResolvedFile {
    const shapes: Record<string, AstShape> = {};
    for (const shape of this.file.shapes) shapes[shape.id] = this.shape(shape);
    const applies = this.file.applies.map((apply) => ({
      target: this.id(apply.target),
      traits: this.traits(apply.traits, apply.target.text) ?? {},
      offset: apply.target.offset,
    }));
    const metadata = this.file.metadata.map(({ key, value, offset }) => ({ key, value: this.node(value), offset }));
    return { shapes, applies, metadata, elisions: this.elisions, errors: this.errors };
  }

  /** A relative or absolute shape id, absolute. */
  private id(ref: ShapeIdText): string {
    const { text } = ref;
    if (text.includes("#")) return text;
    const known = this.resolved.get(text);
    if (known !== undefined) return known;
    const id = this.resolveRelative(ref);
    this.resolved.set(text, id);
    return id;
  }

  private resolveRelative(ref: ShapeIdText): string {
    const { text } = ref;
    const dollar = text.indexOf("$");
    const name = dollar < 0 ? text : text.slice(0, dollar);
    const member = dollar < 0 ? "" : text.slice(dollar);
    const namespace = this.file.namespace;
    const imported = this.file.uses.get(name);
    if (imported !== undefined) return imported + member;
    if (namespace !== undefined && this.typeOf(`${namespace}#${name}`) !== undefined)
      return `${namespace}#${name}${member}`;
    if (PRELUDE_SHAPE_TYPES.has(name)) return `${PRELUDE_NAMESPACE}#${name}${member}`;
    if (namespace !== undefined) return `${namespace}#${name}${member}`;
    this.errors.push({
      message: `Syntactic shape ID \`${text}\` does not resolve to a valid shape ID: \`${PRELUDE_NAMESPACE}#${name}\`; quote the string if it is not a shape id`,
      offset: ref.offset,
      shapeId: "-",
    });
    return text;
  }

  /** A node value with its shape ids resolved, in place: parsed values belong to nobody else. */
  private node(value: IdlNode): NodeValue {
    if (typeof value !== "object" || value === null) return value;
    if (value instanceof ShapeIdText) return this.id(value);
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) value[i] = this.node(value[i]!);
    } else {
      for (const key in value) value[key] = this.node(value[key]!);
    }
    return value as NodeValue;
  }

  /** The traits as a record; undefined when there are none. `member` names the member they are on, for errors. */
  private traits(
    parsed: readonly ParsedTrait[],
    shapeId: string,
    member?: string,
  ): Record<string, NodeValue> | undefined {
    if (parsed.length === 0) return undefined;
    const traits: Record<string, NodeValue> = {};
    for (const trait of parsed) {
      const id = this.id(trait.name);
      const value = trait.annotation ? this.annotationValue(id) : this.node(trait.value);
      if (!Object.hasOwn(traits, id)) {
        traits[id] = value;
        continue;
      }
      const merged = mergeTraitValues(traits[id]!, value);
      if (merged.ok) traits[id] = merged.value;
      else {
        const owner = member === undefined ? shapeId : `${shapeId}$${member}`;
        this.errors.push({ message: `Conflicting \`${id}\` trait values`, offset: trait.name.offset, shapeId: owner });
      }
    }
    return traits;
  }

  /** `@foo` is `[]` when `foo` is a list trait, else `{}`. */
  private annotationValue(traitId: string): NodeValue {
    const type =
      this.typeOf(traitId) ??
      (traitId.startsWith(`${PRELUDE_NAMESPACE}#`)
        ? PRELUDE_SHAPE_TYPES.get(traitId.slice(PRELUDE_NAMESPACE.length + 1))
        : undefined);
    return type === "list" || type === "set" ? [] : {};
  }

  private shape(parsed: ParsedShape): AstShape {
    const fail = (message: string) => this.errors.push({ message, offset: parsed.offset, shapeId: parsed.id });
    const traits = this.traits(parsed.traits, parsed.id);
    const mixins = parsed.mixins.length === 0 ? NO_MIXINS : parsed.mixins.map((mixin) => this.id(mixin));
    this.checkShape(parsed, traits ?? {}, mixins, fail);
    const shape: Record<string, unknown> = { type: parsed.type };
    if (mixins.length > 0) shape.mixins = mixins.map((target) => ({ target }));
    const fixed = parsed.type === "list" || parsed.type === "set" || parsed.type === "map";
    const members = (fixed ? shape : {}) as Record<string, AstMember>;
    for (const member of parsed.members) members[member.name] = this.member(parsed, member, mixins);
    if (!fixed && (parsed.members.length > 0 || HAS_MEMBERS.has(parsed.type))) shape.members = members;
    if (parsed.type === "enum" || parsed.type === "intEnum") this.checkEnumValues(parsed, members, mixins.length > 0);
    if (parsed.version !== undefined) shape.version = parsed.version;
    for (const key in parsed.references) shape[key] = { target: this.id(parsed.references[key]!) };
    for (const key in parsed.referenceLists) {
      shape[key] = parsed.referenceLists[key]!.map((ref) => ({ target: this.id(ref) }));
    }
    for (const key in parsed.referenceMaps) {
      const map = parsed.referenceMaps[key]!;
      const targets: Record<string, AstReference> = {};
      for (const name in map) targets[name] = { target: this.id(map[name]!) };
      shape[key] = targets;
    }
    if (parsed.rename !== undefined) shape.rename = parsed.rename;
    if (traits !== undefined) shape.traits = traits;
    return shape as unknown as AstShape;
  }

  private member(shape: ParsedShape, member: ParsedMember, mixins: readonly string[]): AstMember {
    const traits = this.traits(member.traits, shape.id, member.name);
    if (member.target === undefined) {
      this.elisions.push({
        shapeId: shape.id,
        member: member.name,
        ...(shape.forResource ? { resource: this.id(shape.forResource) } : {}),
        mixins,
        offset: member.offset,
      });
    }
    const target = member.target === undefined ? "" : this.id(member.target);
    return traits === undefined ? { target } : { target, traits };
  }

  private checkShape(
    parsed: ParsedShape,
    traits: Record<string, NodeValue>,
    mixins: readonly string[],
    fail: (message: string) => void,
  ): void {
    const isMixin = Object.hasOwn(traits, "smithy.api#mixin");
    if (isMixin && this.file.version === "1.0") {
      fail(
        `Mixins can only be used in Smithy 2.0 or later. Attempted to apply a @mixin trait to \`${parsed.id}\` in a model file using version \`1.0\`.`,
      );
    }
    if (mixins.length === 0) this.checkRequiredMembers(parsed, fail);
    else this.checkMixinTypes(parsed, mixins, fail);
    if (isMixin && parsed.type === "operation" && (parsed.references.input || parsed.references.output)) {
      fail(
        `Operation shapes with the mixin trait MUST target \`${UNIT}\` for their input and output. Operation mixin shape \`${parsed.id}\` defines one or both of these properties.`,
      );
    }
    if (isMixin && parsed.type === "resource" && hasResourceProperties(parsed)) {
      fail(
        `Resource shapes with the mixin trait may not define any properties. Resource mixin shape \`${parsed.id}\` defines one or more properties.`,
      );
    }
  }

  /** Members a shape without mixins must define itself. */
  private checkRequiredMembers(parsed: ParsedShape, fail: (message: string) => void): void {
    const has = (name: string) => parsed.members.some((m) => m.name === name);
    const { type, id } = parsed;
    if (type === "enum" && parsed.members.length === 0) fail(`${id}: enum must have at least one entry`);
    if (type === "intEnum" && parsed.members.length === 0) fail("intEnum shapes must have at least one member");
    if ((type === "list" || type === "set") && !has("member"))
      fail(`Missing required member of shape \`${id}\`: member`);
    if (type === "map" && !(has("key") && has("value"))) {
      const missing = ["key", "value"].filter((name) => !has(name));
      fail(`Missing required members of shape \`${id}\`: ${missing.join(", ")}`);
    }
  }

  private checkMixinTypes(parsed: ParsedShape, mixins: readonly string[], fail: (message: string) => void): void {
    const wrong = mixins.filter((id) => {
      const type = this.typeOf(id);
      return type !== undefined && type !== parsed.type;
    });
    if (wrong.length === 0) return;
    fail(
      `Mixins may only be mixed into shapes of the same type. The following mixins were applied to the ${parsed.type} shape \`${parsed.id}\` which are not ${parsed.type} shapes: [${wrong.map((id) => `\`${id}\``).join(", ")}]`,
    );
  }

  /**
   * enum values are strings (the member name when absent); intEnum values are
   * 32-bit integers. In a shape with mixins, a member without a value may
   * redefine an inherited one: its default waits until the mixins are known.
   */
  private checkEnumValues(parsed: ParsedShape, members: Readonly<Record<string, AstMember>>, inherits: boolean): void {
    for (const [name, member] of Object.entries(members)) {
      const memberId = `${parsed.id}$${name}`;
      const traits = (member.traits ?? {}) as Record<string, NodeValue>;
      const value = traits[ENUM_VALUE];
      const fail = (message: string) => this.errors.push({ message, offset: parsed.offset, shapeId: memberId });
      if (value === undefined && inherits) {
        this.elisions.push({ shapeId: parsed.id, member: name, mixins: [], offset: parsed.offset, enumValue: true });
        continue;
      }
      if (parsed.type === "enum") {
        if (value === undefined) {
          (member as { traits?: Record<string, NodeValue> }).traits = { ...traits, [ENUM_VALUE]: name };
        } else if (typeof value !== "string") {
          fail(`enum members can only be assigned string values, but found: ${JSON.stringify(value)}`);
        }
      } else if (typeof value !== "number") {
        fail(`intEnum members require integer values, but found: ${JSON.stringify(value ?? null)}`);
      } else if (!Number.isInteger(value)) {
        fail("intEnum members do not support floating point values");
      } else if (Math.abs(value) > INT_MAX) {
        fail(`intEnum members must fit within an integer, but found: ${value}`);
      }
    }
  }
}

function hasResourceProperties(shape: ParsedShape): boolean {
  for (const records of [shape.references, shape.referenceLists, shape.referenceMaps]) {
    for (const _ in records) return true;
  }
  return false;
}
