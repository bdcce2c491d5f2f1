/**
 * TraitBreakingChange: applies the `breakingChanges` rules of each changed
 * trait's definition (the model's own, or the prelude's). A rule names a
 * kind of change (add, remove, update, any, presence), optionally at a path
 * inside the trait value (`/items`, `/encodings/member`), a severity (default
 * ERROR) and a message. Ids: `TraitBreakingChange.<Add|Remove|Update>.<trait>`.
 */
import type { AstShape, NodeValue } from "../../load/ast.js";
import { shapeName } from "../../index/names.js";
import { type ChangedShape, type DiffModel, traitChanges } from "../differences.js";
import { type DiffEvent, diffEvent } from "../event.js";
import { sameNode, showNode } from "../node-value.js";
import { type BreakingChangeRule, type ChangeType, traitDefinition } from "../trait-definitions.js";
import { type Evaluator, withConsequence } from "./evaluator.js";

type Kind = "add" | "remove" | "update";

export const traitBreakingChange: Evaluator = (d) =>
  d.changed.flatMap((change) =>
    [...traitChanges(change)].flatMap(([trait, [before, after]]) => {
      // A string's @enum becomes the members of an enum shape: ChangedEnumTrait compares the values.
      if (trait === "smithy.api#enum" && change.new.type === "enum") return [];
      const definition = traitDefinition(d.newModel, trait);
      if (!definition) return [];
      return definition.breakingChanges.flatMap((rule) =>
        applyRule(d.newModel, change, trait, definition.shape, rule, before, after),
      );
    }),
  );

function applyRule(
  model: DiffModel,
  change: ChangedShape,
  trait: string,
  traitShape: AstShape | undefined,
  rule: BreakingChangeRule,
  before: NodeValue | undefined,
  after: NodeValue | undefined,
): DiffEvent[] {
  const segments = (rule.path ?? "").split("/").slice(1);
  // Rules inside the value apply only while the trait is still there.
  if (after === undefined && segments.length > 0) return [];
  const left = new Map<string, NodeValue | undefined>();
  const right = new Map<string, NodeValue | undefined>();
  extract(model, segments, 0, traitShape, before, "", left);
  extract(model, segments, 0, traitShape, after, "", right);
  const events: DiffEvent[] = [];
  const paths = [...left.keys(), ...[...right.keys()].filter((p) => !left.has(p))];
  for (const path of paths) {
    const kind = breaking(rule.change, left.get(path), right.get(path));
    if (kind === undefined) continue;
    const described = describe(kind, trait, path, left.get(path), right.get(path));
    const message = rule.message ? `${described}; ${rule.message}` : described;
    const Kind = kind.charAt(0).toUpperCase() + kind.slice(1);
    events.push(
      diffEvent(
        `TraitBreakingChange.${Kind}.${trait}`,
        rule.severity ?? "ERROR",
        change.new.id,
        withConsequence(message, consequence(trait, kind, path, change)),
      ),
    );
  }
  return events;
}

/** The values at the rule's path: list elements and map entries each under their own path. */
function extract(
  model: DiffModel,
  segments: readonly string[],
  at: number,
  shape: AstShape | undefined,
  value: NodeValue | undefined,
  path: string,
  out: Map<string, NodeValue | undefined>,
): void {
  if (at >= segments.length || segments[at] === "") {
    out.set(path, value);
    return;
  }
  if (value === undefined || value === null || typeof value !== "object") return;
  const segment = segments[at]!;
  const next = (target: string | undefined) => (target === undefined ? undefined : model.shapes.get(target));
  if (Array.isArray(value)) {
    const member = next(shape?.member?.target);
    value.forEach((item, i) => extract(model, segments, at + 1, member, item, `${path}/${i}`, out));
  } else if (shape?.type === "map") {
    const member = next(shape.value?.target);
    for (const [key, item] of Object.entries(value))
      extract(model, segments, at + 1, member, item, `${path}/${key}`, out);
  } else {
    const member = next(shape?.members?.[segment]?.target);
    extract(model, segments, at + 1, member, value[segment] ?? null, `${path}/${segment}`, out);
  }
}

function breaking(change: ChangeType, before: NodeValue | undefined, after: NodeValue | undefined): Kind | undefined {
  const was = before !== undefined && before !== null;
  const is = after !== undefined && after !== null;
  const kinds: Kind[] =
    change === "any" ? ["add", "remove", "update"] : change === "presence" ? ["add", "remove"] : [change];
  return kinds.find((kind) =>
    kind === "add" ? !was && is : kind === "remove" ? was && !is : was && is && !sameNode(before, after),
  );
}

function describe(
  kind: Kind,
  trait: string,
  path: string,
  before: NodeValue | undefined,
  after: NodeValue | undefined,
): string {
  const empty = (v: NodeValue | undefined) =>
    typeof v === "object" && v !== null && !Array.isArray(v) && Object.keys(v).length === 0;
  if (kind === "add") {
    if (path) return `trait \`${trait}\` gained \`${path}\`: ${showNode(after)}`;
    return empty(after) ? `trait \`${trait}\` was added` : `trait \`${trait}\` was added: ${showNode(after)}`;
  }
  if (kind === "remove") {
    if (path) return `trait \`${trait}\` lost \`${path}\`; it was ${showNode(before)}`;
    return empty(before)
      ? `trait \`${trait}\` was removed`
      : `trait \`${trait}\` was removed; it was ${showNode(before)}`;
  }
  return path
    ? `trait \`${trait}\` changed at \`${path}\` from ${showNode(before)} to ${showNode(after)}`
    : `trait \`${trait}\` changed from ${showNode(before)} to ${showNode(after)}`;
}

/** What the generated package does differently, for the traits it reads. */
function consequence(trait: string, kind: Kind, path: string, change: ChangedShape): string | undefined {
  const name = shapeName(change.new.id);
  if (trait === "smithy.api#paginated" && change.new.type === "operation") {
    if (kind === "remove" && path === "") return `\`paginate${name}\` is gone: code that uses it no longer compiles`;
    return `\`paginate${name}\` pages with the new tokens and sizes`;
  }
  if (trait === "smithy.api#error") {
    if (kind === "add") return `\`${name}\` becomes an exception class instead of an interface`;
    if (kind === "remove")
      return `\`${name}\` becomes an interface instead of an exception class: \`instanceof\` checks no longer compile`;
    return `\`${name}.$fault\` changes`;
  }
  return undefined;
}
