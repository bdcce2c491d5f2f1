/**
 * Sets of code points as Java classes build them (items, nested unions,
 * `&&` intersections, complements), and the Java class escapes and
 * properties with their ECMAScript spelling. Sets of plain code points are
 * computed exactly; sets holding a Unicode property stay symbolic.
 */
import { NoEquivalent } from "./pattern-errors.js";

export type CodePointRange = readonly [number, number];

export type ClassItem =
  /** `escaped`: the model wrote it with a backslash. */
  | { readonly kind: "char"; readonly codePoint: number; readonly escaped?: boolean }
  | { readonly kind: "range"; readonly from: number; readonly to: number }
  /**
   * An ECMAScript class escape (`\d`, `\p{L}`) that keeps its meaning inside
   * `[…]`; `ranges` when its code points are few enough to list.
   */
  | { readonly kind: "escape"; readonly source: string; readonly ranges?: readonly CodePointRange[] };

export type CharSet =
  | { readonly kind: "items"; readonly items: readonly ClassItem[] }
  | { readonly kind: "union"; readonly parts: readonly CharSet[] }
  | { readonly kind: "intersection"; readonly parts: readonly CharSet[] }
  | { readonly kind: "complement"; readonly of: CharSet };

export const MAX_CODE_POINT = 0x10ffff;

const r = (...list: CodePointRange[]): CharSet => ({
  kind: "items",
  items: list.map(([from, to]) => (from === to ? { kind: "char", codePoint: from } : { kind: "range", from, to })),
});

/** Java's POSIX classes: US-ASCII only, as without UNICODE_CHARACTER_CLASS. */
const POSIX: Readonly<Record<string, readonly CodePointRange[]>> = {
  Lower: [[0x61, 0x7a]],
  Upper: [[0x41, 0x5a]],
  ASCII: [[0x00, 0x7f]],
  Alpha: [
    [0x41, 0x5a],
    [0x61, 0x7a],
  ],
  Digit: [[0x30, 0x39]],
  Alnum: [
    [0x30, 0x39],
    [0x41, 0x5a],
    [0x61, 0x7a],
  ],
  // !"#$%&'()*+,-./:;<=>?@[\]^_`{|}~
  Punct: [
    [0x21, 0x2f],
    [0x3a, 0x40],
    [0x5b, 0x60],
    [0x7b, 0x7e],
  ],
  Graph: [[0x21, 0x7e]],
  Print: [[0x20, 0x7e]],
  Blank: [
    [0x09, 0x09],
    [0x20, 0x20],
  ],
  Cntrl: [
    [0x00, 0x1f],
    [0x7f, 0x7f],
  ],
  XDigit: [
    [0x30, 0x39],
    [0x41, 0x46],
    [0x61, 0x66],
  ],
  Space: [
    [0x09, 0x0d],
    [0x20, 0x20],
  ],
  L1: [[0x00, 0xff]],
  all: [[0x00, MAX_CODE_POINT]],
};

/** Java's `\h`: horizontal whitespace. */
const HORIZONTAL: readonly CodePointRange[] = [
  [0x09, 0x09],
  [0x20, 0x20],
  [0xa0, 0xa0],
  [0x1680, 0x1680],
  [0x180e, 0x180e],
  [0x2000, 0x200a],
  [0x202f, 0x202f],
  [0x205f, 0x205f],
  [0x3000, 0x3000],
];

/** Java's `\v` (since Java 8): vertical whitespace. */
const VERTICAL: readonly CodePointRange[] = [
  [0x0a, 0x0d],
  [0x85, 0x85],
  [0x2028, 0x2029],
];

const escape = (source: string, ranges?: readonly CodePointRange[]): CharSet => ({
  kind: "items",
  items: [{ kind: "escape", source, ...(ranges ? { ranges } : {}) }],
});

const DIGIT: readonly CodePointRange[] = [[0x30, 0x39]];
const WORD: readonly CodePointRange[] = [
  [0x30, 0x39],
  [0x41, 0x5a],
  [0x5f, 0x5f],
  [0x61, 0x7a],
];

/**
 * The class escape `\<letter>`, or undefined when the letter is not one.
 * `\d` `\s` `\w` are written the same in ECMAScript and keep its meaning;
 * `\h` `\H` `\V` exist only in Java and get Java's; `\v` is ECMAScript's
 * vertical tab, a plain character.
 */
export function javaEscapeSet(letter: string): CharSet | undefined {
  switch (letter) {
    case "d":
      return escape("\\d", DIGIT);
    case "D":
      return escape("\\D", complementRanges(DIGIT));
    case "w":
      return escape("\\w", WORD);
    case "W":
      return escape("\\W", complementRanges(WORD));
    case "s":
      return escape("\\s");
    case "S":
      return escape("\\S");
    case "h":
      return r(...HORIZONTAL);
    case "H":
      return r(...complementRanges(HORIZONTAL));
    case "v":
      return r([0x0b, 0x0b]);
    case "V":
      return r(...complementRanges(VERTICAL));
    default:
      return undefined;
  }
}

/** `\p{Is…}` binary properties Java knows, with their ECMAScript names. */
const BINARY: Readonly<Record<string, string>> = {
  ALPHABETIC: "Alphabetic",
  LETTER: "L",
  IDEOGRAPHIC: "Ideographic",
  LOWERCASE: "Lowercase",
  UPPERCASE: "Uppercase",
  TITLECASE: "Lt",
  WHITESPACE: "White_Space",
  WHITE_SPACE: "White_Space",
  CONTROL: "Cc",
  PUNCTUATION: "P",
  HEXDIGIT: "Hex_Digit",
  HEX_DIGIT: "Hex_Digit",
  DIGIT: "Nd",
  JOINCONTROL: "Join_Control",
  JOIN_CONTROL: "Join_Control",
  NONCHARACTERCODEPOINT: "Noncharacter_Code_Point",
  NONCHARACTER_CODE_POINT: "Noncharacter_Code_Point",
  EMOJI: "Emoji",
};

/** Classes whose meaning `(?i)` changes in Java in ways we do not reproduce. */
const CASED = new Set(["Lu", "Ll", "Lt", "LC", "Lowercase", "Uppercase", "Lower", "Upper"]);

function esProperty(name: string): string | undefined {
  try {
    new RegExp(`\\p{${name}}`, "u");
    return `\\p{${name}}`;
  } catch {
    return undefined;
  }
}

/**
 * `\p{name}` as Java reads it: POSIX classes (ASCII), general categories,
 * `Is…` scripts, categories and binary properties, `sc=`/`gc=` forms.
 * Undefined when ECMAScript has no equivalent (blocks, `java…` methods).
 * Throws `NoEquivalent` for a case class under `(?i)`.
 */
export function propertySet(name: string, ignoreCase: boolean): CharSet | undefined {
  const cased = (set: CharSet | undefined, canonical: string) => {
    if (set && ignoreCase && CASED.has(canonical)) throw new NoEquivalent(`a case class \\p{${name}} under (?i)`);
    return set;
  };
  const posix = POSIX[name];
  if (posix) return cased(r(...posix), name);
  if (name === "LD") return { kind: "union", parts: [escape("\\p{L}"), escape("\\p{Nd}")] };
  const assignment = /^(sc|script|gc|general_category)=(.+)$/i.exec(name);
  if (assignment) {
    const key = /^s/i.test(assignment[1]!) ? "sc" : "gc";
    const source = esProperty(`${key}=${assignment[2]}`) ?? esProperty(`${key}=${capitalize(assignment[2]!)}`);
    return cased(source ? escape(source) : undefined, assignment[2]!);
  }
  if (name.startsWith("Is")) {
    const rest = name.slice(2);
    const binary = BINARY[rest.toUpperCase()];
    if (binary) return cased(escape(esProperty(binary)!), binary);
    if (/^[A-Z][a-z&]?$/.test(rest)) return cased(categorySet(rest), rest);
    const script = esProperty(`sc=${rest}`) ?? esProperty(`sc=${capitalize(rest)}`);
    return script ? escape(script) : undefined;
  }
  if (/^[A-Z][a-z&]?$/.test(name)) return cased(categorySet(name), name);
  return undefined;
}

function categorySet(name: string): CharSet | undefined {
  // Java's `L&` and `LC`: cased letters.
  const canonical = name === "L&" ? "LC" : name;
  const source = esProperty(canonical);
  return source ? escape(source) : undefined;
}

const capitalize = (word: string) =>
  word
    .toLowerCase()
    .split("_")
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join("_");

/** The code points of a set, when it lists them (no symbolic property inside). */
export function explicitRanges(set: CharSet): CodePointRange[] | undefined {
  switch (set.kind) {
    case "items": {
      const out: CodePointRange[] = [];
      for (const item of set.items) {
        if (item.kind === "char") out.push([item.codePoint, item.codePoint]);
        else if (item.kind === "range") out.push([item.from, item.to]);
        else if (item.ranges) out.push(...item.ranges);
        else return undefined;
      }
      return normalize(out);
    }
    case "union": {
      const parts = set.parts.map(explicitRanges);
      return parts.every((p) => p !== undefined) ? normalize(parts.flat() as CodePointRange[]) : undefined;
    }
    case "intersection": {
      const parts = set.parts.map(explicitRanges);
      if (!parts.every((p) => p !== undefined)) return undefined;
      return (parts as CodePointRange[][]).reduce(intersectRanges);
    }
    case "complement": {
      const of = explicitRanges(set.of);
      return of ? complementRanges(of) : undefined;
    }
  }
}

/** Sorted, merged, disjoint. */
export function normalize(ranges: readonly CodePointRange[]): CodePointRange[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [from, to] of sorted) {
    const last = out[out.length - 1];
    if (last && from <= last[1] + 1) last[1] = Math.max(last[1], to);
    else out.push([from, to]);
  }
  return out;
}

export function complementRanges(ranges: readonly CodePointRange[]): CodePointRange[] {
  const out: CodePointRange[] = [];
  let next = 0;
  for (const [from, to] of normalize(ranges)) {
    if (from > next) out.push([next, from - 1]);
    next = to + 1;
  }
  if (next <= MAX_CODE_POINT) out.push([next, MAX_CODE_POINT]);
  return out;
}

function intersectRanges(a: readonly CodePointRange[], b: readonly CodePointRange[]): CodePointRange[] {
  const out: CodePointRange[] = [];
  for (const [aFrom, aTo] of a) {
    for (const [bFrom, bTo] of b) {
      const from = Math.max(aFrom, bFrom);
      const to = Math.min(aTo, bTo);
      if (from <= to) out.push([from, to]);
    }
  }
  return normalize(out);
}

/** The complement, spelled with ECMAScript's own negated escapes where one item allows it. */
export function complement(set: CharSet): CharSet {
  if (set.kind === "complement") return set.of;
  if (set.kind === "items" && set.items.length === 1 && set.items[0]!.kind === "escape") {
    const { source, ranges } = set.items[0]!;
    const negated = source.replace(/^\\([dswpDSWP])/, (_m, letter: string) =>
      letter === letter.toLowerCase() ? `\\${letter.toUpperCase()}` : `\\${letter.toLowerCase()}`,
    );
    return escape(negated, ranges ? complementRanges(ranges) : undefined);
  }
  return { kind: "complement", of: set };
}
