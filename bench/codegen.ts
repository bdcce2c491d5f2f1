/**
 * Generator cost, each figure a cold process in the project (so the output
 * resolves @sjc/runtime): `generate` of model/ssm.json; of the whole SSM model
 * from ../shared, each followed by a prettier process formatting the same
 * files the generator formats; and, for information, `tsc --noEmit` of that
 * whole-SSM output; loading the whole SSM model in-process, as JSON AST and
 * as IDL; and, with ../shared/aws-models, every awsJson model of the corpus
 * generated in one cold process, then one cold prettier process over all of
 * that output.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { join, relative } from "node:path";
import { ROOT, makeTempDir } from "./fixtures.js";
import { median } from "./stats.js";
import { timeProcess, type ProcessTime } from "./timing.js";
import { measureModelLoad } from "./model-load.js";

export interface CodegenSettings {
  /** Generations of each model (and prettier runs). */
  readonly runs: number;
  /** In-process loads of the whole SSM model, each way, after `loadWarmup` loads each way. */
  readonly loadRuns: number;
  readonly loadWarmup: number;
  /** Keep the generated folders under .tmp/ (default: removed). */
  readonly keep?: boolean;
}

export interface CodegenFigures {
  readonly singleMs: number;
  readonly singleCpuMs: number | null;
  /** Null when ../shared is absent, and so are the figures below. */
  readonly wholeSsmMs: number | null;
  readonly wholeSsmCpuMs: number | null;
  readonly wholeSsmFormatMs: number | null;
  readonly wholeSsmFormatCpuMs: number | null;
  readonly genToFormatRatio: number | null;
  readonly wholeSsmTscMs: number | null;
  /** Files prettier formatted (of the whole-SSM output). */
  readonly formattedFiles: number | null;
  /** Files prettier --check found not formatted as it would (0 expected). */
  readonly unformattedFiles: number | null;
  /** The whole SSM model loaded in-process as JSON AST and as IDL (bench/model-load.ts); null without ../shared. */
  readonly jsonLoadMs: number | null;
  readonly idlLoadMs: number | null;
  readonly idlLoadRatio: number | null;
  /** Rounds of one load each way behind the load figures, and the first round's times (absent when null). */
  readonly loadRounds?: number;
  readonly jsonFirstLoadMs?: number;
  readonly jsonLoadCpuMs?: number;
  readonly idlLoadCpuMs?: number;
  readonly idlFirstLoadMs?: number;
  /** The awsJson models of ../shared/aws-models; null (and so the figures below) when it is absent. */
  readonly corpusModels: number | null;
  /** Generating all of them, one cold process (no type-checking). */
  readonly corpusMs: number | null;
  readonly corpusCpuMs: number | null;
  /** One cold prettier process over the same output. */
  readonly corpusFormatMs: number | null;
  readonly corpusFormatCpuMs: number | null;
  readonly corpusGenToFormatRatio: number | null;
  readonly runs: number;
}

export const CORPUS_DIR = "../shared/aws-models";
const CORPUS_GENERATOR = "bench/generate-corpus.ts";
const TSX_CLI = "node_modules/tsx/dist/cli.mjs";

export const WHOLE_SSM_MODEL = "../shared/models/ssm-2014-11-06.json";
/** The generator as `npm run generate` runs it: compiled by `npm run build`. */
const GENERATOR = "codegen/dist/cli.js";
const PRETTIER_CLI = "node_modules/prettier/bin/prettier.cjs";
const TSC_CLI = "node_modules/typescript/bin/tsc";
/**
 * The generator's own prettier options (codegen/render/prettier-options.ts), not the project's
 * .prettierrc. The CLI picks its `typescript` parser for `.ts` files, where the generator uses
 * `babel-ts`; `unformattedFiles` (0 expected) checks that both give the same bytes.
 */
const PRETTIER_FLAGS = ["--no-config", "--no-editorconfig", "--print-width", "100", "--trailing-comma", "all"];

/** Only the whole-SSM model-load figures (`--only load`); empty when ../shared is absent. */
export async function measureLoadOnly(
  settings: Pick<CodegenSettings, "loadRuns" | "loadWarmup">,
  log: (line: string) => void,
): Promise<Partial<CodegenFigures>> {
  if (!existsSync(join(ROOT, WHOLE_SSM_MODEL))) {
    log(`load ${WHOLE_SSM_MODEL} is absent: load figures skipped (null)`);
    return {};
  }
  const load = await measureModelLoad(WHOLE_SSM_MODEL, settings.loadRuns, settings.loadWarmup);
  log(`load whole SSM: JSON ${load.jsonLoadMs.toFixed(1)} ms, IDL ${load.idlLoadMs.toFixed(1)} ms`);
  return load;
}

export async function measureCodegen(settings: CodegenSettings, log: (line: string) => void): Promise<CodegenFigures> {
  const work = makeTempDir("bench-");
  try {
    const single: ProcessTime[] = [];
    for (let i = 0; i < settings.runs; i++) {
      single.push(generate("model/ssm.json", join(work, `single-${i}`)));
      log(`codegen single ${single.at(-1)!.wallMs.toFixed(0)} ms`);
    }
    const singleFigures = {
      singleMs: median(single.map((t) => t.wallMs)),
      singleCpuMs: cpuMedian(single),
      runs: settings.runs,
      ...measureCorpus(work, log),
    };
    if (!existsSync(join(ROOT, WHOLE_SSM_MODEL))) {
      log(`codegen ${WHOLE_SSM_MODEL} is absent: whole-SSM figures skipped (null)`);
      return {
        ...singleFigures,
        wholeSsmMs: null,
        wholeSsmCpuMs: null,
        wholeSsmFormatMs: null,
        wholeSsmFormatCpuMs: null,
        genToFormatRatio: null,
        wholeSsmTscMs: null,
        formattedFiles: null,
        unformattedFiles: null,
        jsonLoadMs: null,
        idlLoadMs: null,
        idlLoadRatio: null,
      };
    }
    const load = await measureModelLoad(WHOLE_SSM_MODEL, settings.loadRuns, settings.loadWarmup);
    log(`codegen load whole SSM: JSON ${load.jsonLoadMs.toFixed(1)} ms, IDL ${load.idlLoadMs.toFixed(1)} ms`);

    const ignoreFile = join(work, "no-ignore");
    writeFileSync(ignoreFile, "");
    const whole: ProcessTime[] = [];
    const format: ProcessTime[] = [];
    let files: string[] = [];
    let unformatted = 0;
    let out = "";
    for (let i = 0; i < settings.runs; i++) {
      out = join(work, `whole-${i}`);
      whole.push(generate(WHOLE_SSM_MODEL, out));
      files = formattedFiles(listFiles(out)).map((file) => relative(ROOT, join(out, file)));
      const check = timeProcess(process.execPath, [
        PRETTIER_CLI,
        "--check",
        "--ignore-path",
        relative(ROOT, ignoreFile),
        ...PRETTIER_FLAGS,
        ...files,
      ]);
      // 0: all formatted; 1: some would change (still a full formatting pass); 2: prettier failed.
      if (check.status !== 0 && check.status !== 1) throw new Error(`prettier failed:\n${check.output}`);
      unformatted = check.status === 0 ? 0 : (check.output.match(/^\[warn\] (?!Code style)/gm) ?? []).length;
      format.push(check);
      log(`codegen whole SSM ${whole.at(-1)!.wallMs.toFixed(0)} ms, prettier ${check.wallMs.toFixed(0)} ms`);
    }
    const tsc = timeProcess(process.execPath, [TSC_CLI, "--noEmit", "-p", relative(ROOT, out)]);
    if (tsc.status !== 0) log(`codegen tsc --noEmit found errors in the whole-SSM output:\n${tsc.output}`);
    log(`codegen tsc --noEmit ${tsc.wallMs.toFixed(0)} ms`);
    const wholeSsmMs = median(whole.map((t) => t.wallMs));
    const wholeSsmFormatMs = median(format.map((t) => t.wallMs));
    return {
      ...singleFigures,
      wholeSsmMs,
      wholeSsmCpuMs: cpuMedian(whole),
      wholeSsmFormatMs,
      wholeSsmFormatCpuMs: cpuMedian(format),
      genToFormatRatio: wholeSsmMs / wholeSsmFormatMs,
      wholeSsmTscMs: tsc.wallMs,
      formattedFiles: files.length,
      unformattedFiles: unformatted,
      ...load,
    };
  } finally {
    if (settings.keep) log(`codegen output kept in ${relative(ROOT, work)}`);
    else rmSync(work, { recursive: true, force: true });
  }
}

type CorpusFigures = Pick<
  CodegenFigures,
  "corpusModels" | "corpusMs" | "corpusCpuMs" | "corpusFormatMs" | "corpusFormatCpuMs" | "corpusGenToFormatRatio"
>;

/** The corpus figures: one generation of every awsJson model, then one prettier run over the output. */
function measureCorpus(work: string, log: (line: string) => void): CorpusFigures {
  const index = join(ROOT, CORPUS_DIR, "index.tsv");
  if (!existsSync(index)) {
    log(`codegen ${CORPUS_DIR} is absent: corpus figures skipped (null)`);
    return {
      corpusModels: null,
      corpusMs: null,
      corpusCpuMs: null,
      corpusFormatMs: null,
      corpusFormatCpuMs: null,
      corpusGenToFormatRatio: null,
    };
  }
  const names = readFileSync(index, "utf8")
    .split("\n")
    .map((line) => line.split("\t"))
    .filter(([, protocol]) => /^awsJson1_[01]$/.test(protocol ?? ""))
    .map(([name]) => name!);
  // Unzipped before the clock starts: the generator reads plain JSON.
  const models = join(work, "corpus-models");
  mkdirSync(models, { recursive: true });
  const files = names.map((name) => {
    const file = join(models, `${name}.json`);
    writeFileSync(file, gunzipSync(readFileSync(join(ROOT, CORPUS_DIR, `${name}.json.gz`))));
    return relative(ROOT, file);
  });
  const out = join(work, "corpus");
  const generated = timeProcess(process.execPath, [TSX_CLI, CORPUS_GENERATOR, relative(ROOT, out), ...files]);
  if (generated.status !== 0) throw new Error(`generating the corpus failed:\n${generated.output}`);
  const outputs = names.flatMap((name) =>
    formattedFiles(listFiles(join(out, name))).map((file) => relative(ROOT, join(out, name, file))),
  );
  const ignoreFile = join(work, "no-ignore");
  writeFileSync(ignoreFile, "");
  const format = timeProcess(process.execPath, [
    PRETTIER_CLI,
    "--check",
    "--ignore-path",
    relative(ROOT, ignoreFile),
    ...PRETTIER_FLAGS,
    ...outputs,
  ]);
  if (format.status !== 0 && format.status !== 1) throw new Error(`prettier failed:\n${format.output}`);
  log(
    `codegen corpus: ${names.length} models in ${generated.wallMs.toFixed(0)} ms, prettier ${format.wallMs.toFixed(0)} ms (${outputs.length} files)`,
  );
  return {
    corpusModels: names.length,
    corpusMs: generated.wallMs,
    corpusCpuMs: generated.cpuMs,
    corpusFormatMs: format.wallMs,
    corpusFormatCpuMs: format.cpuMs,
    corpusGenToFormatRatio: generated.wallMs / format.wallMs,
  };
}

function generate(model: string, out: string): ProcessTime {
  const time = timeProcess(process.execPath, [GENERATOR, "generate", "--quiet", "--model", model, "--out", out]);
  if (time.status !== 0) throw new Error(`generate ${model} failed (${time.status}):\n${time.output}`);
  return time;
}

function cpuMedian(times: readonly ProcessTime[]): number | null {
  return times.every((t) => t.cpuMs !== null) ? median(times.map((t) => t.cpuMs!)) : null;
}

/** Every file under `dir`, relative to it, with `/` separators, sorted. */
function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split("\\").join("/"))
    .sort();
}

/**
 * The files the generator formats with prettier (codegen/render/render-files.ts):
 * all but ajv's machine output `validators/compiled.js` and its declarations
 * `validators/compiled.d.ts`, written line by line.
 */
export function formattedFiles(paths: readonly string[]): string[] {
  return paths.filter((path) => !path.startsWith("validators/compiled.") && path !== "model.json");
}
