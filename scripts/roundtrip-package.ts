/**
 * Round trips through an already generated and built package (`dist/` next to
 * `src/`): random valid inputs and outputs of every operation go through its
 * client and server and must arrive unchanged. `npm run roundtrip` and
 * `npm run corpus` both run it.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

export interface RoundTripSettings {
  /** Values per property (input, output) and operation. */
  readonly runs: number;
  /** Time for the whole package, split across its operations. */
  readonly seconds: number;
  readonly seed?: number;
  /** Receives one line per operation; silent without it. */
  readonly log?: (line: string) => void;
}

export interface RoundTripSummary {
  readonly operations: number;
  readonly cases: number;
  readonly failures: readonly string[];
  /** Properties that could not run, with why: the model admits no valid value. */
  readonly skipped: readonly string[];
}

const seconds = (milliseconds: number) => `${(milliseconds / 1000).toFixed(1)} s`;

/** Throws when the package lacks a client, a handler factory or its service description. */
export async function roundTripPackage(out: string, settings: RoundTripSettings): Promise<RoundTripSummary> {
  const { runs, seconds: budget, seed } = settings;
  const log = settings.log ?? (() => {});
  // Imported only now: callers build the runtime first, and the package must
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
    throw new Error(
      `${out} exports no <Service>Client or serviceDescription, or its server entry no create<Service>Handler`,
    );
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
  const skipped: string[] = [];
  /** Properties the time limit cut short, and how many values they still lack. */
  const shortfalls: { operation: string; property: "input" | "output"; missing: number }[] = [];
  /** Values each property ran, by `operation property`. */
  const ran = new Map<string, number>();
  const run = async (
    operation: string,
    property: "input" | "output",
    values: number,
    timeLimitMs: number | undefined,
  ) => {
    const report = await roundTrip.check(operation, property, {
      runs: values,
      ...(timeLimitMs === undefined ? {} : { timeLimitMs }),
      // A top-up must not replay the values of the first pass.
      ...(seed === undefined ? {} : { seed: seed + (values < runs ? 1 : 0) }),
    });
    cases += report.runs;
    const key = `${operation} ${property}`;
    ran.set(key, (ran.get(key) ?? 0) + report.runs);
    if (report.skipped !== undefined) {
      skipped.push(`${key}: ${report.skipped}`);
      return `${property} skipped`;
    }
    // A time limit that ends before the first value is built (a loaded machine) is a shortfall, not a failure.
    const starved = report.failed && report.runs === 0 && /interrupted after 0 tests/.test(report.message ?? "");
    if (starved) shortfalls.push({ operation, property, missing: values });
    else if (report.failed) failures.push(`${key}: ${report.message}`);
    else if (report.runs < values) shortfalls.push({ operation, property, missing: values - report.runs });
    return `${property} ${report.runs}${report.failed ? " FAILED" : ""}`;
  };
  const width = String(operations.length).length;
  log(`round trips: ${operations.length} operations, ≤ ${runs} values per property, ${budget} s in all`);
  try {
    for (const [i, operation] of operations.entries()) {
      const opStarted = performance.now();
      const share = Math.max(50, (deadline - opStarted) / (operations.length - i) / 2);
      const line = [await run(operation, "input", runs, share), await run(operation, "output", runs, share)];
      const position = `[${String(i + 1).padStart(width)}/${operations.length}]`;
      log(`${position} ${operation}: ${line.join(", ")} (${seconds(performance.now() - opStarted)})`);
    }
    // Time left over by quick operations goes to those the limit cut short.
    const topUps = shortfalls.splice(0);
    for (const [i, { operation, property, missing }] of topUps.entries()) {
      const share = (deadline - performance.now()) / (topUps.length - i);
      if (share < 50) break;
      const result = await run(operation, property, missing, share);
      log(`[more ${String(i + 1).padStart(width)}/${topUps.length}] ${operation}: ${result.replace(" ", " +")}`);
    }
    // Every property checks at least one value, however long it takes.
    for (const { operation, property } of [...topUps, ...shortfalls.splice(0)]) {
      if ((ran.get(`${operation} ${property}`) ?? 0) > 0) continue;
      const result = await run(operation, property, 1, undefined);
      log(`[last] ${operation}: ${result}`);
    }
  } finally {
    roundTrip.destroy();
  }
  return { operations: operations.length, cases, failures, skipped };
}
