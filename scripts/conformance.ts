/**
 * `npm run conformance -- <model.json> [--service ID]…`: runs a model's
 * protocol test cases against the client and server generated from it.
 *
 * For each service (every service of the model unless `--service` names
 * some): generate the package into `.tmp/conformance-<service>/` (inside the
 * project, so `@sjc/runtime` and the other dependencies resolve from the root
 * node_modules), type-check its sources and `test/protocol.spec.ts` with tsc
 * in strict mode, then run that spec with mocha. Prints each failure, then
 * each skip with its case id and reason, then exactly one closing line
 * `N passed, M failed, K skipped`. Exits 1 when a test failed or a package did
 * not generate or type-check, 2 on a usage error.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import Mocha from "mocha";
import { PROTOCOL_TESTS_PATH, SKIP_SEPARATOR } from "../codegen/emit/emit-protocol-tests.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const TSC = join(ROOT, "node_modules/.bin/tsc");
const TSX = join(ROOT, "node_modules/.bin/tsx");

const USAGE = `Usage: npm run conformance -- <model.json> [--service ID]...

Generates each service of the model (or each --service) into .tmp/conformance-<service>/,
type-checks it, and runs its generated protocol tests (test/protocol.spec.ts) with mocha.
Ends with one line: N passed, M failed, K skipped. Exit code 1 when anything failed.`;

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

interface Outcome extends Counts {
  /** Problems outside the tests: generation or type errors. */
  readonly problems: readonly string[];
  readonly skips: readonly string[];
}

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: { service: { type: "string", multiple: true }, help: { type: "boolean", default: false } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    console.error(`conformance: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (parsed.values.help) {
    console.log(USAGE);
    return 0;
  }
  if (parsed.positionals.length !== 1) {
    console.error(`conformance: name exactly one model file\n\n${USAGE}`);
    return 2;
  }
  const model = resolve(parsed.positionals[0]!);
  let services: string[];
  try {
    const available = await servicesOf(model);
    services = parsed.values.service ?? available;
    const unknown = services.filter((s) => !available.includes(s));
    if (unknown.length > 0) {
      console.error(
        `conformance: ${unknown.join(", ")} not in ${model}; its services: ${available.join(", ") || "none"}`,
      );
      return 2;
    }
  } catch (error) {
    console.error(`conformance: cannot read the model ${model}: ${(error as Error).message}`);
    return 2;
  }

  const runtimeBuild = run(TSC, ["-p", join(ROOT, "runtime")]);
  if (runtimeBuild.status !== 0) {
    console.error(`conformance: the runtime does not build:\n${runtimeBuild.output}`);
    return 1;
  }

  const total: Counts = { passed: 0, failed: 0, skipped: 0 };
  const problems: string[] = [];
  const skips: string[] = [];
  for (const service of services) {
    const outcome = await conformance(model, service);
    total.passed += outcome.passed;
    total.failed += outcome.failed;
    total.skipped += outcome.skipped;
    problems.push(...outcome.problems);
    skips.push(...outcome.skips);
    console.log(`${service} — ${outcome.passed} passed / ${outcome.failed} failed / ${outcome.skipped} skipped\n`);
  }
  for (const problem of problems) console.log(`problem  ${problem}`);
  for (const skip of skips) console.log(`skipped  ${skip}`);
  console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
  return total.failed > 0 || problems.length > 0 ? 1 : 0;
}

/** The model's service shape ids, sorted. */
async function servicesOf(model: string): Promise<string[]> {
  const json = JSON.parse(await readFile(model, "utf8")) as { shapes?: Record<string, { type?: string }> };
  return Object.entries(json.shapes ?? {})
    .filter(([, shape]) => shape.type === "service")
    .map(([id]) => id)
    .sort();
}

async function conformance(model: string, service: string): Promise<Outcome> {
  const name = service.slice(service.indexOf("#") + 1).toLowerCase();
  const out = join(ROOT, ".tmp", `conformance-${name}`);
  const shown = relative(ROOT, out);
  console.log(`== ${service} (${relative(ROOT, model)}) → ${shown}`);
  const none = { passed: 0, failed: 0, skipped: 0, skips: [] };

  const generated = run(TSX, [
    join(ROOT, "codegen/cli.ts"),
    "--model",
    model,
    "--out",
    out,
    "--service",
    service,
    "--quiet",
  ]);
  if (generated.status !== 0) {
    return { ...none, problems: [`${service}: generation failed (exit ${generated.status}):\n${generated.output}`] };
  }
  const spec = join(out, PROTOCOL_TESTS_PATH);
  if (!existsSync(spec)) {
    console.log("   the service has no protocol test cases");
    return { ...none, problems: [] };
  }

  const problems: string[] = [];
  const tsconfig = join(out, "tsconfig.conformance.json");
  await writeFile(
    tsconfig,
    JSON.stringify({
      extends: "./tsconfig.json",
      compilerOptions: { noEmit: true, rootDir: ".", types: ["node", "mocha"] },
      include: ["src", "test"],
    }),
  );
  const typecheck = run(TSC, ["-p", tsconfig]);
  if (typecheck.status !== 0) {
    problems.push(`${service}: ${shown} does not type-check:\n${typecheck.output}`);
  }

  return { ...(await runSpec(service, spec)), problems };
}

/** Runs one spec file in this process (tsx is its loader) and reports as it goes. */
async function runSpec(service: string, spec: string): Promise<Counts & { skips: string[] }> {
  const counts = { passed: 0, failed: 0, skipped: 0, skips: [] as string[] };
  const mocha = new Mocha({ timeout: 20_000, reporter: Mocha.reporters.Base });
  mocha.addFile(spec);
  await mocha.loadFilesAsync();
  let finished = (): void => {};
  const ended = new Promise<void>((done) => {
    finished = done;
  });
  const runner = mocha.run(() => finished());
  const where = (test: Mocha.Runnable) => test.titlePath().slice(1, -1).join(" › ");
  runner.on("pass", () => {
    counts.passed++;
  });
  runner.on("fail", (test, error: Error) => {
    counts.failed++;
    const message = (error.stack ?? String(error)).split("\n").slice(0, 40).join("\n     ");
    console.log(`   FAIL ${where(test)} › ${test.title}\n     ${message}\n`);
  });
  runner.on("pending", (test) => {
    counts.skipped++;
    const [id, reason] = test.title.split(SKIP_SEPARATOR);
    counts.skips.push(`${service} › ${where(test)} › ${id}: ${reason ?? "(no reason given)"}`);
  });
  await ended;
  mocha.dispose();
  return counts;
}

function run(command: string, args: string[]): { status: number | null; output: string } {
  const result = spawnSync(command, args, { cwd: ROOT, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  return { status: result.status, output: `${result.stdout ?? ""}${result.stderr ?? ""}`.trim() };
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error("conformance: unexpected failure:", error);
    process.exitCode = 1;
  },
);
