/**
 * ChangedMemberTarget: a member now targets another shape. An ERROR when the
 * target's type differs, or when its name matters to generated code
 * (structures, unions, enums, strings with `@enum`, services…); otherwise the
 * two targets (and their list or map members) are compared with every
 * evaluator, and the event is as severe as what that finds, at least a WARNING.
 */
import type { AstShape } from "../../load/ast.js";
import { SIMPLE_TYPES } from "../../index/shape-types.js";
import { type ChangedShape, type Differences, hasTrait, memberViews, shapeView } from "../differences.js";
import { DIFF_SEVERITIES, type DiffEvent, type DiffSeverity, diffEvent } from "../event.js";
import { type DiffContext, type Evaluator, typeScriptKind, withConsequence } from "./evaluator.js";

const STRUCTURAL: ReadonlySet<string> = new Set([
  ...SIMPLE_TYPES.filter((t) => t !== "enum" && t !== "intEnum"),
  "list",
  "set",
  "map",
]);

export const changedMemberTarget: Evaluator = (d, context) =>
  d.changed
    .filter(({ old, new: now }) => old.member && now.member && old.member.target !== now.member.target)
    .map((change) => judge(d, change, context));

function judge(d: Differences, change: ChangedShape, context: DiffContext): DiffEvent {
  const from = change.old.member!.target;
  const to = change.new.member!.target;
  const before = d.oldModel.shapes.get(from);
  const after = d.newModel.shapes.get(to);
  const verdict = compareTargets(d, from, before, to, after, context);
  const what = `\`${change.new.id}\` now targets \`${to}\` (${after?.type ?? "missing"}) instead of \`${from}\` (${before?.type ?? "missing"}): ${verdict.why}`;
  const consequence =
    verdict.severity === "ERROR"
      ? `\`${context.newTs.name(change.new.id)}\` is now ${typed(context, to, after)} instead of ${typed(context, from, before, true)}: code written for the old type may no longer compile`
      : undefined;
  return diffEvent("ChangedMemberTarget", verdict.severity, change.new.id, withConsequence(what, consequence));
}

function compareTargets(
  d: Differences,
  from: string,
  before: AstShape | undefined,
  to: string,
  after: AstShape | undefined,
  context: DiffContext,
): { severity: DiffSeverity; why: string } {
  if (!before || !after) return { severity: "WARNING", why: "compatible" };
  if (before.type !== after.type)
    return { severity: "ERROR", why: `the target's type changed from ${before.type} to ${after.type}` };
  if (!STRUCTURAL.has(before.type))
    return { severity: "ERROR", why: `the name of a ${before.type} matters to generated code` };
  if (hasTrait(before, "smithy.api#enum"))
    return { severity: "ERROR", why: "the target has @enum, so its name matters to generated code" };
  const oldMembers = memberViews(from, before);
  const newMembers = memberViews(to, after);
  const changed: ChangedShape[] = [
    { old: shapeView(from, before), new: shapeView(to, after) },
    ...oldMembers.flatMap((old, i) => (newMembers[i] ? [{ old, new: newMembers[i]! }] : [])),
  ];
  const events = context.evaluate({
    ...d,
    added: [],
    removed: [],
    changed,
    addedMetadata: [],
    removedMetadata: [],
    changedMetadata: [],
  });
  if (events.length === 0) return { severity: "WARNING", why: "compatible" };
  const severity = events.reduce<DiffSeverity>(
    (worst, e) => (DIFF_SEVERITIES.indexOf(e.severity) < DIFF_SEVERITIES.indexOf(worst) ? e.severity : worst),
    "WARNING",
  );
  const list = events.map((e) => `[${e.severity}] ${e.message}`).join("; ");
  return { severity, why: `${severity === "WARNING" ? "compatible; " : ""}in effect: ${list}` };
}

function typed(context: DiffContext, id: string, shape: AstShape | undefined, old = false): string {
  if (!shape) return `\`${id}\``;
  if (["structure", "union", "enum", "intEnum"].includes(shape.type))
    return `\`${(old ? context.oldTs : context.newTs).name(id)}\``;
  return typeScriptKind(shape.type);
}
