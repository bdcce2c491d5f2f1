/**
 * Resolves what the JSON AST leaves implicit: prelude shapes, `apply`
 * statements and mixins. The result has one flat shape per id, mixin shapes
 * removed, and members copied into the shapes that use them.
 */
import type { AstMember, AstShape, NodeValue } from "../load/ast.js";
import { type Issue, modelIssue } from "../validate/issue.js";
import { PRELUDE_SHAPES } from "./prelude.js";

export const MIXIN = "smithy.api#mixin";

export interface FlatModel {
  readonly shapes: ReadonlyMap<string, AstShape>;
  /** Ids defined by the model file itself (not the prelude), in file order. */
  readonly own: readonly string[];
}

export function flattenModel(
  shapes: Readonly<Record<string, AstShape>>,
  file: string,
): { model: FlatModel; issues: Issue[] } {
  const issues: Issue[] = [];
  const raw = new Map<string, AstShape>(Object.entries(PRELUDE_SHAPES));
  const own: string[] = [];
  const applies: [string, AstShape][] = [];
  for (const [id, shape] of Object.entries(shapes)) {
    if (shape?.type === "apply") applies.push([id, shape]);
    else {
      raw.set(id, shape);
      own.push(id);
    }
  }
  for (const [id, apply] of applies) applyTraits(raw, id, apply, file, issues);

  const flat = new Map<string, AstShape>();
  const resolving = new Set<string>();
  const resolve = (id: string): AstShape | undefined => {
    const done = flat.get(id);
    if (done) return done;
    const shape = raw.get(id);
    if (!shape || typeof shape !== "object") return undefined;
    if (!shape.mixins?.length) {
      flat.set(id, shape);
      return shape;
    }
    if (resolving.has(id)) {
      issues.push(modelIssue(id, MIXIN, "mixins form a cycle", file, pointer(id, "mixins")));
      return shape;
    }
    resolving.add(id);
    const merged = mergeMixins(id, shape, resolve, file, issues);
    resolving.delete(id);
    flat.set(id, merged);
    return merged;
  };
  for (const id of raw.keys()) resolve(id);
  for (const [id, shape] of [...flat]) if (shape.traits?.[MIXIN] !== undefined) flat.delete(id);
  return { model: { shapes: flat, own: own.filter((id) => flat.has(id)) }, issues };
}

function mergeMixins(
  id: string,
  shape: AstShape,
  resolve: (id: string) => AstShape | undefined,
  file: string,
  issues: Issue[],
): AstShape {
  const members: Record<string, AstMember> = {};
  const traits: Record<string, NodeValue> = {};
  shape.mixins!.forEach((ref, index) => {
    const mixin = resolve(ref?.target);
    if (!mixin || mixin.traits?.[MIXIN] === undefined) {
      issues.push(
        modelIssue(
          id,
          MIXIN,
          `mixin ${ref?.target} ${mixin ? "is not marked @mixin" : "does not exist"}`,
          file,
          pointer(id, `mixins/${index}`),
        ),
      );
      return;
    }
    const local = localTraits(mixin.traits[MIXIN]);
    for (const [trait, value] of Object.entries(mixin.traits ?? {})) {
      if (trait !== MIXIN && !local.has(trait)) traits[trait] = value;
    }
    for (const [name, member] of Object.entries(mixin.members ?? {})) members[name] = member;
  });
  Object.assign(traits, shape.traits);
  for (const [name, member] of Object.entries(shape.members ?? {})) {
    const inherited = members[name];
    members[name] = inherited
      ? { target: inherited.target, traits: { ...inherited.traits, ...member.traits } }
      : member;
  }
  const { mixins: _mixins, ...rest } = shape;
  return { ...rest, traits, members };
}

function localTraits(mixinTrait: NodeValue | undefined): Set<string> {
  const list = (mixinTrait as { localTraits?: string[] } | null)?.localTraits;
  return new Set(Array.isArray(list) ? list : []);
}

/** `apply` adds traits to a shape or member defined elsewhere. */
function applyTraits(raw: Map<string, AstShape>, id: string, apply: AstShape, file: string, issues: Issue[]): void {
  const [shapeId, memberName] = id.split("$") as [string, string | undefined];
  const shape = raw.get(shapeId);
  if (!shape || (memberName !== undefined && !shape.members?.[memberName])) {
    issues.push(modelIssue(id, "-", "`apply` targets a shape that does not exist", file, pointer(id)));
    return;
  }
  if (memberName === undefined) {
    raw.set(shapeId, { ...shape, traits: { ...shape.traits, ...apply.traits } });
  } else {
    const member = shape.members![memberName]!;
    const members = { ...shape.members, [memberName]: { ...member, traits: { ...member.traits, ...apply.traits } } };
    raw.set(shapeId, { ...shape, members });
  }
}

/** JSON pointer to a shape (and a path below it) in the model file. */
export function pointer(id: string, below?: string): string {
  const escaped = id.replace(/~/g, "~0").replace(/\//g, "~1");
  return `/shapes/${escaped}${below ? `/${below}` : ""}`;
}
