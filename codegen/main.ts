/**
 * The generator's command line: parses arguments, runs the pipeline, writes
 * or checks the package, and picks the exit code (0 ok, 1 model errors or
 * stale output, 2 usage). `cli.ts` calls it; tests call it in-process.
 */
import { watch } from "node:fs";
import { readFile } from "node:fs/promises";
import { basename, dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { generate } from "./pipeline.js";
import type { FormatPool } from "./render/format-pool.js";
import { SKIPS_FILE, type SkipList, parseSkipList } from "./emit/protocol-tests/skips.js";
import { formatIssue } from "./validate/issue.js";
import { comparePackage, writePackage } from "./write/write-package.js";

/** The project root: above `codegen/`, whether run from source or from `codegen/dist/`. */
const ROOT = fileURLToPath(new URL(import.meta.url.includes("/codegen/dist/") ? "../../" : "../", import.meta.url));

const USAGE = `Usage: npm run generate -- [options]

Generates a TypeScript package (types, validators, client, server, conformance
tests) from a Smithy 2.0 JSON AST model of an awsJson1_0 / awsJson1_1 service.

Options:
  --model FILE     the model (default: model/ssm.json)
  --out DIR        the package folder (default: generated/<sdk-id>)
  --service ID     the service shape to generate, when the model has several
  --check          compare with the package on disk, write nothing; exit 1 if stale
  --watch          regenerate whenever the model file changes
  --quiet          print only problems
  --help           show this text

Exit codes: 0 ok, 1 model errors or stale output, 2 usage, 3 generator bug.`;

export type Log = (line: string) => void;

const defaultLog: Log = (line) => console.error(line);

interface CliOptions {
  readonly log: Log;
  readonly model: string;
  readonly out?: string;
  readonly service?: string;
  readonly check: boolean;
  readonly quiet: boolean;
  readonly formatter?: FormatPool;
}

/**
 * Runs the command line; `log` receives every line meant for the terminal.
 * `formatter` is a prettier pool the caller started early (and closes);
 * without it, each run starts its own.
 */
export async function runCli(argv: readonly string[], log: Log = defaultLog, formatter?: FormatPool): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        model: { type: "string", default: "model/ssm.json" },
        out: { type: "string" },
        service: { type: "string" },
        check: { type: "boolean", default: false },
        watch: { type: "boolean", default: false },
        quiet: { type: "boolean", default: false },
        help: { type: "boolean", default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    log(`sjc: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    log(USAGE);
    return 0;
  }
  if (values.check && values.watch) {
    log("sjc: --check and --watch cannot be combined");
    return 2;
  }
  const options: CliOptions = {
    log,
    model: values.model!,
    check: values.check!,
    quiet: values.quiet!,
    ...(values.out ? { out: values.out } : {}),
    ...(values.service ? { service: values.service } : {}),
    ...(formatter ? { formatter } : {}),
  };
  if (!values.watch) return runOnce(options);
  return watchModel(options);
}

async function runOnce(options: CliOptions): Promise<number> {
  const started = performance.now();
  let lap = started;
  const { log } = options;
  const say = (line: string) => options.quiet || log(line);
  let text: string;
  try {
    text = await readFile(options.model, "utf8");
  } catch (error) {
    log(`sjc: cannot read the model ${options.model}: ${(error as NodeJS.ErrnoException).code ?? error}`);
    return 2;
  }
  const result = await generate(
    text,
    {
      modelPath: relative(process.cwd(), resolve(options.model)).split("\\").join("/"),
      command: "npm run generate",
      version: "0.1.0",
      dependencies: await runtimeDependencies(),
      skips: await readSkipList(ROOT),
      ...(options.service ? { service: options.service } : {}),
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
  const out = options.out ?? join("generated", result.index.names.service.folder);
  if (options.check) {
    const differences = await comparePackage(out, result.files);
    if (differences.length) {
      for (const d of differences) log(`  ${d.change.padEnd(8)} ${join(out, d.path)}`);
      log(
        `sjc: ${out} is stale (${differences.length} file${differences.length === 1 ? "" : "s"} differ); run: npm run generate`,
      );
      return 1;
    }
    say(`check     ${out} is up to date (${result.files.length} files)`);
    return 0;
  }
  await writePackage(out, result.files);
  say(`write     ${out}: ${result.files.length} files in ${Math.round(performance.now() - started)} ms`);
  return 0;
}

/** The checked-in conformance skip list, with its reasons. */
async function readSkipList(root: string): Promise<SkipList> {
  return parseSkipList(JSON.parse(await readFile(join(root, SKIPS_FILE), "utf8")));
}

/** The generated package depends on the runtime and on what its code imports. */
async function runtimeDependencies(): Promise<Record<string, string>> {
  const runtime = JSON.parse(await readFile(join(ROOT, "runtime/package.json"), "utf8"));
  const root = JSON.parse(await readFile(join(ROOT, "package.json"), "utf8"));
  const all = { ...root.devDependencies, ...root.dependencies, ...runtime.dependencies };
  return {
    "@sjc/runtime": runtime.version,
    "@smithy/types": all["@smithy/types"],
    "@types/node": all["@types/node"],
    ajv: all.ajv,
  };
}

function watchModel(options: CliOptions): Promise<number> {
  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve(0);
  const rerun = () => {
    running = running.then(() => runOnce(options));
  };
  rerun();
  options.log(`watching ${options.model}; Ctrl-C to stop`);
  // Watch the folder: editors often replace the file, which ends a file watch.
  const watcher = watch(dirname(resolve(options.model)), (_event, name) => {
    if (name !== basename(options.model)) return;
    clearTimeout(timer);
    timer = setTimeout(rerun, 100);
  });
  return new Promise((done) => {
    const stop = () => {
      watcher.close();
      done(0);
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
}
