/**
 * Broken models, one file per mistake: the CLI reports exactly the expected
 * issues (shape, trait, message, file and pointer), exits 1, and leaves the
 * output folder exactly as it was.
 */
import assert from "node:assert/strict";
import { cp } from "node:fs/promises";
import { join } from "node:path";
import { ROOT, cli, projectTempDir, snapshot } from "./helpers.js";

const INVALID = join(ROOT, "test/fixtures/invalid-models");

/** file → every issue line the report holds, in order. */
const CASES: Record<string, readonly string[]> = {
  "dangling-member-target": [
    "ERROR example.weather#GetForecastInput -: member Days targets example.weather#Dayz, which is not defined in the model or the prelude; define the shape or fix the target id (test/fixtures/invalid-models/dangling-member-target.json /shapes/example.weather#GetForecastInput/members/Days)",
  ],
  "dangling-operation-input": [
    "ERROR example.weather#GetForecast -: operation input targets example.weather#Nope, which is not defined in the model or the prelude; define the shape or fix the target id (test/fixtures/invalid-models/dangling-operation-input.json /shapes/example.weather#GetForecast/input)",
  ],
  "default-type-mismatch": [
    'ERROR example.weather#GetForecastInput$Days smithy.api#default: default "ten" does not fit an integer (test/fixtures/invalid-models/default-type-mismatch.json /shapes/example.weather#GetForecastInput/members/Days/traits/smithy.api#default)',
  ],
  "enum-duplicate-value": [
    'ERROR example.weather#Sky$CLOUDY smithy.api#enumValue: value "clear" is already used by member CLEAR (test/fixtures/invalid-models/enum-duplicate-value.json /shapes/example.weather#Sky/members/CLOUDY/traits/smithy.api#enumValue)',
  ],
  "http-bindings-clash": [
    "ERROR example.weather#GetForecastInput smithy.api#httpHeader: member NextToken binds header x-days, as member Days does (test/fixtures/invalid-models/http-bindings-clash.json /shapes/example.weather#GetForecastInput/members/NextToken/traits/smithy.api#httpHeader)",
    "ERROR example.weather#GetForecastOutput smithy.api#httpPayload: member Lines is the payload, so member NextToken has nowhere to go; bind the member to a header, query parameter or label, or put it inside the payload (test/fixtures/invalid-models/http-bindings-clash.json /shapes/example.weather#GetForecastOutput/members/NextToken)",
    "ERROR example.weather#GetForecastOutput smithy.api#httpPayload: member Lines targets a list; a payload is a string, enum, blob, structure, union or document (test/fixtures/invalid-models/http-bindings-clash.json /shapes/example.weather#GetForecastOutput/members/Lines/traits/smithy.api#httpPayload)",
  ],
  "http-labels-unmatched": [
    "ERROR example.weather#GetForecast smithy.api#http: label {City} of /forecast/{City} has no input member City with @httpLabel; add the member to the input with @httpLabel and @required, or fix the label (test/fixtures/invalid-models/http-labels-unmatched.json /shapes/example.weather#GetForecast/traits/smithy.api#http)",
    "ERROR example.weather#GetForecastInput smithy.api#httpLabel: member CityId is bound to a label, but /forecast/{City} of example.weather#GetForecast has no {CityId}; add the label to the URI pattern or remove @httpLabel (test/fixtures/invalid-models/http-labels-unmatched.json /shapes/example.weather#GetForecastInput/members/CityId/traits/smithy.api#httpLabel)",
    "ERROR example.weather#GetForecastInput smithy.api#httpLabel: member Days binds a URI label, so it must be @required (test/fixtures/invalid-models/http-labels-unmatched.json /shapes/example.weather#GetForecastInput/members/Days/traits/smithy.api#httpLabel)",
    "ERROR example.weather#GetForecastInput smithy.api#httpLabel: member Days is bound to a label, but /forecast/{City} of example.weather#GetForecast has no {Days}; add the label to the URI pattern or remove @httpLabel (test/fixtures/invalid-models/http-labels-unmatched.json /shapes/example.weather#GetForecastInput/members/Days/traits/smithy.api#httpLabel)",
  ],
  "http-route-conflict": [
    "ERROR example.weather#GetHistory smithy.api#http: GET /forecast/ cannot be told apart from example.weather#GetForecast's GET /forecast in service example.weather#Weather; change the method, a literal segment or a query literal of one of them (test/fixtures/invalid-models/http-route-conflict.json /shapes/example.weather#GetHistory/traits/smithy.api#http)",
  ],
  "http-uri-pattern-invalid": [
    'ERROR example.weather#GetForecast smithy.api#http: URI pattern "/forecast/{CityId}s": segment "{CityId}s": a label must be a whole segment, {name} or {name+} (test/fixtures/invalid-models/http-uri-pattern-invalid.json /shapes/example.weather#GetForecast/traits/smithy.api#http)',
  ],
  "invalid-error-trait": [
    'ERROR example.weather#CityNotFound smithy.api#error: must be "client" or "server", found "user" (test/fixtures/invalid-models/invalid-error-trait.json /shapes/example.weather#CityNotFound/traits/smithy.api#error)',
  ],
  "invalid-pattern": [
    'ERROR example.weather#CityId smithy.api#pattern: "^[a-z+$" is not a valid regular expression: Unterminated character class (test/fixtures/invalid-models/invalid-pattern.json /shapes/example.weather#CityId/traits/smithy.api#pattern)',
  ],
  "length-min-greater-than-max": [
    "ERROR example.weather#CityId smithy.api#length: min 9 is greater than max 8; swap the bounds or fix the typo (test/fixtures/invalid-models/length-min-greater-than-max.json /shapes/example.weather#CityId/traits/smithy.api#length)",
  ],
  "length-on-boolean": [
    "ERROR example.weather#Flag smithy.api#length: applies to string, blob, list or map shapes, not to a boolean shape (test/fixtures/invalid-models/length-on-boolean.json /shapes/example.weather#Flag/traits/smithy.api#length)",
  ],
  "malformed-protocol-test": [
    "ERROR example.weather#GetForecast smithy.test#httpRequestTests: case 0 (GetForecastRequest): uri must be a string, found null (test/fixtures/invalid-models/malformed-protocol-test.json /shapes/example.weather#GetForecast/traits/smithy.test#httpRequestTests)",
    'ERROR example.weather#GetForecast smithy.test#httpRequestTests: case 1 (GetForecastRequest): id "GetForecastRequest" is used twice (test/fixtures/invalid-models/malformed-protocol-test.json /shapes/example.weather#GetForecast/traits/smithy.test#httpRequestTests)',
    'ERROR example.weather#GetForecast smithy.test#httpResponseTests: case 0 (GetForecastResponse): code must be an integer, found "200" (test/fixtures/invalid-models/malformed-protocol-test.json /shapes/example.weather#GetForecast/traits/smithy.test#httpResponseTests)',
    "ERROR example.weather#GetForecast smithy.test#httpResponseTests: case 0 (GetForecastResponse): headers must be a map of strings (test/fixtures/invalid-models/malformed-protocol-test.json /shapes/example.weather#GetForecast/traits/smithy.test#httpResponseTests)",
  ],
  "error-tests-unreachable": [
    "ERROR example.weather#CityNotFound smithy.test#httpResponseTests: has response tests, but no operation or service lists it among its errors; add it to the errors of the operation the tests exercise (test/fixtures/invalid-models/error-tests-unreachable.json /shapes/example.weather#CityNotFound/traits/smithy.test#httpResponseTests)",
  ],
  "missing-mixin": [
    "ERROR example.weather#GetForecastOutput smithy.api#mixin: mixin example.weather#CommonFields does not exist (test/fixtures/invalid-models/missing-mixin.json /shapes/example.weather#GetForecastOutput/mixins/0)",
  ],
  "no-service": [
    "ERROR - -: the model defines no service shape; add a service that binds the operations to generate (test/fixtures/invalid-models/no-service.json /shapes)",
  ],
  "not-smithy-2": [
    'ERROR - -: expected "smithy": "2.0", found "1.0"; convert Smithy 1.0 models to 2.0 first (test/fixtures/invalid-models/not-smithy-2.json /smithy)',
  ],
  "operation-error-not-an-error": [
    "ERROR example.weather#GetForecast smithy.api#error: error example.weather#GetForecastOutput must be a structure with the smithy.api#error trait (test/fixtures/invalid-models/operation-error-not-an-error.json /shapes/example.weather#GetForecast/errors/0)",
  ],
  "paginated-missing-member": [
    'ERROR example.weather#GetForecast smithy.api#paginated: inputToken "PageToken" does not name a member of the input; add the member to the input structure or fix the name (test/fixtures/invalid-models/paginated-missing-member.json /shapes/example.weather#GetForecast/traits/smithy.api#paginated)',
  ],
  "paginated-page-size-not-integer": [
    "ERROR example.weather#GetForecast smithy.api#paginated: pageSize CityId must target an integer shape, found a string (test/fixtures/invalid-models/paginated-page-size-not-integer.json /shapes/example.weather#GetForecast/traits/smithy.api#paginated)",
  ],
  "range-min-greater-than-max": [
    "ERROR example.weather#Days smithy.api#range: min 10 is greater than max 1; swap the bounds or fix the typo (test/fixtures/invalid-models/range-min-greater-than-max.json /shapes/example.weather#Days/traits/smithy.api#range)",
  ],
  "several-errors-at-once": [
    "ERROR example.weather#CityId smithy.api#length: min 9 is greater than max 8; swap the bounds or fix the typo (test/fixtures/invalid-models/several-errors-at-once.json /shapes/example.weather#CityId/traits/smithy.api#length)",
    "ERROR example.weather#GetForecastInput -: member Days targets example.weather#Dayz, which is not defined in the model or the prelude; define the shape or fix the target id (test/fixtures/invalid-models/several-errors-at-once.json /shapes/example.weather#GetForecastInput/members/Days)",
  ],
  "shape-id-not-absolute": [
    "ERROR Orphan -: is not an absolute shape id (expected namespace#Name) (test/fixtures/invalid-models/shape-id-not-absolute.json /shapes/Orphan)",
  ],
  "syntax-error": [
    "ERROR - -: invalid JSON: PropertyNameExpected at line 7, column 31 (test/fixtures/invalid-models/syntax-error.json:7:31)",
  ],
  "unknown-shape-type": [
    "ERROR example.weather#GetForecastOutput -: member Lines targets example.weather#Lines, a lisst, where a data shape is expected (test/fixtures/invalid-models/unknown-shape-type.json /shapes/example.weather#GetForecastOutput/members/Lines)",
    'ERROR example.weather#Lines -: unknown shape type "lisst"; use one of the Smithy 2.0 types (structure, list, string, operation, \u2026) (test/fixtures/invalid-models/unknown-shape-type.json /shapes/example.weather#Lines/type)',
  ],
  "unknown-timestamp-format": [
    'ERROR example.weather#GetForecastOutput$IssuedAt smithy.api#timestampFormat: unknown format "unix-millis"; use date-time, epoch-seconds or http-date (test/fixtures/invalid-models/unknown-timestamp-format.json /shapes/example.weather#GetForecastOutput/members/IssuedAt/traits/smithy.api#timestampFormat)',
  ],
  "unsupported-protocol": [
    "ERROR example.weather#Weather aws.protocols#restJson1: unsupported protocol aws.protocols#restJson1; this generator supports aws.protocols#awsJson1_0, aws.protocols#awsJson1_1, smithy.protocols#rpcv2Cbor (test/fixtures/invalid-models/unsupported-protocol.json /shapes/example.weather#Weather)",
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
    it(`${name}: reports exactly its issues, exits 1, writes nothing`, async () => {
      const { code, output } = await cli(["--quiet", "--model", join(INVALID, `${name}.json`), "--out", out]);
      assert.equal(code, 1, output);
      const report = output.split("\n");
      const issues = report.filter((line) => /^(ERROR|WARNING|NOTE) /.test(line));
      assert.deepEqual(issues, expected, "exactly these issues, in this order, and no others");
      const errors = expected.filter((line) => line.startsWith("ERROR ")).length;
      assert.equal(report.at(-1), `sjc: ${errors} model error${errors === 1 ? "" : "s"}; nothing was written`);
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
