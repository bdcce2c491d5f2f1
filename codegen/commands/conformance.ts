/**
 * `sjc conformance <model> [--service ID]… [--work DIR]`: runs a
 * model's protocol test cases against the client and server generated from it.
 *
 * For each service (every service of the model unless `--service` names
 * some): generate the package into `DIR/conformance-<service>/`, inside the
 * current project so that `@sjc/runtime` and `@sjc/testing` resolve from its
 * node_modules; type-check its sources and `test/protocol.spec.ts` with the
 * project's own typescript (said so when the project has none); then run that
 * spec with mocha in this process, tsx loading it. Prints each failure, then
 * each skip with its case id and reason, then exactly one closing line
 * `N passed, M failed, K skipped`. Exit 1 when a test failed or a package did
 * not generate or type-check, 2 on a usage error.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import type MochaType from "mocha";
import { SKIP_SEPARATOR } from "../emit/emit-protocol-tests.js";
import { PACKAGE_MODULES } from "../index/names.js";
import { type Log, runGenerate } from "./generate.js";
import { readSources } from "./read-sources.js";
import { loadSources } from "../load/load-sources.js";
import { formatIssue, hasErrors } from "../validate/issue.js";
import { CONFORMANCE_USAGE } from "./usage.js";

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

interface Outcome extends Counts {
  /** Problems outside the tests: generation or type errors. */
  readonly problems: readonly string[];
  readonly notes: readonly string[];
  readonly skips: readonly string[];
}

/** The packages a generated package and its tests import. */
const NEEDED = ["@sjc/runtime", "@sjc/testing"];

/** `log` receives the report; usage and setup errors go to `fail`. */
export async function runConformance(
  argv: readonly string[],
  log: Log = (line) => console.log(line),
  fail: Log = (line) => console.error(line),
): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: {
        service: { type: "string", multiple: true },
        work: { type: "string", default: ".sjc" },
        help: { type: "boolean", default: false },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    fail(`sjc conformance: ${(error as Error).message}\n\n${CONFORMANCE_USAGE}`);
    return 2;
  }
  if (parsed.values.help) {
    log(CONFORMANCE_USAGE);
    return 0;
  }
  if (parsed.positionals.length !== 1) {
    fail(`sjc conformance: name exactly one model file or folder\n\n${CONFORMANCE_USAGE}`);
    return 2;
  }
  const model = resolve(parsed.positionals[0]!);
  let services: string[];
  try {
    const available = await servicesOf(model);
    services = parsed.values.service ?? available;
    const unknown = services.filter((s) => !available.includes(s));
    if (unknown.length > 0) {
      fail(`sjc conformance: ${unknown.join(", ")} not in ${model}; its services: ${available.join(", ") || "none"}`);
      return 2;
    }
  } catch (error) {
    fail(`sjc conformance: cannot read the model ${model}: ${(error as Error).message}`);
    return 2;
  }
  const work = resolve(parsed.values.work!);
  const missing = NEEDED.filter((name) => !resolvable(work, `${name}/package.json`));
  if (missing.length > 0) {
    fail(
      `sjc conformance: install ${missing.join(" and ")} in this project first (npm install --save-dev ${missing.join(" ")})`,
    );
    return 2;
  }

  const { register } = (await import("tsx/esm/api")) as typeof import("tsx/esm/api");
  const unregister = register();
  const total: Counts = { passed: 0, failed: 0, skipped: 0 };
  const problems: string[] = [];
  const notes: string[] = [];
  const skips: string[] = [];
  try {
    for (const service of services) {
      const outcome = await conformance(model, service, work, log);
      total.passed += outcome.passed;
      total.failed += outcome.failed;
      total.skipped += outcome.skipped;
      problems.push(...outcome.problems);
      notes.push(...outcome.notes);
      skips.push(...outcome.skips);
      log(`${service} — ${outcome.passed} passed / ${outcome.failed} failed / ${outcome.skipped} skipped\n`);
    }
  } finally {
    await unregister();
  }
  for (const problem of problems) log(`problem  ${problem}`);
  for (const note of [...new Set(notes)]) log(`note     ${note}`);
  for (const skip of skips) log(`skipped  ${skip}`);
  log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
  return total.failed > 0 || problems.length > 0 ? 1 : 0;
}

/** The model's service shape ids, sorted; the model is JSON AST or IDL, a file or a folder. */
async function servicesOf(model: string): Promise<string[]> {
  const read = await readSources([model]);
  if (!read.ok) throw new Error(read.problems.join("; "));
  const { model: merged, issues } = loadSources(read.sources);
  if (hasErrors(issues)) throw new Error(issues.map(formatIssue).join("\n"));
  return Object.entries(merged.shapes)
    .filter(([, shape]) => shape.type === "service")
    .map(([id]) => id)
    .sort();
}

async function conformance(model: string, service: string, work: string, log: Log): Promise<Outcome> {
  const name = service.slice(service.indexOf("#") + 1).toLowerCase();
  const out = join(work, `conformance-${name}`);
  const shown = relative(process.cwd(), out);
  log(`== ${service} (${relative(process.cwd(), model)}) → ${shown}`);
  const none = { passed: 0, failed: 0, skipped: 0, skips: [], notes: [] };

  const lines: string[] = [];
  const generated = await runGenerate(["--model", model, "--out", out, "--service", service, "--quiet"], (line) =>
    lines.push(line),
  );
  if (generated !== 0) {
    return { ...none, problems: [`${service}: generation failed (exit ${generated}):\n${lines.join("\n")}`] };
  }
  const spec = join(out, PACKAGE_MODULES.protocolTests.path);
  if (!existsSync(spec)) {
    log("   the service has no protocol test cases");
    return { ...none, problems: [] };
  }

  const problems: string[] = [];
  const notes: string[] = [];
  const tsc = resolvable(work, "typescript/package.json");
  if (tsc) {
    const tsconfig = join(out, "tsconfig.conformance.json");
    await writeFile(
      tsconfig,
      JSON.stringify({
        extends: "./tsconfig.json",
        compilerOptions: { noEmit: true, rootDir: ".", types: ["node", "mocha"] },
        include: ["src", "test"],
      }),
    );
    const typecheck = spawnSync(process.execPath, [join(dirname(tsc), "bin/tsc"), "-p", tsconfig], {
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    if (typecheck.status !== 0) {
      problems.push(`${service}: ${shown} does not type-check:\n${`${typecheck.stdout}${typecheck.stderr}`.trim()}`);
    }
  } else {
    notes.push("not type-checked: this project has no typescript package (npm install --save-dev typescript)");
  }
  return { ...(await runSpec(service, spec, log)), problems, notes };
}

/** Runs one spec file in this process (tsx is its loader) and reports as it goes. */
async function runSpec(service: string, spec: string, log: Log): Promise<Counts & { skips: string[] }> {
  const Mocha = createRequire(import.meta.url)("mocha") as typeof MochaType;
  const counts = { passed: 0, failed: 0, skipped: 0, skips: [] as string[] };
  const mocha = new Mocha({ timeout: 20_000, reporter: Mocha.reporters.Base });
  mocha.addFile(spec);
  await mocha.loadFilesAsync();
  let finished = (): void => {};
  const ended = new Promise<void>((done) => {
    finished = done;
  });
  const runner = mocha.run(() => finished());
  const where = (test: MochaType.Runnable) => test.titlePath().slice(1, -1).join(" › ");
  runner.on("pass", () => {
    counts.passed++;
  });
  runner.on("fail", (test, error: Error) => {
    counts.failed++;
    const message = (error.stack ?? String(error)).split("\n").slice(0, 40).join("\n     ");
    log(`   FAIL ${where(test)} › ${test.title}\n     ${message}\n`);
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

/** Where `request` resolves from `dir` (as the generated package would resolve it), if it does. */
function resolvable(dir: string, request: string): string | undefined {
  try {
    return createRequire(join(dir, "resolve.js")).resolve(request);
  } catch {
    return undefined;
  }
}
