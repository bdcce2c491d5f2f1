import assert from "node:assert/strict";
import { emitProtocolTests } from "../../codegen/emit/emit-protocol-tests.js";
import { planTests } from "../../codegen/emit/protocol-tests/cases.js";
import { parseSkipList, type SkipList } from "../../codegen/emit/protocol-tests/skips.js";
import { flattenModel } from "../../codegen/index/flatten.js";
import { buildShapeIndex, type ShapeIndex } from "../../codegen/index/shape-index.js";
import { parseModel } from "../../codegen/load/parse-model.js";
import { renderFiles } from "../../codegen/render/render-files.js";

const NS = "example.tea";
const SERVICE = `${NS}#Tea`;

const headers = { "Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": "Tea.Brew" };

/** A service with one operation, one error, and cases of every kind (one for another protocol). */
const model = {
  smithy: "2.0",
  shapes: {
    [SERVICE]: {
      type: "service",
      version: "2024-01-01",
      operations: [{ target: `${NS}#Brew` }],
      traits: { "aws.protocols#awsJson1_1": {}, "aws.api#service": { sdkId: "Tea" } },
    },
    [`${NS}#Brew`]: {
      type: "operation",
      input: { target: `${NS}#BrewInput` },
      output: { target: `${NS}#BrewOutput` },
      errors: [{ target: `${NS}#Teapot` }],
      traits: {
        "smithy.test#httpRequestTests": [
          {
            id: "Tea_Brew",
            protocol: "aws.protocols#awsJson1_1",
            method: "POST",
            uri: "/",
            headers,
            body: '{"Leaves":"green"}',
            bodyMediaType: "application/json",
            params: { Leaves: "green" },
          },
          {
            id: "Tea_ClientOnly",
            protocol: "aws.protocols#awsJson1_1",
            method: "POST",
            uri: "/",
            body: "{}",
            appliesTo: "client",
          },
          { id: "Tea_OtherProtocol", protocol: "aws.protocols#restJson1", method: "POST", uri: "/" },
          {
            id: "Tea_Query",
            protocol: "aws.protocols#awsJson1_1",
            method: "POST",
            uri: "/",
            queryParams: ["a=b"],
            appliesTo: "client",
          },
        ],
        "smithy.test#httpResponseTests": [
          {
            id: "Tea_Brewed",
            protocol: "aws.protocols#awsJson1_1",
            code: 200,
            body: '{"At":0}',
            bodyMediaType: "application/json",
            params: { At: 0 },
          },
        ],
        "smithy.test#httpMalformedRequestTests": [
          {
            id: "Tea_NotJson",
            protocol: "aws.protocols#awsJson1_1",
            request: { method: "POST", uri: "/", headers, body: "[" },
            response: { code: 400, headers: { "X-Amzn-ErrorType": "SerializationException" } },
          },
        ],
      },
    },
    [`${NS}#BrewInput`]: { type: "structure", members: { Leaves: { target: "smithy.api#String" } } },
    [`${NS}#BrewOutput`]: { type: "structure", members: { At: { target: "smithy.api#Timestamp" } } },
    [`${NS}#Teapot`]: {
      type: "structure",
      members: { Message: { target: "smithy.api#String" } },
      traits: {
        "smithy.api#error": "client",
        "smithy.test#httpResponseTests": [
          {
            id: "Tea_Teapot",
            protocol: "aws.protocols#awsJson1_1",
            code: 418,
            body: '{"__type":"Teapot","Message":"short and stout"}',
            bodyMediaType: "application/json",
            params: { Message: "short and stout" },
            appliesTo: "client",
          },
        ],
      },
    },
  },
};

function indexOf(json: object): ShapeIndex {
  const parsed = parseModel(JSON.stringify(json), "tea.json");
  const { model: flat } = flattenModel(parsed.model.shapes, "tea.json");
  return buildShapeIndex(flat, SERVICE);
}

async function emitted(skips: SkipList = {}): Promise<string> {
  const files = emitProtocolTests(indexOf(model), skips);
  assert.deepEqual(
    files.map((f) => f.path),
    ["test/protocol.spec.ts"],
  );
  const [file] = await renderFiles(files, { modelPath: "tea.json", command: "npm run generate" });
  return file!.text;
}

/** The `it(…)` titles of the spec, in order. */
const titles = (text: string) => [...text.matchAll(/^\s*it(?:\.skip)?\(\s*"([^"]*)"/gm)].map((m) => m[1]);

describe("conformance: emitProtocolTests", () => {
  it("plans one test per case and side, for the service's protocol only, grouped client first", () => {
    const plan = planTests(indexOf(model)).map((t) => `${t.side} ${t.kind} ${t.case.id}`);
    assert.deepEqual(plan, [
      "client request Tea_Brew",
      "client request Tea_ClientOnly",
      "client request Tea_Query",
      "client response Tea_Brewed",
      "client response Tea_Teapot",
      "server request Tea_Brew",
      "server response Tea_Brewed",
      "server malformed Tea_NotJson",
    ]);
  });

  it("names each it() after its case id, inside one describe per side and kind", async () => {
    const text = await emitted();
    assert.deepEqual(titles(text), [
      "Tea_Brew",
      "Tea_ClientOnly",
      "Tea_Query",
      "Tea_Brewed",
      "Tea_Teapot",
      "Tea_Brew",
      "Tea_Brewed",
      "Tea_NotJson",
    ]);
    for (const group of [
      "client requests",
      "client responses",
      "server requests",
      "server responses",
      "server malformed requests",
    ]) {
      assert.match(text, new RegExp(`describe\\("${group}"`));
    }
    assert.match(text, /^export default describe\("example\.tea#Tea protocol tests \(awsJson1_1\)"/m);
    assert.match(text, /from "@sjc\/testing";/);
    assert.match(text, /from "\.\.\/src\/index\.js";/);
  });

  it("writes the test data inline and leaves the checks to the runtime's helpers", async () => {
    const text = await emitted();
    const clientRequest = text.slice(text.indexOf('it("Tea_Brew"'), text.indexOf('it("Tea_ClientOnly"'));
    assert.equal(
      clientRequest.trim(),
      `it("Tea_Brew", async () => {
      const http = new $StubHttpHandler();
      const client = new TeaClient($testClientConfig(http));
      await client.send(
        new BrewCommand($fromParams(serviceSchema, "example.tea#BrewInput", { Leaves: "green" })),
      );
      $assertHttpRequest(http.request(), {
        method: "POST",
        uri: "/",
        headers: { "Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": "Tea.Brew" },
        body: '{"Leaves":"green"}',
        bodyMediaType: "application/json",
      });
    });`,
    );
    assert.match(
      text,
      /\$assertModeledError\(\s*error,\s*new Teapot\(\s*\$fromParams\(serviceSchema, "example\.tea#Teapot"/,
    );
    assert.match(text, /createTeaHandler\(\{ Brew: \$recordInput\(received\) \}\)/);
    assert.match(text, /\$assertMalformedResponse\(response, \{/);
  });

  it("sends a server response case the operation's first server request, so the call passes validation", async () => {
    const text = await emitted();
    const serverResponses = text.slice(text.indexOf('describe("server responses"'));
    assert.match(
      serverResponses,
      /\$answerWith\(\$fromParams\(serviceSchema, "example\.tea#BrewOutput", \{ At: 0 \}\)\)/,
    );
    assert.match(
      serverResponses,
      /body: '\{"Leaves":"green"\}',\s*\},\s*\{ schema: serviceSchema, operation: "Brew" \}/,
    );
  });

  it("fails a case it cannot express, naming what is missing and the skip file", async () => {
    const text = await emitted();
    assert.match(
      text,
      /it\("Tea_Query", async \(\) => \{\s*throw new Error\(\s*"sjc cannot express this case: query parameter assertions.*conformance-skips\.json/,
    );
  });

  it("skips listed cases with the reason in the title, for all sides or one side and kind", async () => {
    const text = await emitted({
      [SERVICE]: {
        Tea_Query: "no query in awsJson",
        "server:Tea_Brew": "because",
        "client-response:Tea_Brewed": "later",
      },
    });
    assert.deepEqual(titles(text), [
      "Tea_Brew",
      "Tea_ClientOnly",
      "Tea_Query — skipped: no query in awsJson",
      "Tea_Brewed — skipped: later",
      "Tea_Teapot",
      "Tea_Brew — skipped: because",
      "Tea_Brewed",
      "Tea_NotJson",
    ]);
    assert.match(text, /it\.skip\("Tea_Query — skipped: no query in awsJson"/);
  });

  it("turns a skip entry that matches no case into a failing test", async () => {
    const text = await emitted({
      [SERVICE]: { Tea_Gone: "was removed", "client:Tea_NotJson": "malformed cases are server-only" },
    });
    assert.match(text, /describe\("conformance-skips\.json"/);
    assert.match(text, /it\("entry Tea_Gone matches a case"/);
    assert.match(text, /it\("entry client:Tea_NotJson matches a case"/);
    assert.match(text, /skips Tea_Gone for example\.tea#Tea, which has no such case: remove the entry/);
  });

  it("emits no file for a service without cases", () => {
    const bare = structuredClone(model) as { shapes: Record<string, { traits?: Record<string, unknown> }> };
    bare.shapes[`${NS}#Brew`]!.traits = {};
    bare.shapes[`${NS}#Teapot`]!.traits = { "smithy.api#error": "client" };
    assert.deepEqual(emitProtocolTests(indexOf(bare), {}), []);
  });

  it("reads the skip file strictly", () => {
    assert.deepEqual(parseSkipList({ "//": "comment", [SERVICE]: { a: "why" } }), { [SERVICE]: { a: "why" } });
    assert.throws(() => parseSkipList([]), /expected an object keyed by service shape id/);
    assert.throws(
      () => parseSkipList({ [SERVICE]: { a: "" } }),
      /example\.tea#Tea a: the reason must be a non-empty string/,
    );
    assert.throws(() => parseSkipList({ [SERVICE]: ["a"] }), /expected an object of case ids and reasons/);
  });
});
