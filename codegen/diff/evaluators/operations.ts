/** An operation's input and output shapes: ChangedOperationInput, ChangedOperationOutput. */
import { UNIT } from "../../index/prelude.js";
import type { ChangedShape } from "../differences.js";
import { diffEvent } from "../event.js";
import type { TypeScriptView } from "../typescript-view.js";
import { type Evaluator, withConsequence } from "./evaluator.js";

/** ERROR: `ChangedOperationInput.From.<old>.To.<new>`. */
export const changedOperationInput: Evaluator = (d, { newTs }) => changedShapeOf(d.changed, "input", newTs);

/** ERROR: `ChangedOperationOutput.From.<old>.To.<new>`. */
export const changedOperationOutput: Evaluator = (d, { newTs }) => changedShapeOf(d.changed, "output", newTs);

function changedShapeOf(changed: readonly ChangedShape[], key: "input" | "output", ts: TypeScriptView) {
  return changed
    .filter(({ old, new: now }) => old.type === "operation" && now.type === "operation")
    .flatMap(({ old, new: now }) => {
      const before = old.shape![key]?.target ?? UNIT;
      const after = now.shape![key]?.target ?? UNIT;
      if (before === after) return [];
      const Key = key === "input" ? "Input" : "Output";
      const command = `${ts.name(now.id)}Command${Key}`;
      const consequence =
        after === UNIT
          ? `\`${command}\` no longer has members`
          : `\`${command}\` is now \`${ts.name(after)}\`: code written against \`${ts.name(before)}\` may no longer compile`;
      return [
        diffEvent(
          `ChangedOperation${Key}.From.${before}.To.${after}`,
          "ERROR",
          now.id,
          withConsequence(`the ${key} of \`${now.id}\` changed from \`${before}\` to \`${after}\``, consequence),
        ),
      ];
    });
}
