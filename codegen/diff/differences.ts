/**
 * What changed between two loaded models, as smithy-diff sees it: shapes
 * and members (a member is a shape of its own, `ns#Shape$member`) that were
 * added, removed or changed, and metadata keys. Evaluators read only this.
 */
import type { AstMember, AstShape, NodeValue, Traits } from "../load/ast.js";
import { sameNode } from "./node-value.js";

/** A model after loading: flat shapes (mixins applied, prelude included) and merged metadata. */
export interface DiffModel {
  readonly shapes: ReadonlyMap<string, AstShape>;
  readonly metadata: Readonly<Record<string, NodeValue>>;
}

/** A shape or a member, seen the same way. */
export interface ShapeView {
  readonly id: string;
  /** The shape type, or `member`. */
  readonly type: string;
  readonly traits: Traits;
  /** Top-level shapes: the shape itself. */
  readonly shape?: AstShape;
  /** Members: the member's name, target and containing shape. */
  readonly member?: { readonly name: string; readonly target: string; readonly container: string };
}

export interface ChangedShape {
  readonly old: ShapeView;
  readonly new: ShapeView;
}

export interface ChangedMetadata {
  readonly key: string;
  readonly old: NodeValue;
  readonly new: NodeValue;
}

export interface Differences {
  readonly oldModel: DiffModel;
  readonly newModel: DiffModel;
  readonly added: readonly ShapeView[];
  readonly removed: readonly ShapeView[];
  readonly changed: readonly ChangedShape[];
  readonly addedMetadata: readonly [string, NodeValue][];
  readonly removedMetadata: readonly [string, NodeValue][];
  readonly changedMetadata: readonly ChangedMetadata[];
}

/** The differences between two models (in no particular order: events are sorted). */
export function computeDifferences(oldModel: DiffModel, newModel: DiffModel): Differences {
  const added: ShapeView[] = [];
  const removed: ShapeView[] = [];
  const changed: ChangedShape[] = [];
  for (const [id, after] of newModel.shapes) {
    if (!oldModel.shapes.has(id)) added.push(shapeView(id, after), ...memberViews(id, after));
  }
  for (const [id, before] of oldModel.shapes) {
    const after = newModel.shapes.get(id);
    if (after === undefined) {
      removed.push(shapeView(id, before), ...memberViews(id, before));
    } else if (before !== after && (!sameNode(before, after) || !sameMemberOrder(before, after))) {
      changed.push({ old: shapeView(id, before), new: shapeView(id, after) });
      const oldMembers = new Map(memberViews(id, before).map((m) => [m.id, m]));
      for (const member of memberViews(id, after)) {
        const was = oldMembers.get(member.id);
        if (was === undefined) added.push(member);
        else if (!sameMember(was, member)) changed.push({ old: was, new: member });
        oldMembers.delete(member.id);
      }
      removed.push(...oldMembers.values());
    }
  }
  const keys = [...new Set([...Object.keys(oldModel.metadata), ...Object.keys(newModel.metadata)])].sort(order);
  const addedMetadata: [string, NodeValue][] = [];
  const removedMetadata: [string, NodeValue][] = [];
  const changedMetadata: ChangedMetadata[] = [];
  for (const key of keys) {
    const before = oldModel.metadata[key];
    const after = newModel.metadata[key];
    if (before === undefined) addedMetadata.push([key, after!]);
    else if (after === undefined) removedMetadata.push([key, before]);
    else if (!sameNode(before, after)) changedMetadata.push({ key, old: before, new: after });
  }
  return { oldModel, newModel, added, removed, changed, addedMetadata, removedMetadata, changedMetadata };
}

export function shapeView(id: string, shape: AstShape): ShapeView {
  return { id, type: shape.type, traits: shape.traits ?? {}, shape };
}

/** A shape's members in model order: structure, union, enum and intEnum members; list `member`; map `key`, `value`. */
export function memberViews(id: string, shape: AstShape): ShapeView[] {
  const entries: [string, AstMember | undefined][] =
    shape.type === "list" || shape.type === "set"
      ? [["member", shape.member]]
      : shape.type === "map"
        ? [
            ["key", shape.key],
            ["value", shape.value],
          ]
        : Object.entries(shape.members ?? {});
  return entries.flatMap(([name, member]) =>
    member
      ? [
          {
            id: `${id}$${name}`,
            type: "member",
            traits: member.traits ?? {},
            member: { name, target: member.target, container: id },
          },
        ]
      : [],
  );
}

/** Traits whose value differs: trait id → [old value, new value], `undefined` where absent. */
export function traitChanges(change: ChangedShape): Map<string, [NodeValue | undefined, NodeValue | undefined]> {
  const out = new Map<string, [NodeValue | undefined, NodeValue | undefined]>();
  const before = change.old.traits;
  const after = change.new.traits;
  for (const id of [...new Set([...Object.keys(before), ...Object.keys(after)])].sort(order)) {
    if (!sameNode(before[id], after[id])) out.set(id, [before[id], after[id]]);
  }
  return out;
}

export const hasTrait = (view: ShapeView | AstShape | undefined, trait: string): boolean =>
  view?.traits?.[trait] !== undefined;

/** Member order matters (structures, unions, enums), though key order elsewhere does not. */
function sameMemberOrder(a: AstShape, b: AstShape): boolean {
  const before = Object.keys(a.members ?? {});
  const after = Object.keys(b.members ?? {});
  return before.every((name, i) => after[i] === name);
}

function sameMember(a: ShapeView, b: ShapeView): boolean {
  return a.member!.target === b.member!.target && sameNode(a.traits, b.traits);
}

const order = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
