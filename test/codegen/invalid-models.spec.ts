/**
 * Broken models, one file per mistake: the CLI names the shape and the trait,
 * exits 1, and leaves the output folder exactly as it was.
 */
import assert from "node:assert/strict";
import { cp } from "node:fs/promises";
import { join } from "node:path";
import { ROOT, cli, projectTempDir, snapshot } from "./helpers.js";

const INVALID = join(ROOT, "test/fixtures/invalid-models");
const W = "example.weather#";

/** file → the lines the report must contain: [shape id, trait id, words of the message]. */
const CASES: Record<string, readonly (readonly [string, string, string])[]> = {
  "syntax-error": [["-", "-", "invalid JSON: PropertyNameExpected at line 7, column 31"]],
  "not-smithy-2": [["-", "-", 'expected "smithy": "2.0", found "1.0"']],
  "shape-id-not-absolute": [["Orphan", "-", "is not an absolute shape id"]],
  "unknown-shape-type": [
    [`${W}Lines`, "-", 'unknown shape type "lisst"'],
    [`${W}GetForecastOutput`, "-", `member Lines targets ${W}Lines, a lisst, where a data shape is expected`],
  ],
  "dangling-member-target": [[`${W}GetForecastInput`, "-", `member Days targets ${W}Dayz, which is not defined`]],
  "dangling-operation-input": [[`${W}GetForecast`, "-", `operation input targets ${W}Nope, which is not defined`]],
  "no-service": [["-", "-", "the model defines no service shape"]],
  "unsupported-protocol": [[`${W}Weather`, "aws.protocols#restJson1", "unsupported protocol aws.protocols#restJson1"]],
  "length-min-greater-than-max": [[`${W}CityId`, "smithy.api#length", "min 9 is greater than max 8"]],
  "range-min-greater-than-max": [[`${W}Days`, "smithy.api#range", "min 10 is greater than max 1"]],
  "length-on-boolean": [[`${W}Flag`, "smithy.api#length", "not to a boolean shape"]],
  "invalid-pattern": [[`${W}CityId`, "smithy.api#pattern", '"^[a-z+$" is not a valid regular expression']],
  "paginated-missing-member": [
    [`${W}GetForecast`, "smithy.api#paginated", 'inputToken "PageToken" does not name a member of the input'],
  ],
  "paginated-page-size-not-integer": [
    [`${W}GetForecast`, "smithy.api#paginated", "pageSize CityId must target an integer shape"],
  ],
  "invalid-error-trait": [[`${W}CityNotFound`, "smithy.api#error", 'must be "client" or "server", found "user"']],
  "operation-error-not-an-error": [
    [
      `${W}GetForecast`,
      "smithy.api#error",
      `error ${W}GetForecastOutput must be a structure with the smithy.api#error trait`,
    ],
  ],
  "enum-duplicate-value": [[`${W}Sky$CLOUDY`, "smithy.api#enumValue", 'value "clear" is already used by member CLEAR']],
  "default-type-mismatch": [
    [`${W}GetForecastInput$Days`, "smithy.api#default", 'default "ten" does not fit an integer'],
  ],
  "unknown-timestamp-format": [
    [`${W}GetForecastOutput$IssuedAt`, "smithy.api#timestampFormat", 'unknown format "unix-millis"'],
  ],
  "malformed-protocol-test": [
    [
      `${W}GetForecast`,
      "smithy.test#httpRequestTests",
      "case 0 (GetForecastRequest): uri must be a string, found null",
    ],
    [
      `${W}GetForecast`,
      "smithy.test#httpRequestTests",
      'case 1 (GetForecastRequest): id "GetForecastRequest" is used twice',
    ],
    [
      `${W}GetForecast`,
      "smithy.test#httpResponseTests",
      'case 0 (GetForecastResponse): code must be an integer, found "200"',
    ],
    [
      `${W}GetForecast`,
      "smithy.test#httpResponseTests",
      "case 0 (GetForecastResponse): headers must be a map of strings",
    ],
  ],
  "error-tests-unreachable": [
    [
      `${W}CityNotFound`,
      "smithy.test#httpResponseTests",
      "has response tests, but no operation or service lists it among its errors",
    ],
  ],
  "missing-mixin": [[`${W}GetForecastOutput`, "smithy.api#mixin", `mixin ${W}CommonFields does not exist`]],
  "several-errors-at-once": [
    [`${W}CityId`, "smithy.api#length", "min 9 is greater than max 8"],
    [`${W}GetForecastInput`, "-", `member Days targets ${W}Dayz`],
  ],
};

describe("broken models", () => {
  let out: string;
  let original: Record<string, string>;

  before(async () => {
    out = join(await projectTempDir("invalid"), "package");
    await cp(join(ROOT, "generated/ssm/src"), join(out, "src"), { recursive: true });
    original = await snapshot(out);
  });

  for (const [name, expected] of Object.entries(CASES)) {
    it(`${name}: names the shape and trait, exits 1, writes nothing`, async () => {
      const { code, output } = await cli(["--quiet", "--model", join(INVALID, `${name}.json`), "--out", out]);
      assert.equal(code, 1, output);
      const errors = output.split("\n").filter((l) => l.startsWith("ERROR "));
      assert.equal(errors.length, expected.length, `exactly the expected errors, no others:\n${output}`);
      for (const [shapeId, traitId, words] of expected) {
        const line = output.split("\n").find((l) => l.startsWith(`ERROR ${shapeId} ${traitId}: `) && l.includes(words));
        assert.ok(line, `expected "ERROR ${shapeId} ${traitId}: …${words}…" in:\n${output}`);
        assert.match(line, new RegExp(`\\(.*${name}\\.json`), "the line names the model file");
      }
      assert.match(output, /model errors?; nothing was written/);
      assert.deepEqual(await snapshot(out), original);
    });
  }

  it("the fixtures' base model (test/fixtures/models/weather.json) is valid: no error, no warning", async () => {
    const { code, output } = await cli([
      "--check",
      "--model",
      join(ROOT, "test/fixtures/models/weather.json"),
      "--out",
      out,
    ]);
    assert.equal(code, 1, "the check finds the package stale, after a clean load");
    assert.match(output, /^validate\s+0 errors, 0 warnings/m);
    assert.doesNotMatch(output, /^(ERROR|WARNING) /m);
  });

  it("has a fixture for every case and a case for every fixture", async () => {
    const { readdir } = await import("node:fs/promises");
    const files = (await readdir(INVALID)).map((f) => f.replace(/\.json$/, "")).sort();
    assert.deepEqual(files, Object.keys(CASES).sort());
    assert.ok(files.length >= 15);
  });
});
