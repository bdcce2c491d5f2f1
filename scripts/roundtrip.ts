/**
 * `npm run roundtrip -- <model.json> [--service ID] [--runs N] [--seconds S] [--seed N]`
 *
 * Generates the model (or its service `ID`) into `.tmp/roundtrip-<name>/`, builds it, then sends
 * random valid inputs and outputs of EVERY operation through the generated
 * client and server (in-process, signed and verified) and checks that they
 * arrive unchanged. Time is split evenly across the operations left; what
 * quick operations leave over then goes to those the time limit cut short.
 * Prints one line per step and per operation, then
 * `roundtrip: <ops> operations, <cases> cases, <failures> failures`.
 * Exit codes: 0 all held, 1 a property failed, 2 usage, 3 the model did not generate or build.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { basename, join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = resolve(fileURLToPath(import.meta.url), "../..");
const USAGE = "usage: npm run roundtrip -- <model.json> [--service ID] [--runs N] [--seconds S] [--seed N]";

interface Settings {
  readonly model: string;
  readonly service: string | undefined;
  readonly runs: number;
  readonly seconds: number;
  readonly seed: number | undefined;
}

function settings(): Settings {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        service: { type: "string" },
        runs: { type: "string" },
        seconds: { type: "string" },
        seed: { type: "string" },
      },
    });
  } catch (error) {
    usage((error as Error).message);
  }
  const { positionals, values } = parsed;
  if (positionals.length !== 1) usage("expected exactly one model file");
  const number = (text: string | undefined, name: string, fallback: number) => {
    if (text === undefined) return fallback;
    const value = Number(text);
    if (!Number.isFinite(value) || value <= 0) usage(`--${name} must be a positive number, got ${text}`);
    return value;
  };
  // npm runs scripts from the project root; a relative path means the caller's directory.
  const model = resolve(process.env.INIT_CWD ?? process.cwd(), positionals[0]!);
  if (!existsSync(model)) usage(`no such model file: ${model}`);
  return {
    model,
    service: values.service,
    runs: Math.floor(number(values.runs, "runs", 100)),
    seconds: number(values.seconds, "seconds", 60),
    seed: values.seed === undefined ? undefined : Math.floor(number(values.seed, "seed", 1)),
  };
}

function usage(message: string): never {
  console.error(`roundtrip: ${message}\n${USAGE}`);
  process.exit(2);
}

/** Runs a build step from the project root; exit 3 with its output when it fails. */
function step(label: string, command: string, args: string[]): void {
  const started = performance.now();
  process.stdout.write(`${label} … `);
  try {
    execFileSync(command, args, { cwd: ROOT, stdio: "pipe", encoding: "utf8" });
  } catch (error) {
    const { stdout = "", stderr = "" } = error as { stdout?: string; stderr?: string };
    console.log("failed");
    console.error(`${stdout}${stderr}`.trim());
    process.exit(3);
  }
  console.log(`done in ${seconds(performance.now() - started)}`);
}

const seconds = (milliseconds: number) => `${(milliseconds / 1000).toFixed(1)} s`;

async function main(): Promise<void> {
  const { model, service, runs, seconds: budget, seed } = settings();
  const name =
    basename(model).replace(/\.json$/, "") + (service === undefined ? "" : `-${service.replace(/^.*#/, "")}`);
  const out = join(ROOT, ".tmp", `roundtrip-${name}`);
  const outFromRoot = relative(ROOT, out);
  step("build runtime", "npx", ["tsc", "-p", "runtime"]);
  step("build test kit", "npx", ["tsc", "-p", "testing"]);
  const serviceArgs = service === undefined ? [] : ["--service", service];
  step(`generate ${relative(ROOT, model)} → ${outFromRoot}`, "npx", [
    "tsx",
    "codegen/cli.ts",
    "generate",
    "--model",
    model,
    ...serviceArgs,
    "--out",
    outFromRoot,
  ]);
  step(`build ${outFromRoot}`, "npx", ["tsc", "-p", outFromRoot]);

  // Imported only now: the runtime was (re)built above, and the package must
  // share the very runtime module instances the harness uses.
  const { RoundTrip } = await import("@sjc/testing");
  const entry = (file: string) =>
    import(pathToFileURL(join(out, "dist", file)).href) as Promise<Record<string, unknown>>;
  const pkg = await entry("index.js");
  const server = await entry("server.js");
  const { definitions } = JSON.parse(readFileSync(join(out, "schemas", "shapes.schema.json"), "utf8"));
  const Client = Object.entries(pkg).find(([key, value]) => /Client$/.test(key) && typeof value === "function")?.[1];
  const createHandler = Object.entries(server).find(([key]) => /^create\w+Handler$/.test(key))?.[1];
  if (typeof Client !== "function" || typeof createHandler !== "function" || pkg.serviceDescription === undefined) {
    console.error(
      `roundtrip: ${outFromRoot} exports no <Service>Client or serviceDescription, or its server entry no create<Service>Handler`,
    );
    process.exit(3);
  }
  const roundTrip = new RoundTrip({
    serviceDescription: pkg.serviceDescription as never,
    definitions,
    createClient: (config) => new (Client as new (c: typeof config) => never)(config),
    createHandler: createHandler as never,
  });

  const operations = roundTrip.operations;
  const deadline = performance.now() + budget * 1000;
  let cases = 0;
  const failures: string[] = [];
  /** Properties the time limit cut short, and how many values they still lack. */
  const shortfalls: { operation: string; property: "input" | "output"; missing: number }[] = [];
  const run = async (operation: string, property: "input" | "output", values: number, timeLimitMs: number) => {
    const report = await roundTrip.check(operation, property, {
      runs: values,
      timeLimitMs,
      // A top-up must not replay the values of the first pass.
      ...(seed === undefined ? {} : { seed: seed + (values < runs ? 1 : 0) }),
    });
    cases += report.runs;
    if (report.failed) failures.push(`${operation} ${property}: ${report.message}`);
    else if (report.runs < values) shortfalls.push({ operation, property, missing: values - report.runs });
    return `${property} ${report.runs}${report.failed ? " FAILED" : ""}`;
  };
  const width = String(operations.length).length;
  console.log(`round trips: ${operations.length} operations, ≤ ${runs} values per property, ${budget} s in all`);
  for (const [i, operation] of operations.entries()) {
    const opStarted = performance.now();
    const share = Math.max(50, (deadline - opStarted) / (operations.length - i) / 2);
    const line = [await run(operation, "input", runs, share), await run(operation, "output", runs, share)];
    const position = `[${String(i + 1).padStart(width)}/${operations.length}]`;
    console.log(`${position} ${operation}: ${line.join(", ")} (${seconds(performance.now() - opStarted)})`);
  }
  // Time left over by quick operations goes to those the limit cut short.
  const topUps = shortfalls.splice(0);
  for (const [i, { operation, property, missing }] of topUps.entries()) {
    const share = (deadline - performance.now()) / (topUps.length - i);
    if (share < 50) break;
    const result = await run(operation, property, missing, share);
    console.log(`[more ${String(i + 1).padStart(width)}/${topUps.length}] ${operation}: ${result.replace(" ", " +")}`);
  }
  roundTrip.destroy();
  for (const failure of failures) console.log(`\nFAILED ${failure}`);
  console.log(`roundtrip: ${operations.length} operations, ${cases} cases, ${failures.length} failures`);
  process.exitCode = failures.length > 0 ? 1 : 0;
}

await main();
