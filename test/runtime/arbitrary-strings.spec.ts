/** Valid strings when a pattern and a length both constrain them, as real models combine them. */
import assert from "node:assert/strict";
import fc from "fast-check";
import {
  codePoints,
  contradiction,
  fitRepetition,
  lookaheadAsContent,
  relaxPattern,
  validString,
} from "../../testing/src/arbitrary-strings.js";

describe("strings under a pattern and a length", () => {
  it("bounds the widest repetition of a plain sequence to the length", () => {
    assert.equal(fitRepetition("^[a-zA-Z0-9_-]+$", 25, 25), "^[a-zA-Z0-9_-]{25,25}$");
    assert.equal(fitRepetition("^(fsvol-[0-9a-f]{17,})$", 23, 23), "^(fsvol-[0-9a-f]{17,17})$");
    assert.equal(fitRepetition("^[\\w :+=./\\n-]*$", 600, 612), "^[\\w :+=./\\n-]{600,612}$");
    assert.equal(fitRepetition("^a|b$", 1, 2), undefined);
    assert.equal(fitRepetition("^(a)\\1+$", 1, 2), undefined);
  });

  it("keeps the content of an atomic group spelled as a lookahead and a back reference", () => {
    assert.equal(relaxPattern("^a(?:(?=(b+|c))\\1)d(?=e)$"), "^a(?:(?:b+|c))d$");
  });

  it("makes a top-level lookahead the content, to generate from what it pins down", () => {
    assert.equal(lookaheadAsContent("^arn:(?=[^:]+:x:)(a|b)$"), "^arn:(?:[^:]+:x:).*");
    assert.equal(lookaheadAsContent("^(a(?=b))$"), "^(a(?=b))$");
  });

  it("knows when a pattern's fixed length contradicts the length trait", () => {
    assert.match(
      contradiction({ patterns: ["^[0-9a-f]{8}-[0-9a-f]{4}$"], minLength: 32, maxLength: 32, required: [] }) ?? "",
      /matches 13 code points, but the length must be 32…32/,
    );
    assert.equal(contradiction({ patterns: ["^[a-z]+$"], minLength: 32, maxLength: 32, required: [] }), undefined);
    assert.match(contradiction({ patterns: [], minLength: 3, maxLength: 2, required: [] }) ?? "", /3…2/);
  });

  for (const [pattern, minLength, maxLength] of [
    ["^[a-zA-Z0-9_-]+$", 25, 25],
    ["^(fsvol-[0-9a-f]{17,})$", 23, 23],
    ["^[\\w :+=./\\n-]*$", 600, 2400],
    ["\\S", 20, 2048],
    [
      "^arn:(?=[^:]+:fsx:[^:]+:\\d{12}:)((|(?=[a-z0-9-.]{1,63})(?!\\d{1,3}(\\.\\d{1,3}){3})(?![^:]*-{2})(?![^:]*-\\.)(?![^:]*\\.-)[a-z0-9].*(?<!-)):){4}(?!/).{0,1024}$",
      8,
      512,
    ],
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
