/**
 * `sjc diff` against loading: the whole SSM model (../shared) loaded into the
 * in-memory model (parse + merge + flatten, `codegen.diffLoadMs`), and the
 * whole diff of that model against a copy with ten changes (`codegen.diffWholeSsmMs`:
 * both loads, the differences and every evaluator). In this process, after
 * warm-up runs, the two measured in turn so that they share the machine's
 * noise; each figure is a median.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { diffModels, loadDiffModel } from "../codegen/diff/diff-models.js";
import { loadModel } from "../codegen/load/load-model.js";
import { changedWholeSsm } from "../test/diff/whole-ssm-changes.js";
import { WHOLE_SSM_MODEL } from "./codegen.js";
import { ROOT } from "./fixtures.js";
import { median } from "./stats.js";

export interface DiffSettings {
  readonly runs: number;
}

export interface DiffFigures {
  readonly diffLoadMs: number | null;
  readonly diffWholeSsmMs: number | null;
  /** diffWholeSsmMs / (2 × diffLoadMs): the diff's cost over loading both models. */
  readonly diffToLoadRatio: number | null;
  readonly diffEvents: number | null;
  readonly diffRuns: number;
}

const WARMUP = 3;

export function measureDiff(settings: DiffSettings, log: (line: string) => void): DiffFigures {
  const path = join(ROOT, WHOLE_SSM_MODEL);
  if (!existsSync(path)) {
    log(`diff ${WHOLE_SSM_MODEL} is absent: diff figures skipped (null)`);
    return { diffLoadMs: null, diffWholeSsmMs: null, diffToLoadRatio: null, diffEvents: null, diffRuns: 0 };
  }
  const text = readFileSync(path, "utf8");
  const changed = changedWholeSsm(text);
  const load = () => {
    const result = loadModel([{ path: WHOLE_SSM_MODEL, text }], WHOLE_SSM_MODEL);
    if (!result.ok) throw new Error(`${WHOLE_SSM_MODEL} does not load`);
  };
  const diff = () => {
    const before = loadDiffModel([{ path: WHOLE_SSM_MODEL, text }], WHOLE_SSM_MODEL);
    const after = loadDiffModel([{ path: "changed.json", text: changed }], "changed.json");
    if (!before.ok || !after.ok) throw new Error(`${WHOLE_SSM_MODEL} does not load`);
    return diffModels(before.model, after.model).length;
  };
  const loads: number[] = [];
  const diffs: number[] = [];
  let events = 0;
  for (let i = 0; i < WARMUP + settings.runs; i++) {
    let started = performance.now();
    load();
    const loadMs = performance.now() - started;
    started = performance.now();
    events = diff();
    const diffMs = performance.now() - started;
    if (i < WARMUP) continue;
    loads.push(loadMs);
    diffs.push(diffMs);
  }
  const diffLoadMs = median(loads);
  const diffWholeSsmMs = median(diffs);
  log(`diff whole SSM ${diffWholeSsmMs.toFixed(1)} ms (${events} events), load ${diffLoadMs.toFixed(1)} ms`);
  return {
    diffLoadMs,
    diffWholeSsmMs,
    diffToLoadRatio: diffWholeSsmMs / (2 * diffLoadMs),
    diffEvents: events,
    diffRuns: settings.runs,
  };
}
