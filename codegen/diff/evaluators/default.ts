/**
 * ChangedDefault: a `@default` that appears, disappears or changes value
 * changes what previously generated code assumes about a missing value.
 */
import type { NodeValue } from "../../load/ast.js";
import type { ChangedShape, DiffModel } from "../differences.js";
import { hasTrait, traitChanges } from "../differences.js";
import { type DiffEvent, type DiffSeverity, diffEvent } from "../event.js";
import { showNode } from "../node-value.js";
import { type DiffContext, type Evaluator, withConsequence } from "./evaluator.js";

const DEFAULT = "smithy.api#default";

export const changedDefault: Evaluator = (d, context) =>
  d.changed.flatMap((change) => {
    const pair = traitChanges(change).get(DEFAULT);
    return pair ? judge(d.newModel, change, pair[0], pair[1], context) : [];
  });

function judge(
  model: DiffModel,
  change: ChangedShape,
  before: NodeValue | undefined,
  after: NodeValue | undefined,
  { oldTs, newTs }: DiffContext,
): DiffEvent[] {
  const now = change.new;
  const member = now.member;
  let consequence: string | undefined;
  if (member && change.old.member) {
    const name = newTs.name(now.id);
    const wasOptional = oldTs.isOptional(change.old);
    const isOptional = newTs.isOptional(now);
    if (wasOptional && !isOptional)
      consequence = `\`${name}\` is no longer optional: code that builds it without the member no longer compiles`;
    else if (!wasOptional && isOptional)
      consequence = `\`${name}\` becomes optional: code that reads it as always set no longer compiles`;
  }
  const event = (severity: DiffSeverity, message: string) => [
    diffEvent("ChangedDefault", severity, now.id, withConsequence(message, consequence)),
  ];
  if (after === undefined) {
    const harmless =
      member !== undefined && before === null && (model.shapes.get(member.target)?.traits?.[DEFAULT] ?? null) === null;
    return harmless
      ? []
      : event("ERROR", `@default ${showNode(before)} was removed, which breaks previously generated code`);
  }
  if (before === undefined) {
    if (!member)
      return event("ERROR", `@default ${showNode(after)} was added to a shape, which breaks previously generated code`);
    if (hasTrait(now, "smithy.api#addedDefault") || after === null) return [];
    return event(
      "ERROR",
      `@default ${showNode(after)} was added without @addedDefault, which breaks previously generated code`,
    );
  }
  if (!member) {
    return event(
      "ERROR",
      `the @default of a shape changed from ${showNode(before)} to ${showNode(after)}, which breaks previously generated code`,
    );
  }
  const type = model.shapes.get(member.target)?.type ?? "";
  const wasZero = isZeroValue(before, type);
  const isZero = isZeroValue(after, type);
  if (wasZero === isZero) {
    return event(
      "DANGER",
      `@default changed from ${showNode(before)} to ${showNode(after)}; code generated before may read the old value, so change it only when you must`,
    );
  }
  return event(
    "ERROR",
    `@default changed from ${showNode(before)}${wasZero ? " (the zero value of the target)" : ""} to ${showNode(after)}${isZero ? " (the zero value of the target)" : ""}, which breaks previously generated code`,
  );
}

/** The value Smithy 1.0 gave a missing member of this type: false, or 0 for numbers. */
function isZeroValue(value: NodeValue, type: string): boolean {
  if (type === "boolean") return value === false;
  return ["byte", "short", "integer", "intEnum", "long", "float", "double"].includes(type) && value === 0;
}
