/**
 * For `sjc generate --check`: how the model differs from the one the package
 * on disk was generated from, which the package records (`model.json`, its
 * sha256 in package.json). Equal hashes end it at once; otherwise both
 * records are diffed. The summary, then each breaking event.
 */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { diffModels, loadDiffModel } from "../diff/diff-models.js";
import { formatEvent, isBreaking } from "../diff/event.js";
import { MODEL_RECORD_PATH, modelHash } from "../emit/emit-model-record.js";
import type { RenderedFile } from "../render/render-files.js";
import { summary } from "./diff.js";

export async function modelDrift(out: string, shownOut: string, files: readonly RenderedFile[]): Promise<string[]> {
  const record = join(out, MODEL_RECORD_PATH);
  const current = files.find((f) => f.path === MODEL_RECORD_PATH)!.text;
  if (!existsSync(record))
    return [`model     ${shownOut} records no model to compare with (generated before sjc recorded it)`];
  const recorded = await readFile(record, "utf8");
  if (modelHash(recorded) === modelHash(current)) return [`model     unchanged since ${shownOut} was generated`];
  const before = loadDiffModel([{ path: `${shownOut}/${MODEL_RECORD_PATH}`, text: recorded }], MODEL_RECORD_PATH);
  const after = loadDiffModel([{ path: MODEL_RECORD_PATH, text: current }], MODEL_RECORD_PATH);
  if (!before.ok || !after.ok) return [`model     ${shownOut}/${MODEL_RECORD_PATH} does not load; no diff`];
  const events = diffModels(before.model, after.model);
  return [
    `model     since ${shownOut} was generated: ${summary(events)} (details: npx sjc diff)`,
    ...events.filter(isBreaking).map((e) => `  ${formatEvent(e)}`),
  ];
}
