/**
 * The whole SSM model (../shared) against a copy with ten changes. Not part of
 * `npm test`, which runs without ../shared: .ci/run runs it when ../shared is there.
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { diffModels, loadDiffModel } from "../../codegen/diff/diff-models.js";
import { ROOT } from "../codegen/helpers.js";
import { changedWholeSsm } from "./whole-ssm-changes.js";

const MODEL = join(ROOT, "../shared/models/ssm-2014-11-06.json");
const NS = "com.amazonaws.ssm#";

describe("sjc diff: the whole SSM model with ten changes", () => {
  before(() => assert.ok(existsSync(MODEL), `${MODEL} is missing`));

  it("gives the events of the ten changes and nothing else", () => {
    const text = readFileSync(MODEL, "utf8");
    const before = loadDiffModel([{ path: "ssm.json", text }], "ssm.json");
    const after = loadDiffModel([{ path: "changed.json", text: changedWholeSsm(text) }], "changed.json");
    assert.ok(before.ok && after.ok);
    assert.deepEqual(diffModels(before.model, before.model), []);
    const events = diffModels(before.model, after.model);
    assert.deepEqual(
      events.map((e) => `${e.severity} ${e.id} ${e.shapeId}`),
      [
        `ERROR RemovedOperationBinding.FromService.DeleteParameter ${NS}AmazonSSM`,
        `ERROR ChangedRangeTrait ${NS}MaxResults`,
        `ERROR ChangedLengthTrait ${NS}PSParameterName`,
        `ERROR ChangedNullability.AddedRequiredTrait ${NS}Parameter$Name`,
        `ERROR ChangedEnumTrait.Removed.2 ${NS}ParameterType`,
        "WARNING ChangedMetadata -",
        `WARNING RemovedOperationError.ParameterVersionNotFound ${NS}GetParameter`,
        `NOTE ModifiedTrait.Update.smithy.api#documentation ${NS}GetParameter`,
        `NOTE AddedShape ${NS}GetParameterRequest$IncludeHistory`,
        `NOTE ModifiedTrait.Update.smithy.api#range ${NS}MaxResults`,
        `NOTE ModifiedTrait.Update.smithy.api#length ${NS}PSParameterName`,
        `NOTE ChangedEnumTrait.Appended.3 ${NS}ParameterTier`,
      ],
    );
    const text2 = events.map((e) => e.message).join("\n");
    for (const words of [
      "`DeleteParameterCommand`, `deleteParameter()` and the server's `DeleteParameter` handler are gone",
      "`Parameter.Name` is no longer optional",
      "`ParameterType.SECURE_STRING` is gone",
    ]) {
      assert.ok(text2.includes(words), words);
    }
  });
});
