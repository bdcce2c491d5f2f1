/**
 * ChangedLengthTrait, ChangedRangeTrait: a `@length` or `@range` present
 * before and after that accepts less than it did (a higher `min`, a lower or
 * new `max`) is an ERROR: values that were valid are now rejected.
 */
import type { NodeValue } from "../../load/ast.js";
import { traitChanges } from "../differences.js";
import { type DiffEvent, diffEvent } from "../event.js";
import { type Evaluator, withConsequence } from "./evaluator.js";

export const changedLengthTrait: Evaluator = (d) => narrowed(d.changed, "ChangedLengthTrait", "smithy.api#length");

export const changedRangeTrait: Evaluator = (d) => narrowed(d.changed, "ChangedRangeTrait", "smithy.api#range");

const CONSEQUENCE =
  "the types do not change, but the generated validators and the server reject values they accepted before";

function narrowed(changed: Parameters<Evaluator>[0]["changed"], id: string, trait: string): DiffEvent[] {
  return changed.flatMap((change) => {
    const pair = traitChanges(change).get(trait);
    if (!pair || pair[0] === undefined || pair[1] === undefined) return [];
    const [before, after] = [bounds(pair[0]), bounds(pair[1])];
    const events: DiffEvent[] = [];
    const shape = change.new.id;
    if (after.min > before.min) {
      events.push(
        diffEvent(
          id,
          "ERROR",
          shape,
          withConsequence(`${trait} \`min\` was raised from ${before.min} to ${after.min}`, CONSEQUENCE),
        ),
      );
    }
    if (after.max !== undefined && (before.max === undefined || after.max < before.max)) {
      const was = before.max === undefined ? "no maximum" : String(before.max);
      events.push(
        diffEvent(
          id,
          "ERROR",
          shape,
          withConsequence(`${trait} \`max\` was lowered from ${was} to ${after.max}`, CONSEQUENCE),
        ),
      );
    }
    return events;
  });
}

/** `min` (0 when absent) and `max` of a length or range value. */
function bounds(value: NodeValue): { min: number; max?: number } {
  const { min, max } = (value ?? {}) as { min?: unknown; max?: unknown };
  return { min: Number(min ?? 0), ...(max === undefined || max === null ? {} : { max: Number(max) }) };
}
