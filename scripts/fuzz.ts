/**
 * `npm run fuzz -- [--runs N] [--seconds T] [--seed S] [--only NAME] [--path P]`
 *
 * Long fuzzing sessions against the generated SSM server, with the
 * properties of harness/fuzz/ssm-fuzz.ts. `--runs` and `--seconds` are the
 * session's totals, split by each property's share (the node adapter gets a
 * smaller one); a property stops at its runs or its time, whichever comes
 * first. The seed is printed; a failure prints fast-check's seed and path,
 * which `--only NAME --seed S --path P` replays.
 *
 * Prints, per property, its runs, statuses and outcomes, then
 * `fuzz: <total runs> runs, <failures> failures`.
 * Exit codes: 0 every property held, 1 a property failed or the heap grew too much, 2 usage.
 */
import { parseArgs } from "node:util";
import { MAX_HEAP_GROWTH, heapAfterGc } from "../harness/fuzz/invariants.js";
import { PROPERTIES, exposeGc, formatReport, heapAfterSession, startFuzzTarget } from "../harness/fuzz/ssm-fuzz.js";

const USAGE = "usage: npm run fuzz -- [--runs N] [--seconds T] [--seed S] [--only NAME] [--path P]";
const DEFAULT_RUNS = 20_000;
const NO_TIME_LIMIT_SECONDS = 24 * 60 * 60;

interface Settings {
  readonly runs: number;
  readonly seconds: number;
  readonly seed: number;
  readonly only: string | undefined;
  readonly path: string | undefined;
}

function settings(): Settings {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        runs: { type: "string" },
        seconds: { type: "string" },
        seed: { type: "string" },
        only: { type: "string" },
        path: { type: "string" },
      },
    }));
  } catch (error) {
    usage((error as Error).message);
  }
  const positive = (text: string, name: string) => {
    const value = Number(text);
    if (!Number.isFinite(value) || value <= 0) usage(`--${name} must be a positive number, got ${text}`);
    return value;
  };
  if (values.only !== undefined && !PROPERTIES.some((property) => property.name === values.only)) {
    usage(`--only must name a property: ${PROPERTIES.map((property) => property.name).join(", ")}`);
  }
  if (values.path !== undefined && values.only === undefined) usage("--path replays one property: give --only too");
  const seed = values.seed === undefined ? Date.now() % 2 ** 31 : Number(values.seed);
  if (!Number.isSafeInteger(seed)) usage(`--seed must be an integer, got ${values.seed}`);
  // Only a time bound: as many runs as fit. Neither: the default runs, untimed.
  const timeOnly = values.seconds !== undefined && values.runs === undefined;
  return {
    runs: timeOnly ? Number.MAX_SAFE_INTEGER : Math.floor(positive(values.runs ?? String(DEFAULT_RUNS), "runs")),
    seconds: values.seconds === undefined ? NO_TIME_LIMIT_SECONDS : positive(values.seconds, "seconds"),
    seed,
    only: values.only,
    path: values.path,
  };
}

function usage(message: string): never {
  console.error(`fuzz: ${message}\n${USAGE}`);
  process.exit(2);
}

async function main(): Promise<number> {
  const { runs, seconds, seed, only, path } = settings();
  const selected = PROPERTIES.filter((property) => only === undefined || property.name === only);
  const shares = selected.reduce((sum, property) => sum + property.share, 0);
  console.log(
    `fuzz: seed ${seed}, ${runs === Number.MAX_SAFE_INTEGER ? "no run limit" : `${runs} runs`}, ${seconds === NO_TIME_LIMIT_SECONDS ? "no time limit" : `${seconds} s`}`,
  );
  const gc = exposeGc();
  const target = await startFuzzTarget();
  const heapBefore = heapAfterGc(gc);
  let total = 0;
  let failures = 0;
  let growth = 0;
  try {
    for (const property of selected) {
      const part = property.share / shares;
      const report = await property.check(target, {
        numRuns: Math.max(1, Math.round(runs * part)),
        seed,
        timeLimitMs: Math.round(seconds * 1000 * part),
        ...(path !== undefined && { path }),
      });
      console.log(formatReport(report));
      total += report.runs;
      if (report.failure !== undefined) failures++;
    }
    growth = (await heapAfterSession(target, gc)) - heapBefore;
  } finally {
    await target.close();
  }
  const heapLine = `heap: ${growth >= 0 ? "+" : ""}${(growth / 1024 / 1024).toFixed(1)} MiB after gc (bound ${MAX_HEAP_GROWTH / 1024 / 1024} MiB${gc ? "" : ", gc unavailable"})`;
  console.log(heapLine);
  if (growth > MAX_HEAP_GROWTH) failures++;
  console.log(`fuzz: ${total} runs, ${failures} failures`);
  return failures === 0 ? 0 : 1;
}

process.exitCode = await main();
