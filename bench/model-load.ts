/**
 * Loading the whole SSM model into the in-memory JSON AST model, in this
 * process: as JSON AST, and as its `sjc idl` rendering. Medians of `runs`
 * loads each, after a warm-up load of each. The loader is the compiled one
 * (codegen/dist, built by `npm run build`), as `sjc` runs it.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import type { ModelSource } from "../codegen/load/load-sources.js";
import { ROOT } from "./fixtures.js";
import { median } from "./stats.js";

type LoadSources = typeof import("../codegen/load/load-sources.js").loadSources;
type ModelToIdl = typeof import("../codegen/idl-writer/write-idl.js").modelToIdl;

const compiled = (path: string) => import(pathToFileURL(join(ROOT, "codegen/dist", path)).href);

export interface ModelLoadFigures {
  readonly jsonLoadMs: number;
  readonly idlLoadMs: number;
  readonly idlLoadRatio: number;
}

export async function measureModelLoad(model: string, runs: number): Promise<ModelLoadFigures> {
  const { loadSources } = (await compiled("load/load-sources.js")) as { loadSources: LoadSources };
  const { modelToIdl } = (await compiled("idl-writer/write-idl.js")) as { modelToIdl: ModelToIdl };
  const json: ModelSource[] = [{ path: model, text: readFileSync(join(ROOT, model), "utf8") }];
  const first = loadSources(json);
  if (first.issues.length > 0) throw new Error(`${model} does not load: ${first.issues[0]!.message}`);
  const idl = modelToIdl(first.model);
  const jsonLoadMs = timeLoads(loadSources, json, runs);
  const idlLoadMs = timeLoads(loadSources, idl, runs);
  return { jsonLoadMs, idlLoadMs, idlLoadRatio: idlLoadMs / jsonLoadMs };
}

function timeLoads(loadSources: LoadSources, sources: readonly ModelSource[], runs: number): number {
  loadSources(sources);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const { issues } = loadSources(sources);
    times.push(performance.now() - start);
    if (issues.length > 0) throw new Error(`${sources[0]!.path} does not load: ${issues[0]!.message}`);
  }
  return median(times);
}
