/**
 * `npm run bench [-- --json] [--quick] [--only server,client,codegen,load,validate] [--keep]`
 *
 * Measures the generated server, client and validators and the generator,
 * each figure as a ratio against a baseline measured side by side or as a
 * median of several runs (the machine is shared and noisy). `load` measures
 * only the generator's model-load figures, which `codegen` includes. Progress goes to
 * stderr; the table to stdout; with --json, one JSON object as the last line.
 * Exit codes: 0 measured (targets missed or not), 1 a measurement failed, 2 usage.
 *
 * To see what a missed figure costs, run its command under `node --cpu-prof
 * --cpu-prof-dir DIR` and summarise with `npx tsx bench/profile.ts DIR/*.cpuprofile`.
 */
import { parseArgs } from "node:util";
import { measureClient } from "./client.js";
import { measureCodegen, measureLoadOnly } from "./codegen.js";
import { measureDiff } from "./diff.js";
import { toJson, toTable, type BenchResults } from "./report.js";
import { measureServer } from "./server.js";
import { measureValidate } from "./validate.js";

const USAGE = "usage: npm run bench -- [--json] [--quick] [--only server,client,codegen,load,validate] [--keep]";
const SECTIONS = ["validate", "client", "server", "codegen", "load"] as const;
type Section = (typeof SECTIONS)[number];

const FULL = {
  server: { rounds: 3, seconds: 10, warmupSeconds: 3, connections: 50 },
  client: { warmupCalls: 2000, batches: 7, batchMs: 1000, coldRuns: 11 },
  codegen: { runs: 3, loadRuns: 21, loadWarmup: 10 },
  diff: { runs: 15 },
  validate: { warmupCalls: 20_000, batches: 9, callsPerBatch: 20_000 },
};

const QUICK: typeof FULL = {
  server: { rounds: 2, seconds: 3, warmupSeconds: 1, connections: 50 },
  client: { warmupCalls: 300, batches: 3, batchMs: 300, coldRuns: 3 },
  codegen: { runs: 1, loadRuns: 5, loadWarmup: 3 },
  diff: { runs: 5 },
  validate: { warmupCalls: 2000, batches: 3, callsPerBatch: 5000 },
};

function options() {
  try {
    const { values } = parseArgs({
      options: {
        json: { type: "boolean", default: false },
        quick: { type: "boolean", default: false },
        keep: { type: "boolean", default: false },
        only: { type: "string" },
      },
      strict: true,
      allowPositionals: false,
    });
    const only = values.only?.split(",").map((s) => s.trim()) ?? [...SECTIONS];
    const unknown = only.filter((s) => !(SECTIONS as readonly string[]).includes(s));
    if (unknown.length > 0) throw new Error(`unknown section ${unknown.join(", ")}`);
    return { json: values.json!, quick: values.quick!, keep: values.keep!, only: new Set(only as Section[]) };
  } catch (error) {
    console.error(`bench: ${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
}

async function main(): Promise<void> {
  const { json, quick, keep, only } = options();
  const settings = quick ? QUICK : FULL;
  const log = (line: string) => console.error(line);
  const started = performance.now();
  const results: { -readonly [K in keyof BenchResults]: BenchResults[K] } = {};
  if (only.has("validate")) results.validate = measureValidate(settings.validate, log);
  if (only.has("client")) results.client = await measureClient(settings.client, log);
  if (only.has("server")) results.server = await measureServer(settings.server, log);
  if (only.has("codegen")) {
    const diff = measureDiff(settings.diff, log);
    results.codegen = { ...(await measureCodegen({ ...settings.codegen, keep }, log)), ...diff };
  } else if (only.has("load")) {
    results.codegen = await measureLoadOnly(settings.codegen, log);
  }
  const report = toJson(results, {
    quick,
    node: process.version,
    seconds: Math.round((performance.now() - started) / 1000),
  });
  console.log(toTable(report));
  const met = report.targets.filter((t) => t.met === true).length;
  const missed = report.targets.filter((t) => t.met === false).map((t) => t.figure);
  const unmeasured = report.targets.filter((t) => t.met === null).length;
  console.log(
    `\ntargets: ${met} of ${report.targets.length} met` + (unmeasured > 0 ? ` (${unmeasured} not measured)` : ""),
  );
  if (missed.length > 0) console.log(`missed: ${missed.join(", ")}`);
  if (json) console.log(JSON.stringify(report));
}

main().catch((error: unknown) => {
  console.error("bench: a measurement failed:", error);
  process.exitCode = 1;
});
