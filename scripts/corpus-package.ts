/**
 * One corpus package, in its own process: `tsx scripts/corpus-package.ts <out> --runs N --seconds S`.
 * Round-trips the built package at `<out>` and runs its generated protocol
 * and endpoint tests when it has any; ends its stdout with one JSON line (`PackageReport`).
 * `npm run corpus` starts it; it is not meant to be run by hand.
 */
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import Mocha from "mocha";
import { PACKAGE_MODULES } from "../codegen/index/names.js";
import { type RoundTripSummary, roundTripPackage } from "./roundtrip-package.js";

export interface SpecCounts {
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
  readonly failures: readonly string[];
}

export interface PackageReport extends RoundTripSummary {
  /** Its generated protocol tests (`smithy.test#*`); absent when it has none. */
  readonly protocol?: SpecCounts;
  /** Its generated endpoint tests (`smithy.rules#endpointTests`); absent when it has none. */
  readonly endpoint?: SpecCounts;
}

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { runs: { type: "string", default: "10" }, seconds: { type: "string", default: "10" } },
  });
  const out = resolve(positionals[0]!);
  const roundTrip = await roundTripPackage(out, { runs: Number(values.runs), seconds: Number(values.seconds) });
  const spec = async (path: string) => (existsSync(join(out, path)) ? await runSpec(join(out, path)) : undefined);
  const protocol = await spec(PACKAGE_MODULES.protocolTests.path);
  const endpoint = await spec(PACKAGE_MODULES.endpointTests.path);
  const report: PackageReport = { ...roundTrip, ...(protocol ? { protocol } : {}), ...(endpoint ? { endpoint } : {}) };
  process.stdout.write(`\n${JSON.stringify(report)}\n`);
}

/** One generated spec file through mocha, counted. */
async function runSpec(spec: string): Promise<SpecCounts> {
  const counts = { passed: 0, failed: 0, skipped: 0, failures: [] as string[] };
  const mocha = new Mocha({ timeout: 20_000, reporter: Mocha.reporters.Base });
  mocha.addFile(spec);
  await mocha.loadFilesAsync();
  await new Promise<void>((done) => {
    const runner = mocha.run(() => done());
    runner.on("pass", () => void counts.passed++);
    runner.on("pending", () => void counts.skipped++);
    runner.on("fail", (test, error: Error) => {
      counts.failed++;
      counts.failures.push(`${test.fullTitle()}: ${error.message.split("\n")[0]}`);
    });
  });
  mocha.dispose();
  return counts;
}

await main();
