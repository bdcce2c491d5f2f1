/**
 * `npm run corpus -- <model or folder>... [--jobs N] [--runs N] [--seconds S] [--timeout S]`
 *
 * Runs sjc over a corpus of models (`.json` or gzipped `.json.gz`; a folder
 * means every such file in it). For each model whose service speaks a
 * protocol sjc supports: generate it into `.tmp/corpus/<name>/` (inside the
 * project, so the package resolves `@sjc/runtime`), build and strictly
 * type-check it with tsc, round-trip random values of every operation through
 * its client and server, and run its generated protocol and endpoint tests
 * when it has any. Models run `--jobs` at a time (default: one per core), each within
 * `--timeout` seconds. Prints one line per model, the warnings by kind, the
 * generated test cases counted, and ends with exactly `N passed, M failed,
 * K skipped` (skipped: a protocol sjc does not support yet). Exit 1 when a model failed, 2 on a usage error.
 */
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { basename, dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { gunzipSync } from "node:zlib";
import { PACKAGE_MODULES } from "../codegen/index/names.js";
import type { PackageReport } from "./corpus-package.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const TSC = join(ROOT, "node_modules/.bin/tsc");
const TSX = join(ROOT, "node_modules/.bin/tsx");
const CORPUS = join(ROOT, ".tmp", "corpus");
const SUPPORTED = new Set(["aws.protocols#awsJson1_0", "aws.protocols#awsJson1_1"]);

const USAGE = `Usage: npm run corpus -- <model.json[.gz] | folder>... [options]

For each model: generate into .tmp/corpus/<name>/, type-check strictly, round-trip
every operation, run its protocol and endpoint tests. Ends with: N passed, M failed, K skipped.

Options:
  --jobs N       models at a time (default: the number of cores)
  --runs N       round-trip values per operation and direction (default 10)
  --seconds S    round-trip time per model (default 10)
  --timeout S    time bound per model, all steps (default 300)
  --help         show this text`;

interface Settings {
  readonly models: readonly string[];
  readonly jobs: number;
  readonly runs: number;
  readonly seconds: number;
  readonly timeout: number;
}

interface Result {
  readonly name: string;
  readonly status: "passed" | "failed" | "skipped";
  /** The table row. */
  readonly line: string;
  /** Why it failed, or which protocol it speaks when skipped. */
  readonly detail: string;
  readonly warnings: readonly string[];
  /** The generated protocol and endpoint test cases it ran, when it got that far. */
  readonly tests?: Pick<PackageReport, "protocol" | "endpoint">;
}

function settings(argv: string[]): Settings {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        jobs: { type: "string" },
        runs: { type: "string" },
        seconds: { type: "string" },
        timeout: { type: "string" },
        help: { type: "boolean", default: false },
      },
    });
  } catch (error) {
    usage((error as Error).message);
  }
  const { positionals, values } = parsed;
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  if (positionals.length === 0) usage("name at least one model file or folder");
  const number = (text: string | undefined, name: string, fallback: number) => {
    if (text === undefined) return fallback;
    const value = Number(text);
    if (!Number.isFinite(value) || value <= 0) usage(`--${name} must be a positive number, got ${text}`);
    return value;
  };
  // npm runs scripts from the project root; relative paths mean the caller's directory.
  const base = process.env.INIT_CWD ?? process.cwd();
  const models = positionals.flatMap((path) => modelFiles(resolve(base, path)));
  if (models.length === 0) usage(`no .json or .json.gz model in ${positionals.join(", ")}`);
  const names = models.map(modelName);
  const twice = names.find((name, i) => names.indexOf(name) !== i);
  if (twice !== undefined) usage(`two models are named ${twice}; their outputs would collide`);
  return {
    models,
    jobs: Math.floor(number(values.jobs, "jobs", availableParallelism())),
    runs: Math.floor(number(values.runs, "runs", 10)),
    seconds: number(values.seconds, "seconds", 10),
    timeout: number(values.timeout, "timeout", 300),
  };
}

function usage(message: string): never {
  console.error(`corpus: ${message}\n\n${USAGE}`);
  process.exit(2);
}

const isModel = (file: string) => /\.json(\.gz)?$/.test(file);

function modelFiles(path: string): string[] {
  if (!existsSync(path)) usage(`no such file or folder: ${path}`);
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .filter(isModel)
    .sort()
    .map((file) => join(path, file));
}

const modelName = (file: string) => basename(file).replace(/\.json(\.gz)?$/, "");

/** The protocol traits of each service of the model, by service id. */
function servicesOf(text: string): Map<string, string[]> {
  const shapes = (JSON.parse(text) as { shapes?: Record<string, { type?: string; traits?: object }> }).shapes ?? {};
  const services = new Map<string, string[]>();
  for (const [id, shape] of Object.entries(shapes).sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (shape.type !== "service") continue;
    services.set(
      id,
      Object.keys(shape.traits ?? {}).filter((trait) => /^(aws|smithy)\.protocols#/.test(trait)),
    );
  }
  return services;
}

interface Spawned {
  readonly status: number | null;
  readonly output: string;
  readonly stdout: string;
  readonly timedOut: boolean;
  readonly ms: number;
}

/** Runs a command from the project root, killed when the model's time is up. */
function run(command: string, args: string[], deadline: number): Promise<Spawned> {
  const started = performance.now();
  return new Promise((done) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk;
      output += chunk;
    });
    child.stderr.on("data", (chunk: Buffer) => (output += chunk));
    let timedOut = false;
    const timer = Number.isFinite(deadline)
      ? setTimeout(
          () => {
            timedOut = true;
            child.kill("SIGKILL");
          },
          Math.max(0, deadline - performance.now()),
        )
      : undefined;
    child.on("close", (status) => {
      clearTimeout(timer);
      done({ status, output: output.trim(), stdout, timedOut, ms: performance.now() - started });
    });
  });
}

const ms = (value: number) => `${Math.round(value).toLocaleString("en-US")} ms`;

/** The first lines of a step's output, indented under the model. */
const excerpt = (text: string, lines = 30) =>
  text
    .split("\n")
    .slice(0, lines)
    .map((line) => `    ${line}`)
    .join("\n");

async function corpusModel(file: string, options: Settings): Promise<Result> {
  const name = modelName(file);
  const deadline = performance.now() + options.timeout * 1000;
  const text = file.endsWith(".gz") ? gunzipSync(readFileSync(file)).toString("utf8") : readFileSync(file, "utf8");
  const services = servicesOf(text);
  const service = [...services].find(([, protocols]) => protocols.some((p) => SUPPORTED.has(p)));
  if (service === undefined) {
    const protocols = [...new Set([...services.values()].flat())].map((p) => p.replace(/^.*#/, ""));
    const spoken = protocols.join(", ") || "no protocol";
    return { name, status: "skipped", line: `SKIP ${name}: ${spoken}`, detail: spoken, warnings: [] };
  }
  const [serviceId, protocols] = service;
  const protocol = protocols.find((p) => SUPPORTED.has(p))!.replace(/^.*#/, "");
  const out = join(CORPUS, name);
  let model = file;
  if (file.endsWith(".gz")) {
    model = join(CORPUS, "models", `${name}.json`);
    await writeFile(model, text);
  }
  await rm(out, { recursive: true, force: true });
  const cells = [name, protocol];
  let warnings: string[] = [];
  const fail = (step: string, spawned: Spawned | undefined, message?: string): Result => {
    const why = spawned?.timedOut
      ? `timed out after ${options.timeout} s (in ${step})`
      : (message ?? `${step} failed (exit ${spawned?.status}):\n${excerpt(spawned?.output ?? "")}`);
    return { name, status: "failed", line: `FAIL ${[...cells, `${step} failed`].join("  ")}`, detail: why, warnings };
  };

  const generated = await run(
    process.execPath,
    [join(ROOT, "codegen/dist/cli.js"), "generate", "--model", model, "--out", out, "--service", serviceId],
    deadline,
  );
  const lines = generated.output.split("\n");
  warnings = lines.filter((line) => line.startsWith("WARNING "));
  if (generated.status !== 0) return fail("generate", generated);
  // The generator's `index` line: the operations it generates, those of the service's resources included.
  const operations = /^index\s+(\d+) operations/m.exec(generated.output)?.[1] ?? "?";
  cells.push(`${operations} ops`, `generate ${ms(generated.ms)}`);

  const built = await run(TSC, ["-p", out], deadline);
  if (built.status !== 0) return fail("tsc", built);
  if (
    [PACKAGE_MODULES.protocolTests.path, PACKAGE_MODULES.endpointTests.path].some((path) => existsSync(join(out, path)))
  ) {
    const tsconfig = join(out, "tsconfig.corpus.json");
    await writeFile(
      tsconfig,
      JSON.stringify({
        extends: "./tsconfig.json",
        compilerOptions: { noEmit: true, rootDir: ".", types: ["node", "mocha"] },
        include: ["src", "test"],
      }),
    );
    const tests = await run(TSC, ["-p", tsconfig], deadline);
    if (tests.status !== 0) return fail("tsc", tests);
  }
  cells.push(`tsc ok ${ms(built.ms)}`);

  const checked = await run(
    TSX,
    [
      join(ROOT, "scripts/corpus-package.ts"),
      out,
      "--runs",
      String(options.runs),
      "--seconds",
      String(options.seconds),
    ],
    deadline,
  );
  const last = checked.stdout.trim().split("\n").pop() ?? "";
  if (checked.status !== 0 || !last.startsWith("{")) return fail("round trip", checked);
  const report = JSON.parse(last) as PackageReport;
  cells.push(`round trip ${report.cases} cases ${report.failures.length} failures`);
  for (const [kind, counts] of [
    ["protocol", report.protocol],
    ["endpoint", report.endpoint],
  ] as const) {
    cells.push(counts ? `${kind} tests ${counts.passed}/${counts.failed}/${counts.skipped}` : `no ${kind} tests`);
  }
  const tests = {
    ...(report.protocol ? { protocol: report.protocol } : {}),
    ...(report.endpoint ? { endpoint: report.endpoint } : {}),
  };
  // A property the model's own constraints leave no valid value for is a warning, not a failure.
  warnings = [...warnings, ...report.skipped.map((skip) => `ROUNDTRIP ${skip}`)];
  if (report.skipped.length > 0) cells.push(`${report.skipped.length} properties skipped`);
  cells.push(`${warnings.length} warnings`);
  const failures = [...report.failures, ...(report.protocol?.failures ?? []), ...(report.endpoint?.failures ?? [])];
  if (failures.length > 0) {
    return {
      name,
      status: "failed",
      line: `FAIL ${cells.join("  ")}`,
      detail: excerpt(failures.join("\n"), 60),
      warnings,
      tests,
    };
  }
  return { name, status: "passed", line: `ok   ${cells.join("  ")}`, detail: "", warnings, tests };
}

/**
 * A warning's kind: its trait and message with the specifics (quoted values,
 * shape ids, the location) left out, so that alike warnings count together.
 */
function warningKind(line: string): string {
  const skipped = /^ROUNDTRIP \S+ (?:input|output): .*?: (pattern|the length)/.exec(line);
  if (skipped) {
    return `round trip skipped: the model admits no valid value (${skipped[1] === "pattern" ? "a pattern's fixed length is outside its length trait" : "crossed length bounds"})`;
  }
  const match = /^WARNING \S+ (\S+): (.*) \([^()]* \/[^()]*\)$/.exec(line);
  if (!match) return line;
  const [, trait, message] = match;
  const general = message!.replace(/"(?:[^"\\]|\\.)*"/g, "…").replace(/\b[\w.]+#[\w$.]+/g, "<shape>");
  return `${trait} ${general}`;
}

async function main(argv: string[]): Promise<number> {
  const options = settings(argv);
  const started = performance.now();
  for (const project of ["codegen", "runtime", "testing"]) {
    const built = await run(TSC, ["-p", join(ROOT, project)], Infinity);
    if (built.status !== 0) {
      console.error(`corpus: ${project} does not build:\n${built.output}`);
      return 1;
    }
  }
  await mkdir(join(CORPUS, "models"), { recursive: true });
  console.log(
    `corpus: ${options.models.length} models, ${options.jobs} at a time, ≤ ${options.timeout} s each → ${relative(ROOT, CORPUS)}/`,
  );

  const results: Result[] = new Array(options.models.length);
  let next = 0;
  const worker = async () => {
    while (next < options.models.length) {
      const i = next++;
      const file = options.models[i]!;
      try {
        results[i] = await corpusModel(file, options);
      } catch (error) {
        const name = modelName(file);
        const detail = `    ${(error as Error).stack ?? error}`;
        results[i] = {
          name,
          status: "failed",
          line: `FAIL ${name}: ${(error as Error).message}`,
          detail,
          warnings: [],
        };
      }
      console.log(results[i]!.line);
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.jobs, options.models.length) }, worker));

  const failed = results.filter((r) => r.status === "failed");
  const skipped = results.filter((r) => r.status === "skipped");
  for (const result of failed) console.log(`\nFAILED ${result.name}\n${result.detail}`);

  const kinds = new Map<string, number>();
  for (const warning of results.flatMap((r) => r.warnings)) {
    const kind = warningKind(warning);
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  }
  if (kinds.size > 0) {
    console.log("\nwarnings by kind:");
    for (const [kind, count] of [...kinds].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))) {
      console.log(`${String(count).padStart(6)}  ${kind}`);
    }
  }
  if (skipped.length > 0) {
    const bySpoken = new Map<string, string[]>();
    for (const { name, detail } of skipped) bySpoken.set(detail, [...(bySpoken.get(detail) ?? []), name]);
    console.log("\nskipped (protocol not supported yet):");
    for (const [spoken, names] of [...bySpoken].sort())
      console.log(`  ${spoken} (${names.length}): ${names.join(" ")}`);
  }
  for (const kind of ["protocol", "endpoint"] as const) {
    const counted = results.flatMap((r) => (r.tests?.[kind] ? [r.tests[kind]] : []));
    const sum = (key: "passed" | "failed" | "skipped") => counted.reduce((total, c) => total + c[key], 0);
    console.log(
      `${kind} tests: ${sum("passed") + sum("failed") + sum("skipped")} cases in ${counted.length} models: ` +
        `${sum("passed")} passed, ${sum("failed")} failed, ${sum("skipped")} skipped`,
    );
  }
  const passed = results.length - failed.length - skipped.length;
  console.log(`\ncorpus: ${results.length} models in ${(Math.round(performance.now() - started) / 1000).toFixed(1)} s`);
  console.log(`${passed} passed, ${failed.length} failed, ${skipped.length} skipped`);
  return failed.length > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error("corpus: unexpected failure:", error);
    process.exitCode = 1;
  },
);
