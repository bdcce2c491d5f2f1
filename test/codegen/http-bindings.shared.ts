/**
 * The HTTP binding checks against real models (needs ../shared; run from
 * .ci/run): every published AWS model, the official protocol suites and the
 * whole SSM model passed Smithy's own validation, so the checks must find no
 * HTTP binding error in any of them, while every @http URI parses.
 */
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { loadModel } from "../../codegen/load/load-model.js";
import { HTTP_TRAIT, parseUriPattern } from "../../codegen/index/http-bindings.js";
import { validateModel } from "../../codegen/validate/validate-model.js";
import { ROOT } from "./helpers.js";

const SHARED = join(ROOT, "../shared");
const models = [
  ...readdirSync(join(SHARED, "aws-models"))
    .filter((f) => f.endsWith(".json.gz"))
    .map((f) => join(SHARED, "aws-models", f)),
  ...readdirSync(join(SHARED, "conformance"))
    .filter((f) => f.endsWith(".json"))
    .map((f) => join(SHARED, "conformance", f)),
  join(SHARED, "models/ssm-2014-11-06.json"),
];

describe("HTTP binding checks on the published models", function () {
  this.timeout(120_000);
  it(`find no HTTP binding error in ${models.length} models, whose @http URIs all parse`, () => {
    let operations = 0;
    const errors: string[] = [];
    for (const file of models) {
      const bytes = readFileSync(file);
      const text = (file.endsWith(".gz") ? gunzipSync(bytes) : bytes).toString("utf8");
      const loaded = loadModel([{ path: file, text }], file);
      assert.ok(loaded.ok, file);
      for (const shape of loaded.model.shapes.values()) {
        const http = shape.traits?.[HTTP_TRAIT.http] as { uri?: string } | undefined;
        if (http?.uri === undefined) continue;
        operations += 1;
        assert.ok(parseUriPattern(http.uri).ok, `${file}: ${http.uri}`);
      }
      const { issues } = validateModel(loaded.model, { file });
      for (const issue of issues) {
        if (issue.severity === "ERROR" && Object.values(HTTP_TRAIT).includes(issue.traitId as never)) {
          errors.push(`${file}: ${issue.shapeId} ${issue.traitId}: ${issue.message}`);
        }
      }
    }
    assert.deepEqual(errors, []);
    assert.ok(operations > 4000, `only ${operations} operations with @http`);
    console.log(`      ${operations} operations with @http checked`);
  });
});
