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
import { existsSync } from "node:fs";
import { basename, join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import { roundTripPackage } from "./roundtrip-package.js";

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

  let summary;
  try {
    summary = await roundTripPackage(out, {
      runs,
      seconds: budget,
      ...(seed === undefined ? {} : { seed }),
      log: console.log,
    });
  } catch (error) {
    console.error(`roundtrip: ${(error as Error).message}`);
    process.exit(3);
  }
  const { operations, cases, failures, skipped } = summary;
  for (const skip of skipped) console.log(`\nskipped ${skip}`);
  for (const failure of failures) console.log(`\nFAILED ${failure}`);
  console.log(`roundtrip: ${operations} operations, ${cases} cases, ${failures.length} failures`);
  process.exitCode = failures.length > 0 ? 1 : 0;
}

await main();
