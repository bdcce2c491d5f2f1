/**
 * Targets of elided members (`$name`), from the `for` resource's identifiers
 * and properties, then from the mixins' members; and the rule that a member
 * written again must keep the target of the mixin member it redefines.
 */
import type { AstMember, AstShape } from "../ast.js";
import type { Elision, MixedShape, ResolveError } from "./parsed-file.js";

/** The shapes of every source of the model, by absolute id. */
export interface ShapeLookup {
  get(id: string): AstShape | undefined;
}

export function resolveElisions(elisions: readonly Elision[], shapes: ShapeLookup): ResolveError[] {
  const errors: ResolveError[] = [];
  for (const elision of elisions) {
    if (elision.enumValue) {
      defaultEnumValue(shapes, elision);
      continue;
    }
    const memberId = `${elision.shapeId}$${elision.member}`;
    const fail = (message: string) => errors.push({ message, offset: elision.offset, shapeId: memberId });
    const resource = elision.resource === undefined ? undefined : shapes.get(elision.resource);
    if (resource !== undefined && resource.type !== "resource") {
      fail(
        `The target of the \`for\` production must be a resource shape, but found a ${resource.type} shape: ${elision.resource}`,
      );
      continue;
    }
    const shape = shapes.get(elision.shapeId);
    const member = membersOf(shape)[elision.member];
    const fromMixin = elision.mixins.map((id) => membersOf(shapes.get(id))[elision.member]?.target).find((t) => t);
    const target = fromResource(resource, elision.member) ?? fromMixin;
    if (target === undefined || member === undefined || shape === undefined) {
      fail("Member target was elided, but no bound resource or mixin contained a matching identifier or member name.");
    } else if (target === fromMixin && member.traits === undefined) {
      // The inherited member, unchanged: the shape does not repeat it.
      removeMember(shape, elision.member);
    } else {
      (member as { target: string }).target = target;
    }
  }
  return errors;
}

function removeMember(shape: AstShape, name: string): void {
  const mutable = shape as unknown as { members?: Record<string, AstMember> } & Record<string, unknown>;
  if (mutable.members !== undefined) delete mutable.members[name];
  else delete mutable[name];
}

/** An enum member of a shape with mixins, without a value: the mixin's, or else its name. */
function defaultEnumValue(shapes: ShapeLookup, elision: Elision): void {
  const shape = shapes.get(elision.shapeId);
  if (inherits(shapes, shape, elision.member, new Set())) return;
  const member = membersOf(shape)[elision.member] as { traits?: Record<string, unknown> } | undefined;
  if (member !== undefined) member.traits = { ...member.traits, "smithy.api#enumValue": elision.member };
}

function inherits(shapes: ShapeLookup, shape: AstShape | undefined, name: string, seen: Set<string>): boolean {
  return (shape?.mixins ?? []).some(({ target }) => {
    if (seen.has(target)) return false;
    seen.add(target);
    const mixin = shapes.get(target);
    return membersOf(mixin)[name] !== undefined || inherits(shapes, mixin, name, seen);
  });
}

/** Members inherited from two mixins, or written again, with different targets. */
export function mixinConflicts(
  shapes: ShapeLookup,
  /** The file's shapes with mixins. */
  own: readonly MixedShape[],
): ResolveError[] {
  const errors: ResolveError[] = [];
  for (const { id, offset } of own) {
    const shape = shapes.get(id);
    const inheritedFrom = new Map<string, string>();
    for (const mixin of shape?.mixins ?? []) {
      for (const [name, member] of Object.entries(membersOf(shapes.get(mixin.target)))) {
        const earlier = inheritedFrom.get(name);
        if (earlier !== undefined && earlier !== member.target) {
          errors.push({
            message: `Member conflicts with an inherited mixin member: \`${mixin.target}$${name}\``,
            offset,
            shapeId: `${id}$${name}`,
          });
        }
        inheritedFrom.set(name, member.target);
      }
    }
    for (const [name, member] of Object.entries(membersOf(shape))) {
      for (const mixin of shape?.mixins ?? []) {
        const inherited = membersOf(shapes.get(mixin.target))[name];
        if (inherited !== undefined && inherited.target !== member.target) {
          errors.push({
            message: `Member conflicts with an inherited mixin member: \`${mixin.target}$${name}\``,
            offset,
            shapeId: `${id}$${name}`,
          });
        }
      }
    }
  }
  return errors;
}

function fromResource(resource: AstShape | undefined, name: string): string | undefined {
  const named = resource as
    { identifiers?: Record<string, { target: string }>; properties?: Record<string, { target: string }> } | undefined;
  return named?.identifiers?.[name]?.target ?? named?.properties?.[name]?.target;
}

function membersOf(shape: AstShape | undefined): Readonly<Record<string, AstMember>> {
  if (shape === undefined) return {};
  if (shape.members !== undefined) return shape.members;
  const fixed: Record<string, AstMember> = {};
  if (shape.member) fixed.member = shape.member;
  if (shape.key) fixed.key = shape.key;
  if (shape.value) fixed.value = shape.value;
  return fixed;
}
