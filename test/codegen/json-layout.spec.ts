/**
 * The JSON layout gives prettier's bytes for `JSON.stringify(value, null, 2)`
 * on random values, and declines (leaving the file to prettier) only where
 * it says it does: number arrays too long for one line, and non-ASCII text.
 */
import assert from "node:assert/strict";
import fc from "fast-check";
import * as prettier from "prettier";
import { layoutJson, layoutJsonStringify } from "../../codegen/render/json-layout.js";
import { PRETTIER_OPTIONS } from "../../codegen/render/prettier-options.js";

const WIDTH = PRETTIER_OPTIONS.printWidth!;

const prettierJson = (value: unknown, parser: "json" | "json-stringify") =>
  prettier.format(JSON.stringify(value, null, 2), { ...PRETTIER_OPTIONS, parser });

/** Values shaped like the generated JSON: keys and strings of every length around the print width. */
function jsonValues(text: fc.Arbitrary<string>): fc.Arbitrary<unknown> {
  const scalar = fc.oneof(
    text,
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
    fc.constant(null),
  );
  const { value } = fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      scalar,
      fc.array(fc.oneof(text, scalar), { maxLength: 12 }),
      fc.array(tie("value"), { maxLength: 4 }),
      fc.dictionary(text, tie("value"), { maxKeys: 5 }),
    ),
  }));
  return value;
}

const asciiText = fc.string({ unit: fc.constantFrom("a", "Z", "_", " ", '"', "\\", "/", "$"), maxLength: 40 });

/** True when the value holds a number array of two or more numbers (which prettier may fill). */
function hasNumberArray(value: unknown): boolean {
  if (Array.isArray(value))
    return (value.length > 1 && value.every((v) => typeof v === "number")) || value.some(hasNumberArray);
  if (value !== null && typeof value === "object") return Object.values(value).some(hasNumberArray);
  return false;
}

describe("JSON layout without prettier", function () {
  this.timeout(120_000);

  it("gives prettier's bytes, and lays out every ASCII value without a number array", async () => {
    await fc.assert(
      fc.asyncProperty(jsonValues(asciiText), async (value) => {
        const laidOut = layoutJson(value, WIDTH);
        if (!hasNumberArray(value)) assert.notEqual(laidOut, undefined);
        if (laidOut !== undefined) assert.equal(laidOut, await prettierJson(value, "json"));
      }),
      { numRuns: 400 },
    );
  });

  it("gives prettier's bytes or declines on any text", async () => {
    await fc.assert(
      fc.asyncProperty(jsonValues(fc.string({ unit: "grapheme", maxLength: 30 })), async (value) => {
        const laidOut = layoutJson(value, WIDTH);
        if (laidOut !== undefined) assert.equal(laidOut, await prettierJson(value, "json"));
      }),
      { numRuns: 300 },
    );
  });

  it("puts an array on one line exactly when it fits, counting the comma after it", async () => {
    for (let length = 80; length <= 100; length++) {
      const value = { list: ["x".repeat(length - 14)], next: 1 };
      assert.equal(layoutJson(value, WIDTH), await prettierJson(value, "json"), `line of ${length}`);
    }
  });

  it("lays out package.json as the json-stringify parser does", async () => {
    await fc.assert(
      fc.asyncProperty(jsonValues(fc.string({ unit: "grapheme", maxLength: 30 })), async (value) => {
        assert.equal(layoutJsonStringify(value), await prettierJson(value, "json-stringify"));
      }),
      { numRuns: 200 },
    );
  });
});
