/**
 * `sjc generate`: reads the model files named by `--model` or by
 * smithy-build.json, runs the pipeline, writes or checks each package, and
 * picks the exit code (0 ok, 1 model errors or stale output, 2 usage or
 * configuration). `cli.ts` calls it; tests call it in-process.
 */
import { existsSync, watch } from "node:fs";
import { readFile } from "node:fs/promises";
import { basename, dirname, join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { type GenerateResult, generateModels } from "../pipeline.js";
import type { FormatPool } from "../render/format-pool.js";
import { SKIPS_FILE, type SkipList, parseSkipList } from "../emit/protocol-tests/skips.js";
import { formatIssue } from "../validate/issue.js";
import { comparePackage, writePackage } from "../write/write-package.js";
import { type ConfigProblem, parseSmithyBuild } from "../build-config/smithy-build.js";
import { modelFiles } from "../build-config/model-files.js";
import { type GenerationPlan, planBuild } from "../build-config/build-plan.js";
import { packageFile } from "../package-info.js";
import { GENERATE_USAGE, REGENERATE_COMMAND } from "./usage.js";
import { modelDrift } from "./model-drift.js";

export type Log = (line: string) => void;

const defaultLog: Log = (line) => console.error(line);

const CONFIG_FILE = "smithy-build.json";

interface RunOptions {
  readonly log: Log;
  /** Paths are shown relative to this folder: the project's root. */
  readonly base: string;
  readonly plans: readonly GenerationPlan[];
  readonly check: boolean;
  readonly quiet: boolean;
  readonly formatter?: FormatPool;
}

/**
 * Runs `sjc generate` with `argv` (the arguments after `generate`); `log`
 * receives every line meant for the terminal. `formatter` is a prettier pool
 * the caller started early (and closes); without it, each run starts its own.
 */
export async function runGenerate(
  argv: readonly string[],
  log: Log = defaultLog,
  formatter?: FormatPool,
): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        model: { type: "string", multiple: true },
        out: { type: "string" },
        service: { type: "string" },
        config: { type: "string" },
        projection: { type: "string" },
        check: { type: "boolean", default: false },
        watch: { type: "boolean", default: false },
        quiet: { type: "boolean", default: false },
        help: { type: "boolean", default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    log(`sjc: ${(error as Error).message}\n\n${GENERATE_USAGE}`);
    return 2;
  }
  if (values.help) {
    log(GENERATE_USAGE);
    return 0;
  }
  if (values.check && values.watch) {
    log("sjc: --check and --watch cannot be combined");
    return 2;
  }
  const planned = await plansFrom(values);
  if ("problems" in planned) {
    for (const line of planned.problems) log(line);
    return 2;
  }
  if (!values.quiet) for (const note of planned.notes) log(note);
  const options: RunOptions = {
    log,
    base: planned.base,
    plans: planned.plans,
    check: values.check!,
    quiet: values.quiet!,
    ...(formatter ? { formatter } : {}),
  };
  if (!values.watch) return runAll(options);
  return watchSources(options);
}

interface Flags {
  readonly model?: string[];
  readonly out?: string;
  readonly service?: string;
  readonly config?: string;
  readonly projection?: string;
}

/** The generations to run: from `--model`, or from smithy-build.json. */
async function plansFrom(
  flags: Flags,
): Promise<{ base: string; plans: GenerationPlan[]; notes: string[] } | { problems: string[] }> {
  const cwd = process.cwd();
  if (flags.model) {
    if (flags.config || flags.projection) {
      return { problems: ["sjc: --model cannot be combined with --config or --projection"] };
    }
    const missing = flags.model.filter((m) => !existsSync(m));
    if (missing.length) return { problems: missing.map((m) => `sjc: cannot read the model ${m}: ENOENT`) };
    const found: ConfigProblem[] = [];
    const files = [...new Set(flags.model.flatMap((m) => modelFiles(resolve(m), m, found)))];
    if (found.length) return { problems: found.map((p) => `sjc: --model ${p.where}: ${p.message}`) };
    return {
      base: cwd,
      notes: [],
      plans: [
        {
          projection: "source",
          files,
          roots: files,
          ...(flags.service ? { service: flags.service } : {}),
          package: {},
          ...(flags.out ? { out: resolve(flags.out) } : {}),
        },
      ],
    };
  }
  const configPath = resolve(flags.config ?? CONFIG_FILE);
  const shown = relative(cwd, configPath) || CONFIG_FILE;
  let text: string;
  try {
    text = await readFile(configPath, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return {
      problems: [
        flags.config
          ? `sjc: cannot read ${shown}: ${code}`
          : `sjc: no --model given and no ${CONFIG_FILE} in ${cwd}\n\n${GENERATE_USAGE}`,
      ],
    };
  }
  const parsed = parseSmithyBuild(text, process.env);
  if (!parsed.ok)
    return {
      problems: parsed.problems.map(
        (p) => `sjc: ${shown}${p.where.startsWith("/") ? " " : ":"}${p.where}: ${p.message}`,
      ),
    };
  const base = dirname(configPath);
  const planned = planBuild(parsed.config, base, flags.projection);
  if (!planned.ok) return { problems: planned.problems.map((p) => `sjc: ${shown} ${p.where}: ${p.message}`) };
  if ((flags.out || flags.service) && planned.plans.length !== 1) {
    return { problems: [`sjc: --out and --service need exactly one projection; pick one with --projection`] };
  }
  const plans = planned.plans.map((plan) => ({
    ...plan,
    ...(flags.out ? { out: resolve(flags.out) } : {}),
    ...(flags.service ? { service: flags.service } : {}),
  }));
  const notes = planned.otherPlugins.length
    ? [`sjc: ${shown} also names ${planned.otherPlugins.join(", ")}; sjc runs only typescript-codegen`]
    : [];
  return { base, plans, notes };
}

async function runAll(options: RunOptions): Promise<number> {
  let code = 0;
  for (const plan of options.plans) code = Math.max(code, await runOnce(options, plan));
  return code;
}

async function runOnce(options: RunOptions, plan: GenerationPlan): Promise<number> {
  const started = performance.now();
  let lap = started;
  const { log } = options;
  const say = (line: string) => options.quiet || log(line);
  const shown = (path: string) => relative(options.base, path).split("\\").join("/") || ".";
  const sources = [];
  for (const file of plan.files) {
    try {
      sources.push({ path: shown(file), text: await readFile(file, "utf8") });
    } catch (error) {
      log(`sjc: cannot read the model ${shown(file)}: ${(error as NodeJS.ErrnoException).code ?? error}`);
      return 2;
    }
  }
  if (options.plans.length > 1) say(`projection ${plan.projection}`);
  const result: GenerateResult = await generateModels(
    sources,
    {
      modelPath: sources.map((s) => s.path).join(", "),
      command: REGENERATE_COMMAND,
      package: plan.package,
      skips: await readSkipList(),
      ...(plan.service ? { service: plan.service } : {}),
      ...(options.formatter ? { formatter: options.formatter } : {}),
    },
    (step, detail) => {
      const now = performance.now();
      say(`${step.padEnd(9)} ${detail} (${Math.round(now - lap)} ms)`);
      lap = now;
    },
  );
  for (const issue of result.issues) log(formatIssue(issue));
  if (!result.ok) {
    const errors = result.issues.filter((i) => i.severity === "ERROR").length;
    log(`sjc: ${errors} model error${errors === 1 ? "" : "s"}; nothing was written`);
    return 1;
  }
  const out = plan.out ?? resolve(options.base, "generated", result.index.names.service.folder);
  if (options.check) {
    for (const line of await modelDrift(out, shown(out), result.files)) say(line);
    const differences = await comparePackage(out, result.files);
    if (differences.length) {
      for (const d of differences) log(`  ${d.change.padEnd(8)} ${shown(join(out, d.path))}`);
      log(
        `sjc: ${shown(out)} is stale (${differences.length} file${differences.length === 1 ? "" : "s"} differ); run: ${REGENERATE_COMMAND}`,
      );
      return 1;
    }
    say(`check     ${shown(out)} is up to date (${result.files.length} files)`);
    return 0;
  }
  await writePackage(out, result.files);
  say(`write     ${shown(out)}: ${result.files.length} files in ${Math.round(performance.now() - started)} ms`);
  return 0;
}

/** The generator's list of known conformance skips, with their reasons. */
async function readSkipList(): Promise<SkipList> {
  return parseSkipList(JSON.parse(await readFile(packageFile(SKIPS_FILE), "utf8")));
}

function watchSources(options: RunOptions): Promise<number> {
  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve(0);
  const rerun = () => {
    running = running.then(() => runAll(options));
  };
  rerun();
  const files = options.plans.flatMap((plan) => plan.files);
  options.log(`watching ${files.map((f) => relative(options.base, f)).join(", ")}; Ctrl-C to stop`);
  // Watch the folders: editors often replace the file, which ends a file watch.
  const names = new Map<string, Set<string>>();
  for (const file of files) names.set(dirname(file), (names.get(dirname(file)) ?? new Set()).add(basename(file)));
  const watchers = [...names].map(([dir, wanted]) =>
    watch(dir, (_event, name) => {
      if (name === null || !wanted.has(name)) return;
      clearTimeout(timer);
      timer = setTimeout(rerun, 100);
    }),
  );
  return new Promise((done) => {
    const stop = () => {
      for (const watcher of watchers) watcher.close();
      done(0);
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
}
