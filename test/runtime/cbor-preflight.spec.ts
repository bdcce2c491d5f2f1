/**
 * The pass before `@smithy/core/cbor` decodes a body: well-formedness, the
 * nesting bound, chunked (indefinite-length) text-string map keys made
 * definite, and `__proto__` keys kept, which that decoder cannot read otherwise.
 */
import assert from "node:assert/strict";
import fc from "fast-check";
import { cbor } from "@smithy/core/cbor";
import { CborFormatError, preflightCbor, restoreProtoKeys } from "../../runtime/src/protocols/cbor-preflight.js";
import { decodeCbor } from "../../runtime/src/protocols/rpcv2-cbor.js";

const hex = (text: string) => Uint8Array.from(Buffer.from(text.replace(/\s+/g, ""), "hex"));

describe("CBOR preflight", () => {
  it("returns a body without chunked keys as it is, the same bytes", () => {
    const body = hex("a2 61 61 01 61 62 7f 61 78 61 79 ff"); // {"a": 1, "b": (_ "x", "y")}
    assert.deepEqual(preflightCbor(body, 8), { bytes: body });
    assert.equal(preflightCbor(body, 8).bytes, body);
  });

  it("makes chunked text-string map keys definite, which the decoder then reads", () => {
    // {(_ "dou", "ble"): 1, "k": {(_ "i", "n"): [1, 2]}}
    const body = hex("a2 7f 63 646f75 63 626c65 ff 01 61 6b bf 7f 61 69 61 6e ff 9f 01 02 ff ff");
    assert.throws(() => cbor.deserialize(body));
    const prepared = preflightCbor(body, 8).bytes;
    assert.deepEqual(prepared, hex("a2 66 646f75626c65 01 61 6b bf 62 696e 9f 01 02 ff ff"));
    assert.deepEqual(JSON.parse(JSON.stringify(cbor.deserialize(prepared))), { double: 1, k: { in: [1, 2] } });
  });

  it("writes the head a key of 24 bytes and more needs", () => {
    const key = "k".repeat(30);
    const chunk = Buffer.from(key.slice(0, 20)).toString("hex");
    const rest = Buffer.from(key.slice(20)).toString("hex");
    const prepared = preflightCbor(hex(`a1 7f 74 ${chunk} 6a ${rest} ff f5`), 8).bytes;
    assert.deepEqual(cbor.deserialize(prepared), { [key]: true });
  });

  for (const [what, body, message] of [
    ["an empty body", "", /unexpected end of the body at byte 0/],
    ["a truncated string", "63 6162", /longer than the rest of the body/],
    ["a map without its break code", "bf 61 61 01", /no break code|unexpected end/],
    ["a break code outside an indefinite item", "ff", /break code outside/],
    ["bytes after the item", "01 02", /1 bytes after the CBOR item at byte 1/],
    ["a key that is not a text string", "a1 01 02", /map key that is not a text string/],
    ["a chunk of another type", "7f 41 61 ff", /not a definite string of its type/],
    ["a count beyond the body", "9b 00000000ffffffff", /count of 4294967295 beyond the end/],
    ["reserved additional information", "1c", /reserved additional information 28/],
  ] as const) {
    it(`refuses ${what}`, () => {
      assert.throws(
        () => preflightCbor(hex(body), 8),
        (error: unknown) => {
          assert.ok(error instanceof CborFormatError);
          assert.match(error.message, message);
          return true;
        },
      );
    });
  }

  it("bounds the nesting of arrays, maps and tags", () => {
    assert.doesNotThrow(() => preflightCbor(hex("81 81 81 01"), 3));
    assert.throws(() => preflightCbor(hex("81 81 81 81 01"), 3), /nesting deeper than 3 levels/);
    assert.throws(() => preflightCbor(hex("c1 c1 c1 c1 01"), 3), /nesting deeper than 3 levels/);
    assert.throws(() => preflightCbor(new Uint8Array(100_000).fill(0x9f), 64), /nesting deeper than 64/);
  });

  it("keeps __proto__ keys as own entries, where the decoder alone sets the prototype and loses them", () => {
    // {"__proto__": {"a": 1}, "b": [{(_ "__pro", "to__"): null}], "\0__proto__": 2}
    const body = hex(`a3 69 5f5f70726f746f5f5f a1 61 61 01 61 62 81 a1 7f 65 5f5f70726f 64 746f5f5f ff f6
      6a 005f5f70726f746f5f5f 02`);
    const alone = cbor.deserialize(hex("a2 69 5f5f70726f746f5f5f a1 61 61 01 61 62 02")) as Record<string, unknown>;
    assert.deepEqual(Object.keys(alone), ["b"], "the decoder alone drops the key");
    assert.equal(alone.a, 1, "and inherits the value's members");
    const prepared = preflightCbor(body, 8);
    assert.equal(prepared.protoStandIn, "\0\0__proto__", "the stand-in is no key of the body");
    const value = decodeCbor(body) as Record<string, unknown>;
    assert.equal(Object.getPrototypeOf(value), Object.prototype);
    assert.deepEqual(Object.keys(value), ["__proto__", "b", "\0__proto__"]);
    assert.deepEqual(Object.getOwnPropertyDescriptor(value, "__proto__")?.value, { a: 1 });
    assert.equal(value.a, undefined);
    const nested = (value.b as Record<string, unknown>[])[0]!;
    assert.ok(Object.hasOwn(nested, "__proto__"));
    assert.equal(Object.getOwnPropertyDescriptor(nested, "__proto__")?.value, null);
    assert.equal(value["\0__proto__"], 2);
  });

  it("restores only the stand-in keys, leaving bytes and other values alone", () => {
    const bytes = Uint8Array.of(1, 2);
    const restored = restoreProtoKeys({ x: [bytes, { "\0__proto__": 1 }], y: "z" }, "\0__proto__") as {
      x: [Uint8Array, Record<string, unknown>];
    };
    assert.equal(restored.x[0], bytes);
    assert.deepEqual(Object.keys(restored.x[1]), ["__proto__"]);
  });

  it("passes whatever the encoder writes, unchanged", () => {
    const value = fc.letrec((tie) => ({
      item: fc.oneof(
        { depthSize: "small" },
        fc.integer(),
        fc.double(),
        fc.string(),
        fc.boolean(),
        fc.constant(null),
        fc.uint8Array(),
        fc.array(tie("item"), { maxLength: 4 }),
        fc.dictionary(
          fc.string().filter((key) => key !== "__proto__"),
          tie("item"),
          { maxKeys: 4 },
        ),
      ),
    })).item;
    fc.assert(
      fc.property(value, (item) => {
        const bytes = cbor.serialize(item);
        assert.equal(preflightCbor(bytes, 64).bytes, bytes);
      }),
    );
  });
});
