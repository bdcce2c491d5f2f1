/**
 * The differential test kit on the committed `@sjc/ssm` against
 * `@aws-sdk/client-ssm` (a devDependency, so this needs no ../shared), and the
 * checked-in list of known differences that `npm run differential` applies.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { SSMClient, serviceDescription } from "@sjc/ssm";
import { type Difference, Differential, type SchemaDefinitions, pathMatches } from "@sjc/testing";
import { type DifferentialList, KnownDifferences, parseDifferentialList } from "../../scripts/differential-known.js";

const require = createRequire(import.meta.url);
const ROOT = join(import.meta.dirname, "../..");
const definitions = (
  JSON.parse(readFileSync(require.resolve("@sjc/ssm/schemas/shapes.schema.json"), "utf8")) as {
    definitions: SchemaDefinitions;
  }
).definitions;
const list = parseDifferentialList(readFileSync(join(ROOT, "scripts/differential.json"), "utf8"));
const OPERATION = "DescribeMaintenanceWindowExecutionTasks";

describe("differential: @sjc/ssm against @aws-sdk/client-ssm", function () {
  this.timeout(30_000);
  let differential: Differential;
  before(async () => {
    process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
    differential = new Differential(
      { serviceDescription, definitions, createClient: (config) => new SSMClient(config) },
      (await import("@aws-sdk/client-ssm")) as Record<string, unknown>,
      { ignoredHeaders: Object.keys(list.ignoredHeaders) },
    );
  });
  after(() => differential.destroy());

  it("finds the operation in the SDK client", () => {
    assert.deepEqual(differential.operations, [OPERATION]);
    assert.deepEqual(differential.missingFromSdk, []);
  });

  for (const comparedCase of ["request", "output", "error"] as const) {
    it(`shows no ${comparedCase} difference that the list does not accept`, async () => {
      const known = new KnownDifferences(list);
      const report = await differential.check(OPERATION, comparedCase, {
        runs: 40,
        seed: 5,
        timeLimitMs: 8_000,
        accept: known.acceptFor("ssm"),
      });
      assert.ok(!report.failed, report.message);
      assert.ok(report.runs >= 10, `only ${report.runs} cases`);
    });
  }

  it("reports a difference it is not told about, with its path", async () => {
    const differences = await differential.compareResponse(
      OPERATION,
      { WindowExecutionId: "00000000-0000-4000-8000-000000000000" },
      {
        code: 400,
        headers: { "content-type": "application/x-amz-json-1.1", "x-amzn-errortype": "DoesNotExistException" },
        body: "{}",
      },
      "com.amazonaws.ssm#DoesNotExistException",
    );
    assert.deepEqual(
      differences.map((d) => [d.path, d.ours, d.sdk]),
      [["/error/message", "", "UnknownError"]],
    );
  });

  it("compares requests below the endpoint, headers by name, bodies as JSON", async () => {
    const differences = await differential.compareRequest(OPERATION, {
      WindowExecutionId: "00000000-0000-4000-8000-000000000000",
      MaxResults: 10,
    });
    assert.deepEqual(differences, []);
  });
});

describe("differential: the list of known differences", () => {
  const difference = (overrides: Partial<Difference>): Difference => ({
    operation: "Op",
    case: "error",
    path: "/error/message",
    ours: "",
    sdk: "UnknownError",
    ...overrides,
  });
  const sample: DifferentialList = {
    services: ["a", "b"],
    ignoredHeaders: {},
    known: [
      { service: "*", case: "error", path: "/error/message", sdk: "UnknownError", reason: "r1" },
      { service: "a", operations: ["Send"], case: "output", path: "/outcome", reason: "r2" },
      { service: "b", case: "output", path: "/output/**", modelDefault: true, reason: "r3" },
      { service: "b", case: "request", path: "/headers/*", ours: "<absent>", reason: "r4" },
    ],
  };

  it("matches by service, operation, case, path pattern and value", () => {
    const known = new KnownDifferences(sample);
    const a = known.acceptFor("a");
    const b = known.acceptFor("b");
    assert.equal(a(difference({})), true, "a * entry applies to every service");
    assert.equal(a(difference({ sdk: "Other" })), false, "the SDK value must match");
    assert.equal(a(difference({ case: "output", path: "/outcome", operation: "Send" })), true);
    assert.equal(a(difference({ case: "output", path: "/outcome", operation: "Receive" })), false);
    assert.equal(b(difference({ case: "output", path: "/outcome", operation: "Send" })), false, "another service");
    assert.equal(b(difference({ case: "output", path: "/output/A/0/B", ours: 0, sdk: undefined })), false);
    assert.equal(b(difference({ case: "output", path: "/output/A/0/B", modelDefault: true })), true);
    assert.equal(b(difference({ case: "request", path: "/headers/x-new", ours: undefined, sdk: "1" })), true);
    assert.equal(b(difference({ case: "request", path: "/headers/x-new/deeper", ours: undefined })), false);
  });

  it("names the entries that accepted nothing as stale, for the services that ran", () => {
    const known = new KnownDifferences(sample);
    const a = known.acceptFor("a");
    assert.deepEqual(
      known.stale(false).map((entry) => entry.reason),
      ["r2"],
      "b did not run, and * entries wait for every service",
    );
    assert.deepEqual(
      known.stale(true).map((entry) => entry.reason),
      ["r1", "r2"],
    );
    a(difference({}));
    known.acceptFor("b");
    assert.deepEqual(
      known.stale(true).map((entry) => entry.reason),
      ["r2", "r3", "r4"],
    );
  });

  it("refuses a malformed list", () => {
    assert.throws(
      () =>
        parseDifferentialList(
          JSON.stringify({ ...sample, known: [{ service: "a", case: "wire", path: "/", reason: "x" }] }),
        ),
      /known\[0\]\.case must be request, output or error/,
    );
    assert.throws(() => parseDifferentialList(JSON.stringify({ ...sample, services: "a" })), /services/);
  });

  it("path patterns: * is one segment, a final ** any number", () => {
    assert.equal(pathMatches("/body/*/Name", "/body/0/Name"), true);
    assert.equal(pathMatches("/body/*/Name", "/body/0/1/Name"), false);
    assert.equal(pathMatches("/output/**", "/output"), true);
    assert.equal(pathMatches("/output/**", "/output/a/b"), true);
    assert.equal(pathMatches("/output", "/output/a"), false);
  });

  it("every entry of the checked-in list names a listed service (or *) and gives a reason", () => {
    for (const entry of list.known) {
      assert.ok(entry.service === "*" || list.services.includes(entry.service), `unknown service ${entry.service}`);
      assert.ok(entry.reason.length > 20, `a reason for ${entry.path}`);
    }
  });
});
