import assert from "node:assert/strict";
import type { ServiceSchema } from "../../runtime/src/index.js";
import { fromParams } from "../../testing/src/params.js";

const NS = "example.params";

const schema: ServiceSchema = {
  id: `${NS}#Params`,
  name: "Params",
  version: "2024-01-01",
  protocol: "awsJson1_1",
  shapes: {
    "smithy.api#String": { type: "string" },
    "smithy.api#Integer": { type: "integer" },
    "smithy.api#Float": { type: "float" },
    "smithy.api#Double": { type: "double" },
    "smithy.api#Blob": { type: "blob" },
    "smithy.api#Timestamp": { type: "timestamp" },
    "smithy.api#Document": { type: "document" },
    [`${NS}#HttpDate`]: { type: "timestamp", format: "http-date" },
    [`${NS}#Strings`]: { type: "list", member: { target: "smithy.api#String" } },
    [`${NS}#SparseStrings`]: { type: "list", member: { target: "smithy.api#String" }, sparse: true },
    [`${NS}#Blobs`]: { type: "map", value: { target: "smithy.api#Blob" } },
    [`${NS}#SparseTimes`]: { type: "map", value: { target: "smithy.api#Timestamp" }, sparse: true },
    [`${NS}#Choice`]: {
      type: "union",
      members: {
        text: { target: "smithy.api#String" },
        when: { target: "smithy.api#Timestamp" },
        nested: { target: `${NS}#Everything` },
      },
    },
    [`${NS}#Everything`]: {
      type: "structure",
      members: {
        string: { target: "smithy.api#String" },
        integer: { target: "smithy.api#Integer" },
        float: { target: "smithy.api#Float" },
        double: { target: "smithy.api#Double" },
        blob: { target: "smithy.api#Blob" },
        epoch: { target: "smithy.api#Timestamp" },
        httpDate: { target: `${NS}#HttpDate` },
        isoMember: { target: "smithy.api#Timestamp", timestampFormat: "date-time" },
        document: { target: "smithy.api#Document" },
        strings: { target: `${NS}#Strings` },
        sparseStrings: { target: `${NS}#SparseStrings` },
        blobs: { target: `${NS}#Blobs` },
        sparseTimes: { target: `${NS}#SparseTimes` },
        choice: { target: `${NS}#Choice` },
        recursive: { target: `${NS}#Everything` },
      },
    },
  },
  operations: {},
};

const everything = (params: unknown) => fromParams<Record<string, unknown>>(schema, `${NS}#Everything`, params);
const bytes = (text: string) => new TextEncoder().encode(text);

describe("conformance: fromParams (node values → typed values)", () => {
  it("keeps strings, integers and finite floats", () => {
    assert.deepEqual(everything({ string: "s", integer: 3, float: 1.5, double: -0.25 }), {
      string: "s",
      integer: 3,
      float: 1.5,
      double: -0.25,
    });
  });

  it('reads "NaN", "Infinity" and "-Infinity" as numbers for floats and doubles', () => {
    const typed = everything({ float: "NaN", double: "-Infinity" });
    assert.ok(Number.isNaN(typed.float));
    assert.equal(typed.double, Number.NEGATIVE_INFINITY);
    assert.equal(everything({ double: "Infinity" }).double, Number.POSITIVE_INFINITY);
  });

  it("reads blobs as the UTF-8 bytes of the string", () => {
    assert.deepEqual(everything({ blob: "binary-value" }).blob, bytes("binary-value"));
    assert.deepEqual(everything({ blob: "" }).blob, new Uint8Array(0));
  });

  it("reads timestamps from epoch seconds (fractions kept to the millisecond) and from date-time strings", () => {
    const typed = everything({
      epoch: 946845296,
      httpDate: "Sun, 02 Jan 2000 20:34:56 GMT",
      isoMember: "2000-01-02T20:34:56.123Z",
    });
    assert.deepEqual(typed.epoch, new Date("2000-01-02T20:34:56Z"));
    assert.deepEqual(typed.httpDate, new Date("2000-01-02T20:34:56Z"));
    assert.deepEqual(typed.isoMember, new Date("2000-01-02T20:34:56.123Z"));
    assert.deepEqual(everything({ epoch: 1.5 }).epoch, new Date(1500));
  });

  it("passes documents through untouched, nulls and nested objects included", () => {
    const document = { a: [1, "two", null, { b: true }], c: null };
    assert.deepEqual(everything({ document }).document, document);
    assert.equal(everything({ document: "text" }).document, "text");
  });

  it("drops null structure members but keeps null items of sparse lists and maps", () => {
    assert.deepEqual(everything({ string: null, sparseStrings: [null, "x"], sparseTimes: { gone: null, at: 0 } }), {
      sparseStrings: [null, "x"],
      sparseTimes: { gone: null, at: new Date(0) },
    });
  });

  it("converts inside lists, maps, unions and recursive structures", () => {
    assert.deepEqual(
      everything({
        strings: ["a", "b"],
        blobs: { k: "v" },
        choice: { when: 0 },
        recursive: { recursive: { blob: "deep", choice: { nested: { epoch: 1 } } } },
      }),
      {
        strings: ["a", "b"],
        blobs: { k: bytes("v") },
        choice: { when: new Date(0) },
        recursive: { recursive: { blob: bytes("deep"), choice: { nested: { epoch: new Date(1000) } } } },
      },
    );
  });

  it("keeps a map key named __proto__ as an own key", () => {
    const typed = everything({ blobs: JSON.parse('{"__proto__": "x"}') }).blobs as Record<string, unknown>;
    assert.deepEqual(Object.keys(typed), ["__proto__"]);
    assert.equal(Object.getPrototypeOf(typed), Object.prototype);
  });

  it("names the path and the shape when params do not fit the schema", () => {
    assert.throws(() => everything({ nope: 1 }), /params: example\.params#Everything has no member named nope/);
    assert.throws(
      () => everything({ recursive: { epoch: "not a date" } }),
      /params\.recursive\.epoch: expected epoch seconds/,
    );
    assert.throws(() => everything({ strings: "a" }), /params\.strings: expected a list/);
    assert.throws(() => everything({ float: "1.5" }), /params\.float: expected a number/);
    assert.throws(() => fromParams(schema, `${NS}#Missing`, {}), /shape example\.params#Missing is missing/);
  });
});
