/**
 * Rules a shape is checked against as soon as it is read: what its mixin
 * trait allows, the members a shape without mixins must define, and enum
 * values (strings, defaulting to the member name; intEnum values are 32-bit
 * integers). Problems are recorded; reading goes on.
 */
import type { TraitRecord } from "./parsed-file.js";
import type { ParseContext, ShapeInProgress } from "./parse-context.js";

const UNIT = "smithy.api#Unit";
const MIXIN = "smithy.api#mixin";
const ENUM_VALUE = "smithy.api#enumValue";
const INT_MAX = 2147483647;

export function checkShape(ctx: ParseContext, shape: ShapeInProgress, traits: TraitRecord | undefined): void {
  const fail = (message: string) => ctx.problems.push({ message, offset: shape.offset, shapeId: shape.id });
  const isMixin = traits?.[MIXIN] !== undefined;
  const { ast, id, type } = shape;
  if (isMixin && ctx.version === "1.0") {
    fail(
      `Mixins can only be used in Smithy 2.0 or later. Attempted to apply a @mixin trait to \`${id}\` in a model file using version \`1.0\`.`,
    );
  }
  if (shape.mixins.length === 0) checkRequiredMembers(shape, fail);
  if (isMixin && type === "operation" && (ast.input !== undefined || ast.output !== undefined)) {
    fail(
      `Operation shapes with the mixin trait MUST target \`${UNIT}\` for their input and output. Operation mixin shape \`${id}\` defines one or both of these properties.`,
    );
  }
  if (isMixin && type === "resource" && Object.keys(ast).some((key) => key !== "type" && key !== "mixins")) {
    fail(
      `Resource shapes with the mixin trait may not define any properties. Resource mixin shape \`${id}\` defines one or more properties.`,
    );
  }
}

/** Members a shape without mixins must define itself. */
function checkRequiredMembers({ ast, id, type }: ShapeInProgress, fail: (message: string) => void): void {
  const empty = (members: unknown) => Object.keys(members as object).length === 0;
  if (type === "enum" && empty(ast.members)) fail(`${id}: enum must have at least one entry`);
  if (type === "intEnum" && empty(ast.members)) fail("intEnum shapes must have at least one member");
  if ((type === "list" || type === "set") && ast.member === undefined) {
    fail(`Missing required member of shape \`${id}\`: member`);
  }
  if (type === "map" && (ast.key === undefined || ast.value === undefined)) {
    const missing = ["key", "value"].filter((name) => ast[name] === undefined);
    fail(`Missing required members of shape \`${id}\`: ${missing.join(", ")}`);
  }
}

/**
 * An enum or intEnum member's value checked, and an enum member without one
 * given its name. In a shape with mixins, a member without a value may
 * redefine an inherited one: its default waits until the mixins are known.
 */
export function checkEnumValue(
  ctx: ParseContext,
  shape: ShapeInProgress,
  name: string,
  traits: TraitRecord | undefined,
): TraitRecord | undefined {
  const value = traits?.[ENUM_VALUE];
  const fail = (message: string) =>
    ctx.problems.push({ message, offset: shape.offset, shapeId: `${shape.id}$${name}` });
  if (value === undefined && shape.mixins.length > 0) {
    ctx.elisions.push({ shapeId: shape.id, member: name, mixins: [], offset: shape.offset, enumValue: true });
  } else if (shape.type === "enum") {
    if (value === undefined) {
      traits ??= {};
      traits[ENUM_VALUE] = name;
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
  return traits;
}
