/**
 * `npm run differential -- [model.json[.gz] …] [--runs N] [--seed N] [--seconds S]`
 *
 * Differential tests against the AWS SDK for JavaScript v3: generates each
 * model (by default the `services` of `scripts/differential.json`, read from
 * `../shared/aws-models`) into `.tmp/differential/<name>/`, builds it, and
 * compares its client with `@aws-sdk/client-<name>` (a devDependency) on
 * every operation both have: the requests they send for the same random
 * inputs, and what they return or throw for the same random outputs and
 * errors. Differences listed in `scripts/differential.json` are accepted;
 * any other fails, and so does a listed one that the run never met.
 * Prints one line per service, then
 * `differential: <services> services, <cases> cases, <failures> failures, <known> known differences`.
 * Exit codes: 0 no unknown difference, 1 differences or stale entries, 2 usage,
 * 3 a model did not generate or build, or has no SDK client installed.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gunzipSync } from "node:zlib";
import { type DifferentialList, KnownDifferences, describeEntry, parseDifferentialList } from "./differential-known.js";

const ROOT = resolve(fileURLToPath(import.meta.url), "../..");
const LIST = join(ROOT, "scripts", "differential.json");
const MODELS = resolve(ROOT, "..", "shared", "aws-models");
const WORK = join(ROOT, ".tmp", "differential");
const CASES = ["request", "output", "error"] as const;
const USAGE = "usage: npm run differential -- [model.json[.gz] …] [--runs N] [--seed N] [--seconds S]";

// The SDK warns once per process that later releases will need a newer Node; this run pins one that does not.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";

interface Settings {
  readonly models: readonly { readonly name: string; readonly file: string }[];
  readonly runs: number;
  readonly seed: number;
  /** Time bound per service. */
  readonly seconds: number;
}

function settings(list: DifferentialList): Settings {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: { runs: { type: "string" }, seed: { type: "string" }, seconds: { type: "string" } },
    });
  } catch (error) {
    usage((error as Error).message);
  }
  const { positionals, values } = parsed;
  const number = (text: string | undefined, name: string, fallback: number) => {
    if (text === undefined) return fallback;
    const value = Number(text);
    if (!Number.isFinite(value) || value <= 0) usage(`--${name} must be a positive number, got ${text}`);
    return value;
  };
  const files =
    positionals.length > 0
      ? positionals.map((file) => resolve(process.env.INIT_CWD ?? process.cwd(), file))
      : list.services.map((service) => join(MODELS, `${service}.json.gz`));
  for (const file of files) if (!existsSync(file)) usage(`no such model file: ${file}`);
  return {
    models: files.map((file) => ({ name: basename(file).replace(/\.json(\.gz)?$/, ""), file })),
    runs: Math.floor(number(values.runs, "runs", 25)),
    seed: Math.floor(number(values.seed, "seed", 12)),
    seconds: number(values.seconds, "seconds", 40),
  };
}

function usage(message: string): never {
  console.error(`differential: ${message}\n${USAGE}`);
  process.exit(2);
}

/** Runs a build step from the project root; exit 3 with its output when it fails. */
function step(command: string, args: string[]): void {
  try {
    execFileSync(command, args, { cwd: ROOT, stdio: "pipe", encoding: "utf8" });
  } catch (error) {
    const { stdout = "", stderr = "" } = error as { stdout?: string; stderr?: string };
    console.error(`differential: ${command} ${args.join(" ")} failed\n${`${stdout}${stderr}`.trim()}`);
    process.exit(3);
  }
}

const seconds = (milliseconds: number) => `${(milliseconds / 1000).toFixed(1)} s`;

/**
 * Generates `file` into `.tmp/differential/<name>`; returns the package folder.
 * Its sources are loaded through tsx, unbuilt: `npm run corpus` type-checks
 * generated packages, this run compares behaviour.
 */
function build(name: string, file: string): string {
  const models = join(WORK, "models");
  mkdirSync(models, { recursive: true });
  const json = join(models, `${name}.json`);
  const bytes = readFileSync(file);
  writeFileSync(json, file.endsWith(".gz") ? gunzipSync(bytes) : bytes);
  const out = join(WORK, name);
  step(process.execPath, [
    "codegen/dist/cli.js",
    "generate",
    "--model",
    relative(ROOT, json),
    "--out",
    relative(ROOT, out),
  ]);
  return out;
}

async function main(): Promise<void> {
  const list = parseDifferentialList(readFileSync(LIST, "utf8"));
  const { models, runs, seed, seconds: budget } = settings(list);
  const started = performance.now();
  step(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "codegen"]);
  step(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "runtime"]);
  step(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "testing"]);
  // Imported only now: the runtime and test kit were (re)built above.
  const { Differential } = await import("@sjc/testing");

  const ignoredHeaders = Object.keys(list.ignoredHeaders);
  const known = new KnownDifferences(list);
  let cases = 0;
  const failures: string[] = [];
  console.log(`differential: ${models.length} services, ≤ ${runs} cases per operation and case, seed ${seed}`);
  for (const { name, file } of models) {
    const serviceStarted = performance.now();
    const out = build(name, file);
    const pkg = (await import(pathToFileURL(join(out, "src", "index.ts")).href)) as Record<string, unknown>;
    const { name: packageName } = JSON.parse(readFileSync(join(out, "package.json"), "utf8")) as { name: string };
    const sdkName = packageName.replace(/^@sjc\//, "@aws-sdk/client-");
    let sdk: Record<string, unknown>;
    try {
      sdk = (await import(sdkName)) as Record<string, unknown>;
    } catch {
      console.error(`differential: ${name} needs ${sdkName}; install it with npm i -D ${sdkName}`);
      process.exit(3);
    }
    const { definitions } = JSON.parse(readFileSync(join(out, "schemas", "shapes.schema.json"), "utf8"));
    const Client = Object.entries(pkg).find(([key, value]) => /Client$/.test(key) && typeof value === "function")?.[1];
    if (typeof Client !== "function" || pkg.serviceDescription === undefined) {
      console.error(`differential: ${relative(ROOT, out)} exports no <Service>Client or serviceDescription`);
      process.exit(3);
    }
    const differential = new Differential(
      {
        serviceDescription: pkg.serviceDescription as never,
        definitions,
        createClient: (config) => new (Client as new (c: typeof config) => never)(config),
      },
      sdk,
      { ignoredHeaders },
    );
    const accept = known.acceptFor(name);
    const built = performance.now();
    const deadline = built + budget * 1000;
    const { operations } = differential;
    let serviceCases = 0;
    let serviceFailures = 0;
    for (const [i, operation] of operations.entries()) {
      for (const [j, comparedCase] of CASES.entries()) {
        const left = (operations.length - i) * CASES.length - j;
        const report = await differential.check(operation, comparedCase, {
          runs,
          seed,
          timeLimitMs: Math.max(50, (deadline - performance.now()) / left),
          accept,
        });
        serviceCases += report.runs;
        if (report.failed) {
          serviceFailures++;
          failures.push(`${name} ${operation} ${comparedCase}: ${report.message}`);
        }
      }
    }
    differential.destroy();
    cases += serviceCases;
    const { entries, seen, differences } = known.seen(name);
    const missing = differential.missingFromSdk;
    console.log(
      `${name} (${sdkName}): ${operations.length} operations, ${serviceCases} cases, ${serviceFailures} failures, ` +
        `${differences} known differences from ${seen}/${entries} entries` +
        `${missing.length > 0 ? `, not in the SDK: ${missing.join(", ")}` : ""} ` +
        `(build ${seconds(built - serviceStarted)}, compare ${seconds(performance.now() - built)})`,
    );
  }
  const everyService = list.services.every((service) => models.some((model) => model.name === service));
  const stale = known.stale(everyService);
  for (const entry of stale) {
    failures.push(
      `the known difference ${describeEntry(entry)} no longer shows; remove it from scripts/differential.json`,
    );
  }
  for (const failure of failures) console.log(`\nFAILED ${failure}`);
  console.log(
    `differential: ${models.length} services, ${cases} cases, ${failures.length} failures, ` +
      `${stale.length} stale entries (${seconds(performance.now() - started)})`,
  );
  process.exitCode = failures.length > 0 ? 1 : 0;
}

await main();
