/**
 * `smithy.rules#operationContextParams`: paths into the input, compiled by
 * the generator, bound as endpoint rule set parameters by the client. The
 * fixture `test/fixtures/models/operation-context-params.json` has a nested
 * member, `keys()` of a map and a list projection; its endpoint tests go
 * through the generated client.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { flattenModel } from "../../codegen/index/flatten.js";
import { buildShapeIndex } from "../../codegen/index/shape-index.js";
import { parseModel } from "../../codegen/load/parse-model.js";
import { ROOT, cli, projectTempDir } from "../codegen/helpers.js";

const MODEL = join(ROOT, "test/fixtures/models/operation-context-params.json");

describe("client: endpoint parameters from operationContextParams paths", () => {
  it("the shape index holds each operation's paths, compiled", () => {
    const parsed = parseModel(readFileSync(MODEL, "utf8"), MODEL);
    const { model } = flattenModel(parsed.model.shapes, MODEL);
    const index = buildShapeIndex(model, "example.tables#Tables");
    const byName = Object.fromEntries(
      index.operations.map((op) => [op.name, op.endpointParams.operationContextParams]),
    );
    const field = (name: string) => ({ type: "field", name });
    assert.deepEqual(byName, {
      BatchRead: { TableNames: { type: "function", name: "keys", args: [field("Items")] } },
      DescribeTable: { TableName: { type: "subexpression", left: field("Table"), right: field("Name") } },
      TransactRead: {
        TableNames: {
          type: "listProjection",
          left: field("Reads"),
          right: { type: "subexpression", left: field("Get"), right: field("TableName") },
        },
      },
    });
  });

  it("generates endpoint tests that type-check and pass through the client", async function () {
    this.timeout(120_000); // a generation, then tsc and mocha in processes of their own
    const out = await projectTempDir("operation-context-params");
    try {
      const { code, output } = await cli(["--model", MODEL, "--out", out]);
      assert.equal(code, 0, output);
      execFileSync(process.execPath, [join(ROOT, "node_modules/typescript/bin/tsc"), "-p", out, "--noEmit"]);
      const mocha = join(ROOT, "node_modules/mocha/bin/mocha.js");
      const report = execFileSync(
        process.execPath,
        [mocha, "--no-config", "--node-option", "import=tsx", "--reporter", "json", "test/endpoints.spec.ts"],
        { cwd: out, encoding: "utf8" },
      );
      const { stats, failures } = JSON.parse(report) as {
        stats: { passes: number };
        failures: { title: string; err: { message: string } }[];
      };
      assert.deepEqual(
        failures.map((f) => `${f.title}: ${f.err.message}`),
        [],
      );
      assert.equal(stats.passes, 7);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });

  it("refuses a path that is not JMESPath: exit 1 naming the operation, the trait and the pointer", async () => {
    const out = await projectTempDir("operation-context-params-bad");
    try {
      const broken = readFileSync(MODEL, "utf8").replace('"Reads[*].Get.TableName"', '"Reads[*.Get"');
      const model = join(out, "model.json");
      await writeFile(model, broken);
      const { code, output } = await cli(["--model", model, "--out", join(out, "pkg")]);
      assert.equal(code, 1, output);
      assert.match(
        output,
        /ERROR example\.tables#TransactRead smithy\.rules#operationContextParams: parameter TableNames: "Reads\[\*\.Get" is not a JMESPath expression: .*\/shapes\/example\.tables#TransactRead\/traits\/smithy\.rules#operationContextParams/,
      );
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });
});
