/**
 * Property tests of the generated `@sjc/ssm` package with fast-check: random
 * values built from the model's shapes and constraints go through the
 * generated client and server (in one process, signed and verified).
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import fc from "fast-check";
import { SSMClient, serviceDescription } from "@sjc/ssm";
import { type SSMService, createSSMHandler } from "@sjc/ssm/server";
import {
  type CheckOptions,
  type MutationKind,
  type PropertyReport,
  type SchemaDefinitions,
  RoundTrip,
  createArbitraries,
} from "@sjc/testing";

const require = createRequire(import.meta.url);
const definitions = (
  JSON.parse(readFileSync(require.resolve("@sjc/ssm/schemas/shapes.schema.json"), "utf8")) as {
    definitions: SchemaDefinitions;
  }
).definitions;

const OPERATION = "DescribeMaintenanceWindowExecutionTasks";
/** Each property: at most 200 values and 3 s, so the file stays well under 15 s. */
const BOUNDS: CheckOptions = { runs: 200, timeLimitMs: 3_000 };
/** Fewer runs than this means the time limit cut a property short: too slow to mean much. */
const MIN_RUNS = 50;

describe("property: @sjc/ssm round trips (fast-check)", function () {
  this.timeout(15_000);
  const roundTrip = new RoundTrip({
    serviceDescription,
    definitions,
    createClient: (config) => new SSMClient(config),
    createHandler: (implementation, options) => createSSMHandler(implementation as Partial<SSMService>, options),
  });
  after(() => roundTrip.destroy());

  const holds = async (property: PropertyReport["property"]) => {
    const report = await roundTrip.check(OPERATION, property, BOUNDS);
    assert.ok(!report.failed, report.message);
    assert.ok(report.runs >= MIN_RUNS, `only ${report.runs} runs in ${Math.round(report.milliseconds)} ms`);
  };

  it("(a) valid inputs survive client serialisation and server parsing unchanged", () => holds("input"));
  it("(b) valid outputs survive server serialisation and client parsing unchanged", () => holds("output"));
  it("(c) an input breaking one constraint is refused: 400 ValidationException naming the member path", () =>
    holds("invalid input"));
  it("(d) the generated validators accept every generated input and output", () => holds("validator"));
});

describe("property: arbitraries of model/ssm.json", () => {
  const arbitraries = createArbitraries(serviceDescription, definitions);
  const sample = <T>(arbitrary: fc.Arbitrary<T>, runs = 300) => fc.sample(arbitrary, { numRuns: runs, seed: 7 });

  it("honour patterns and lengths in code points", () => {
    const uuid = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/u;
    for (const id of sample(arbitraries.arbitraryForShape("com.amazonaws.ssm#MaintenanceWindowExecutionId"))) {
      assert.match(id as string, uuid);
    }
    const keys = sample(arbitraries.arbitraryForShape("com.amazonaws.ssm#MaintenanceWindowFilterKey")) as string[];
    for (const key of keys) assert.ok([...key].length >= 1 && [...key].length <= 128, JSON.stringify(key));
    assert.ok(
      keys.some((key) => [...key].length !== key.length),
      "no string outside the BMP was generated",
    );
  });

  it("set required members always and optional ones sometimes", () => {
    const inputs = sample(arbitraries.arbitraryForInput(OPERATION));
    assert.ok(inputs.every((input) => typeof input.WindowExecutionId === "string"));
    assert.ok(inputs.some((input) => input.MaxResults === undefined));
    assert.ok(inputs.some((input) => typeof input.MaxResults === "number"));
  });

  it("break each kind of constraint the input has, naming AWS member paths", () => {
    const seen = new Map<MutationKind, Set<string>>();
    for (const invalid of sample(arbitraries.arbitraryInvalidInput(OPERATION), 500)) {
      seen.set(
        invalid.kind,
        (seen.get(invalid.kind) ?? new Set()).add(invalid.path.replace(/\d+\.member/g, "N.member")),
      );
    }
    assert.deepEqual(Object.fromEntries([...seen].map(([kind, paths]) => [kind, [...paths].sort()]).sort()), {
      aboveMaximum: ["maxResults"],
      belowMinimum: ["maxResults"],
      missingRequired: ["windowExecutionId"],
      pattern: ["windowExecutionId"],
      tooLong: ["filters.N.member.key", "filters.N.member.values.N.member"],
      tooManyItems: ["filters"],
      tooShort: ["filters.N.member.key", "filters.N.member.values.N.member"],
    });
  });

  it("expect the server's defaults for absent members", () => {
    const output = {
      WindowExecutionTaskIdentities: [{ AlarmConfiguration: { Alarms: [{ Name: "a" }] } }],
    };
    assert.deepEqual(arbitraries.expectedOutput(OPERATION, output), {
      WindowExecutionTaskIdentities: [
        { AlarmConfiguration: { IgnorePollAlarmFailure: false, Alarms: [{ Name: "a" }] } },
      ],
    });
  });
});
