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
import { modelHash } from "../emit/emit-model-record.js";
import { PACKAGE_MODULES } from "../index/names.js";
import type { RenderedFile } from "../render/render-files.js";
import { summary } from "./diff.js";

export async function modelDrift(out: string, shownOut: string, files: readonly RenderedFile[]): Promise<string[]> {
  const record = join(out, PACKAGE_MODULES.modelRecord.path);
  const current = files.find((f) => f.path === PACKAGE_MODULES.modelRecord.path)!.text;
  if (!existsSync(record))
    return [`model     ${shownOut} records no model to compare with (generated before sjc recorded it)`];
  const recorded = await readFile(record, "utf8");
  if (modelHash(recorded) === modelHash(current)) return [`model     unchanged since ${shownOut} was generated`];
  const before = loadDiffModel(
    [{ path: `${shownOut}/${PACKAGE_MODULES.modelRecord.path}`, text: recorded }],
    PACKAGE_MODULES.modelRecord.path,
  );
  const after = loadDiffModel(
    [{ path: PACKAGE_MODULES.modelRecord.path, text: current }],
    PACKAGE_MODULES.modelRecord.path,
  );
  if (!before.ok || !after.ok)
    return [`model     ${shownOut}/${PACKAGE_MODULES.modelRecord.path} does not load; no diff`];
  const events = diffModels(before.model, after.model);
  return [
    `model     since ${shownOut} was generated: ${summary(events)} (details: npx sjc diff)`,
    ...events.filter(isBreaking).map((e) => `  ${formatEvent(e)}`),
  ];
}
