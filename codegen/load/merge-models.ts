/**
 * Several model files as one, as Smithy merges them: the shapes of every file
 * in one map, each remembered with the file that defines it, so that issues
 * name that file. A shape defined twice is an error unless both definitions
 * are the same; `apply` adds traits to a shape of any file; metadata keys
 * merge (lists concatenate, equal values are one, other values conflict).
 */
import type { AstMember, AstModel, AstShape, NodeValue } from "./ast.js";
import { mergeTraitValues } from "./merge-traits.js";
import { type Issue, modelIssue } from "../validate/issue.js";
import { isDeepStrictEqual } from "node:util";

/** Traits that an `apply` statement (or a JSON `"type": "apply"` entry) adds to a shape or member. */
export interface SourceApply {
  readonly target: string;
  readonly traits: Readonly<Record<string, NodeValue>>;
  /** Where it is written: `file:line:col`, or `file /shapes/…`. */
  readonly where: string;
}

export interface ParsedSource {
  /** The file's path as the user named it. */
  readonly path: string;
  readonly model: AstModel;
  readonly applies?: readonly SourceApply[];
  /** Where a shape or metadata key is defined (`file:line:col`); JSON sources give a pointer. */
  readonly whereShape?: (id: string) => string;
  readonly whereMetadata?: (key: string) => string;
}

export interface MergedModel {
  readonly model: AstModel;
  /** The file that defines a shape (or holds the member's shape); the first source for whole-model issues. */
  readonly fileOf: (shapeId: string) => string;
  readonly issues: readonly Issue[];
}

const APPLY = "apply";

export function mergeModels(sources: readonly ParsedSource[]): MergedModel {
  const shapes: Record<string, AstShape> = {};
  const files = new Map<string, string>();
  /** The source that first defines each shape, to say where when a second definition differs. */
  const definedIn = new Map<string, (id: string) => string>();
  const metadata: Record<string, NodeValue> = {};
  const metadataWhere = new Map<string, (key: string) => string>();
  const applies: SourceApply[] = [];
  const issues: Issue[] = [];
  for (const source of sources) {
    const { path, model } = source;
    const whereShape = source.whereShape ?? ((id: string) => `${path} ${pointerTo(id)}`);
    applies.push(...(source.applies ?? []));
    for (const [id, shape] of Object.entries(model.shapes)) {
      if (shape.type === APPLY) {
        applies.push({ target: id, traits: shape.traits ?? {}, where: whereShape(id) });
        continue;
      }
      const first = definedIn.get(id);
      if (first !== undefined && !isDeepStrictEqual(shapes[id], shape)) {
        const message = `the shape is defined again, differently, at ${whereShape(id)}; first at ${first(id)}`;
        issues.push(modelIssue(id, "-", message, path, ""));
        continue;
      }
      shapes[id] = shape;
      files.set(id, files.get(id) ?? path);
      if (first === undefined) definedIn.set(id, whereShape);
    }
    const whereMetadata = (key: string) => source.whereMetadata?.(key) ?? `${path} /metadata/${key}`;
    for (const [key, value] of Object.entries(model.metadata ?? {})) {
      if (!Object.hasOwn(metadata, key)) {
        metadata[key] = value;
        metadataWhere.set(key, whereMetadata);
        continue;
      }
      const merged = mergeTraitValues(metadata[key]!, value);
      if (merged.ok) metadata[key] = merged.value;
      else {
        const message = `metadata \`${key}\` conflicts: ${whereMetadata(key)} and ${metadataWhere.get(key)!(key)}`;
        issues.push(modelIssue("-", "-", message, path, ""));
      }
    }
  }
  for (const apply of applies) applyTraits(shapes, apply, issues);
  const primary = sources[0]?.path ?? "-";
  return {
    model: { smithy: "2.0", shapes, ...(Object.keys(metadata).length ? { metadata } : {}) },
    fileOf: (shapeId) => files.get(shapeId.split("$")[0]!) ?? primary,
    issues,
  };
}

/** Adds the traits of an `apply` to its shape or member, merging as Smithy does. */
function applyTraits(shapes: Record<string, AstShape>, apply: SourceApply, issues: Issue[]): void {
  const [shapeId, memberName] = apply.target.split("$") as [string, string | undefined];
  const shape = shapes[shapeId];
  const member =
    memberName === undefined
      ? undefined
      : (memberOf(shape, memberName) ?? inheritedMember(shapes, shapeId, memberName));
  const owner: { traits?: Readonly<Record<string, NodeValue>> } | undefined = memberName === undefined ? shape : member;
  if (owner === undefined) {
    issues.push(
      modelIssue(apply.target, "-", `\`apply\` names a shape no source defines (${apply.where})`, apply.where, ""),
    );
    return;
  }
  const traits: Record<string, NodeValue> = { ...owner.traits };
  for (const [traitId, value] of Object.entries(apply.traits)) {
    if (!Object.hasOwn(traits, traitId)) {
      traits[traitId] = value;
      continue;
    }
    const merged = mergeTraitValues(traits[traitId]!, value);
    if (merged.ok) traits[traitId] = merged.value;
    else issues.push(modelIssue(apply.target, traitId, `conflicting trait values (${apply.where})`, apply.where, ""));
  }
  (owner as { traits?: Record<string, NodeValue> }).traits = traits;
}

/**
 * A member that the shape inherits from a mixin, redefined in the shape with
 * the same target (as Smithy does when traits are applied to it).
 */
function inheritedMember(
  shapes: Record<string, AstShape>,
  shapeId: string,
  name: string,
): { traits?: Readonly<Record<string, NodeValue>> } | undefined {
  const shape = shapes[shapeId];
  const target = inheritedTarget(shapes, shape, name, new Set([shapeId]));
  if (shape === undefined || target === undefined) return undefined;
  const member: AstMember = { target };
  if (shape.type === "list" || shape.type === "set" || shape.type === "map")
    shapes[shapeId] = { ...shape, [name]: member };
  else shapes[shapeId] = { ...shape, members: { ...shape.members, [name]: member } };
  return member;
}

function inheritedTarget(
  shapes: Record<string, AstShape>,
  shape: AstShape | undefined,
  name: string,
  seen: Set<string>,
): string | undefined {
  for (const { target: mixinId } of shape?.mixins ?? []) {
    if (seen.has(mixinId)) continue;
    seen.add(mixinId);
    const mixin = shapes[mixinId];
    const own = memberOf(mixin, name) as { target?: string } | undefined;
    const target = own?.target ?? inheritedTarget(shapes, mixin, name, seen);
    if (target !== undefined) return target;
  }
  return undefined;
}

function memberOf(
  shape: AstShape | undefined,
  name: string,
): { traits?: Readonly<Record<string, NodeValue>> } | undefined {
  if (shape === undefined) return undefined;
  if (shape.members !== undefined) return shape.members[name];
  if (name === "member") return shape.member;
  if (name === "key") return shape.key;
  if (name === "value") return shape.value;
  return undefined;
}

/** `/shapes/<id>`, escaped as RFC 6901 asks. */
function pointerTo(id: string): string {
  return `/shapes/${id.replaceAll("~", "~0").replaceAll("/", "~1")}`;
}
