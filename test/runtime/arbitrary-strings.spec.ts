/** Valid strings when a pattern and a length both constrain them, as real models combine them. */
import assert from "node:assert/strict";
import fc from "fast-check";
import { codePoints, fitRepetition, validString } from "../../runtime/src/testing/arbitrary-strings.js";

describe("strings under a pattern and a length", () => {
  it("bounds the widest repetition of a plain sequence to the length", () => {
    assert.equal(fitRepetition("^[a-zA-Z0-9_-]+$", 25, 25), "^[a-zA-Z0-9_-]{25,25}$");
    assert.equal(fitRepetition("^(fsvol-[0-9a-f]{17,})$", 23, 23), "^(fsvol-[0-9a-f]{17,17})$");
    assert.equal(fitRepetition("^[\\w :+=./\\n-]*$", 600, 612), "^[\\w :+=./\\n-]{600,612}$");
    assert.equal(fitRepetition("^a|b$", 1, 2), undefined);
    assert.equal(fitRepetition("^(a)\\1+$", 1, 2), undefined);
  });

  for (const [pattern, minLength, maxLength] of [
    ["^[a-zA-Z0-9_-]+$", 25, 25],
    ["^(fsvol-[0-9a-f]{17,})$", 23, 23],
    ["^[\\w :+=./\\n-]*$", 600, 2400],
    ["\\S", 20, 2048],
  ] as const) {
    it(`finds strings of ${pattern} with ${minLength}…${maxLength} code points`, () => {
      const arbitrary = validString({ patterns: [pattern], minLength, maxLength, required: [] }, { extraLength: 12 });
      assert.ok(arbitrary, "no generator found");
      const re = new RegExp(pattern, "u");
      for (const text of fc.sample(arbitrary, { numRuns: 20, seed: 7 })) {
        assert.ok(re.test(text) && codePoints(text) >= minLength && codePoints(text) <= maxLength, text);
      }
    });
  }
});
