/**
 * Java patterns (Smithy checks `@pattern` with java.util.regex) spelled in
 * ECMAScript `u` mode: each rule with strings Java accepts and rejects
 * (`Matcher.find()`, as Smithy runs it).
 */
import assert from "node:assert/strict";
import { compilePattern } from "../../codegen/index/patterns.js";

/** Compiles `pattern`, expects an ECMAScript source, and checks it against Java's verdicts. */
function behaves(pattern: string, accepted: readonly string[], rejected: readonly string[], source?: string): void {
  const compiled = compilePattern(pattern);
  assert.equal(compiled.kind, "ok", `${pattern}: ${JSON.stringify(compiled)}`);
  const translated = (compiled as { source: string }).source;
  if (source !== undefined) assert.equal(translated, source);
  const re = new RegExp(translated, "u");
  for (const text of accepted)
    assert.ok(re.test(text), `${pattern} (${translated}) should accept ${JSON.stringify(text)}`);
  for (const text of rejected)
    assert.ok(!re.test(text), `${pattern} (${translated}) should reject ${JSON.stringify(text)}`);
}

const unchecked = (pattern: string, reason: RegExp) => {
  const compiled = compilePattern(pattern);
  assert.equal(compiled.kind, "unsupported", `${pattern}: ${JSON.stringify(compiled)}`);
  assert.match((compiled as { reason: string }).reason, reason);
};

describe("Java patterns in ECMAScript", () => {
  it("keeps a pattern u mode accepts as it is", () => {
    behaves("^[a-z]+\\d$", ["ab1"], ["ab"], "^[a-z]+\\d$");
  });

  it("reads a - after a class escape as a literal", () => {
    behaves(
      "^(?! )[\\p{L}\\p{N}\\p{Z}-_]*(?<! )$",
      ["Cost-Category_1", "a b", "é-ü", ""],
      [" lead", "trail ", "semi;colon", "a.b"],
      "^(?! )[\\p{L}\\p{N}\\p{Z}\\-_]*(?<! )$",
    );
    behaves("^[\\w-a]+$", ["a-_", "Z9"], ["+"]);
    // A range may start at a literal `-` after a class escape: `--/` is `-` to `/`.
    behaves("^[\\d--/]+$", ["1-./"], [","]);
  });

  it("reads - before ] or a nested class as a literal", () => {
    behaves("^[a-]+$", ["a-"], ["b"]);
    behaves("^[a-[0-9]]+$", ["a-5"], ["b"]);
  });

  it("drops a quantifier on an assertion: at least once is the assertion, maybe is nothing", () => {
    behaves(
      "^([\\p{L}\\p{Z}\\p{N}_.:\\/=+\\-@]*)${1,128}$",
      ["key: value/1", ""],
      ["tab\there", "semi;"],
      "^([\\p{L}\\p{Z}\\p{N}_.:\\/=+\\-@]*)$$",
    );
    behaves("^*a", ["ba", "a"], ["b"], "a");
    behaves("(?=a)+ab", ["xab"], ["xb"], "(?=a)ab");
  });

  it("spells POSIX classes as their ASCII ranges", () => {
    behaves("^\\p{Print}+$", ["Hello, world ~"], ["tab\t", "é", ""], "^[ -~]+$");
    behaves("^\\p{Alpha}\\p{Digit}\\p{Punct}$", ["a1!", "Z9~"], ["é1!", "a1a"]);
    behaves("^\\P{Alnum}$", ["-", "é"], ["a", "5"]);
    behaves("^[\\p{XDigit}\\p{Space}]+$", ["0aF \t"], ["g"]);
    behaves("^\\p{Lower}\\p{Upper}\\p{Blank}\\p{Cntrl}\\p{ASCII}$", ["aB \u0001~"], ["aB \u0001é"]);
  });

  it("spells Java's property forms: \\pL, Is…, sc= and categories", () => {
    behaves("^\\pL+$", ["héllo"], ["1"], "^\\p{L}+$");
    behaves("^\\p{IsLatin}+$", ["abc"], ["абв"]);
    behaves("^\\p{IsAlphabetic}+$", ["aΩ"], ["1"]);
    behaves("^\\p{Lu}\\P{Lu}$", ["Ab"], ["AB"]);
  });

  it("computes intersections and nested unions", () => {
    behaves("^[\\p{Print}&&[^|:/]]+$", ["plan name-1"], ["a|b", "a:b", "a/b", "é"], "^[ -.0-9;-{}-~]+$");
    behaves("^[a-z&&[^aeiou]]+$", ["bcd"], ["bad"]);
    behaves("^[a-c[x-z]]+$", ["axz"], ["d"]);
    behaves("^[\\p{L}&&[^a-z]]+$", ["ABCé"], ["a"]);
    behaves("^[\\p{L}&&\\p{Lu}]$", ["A"], ["a", "1"]);
  });

  it("treats && in an ECMAScript-valid class as Java's intersection", () => {
    behaves("^[a-z&&b]$", ["b"], ["a", "&"]);
  });

  it("emulates possessive quantifiers and atomic groups", () => {
    behaves("^[0-9A-Z]{2}+$", ["A1"], ["A", "A1B"], "^[0-9A-Z]{2}$");
    behaves("^a*+a$", [], ["a", "aa"]);
    behaves("^(?>ab|a)b$", [], ["ab"]);
    behaves("^(?>ab|a)c$", ["abc", "ac"], ["abac"]);
    behaves("^\\d{1}+:\\d{12}+$", ["1:123456789012"], ["1:12"], "^\\d{1}:\\d{12}$");
    behaves("^a{2,}+b$", ["aab"], ["ab"], "^(?:(?=(a{2,}))\\1)b$");
  });

  it("renumbers back references around emulated atomic groups", () => {
    behaves("^a++(b)\\1$", ["aabb"], ["aab", "aabc"]);
    behaves("^(x)(?>y)(z)\\2$", ["xyzz"], ["xyzx"]);
  });

  it("reads \\Q…\\E as literal text, also inside a class", () => {
    behaves("^\\Q.*+?\\E$", [".*+?"], ["a"]);
    behaves("^a\\Q(b\\E+$", ["a(bb"], ["a(", "ab"]);
    behaves("^[\\Q]-[\\E]+$", ["]-[", "-"], ["a"]);
    behaves("^\\Qunterminated.", ["unterminated."], ["unterminatedx"]);
  });

  it("reads \\A, \\z, \\Z and \\G", () => {
    behaves("\\Aab\\z", ["ab"], ["ab\n", "xab"]);
    behaves("\\Aab\\Z", ["ab", "ab\n", "ab\r\n"], ["ab\n\n", "abc"]);
    behaves("\\Gab", ["abc"], ["cab"]);
  });

  it("reads inline flags: (?i) to the end of its group, (?s), (?m), (?x)", () => {
    behaves("^(?i)all|[0-9]{12}$", ["ALL", "aLl", "123456789012"], ["none"], "^[aA][lL][lL]|[0-9]{12}$");
    behaves("^(?i)(true|false)$", ["TRUE", "False"], ["yes"]);
    behaves("^a(?i:b)c$", ["aBc", "abc"], ["abC", "Abc"]);
    behaves("^(a(?i)b)c$", ["aBc"], ["aBC"]);
    behaves("^(?i)[a-c]+$", ["aBC"], ["d"]);
    behaves("^(?i)é$", ["é"], ["É"]);
    behaves("^(?iu)é$", ["é", "É"], ["e"]);
    behaves("(?s)^a.b$", ["a\nb"], []);
    behaves("^a.b$", [], ["a\nb"]);
    behaves("^(?s)", ["anything"], [], "^");
    behaves("(?m)^b$", ["a\nb\nc", "b"], ["ab"]);
    behaves("(?x) ^ a b # comment\n c $", ["abc"], ["a b c"]);
  });

  it("reads Java's character escapes", () => {
    behaves("^\\x{1F600}\\x41\\0101\\u0041\\t\\a\\e\\cA$", ["\u{1F600}AAA\t\u0007\u001b\u0001"], ["x"]);
    behaves("^\\uD83D\\uDE00$", ["\u{1F600}"], ["\uD83D"]);
    behaves("^\\h\\H$", [" a", "\u00a0b"], ["ab"]);
    behaves("^a\\Rb$", ["a\r\nb", "a\nb", "a\u2028b"], ["ab"]);
    behaves("^a\\R\\nb$", ["a\n\nb"], ["a\r\nb"]);
    behaves("^\\_\\:\\'$", ["_:'"], ["x"]);
  });

  it("reads ] first in a class as a literal", () => {
    behaves("^[]a]+$", ["]a"], ["b"]);
    behaves("^[^]a]+$", ["b"], ["]", "a"]);
  });

  it("warns where ECMAScript has no equivalent", () => {
    unchecked("^\\p{InGreek}+$", /Unicode block/);
    unchecked("^\\X$", /grapheme/);
    unchecked("^(?U)\\w$", /UNICODE_CHARACTER_CLASS/);
    unchecked("^[^a[b]]$", /negated class/);
    unchecked("^(?i)\\p{Lu}$", /case class/);
    unchecked("^\\p{javaLowerCase}$", /property/);
  });

  it("warns on what Java rejects but ECMAScript reads without u, and fails only what neither reads", () => {
    unchecked("^a{,5}$", /Java rejects it/);
    unchecked("^\\y$", /Java rejects it/);
    assert.equal(compilePattern("([a-z").kind, "invalid");
    assert.equal(compilePattern("a**").kind, "invalid");
  });
});
