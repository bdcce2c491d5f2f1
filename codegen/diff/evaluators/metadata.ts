/** Model metadata keys: AddedMetadata, ChangedMetadata, RemovedMetadata. */
import { diffEvent } from "../event.js";
import { showNode } from "../node-value.js";
import type { Evaluator } from "./evaluator.js";

/** NOTE for each new key. */
export const addedMetadata: Evaluator = (d) =>
  d.addedMetadata.map(([key, value]) =>
    diffEvent("AddedMetadata", "NOTE", "-", `metadata \`${key}\` was added: ${showNode(value)}`),
  );

/** WARNING for each key whose value changed. */
export const changedMetadata: Evaluator = (d) =>
  d.changedMetadata.map(({ key, old, new: now }) =>
    diffEvent(
      "ChangedMetadata",
      "WARNING",
      "-",
      `metadata \`${key}\` changed from ${showNode(old)} to ${showNode(now)}`,
    ),
  );

/** DANGER for each removed key (`RemovedMetadata.<key>`): tools may depend on it. */
export const removedMetadata: Evaluator = (d) =>
  d.removedMetadata.map(([key, value]) =>
    diffEvent(`RemovedMetadata.${key}`, "DANGER", "-", `metadata \`${key}\` was removed; it was ${showNode(value)}`),
  );
