/**
 * Loading the whole SSM model into the in-memory JSON AST model, in this
 * process: as JSON AST, and as its `sjc idl` rendering. Both loads are first
 * checked to give the same model; then each round loads it once each way,
 * the two in turns (the order alternating), so that machine noise and the
 * garbage one load leaves to the next hit both alike. Figures are medians of
 * `runs` rounds after `warmup` rounds (the IDL parser is JavaScript, which
 * V8 takes some ten loads to optimise; JSON.parse is native); the ratio is the
 * median of the rounds' IDL / JSON ratios. The first round's times are kept
 * too, as the cost of a process that loads once. The loader is the compiled
 * one (codegen/dist, built by `npm run build`), as `sjc` runs it.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import type { ModelSource } from "../codegen/load/load-sources.js";
import { ROOT } from "./fixtures.js";
import { median, pairRatios } from "./stats.js";

type LoadSources = typeof import("../codegen/load/load-sources.js").loadSources;
type ModelToIdl = typeof import("../codegen/idl-writer/write-idl.js").modelToIdl;
type ModelDifferences = typeof import("../codegen/load/compare-models.js").modelDifferences;

const compiled = (path: string) => import(pathToFileURL(join(ROOT, "codegen/dist", path)).href);

export interface ModelLoadFigures {
  readonly jsonLoadMs: number;
  readonly idlLoadMs: number;
  /** The median of the rounds' IDL / JSON ratios. */
  readonly idlLoadRatio: number;
  readonly loadRounds: number;
  readonly jsonLoadCpuMs: number;
  readonly idlLoadCpuMs: number;
  /** The first load each way, before any warm-up. */
  readonly jsonFirstLoadMs: number;
  readonly idlFirstLoadMs: number;
}

export async function measureModelLoad(model: string, runs: number, warmup: number): Promise<ModelLoadFigures> {
  const { loadSources } = (await compiled("load/load-sources.js")) as { loadSources: LoadSources };
  const { modelToIdl } = (await compiled("idl-writer/write-idl.js")) as { modelToIdl: ModelToIdl };
  const { modelDifferences } = (await compiled("load/compare-models.js")) as { modelDifferences: ModelDifferences };
  const json: ModelSource[] = [{ path: model, text: readFileSync(join(ROOT, model), "utf8") }];
  const first: { json: LoadTime; idl?: LoadTime } = { json: timeLoad(loadSources, json) };
  const fromJson = loaded(loadSources, json);
  const idl = modelToIdl(fromJson);
  first.idl = timeLoad(loadSources, idl);
  const differences = modelDifferences(loaded(loadSources, idl), fromJson);
  if (differences.length > 0) {
    throw new Error(`${model} loads differently as IDL (${differences.length} shapes), e.g. ${differences[0]}`);
  }
  const jsonTimes: LoadTime[] = [];
  const idlTimes: LoadTime[] = [];
  for (let round = 0; round < warmup + runs; round++) {
    const jsonFirst = round % 2 === 0;
    const one = timeLoad(loadSources, jsonFirst ? json : idl);
    const other = timeLoad(loadSources, jsonFirst ? idl : json);
    if (round < warmup) continue;
    jsonTimes.push(jsonFirst ? one : other);
    idlTimes.push(jsonFirst ? other : one);
  }
  const wall = (times: LoadTime[]) => times.map((t) => t.wallMs);
  const cpu = (times: LoadTime[]) => median(times.map((t) => t.cpuMs));
  return {
    jsonLoadMs: median(wall(jsonTimes)),
    idlLoadMs: median(wall(idlTimes)),
    idlLoadRatio: median(pairRatios(wall(idlTimes), wall(jsonTimes))),
    jsonLoadCpuMs: cpu(jsonTimes),
    idlLoadCpuMs: cpu(idlTimes),
    loadRounds: runs,
    jsonFirstLoadMs: first.json.wallMs,
    idlFirstLoadMs: first.idl!.wallMs,
  };
}

interface LoadTime {
  readonly wallMs: number;
  /** The process's CPU time (every thread, the garbage collector's too): on a busy machine, steadier than wall time. */
  readonly cpuMs: number;
}

function loaded(loadSources: LoadSources, sources: readonly ModelSource[]) {
  const { model, issues } = loadSources(sources);
  if (issues.length > 0) throw new Error(`${sources[0]!.path} does not load: ${issues[0]!.message}`);
  return model;
}

function timeLoad(loadSources: LoadSources, sources: readonly ModelSource[]): LoadTime {
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  const { issues } = loadSources(sources);
  const wallMs = performance.now() - start;
  const { user, system } = process.cpuUsage(cpuStart);
  if (issues.length > 0) throw new Error(`${sources[0]!.path} does not load: ${issues[0]!.message}`);
  return { wallMs, cpuMs: (user + system) / 1000 };
}
