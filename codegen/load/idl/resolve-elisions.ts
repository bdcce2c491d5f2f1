/**
 * Targets of elided members (`$name`), from the `for` resource's identifiers
 * and properties, then from the mixins' members; and the rule that a member
 * written again must keep the target of the mixin member it redefines.
 */
import type { AstMember, AstShape } from "../ast.js";
import type { Elision, ResolveError } from "./resolve-file.js";

export function resolveElisions(elisions: readonly Elision[], shapes: ReadonlyMap<string, AstShape>): ResolveError[] {
  const errors: ResolveError[] = [];
  for (const elision of elisions) {
    const memberId = `${elision.shapeId}$${elision.member}`;
    const fail = (message: string) => errors.push({ message, offset: elision.offset, shapeId: memberId });
    const resource = elision.resource === undefined ? undefined : shapes.get(elision.resource);
    if (resource !== undefined && resource.type !== "resource") {
      fail(`The target of the \`for\` production must be a resource shape, but found a ${resource.type} shape: ${elision.resource}`);
      continue;
    }
    const target =
      fromResource(resource, elision.member) ??
      elision.mixins.map((id) => membersOf(shapes.get(id))[elision.member]?.target).find((t) => t);
    const member = membersOf(shapes.get(elision.shapeId))[elision.member];
    if (target === undefined || member === undefined) {
      fail("Member target was elided, but no bound resource or mixin contained a matching identifier or member name.");
      continue;
    }
    (member as { target: string }).target = target;
  }
  return errors;
}

/** Members of a structure written again with a target other than the mixin member's. */
export function mixinConflicts(shapes: ReadonlyMap<string, AstShape>, own: Iterable<string>): ResolveError[] {
  const errors: ResolveError[] = [];
  for (const id of own) {
    const shape = shapes.get(id);
    for (const [name, member] of Object.entries(membersOf(shape))) {
      for (const mixin of shape?.mixins ?? []) {
        const inherited = membersOf(shapes.get(mixin.target))[name];
        if (inherited !== undefined && inherited.target !== member.target) {
          errors.push({
            message: `Member conflicts with an inherited mixin member: \`${mixin.target}$${name}\``,
            offset: -1,
            shapeId: `${id}$${name}`,
          });
        }
      }
    }
  }
  return errors;
}

function fromResource(resource: AstShape | undefined, name: string): string | undefined {
  const named = resource as { identifiers?: Record<string, { target: string }>; properties?: Record<string, { target: string }> } | undefined;
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
