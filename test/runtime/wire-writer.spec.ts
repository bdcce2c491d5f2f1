/**
 * The compiled writers against the schema walker they replace on the server:
 * for any typed value, the same JSON text as `JSON.stringify(serializeShape(…))`.
 */
import assert from "node:assert/strict";
import fc from "fast-check";
import { compileWireWriters, serializeStructure, type ServiceSchema } from "../../runtime/src/index.js";
import { epochSecondsOf } from "../../runtime/src/wire-writer.js";

const NS = "example.wire#";

/** Every shape kind, both sparse flavours, each timestamp format, defaults and recursion. */
const schema: ServiceSchema = {
  id: `${NS}Wire`,
  name: "Wire",
  version: "2024-01-01",
  protocol: "awsJson1_1",
  shapes: {
    "smithy.api#String": { type: "string" },
    "smithy.api#Boolean": { type: "boolean" },
    "smithy.api#Integer": { type: "integer" },
    "smithy.api#Long": { type: "long" },
    "smithy.api#Double": { type: "double" },
    "smithy.api#Float": { type: "float" },
    "smithy.api#BigInteger": { type: "bigInteger" },
    "smithy.api#Blob": { type: "blob" },
    "smithy.api#Document": { type: "document" },
    "smithy.api#Timestamp": { type: "timestamp" },
    [`${NS}Color`]: { type: "enum" },
    [`${NS}DateTime`]: { type: "timestamp", format: "date-time" },
    [`${NS}Strings`]: { type: "list", member: { target: "smithy.api#String" } },
    [`${NS}SparseStrings`]: { type: "list", member: { target: "smithy.api#String" }, sparse: true },
    [`${NS}Doubles`]: { type: "map", value: { target: "smithy.api#Double" } },
    [`${NS}SparseTimes`]: { type: "map", value: { target: "smithy.api#Timestamp" }, sparse: true },
    [`${NS}Choice`]: {
      type: "union",
      members: { Text: { target: "smithy.api#String" }, Node: { target: `${NS}Node` } },
    },
    [`${NS}Node`]: {
      type: "structure",
      members: {
        Name: { target: "smithy.api#String" },
        Size: { target: "smithy.api#Integer", default: 0 },
        Enabled: { target: "smithy.api#Boolean", default: false, clientOptional: true },
        Children: { target: `${NS}Nodes` },
      },
    },
    [`${NS}Nodes`]: { type: "list", member: { target: `${NS}Node` } },
    [`${NS}Everything`]: {
      type: "structure",
      members: {
        Text: { target: "smithy.api#String" },
        Color: { target: `${NS}Color`, default: "RED" },
        Flag: { target: "smithy.api#Boolean" },
        Count: { target: "smithy.api#Integer", default: 1 },
        Big: { target: "smithy.api#Long" },
        Ratio: { target: "smithy.api#Double" },
        Weight: { target: "smithy.api#Float" },
        Huge: { target: "smithy.api#BigInteger" },
        Data: { target: "smithy.api#Blob" },
        Doc: { target: "smithy.api#Document" },
        Seconds: { target: "smithy.api#Timestamp" },
        Iso: { target: `${NS}DateTime` },
        Http: { target: "smithy.api#Timestamp", timestampFormat: "http-date" },
        Strings: { target: `${NS}Strings` },
        SparseStrings: { target: `${NS}SparseStrings` },
        Doubles: { target: `${NS}Doubles` },
        SparseTimes: { target: `${NS}SparseTimes` },
        Choice: { target: `${NS}Choice` },
        Tree: { target: `${NS}Node` },
      },
    },
  },
  operations: {},
};

const members = (schema.shapes[`${NS}Everything`] as { members: Parameters<typeof serializeStructure>[1] }).members;

const text = fc.string({ unit: "binary", maxLength: 12 });
const number = fc.oneof(fc.double(), fc.integer(), fc.constantFrom(-0, Number.NaN, Infinity, -Infinity));
const date = fc.date({ min: new Date(-8.64e15), max: new Date(8.64e15), noInvalidDate: true });
const absent = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });
const orNull = <T>(arbitrary: fc.Arbitrary<T>) => fc.oneof(arbitrary, fc.constant(null), fc.constant(undefined));

const { node } = fc.letrec<{ node: Record<string, unknown> }>((tie) => ({
  node: fc.record(
    {
      Name: absent(text),
      Size: absent(fc.integer()),
      Enabled: absent(fc.boolean()),
      Children: absent(fc.array(tie("node"), { maxLength: 2, depthIdentifier: "tree" })),
    },
    { requiredKeys: [] },
  ),
}));

const everything = fc.record(
  {
    Text: text,
    Color: fc.constantFrom("RED", "GREEN", 'say "hi"'),
    Flag: fc.boolean(),
    Count: number,
    Big: fc.integer(),
    Ratio: number,
    Weight: number,
    Huge: fc.bigInt({ min: -(2n ** 60n), max: 2n ** 60n }),
    Data: fc.oneof(fc.uint8Array({ maxLength: 9 }), text),
    Doc: fc.jsonValue({ maxDepth: 2 }),
    Seconds: fc.oneof(date, fc.integer({ min: -1e9, max: 1e9 })),
    Iso: date,
    Http: date,
    Strings: fc.array(orNull(text), { maxLength: 4 }),
    SparseStrings: fc.array(orNull(text), { maxLength: 4 }),
    Doubles: fc.dictionary(fc.oneof(text, fc.constantFrom("__proto__", "1", "constructor")), orNull(number), {
      maxKeys: 3,
    }),
    SparseTimes: fc.dictionary(text, orNull(date), { maxKeys: 3 }),
    Choice: fc.oneof(
      fc.record({ Text: text }),
      fc.record({ Node: node }),
      fc.record({ $unknown: fc.tuple(text, fc.jsonValue({ maxDepth: 1 })) }),
    ),
    Tree: node,
  },
  { requiredKeys: [] },
);

describe("runtime: compiled wire writers", () => {
  for (const writer of ["server", "client"] as const) {
    it(`write the text JSON.stringify gives of the serialised value (${writer} defaults)`, () => {
      const write = compileWireWriters(schema, writer).structure(members);
      fc.assert(
        fc.property(everything, (value) => {
          assert.equal(write(value), JSON.stringify(serializeStructure(schema, members, value, writer)));
        }),
        { numRuns: 500, seed: 42 },
      );
    });
  }

  it("write an absent output as its defaults", () => {
    const write = compileWireWriters(schema).structure(members);
    assert.equal(write(undefined), '{"Color":"RED","Count":1}');
  });

  it("escape what JSON must escape, and only that", () => {
    const write = compileWireWriters(schema).structure(members);
    const tricky = 'a"b\\c\u0000\u001f\u2028 \ud83d\ude00 \ud800';
    assert.equal(JSON.parse(write({ Text: tricky })).Text, tricky);
    assert.equal(write({ Text: "plain é ✓" }), '{"Text":"plain é ✓","Color":"RED","Count":1}');
  });
});

describe("runtime: epoch-seconds text", () => {
  it("prints what String(ms / 1000) prints, from integer arithmetic", () => {
    fc.assert(
      fc.property(fc.integer({ min: -8.64e15, max: 8.64e15 }), (ms) => {
        assert.equal(epochSecondsOf(new Date(ms)), String(ms / 1000));
      }),
      { numRuns: 5000 },
    );
    for (const ms of [0, 1, 10, 100, 250, 1000, 1722796565250, 1e14 - 1, 1e14]) {
      assert.equal(epochSecondsOf(new Date(ms)), String(ms / 1000));
    }
    assert.equal(epochSecondsOf(new Date(Number.NaN)), "null");
  });
});
