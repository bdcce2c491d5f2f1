/**
 * A bounded fuzzing session against the generated SSM server, part of
 * `npm test`: about 24 s in all, each property capped by runs and by time,
 * with a fixed seed (set FUZZ_SEED to change it). Long sessions: `npm run fuzz`.
 * Properties and invariants: harness/fuzz/ssm-fuzz.ts.
 */
import assert from "node:assert/strict";
import { MAX_HEAP_GROWTH, heapAfterGc } from "../../harness/fuzz/invariants.js";
import {
  type FuzzTarget,
  PROPERTIES,
  exposeGc,
  formatReport,
  heapAfterSession,
  startFuzzTarget,
} from "../../harness/fuzz/ssm-fuzz.js";

const SEED = Number(process.env.FUZZ_SEED ?? 20_241_125);
/** The session's runs and time, split by each property's share. */
const TOTAL_RUNS = 10_000;
const TOTAL_MS = 24_000;
/** Fewer runs than this means the time limit cut a property short: too slow to mean much. */
const MIN_RUNS = 50;

describe("fuzz: the generated SSM server (fast-check)", function () {
  this.timeout(TOTAL_MS + 60_000);
  const gc = exposeGc();
  let target: FuzzTarget;
  let heapBefore = 0;

  before(async () => {
    target = await startFuzzTarget();
    heapBefore = heapAfterGc(gc);
  });
  after(() => target?.close());

  for (const property of PROPERTIES) {
    it(`${property.name}: ${property.description}`, async () => {
      const report = await property.check(target, {
        numRuns: Math.round(TOTAL_RUNS * property.share),
        seed: SEED,
        timeLimitMs: Math.round(TOTAL_MS * property.share),
      });
      console.log(formatReport(report).replace(/^/gm, "      "));
      assert.equal(report.failure, undefined, report.failure);
      assert.ok(report.runs >= MIN_RUNS, `only ${report.runs} runs in ${Math.round(report.milliseconds)} ms`);
      for (const outcome of property.mustReach) {
        assert.ok(report.outcomes.has(outcome), `never reached ${outcome}: the generators are too narrow`);
      }
    });
  }

  it(`leaves the live heap within ${MAX_HEAP_GROWTH / 1024 / 1024} MiB of where it started`, async () => {
    const growth = (await heapAfterSession(target, gc)) - heapBefore;
    assert.ok(
      growth <= MAX_HEAP_GROWTH,
      `the heap grew by ${(growth / 1024 / 1024).toFixed(1)} MiB (gc ${gc ? "run" : "unavailable"})`,
    );
  });
});
