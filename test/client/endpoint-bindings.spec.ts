/**
 * Endpoint rule sets whose parameters come from every kind of binding: the
 * shape index decodes them, and the endpoint tests generated from
 * `test/fixtures/models/endpoint-rules.json` (built-ins, a client context
 * parameter, a static context parameter, a `contextParam` member, the account
 * id of the credentials, authSchemes and endpoint headers) type-check and
 * pass against the generated client.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { flattenModel } from "../../codegen/index/flatten.js";
import { buildShapeIndex } from "../../codegen/index/shape-index.js";
import { parseModel } from "../../codegen/load/parse-model.js";
import { ROOT, cli, projectTempDir } from "../codegen/helpers.js";

const MODEL = join(ROOT, "test/fixtures/models/endpoint-rules.json");
const SERVICE = "example.widgets#Widgets";

function fixtureIndex() {
  const parsed = parseModel(readFileSync(MODEL, "utf8"), MODEL);
  const { model } = flattenModel(parsed.model.shapes, MODEL);
  return buildShapeIndex(model, SERVICE);
}

describe("client: endpoint rule set parameters from every binding", () => {
  it("the shape index decodes the rule set, its tests, and the parameter bindings", () => {
    const index = fixtureIndex();
    const rules = index.service.endpointRules!;
    assert.deepEqual(
      rules.parameters.map((p) => [p.name, p.type, p.builtIn ?? "-", p.required]),
      [
        ["Region", "string", "AWS::Region", false],
        ["UseFIPS", "boolean", "AWS::UseFIPS", true],
        ["Endpoint", "string", "SDK::Endpoint", false],
        ["AccountId", "string", "AWS::Auth::AccountId", false],
        ["Stage", "string", "-", false],
        ["OperationKind", "string", "-", false],
        ["ShardId", "string", "-", false],
      ],
    );
    assert.deepEqual(rules.clientContextParams, [
      { name: "Stage", type: "string", configName: "stage", documentation: "A deployment stage." },
    ]);
    assert.equal(rules.tests.length, 10);
    assert.deepEqual(rules.tests[8]!.expect, { error: "Invalid Configuration: Missing Region" });
    assert.deepEqual(rules.tests[4]!.operationInputs, [
      {
        operationName: "DeleteWidget",
        operationParams: { Name: "w" },
        builtInParams: { "AWS::Region": "us-west-2" },
        clientParams: {},
      },
    ]);
    const byName = Object.fromEntries(index.operations.map((op) => [op.name, op.endpointParams]));
    assert.deepEqual(byName, {
      DeleteWidget: {
        staticContextParams: { OperationKind: "control" },
        contextParams: {},
        operationContextParams: {},
      },
      GetWidget: { staticContextParams: {}, contextParams: { ShardId: "ShardId" }, operationContextParams: {} },
    });
  });

  it("a model without a rule set has no endpoint rules in its index", () => {
    const parsed = parseModel(readFileSync(join(ROOT, "test/fixtures/models/weather.json"), "utf8"), "weather.json");
    const { model } = flattenModel(parsed.model.shapes, "weather.json");
    const service = [...model.shapes].find(([, shape]) => shape.type === "service")![0];
    assert.equal(buildShapeIndex(model, service).service.endpointRules, undefined);
  });

  it("generates endpoint tests that type-check and pass, through the rule set and through the client", async function () {
    this.timeout(120_000); // a generation, then tsc and mocha in processes of their own
    const out = await projectTempDir("endpoint-rules");
    try {
      const { code, output } = await cli(["--model", MODEL, "--out", out]);
      assert.equal(code, 0, output);
      execFileSync(process.execPath, [join(ROOT, "node_modules/typescript/bin/tsc"), "-p", out, "--noEmit"], {
        encoding: "utf8",
      });
      const mocha = join(ROOT, "node_modules/mocha/bin/mocha.js");
      const report = execFileSync(
        process.execPath,
        [mocha, "--no-config", "--node-option", "import=tsx", "--reporter", "json", "test/endpoints.spec.ts"],
        { cwd: out, encoding: "utf8" },
      );
      const { stats, failures } = JSON.parse(report) as {
        stats: { passes: number; failures: number };
        failures: { title: string; err: { message: string } }[];
      };
      assert.deepEqual(
        failures.map((f) => `${f.title}: ${f.err.message}`),
        [],
      );
      assert.equal(stats.passes, 10);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });
});
