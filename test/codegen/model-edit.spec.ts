/**
 * The loop users run: edit the model, regenerate, and the types and
 * validators follow.
 */
import assert from "node:assert/strict";
import { readFile, writeFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";
import { join } from "node:path";
import { formatValidationMessage, fromCompiled, type CompiledValidator } from "@sjc/runtime";
import { ROOT, cli, projectTempDir } from "./helpers.js";

const NS = "com.amazonaws.ssm#";

describe("editing the model", () => {
  let out: string;

  before(async () => {
    const dir = await projectTempDir("edit");
    const model = JSON.parse(await readFile(join(ROOT, "model/ssm.json"), "utf8"));
    model.shapes[`${NS}MaintenanceWindowMaxResults`].traits["smithy.api#range"].max = 50;
    model.shapes[`${NS}DescribeMaintenanceWindowExecutionTasksRequest`].members.IncludeSkipped = {
      target: `${NS}Boolean`,
      traits: { "smithy.api#documentation": "<p>Also list skipped tasks.</p>" },
    };
    await writeFile(join(dir, "ssm.json"), JSON.stringify(model, null, 2));
    out = join(dir, "ssm");
    const { code, output } = await cli(["--quiet", "--model", join(dir, "ssm.json"), "--out", out]);
    assert.equal(code, 0, output);
  });

  it("the new optional member appears in the input type, documented", async () => {
    const models = await readFile(join(out, "src/models.ts"), "utf8");
    assert.match(
      models,
      /\/\*\*\n\s+\* Also list skipped tasks\.\n\s+\* @see Smithy shape `com\.amazonaws\.ssm#DescribeMaintenanceWindowExecutionTasksRequest\$IncludeSkipped`\n\s+\*\/\n\s+IncludeSkipped\?: boolean;/,
    );
  });

  it("the validator enforces the new maximum of 50", async () => {
    const compiled = (await import(pathToFileURL(join(out, "validators/compiled.js")).href)) as Record<
      string,
      CompiledValidator
    >;
    const validate = fromCompiled(compiled.validateDescribeMaintenanceWindowExecutionTasksInput!);
    const input = (MaxResults: number) => ({ WindowExecutionId: "a06e9f91-3b9c-4c3e-8bd4-246cc0123456", MaxResults });
    assert.deepEqual(validate(input(50)), []);
    assert.equal(
      formatValidationMessage(validate(input(51))),
      "1 validation error detected: Value '51' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 50",
    );
  });

  it("the JSON Schema data file carries the new bound and member", async () => {
    const schema = JSON.parse(await readFile(join(out, "schemas/shapes.schema.json"), "utf8"));
    assert.equal(schema.definitions.MaintenanceWindowMaxResults.maximum, 50);
    assert.ok(schema.definitions.DescribeMaintenanceWindowExecutionTasksRequest.properties.IncludeSkipped);
  });
});
