/**
 * Strings for the string shapes of a model: lengths in code points (as ajv
 * and Smithy count them) and every `pattern` honoured. Patterns go through
 * `fc.stringMatching`; what it cannot read (lookarounds, back references) is
 * generated from a relaxed pattern and filtered by the real one. Each
 * strategy is tried on a fixed-seed sample before it is used, so a filter
 * never spins.
 */
import fc from "fast-check";
import type { Facets } from "./arbitrary-facets.js";

/** Code points, as `smithy.api#length` and ajv's `minLength` count them. */
export function codePoints(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

const SAMPLE_SEED = 4242;
const SAMPLE_SIZE = 40;
/** A strategy is used when at least this share of its sample passes. */
const MIN_PASS_RATE = 0.1;

export interface StringOptions {
  /** Code points added to a string's minimum length, at most (default 12). */
  readonly extraLength: number;
}

const patternCache = new Map<string, fc.Arbitrary<string> | null>();

/**
 * Any code point but a lone surrogate. (fast-check's `binary` unit does the
 * same, but takes a second to build.)
 */
const anyCodePoint = fc
  .integer({ min: 0x80, max: 0x10ffff - 0x800 })
  .map((code) => String.fromCodePoint(code < 0xd800 ? code : code + 0x800));

/** Text units: mostly printable ASCII, sometimes control characters or any code point. */
const unit = (): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 6, arbitrary: fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 1 }) },
    { weight: 1, arbitrary: fc.string({ unit: "binary-ascii", minLength: 1, maxLength: 1 }) },
    { weight: 2, arbitrary: anyCodePoint },
  );

/**
 * Valid strings under `facets` (enums excepted: the caller picks from those),
 * or undefined when no generator finds one.
 */
export function validString(facets: Facets, options: StringOptions): fc.Arbitrary<string> | undefined {
  const min = facets.minLength ?? 0;
  const max = facets.maxLength ?? Number.POSITIVE_INFINITY;
  if (min > max) return undefined;
  const regexes = facets.patterns.map((p) => new RegExp(p, "u"));
  const ok = (text: string) => {
    const length = codePoints(text);
    return length >= min && length <= max && regexes.every((re) => re.test(text));
  };
  if (regexes.length === 0) {
    const upper = Math.min(max, min + options.extraLength);
    const plain = fc.string({ unit: unit(), minLength: min, maxLength: upper });
    // Boundaries: the longest string allowed, when it is of a sane size.
    return max <= 512 && max > upper
      ? fc.oneof(
          { weight: 9, arbitrary: plain },
          { weight: 1, arbitrary: fc.string({ unit: unit(), minLength: max, maxLength: max }) },
        )
      : plain;
  }
  const pattern = facets.patterns[0]!;
  const matching = matchingStrings(pattern);
  if (matching !== undefined && passes(matching, ok)) return matching.filter(ok);
  // The pattern's own strings rarely have an allowed length (say, exactly 25 of `^[a-z]+$`):
  // fit its repetition to the length, or try plain strings of an allowed length.
  const upper = Math.min(max, min + options.extraLength);
  const fitted = fitRepetition(pattern, min, upper);
  const strategies: (() => fc.Arbitrary<string>)[] = [
    ...(fitted === undefined ? [] : [() => fc.stringMatching(new RegExp(fitted, "u"))]),
    () => fc.string({ unit: unit(), minLength: min, maxLength: upper }),
    () => fc.string({ unit: "grapheme-ascii", minLength: min, maxLength: upper }),
  ];
  for (const strategy of strategies) {
    let arbitrary: fc.Arbitrary<string>;
    try {
      arbitrary = strategy();
    } catch {
      continue;
    }
    if (passes(arbitrary, ok)) return arbitrary.filter(ok);
  }
  return undefined;
}

/** One piece of a pattern's top-level sequence: its text, and its quantifier's bounds. */
interface Piece {
  readonly atom: string;
  readonly quantifier: string;
  readonly min: number;
  readonly max: number;
}

/**
 * `pattern` with its widest repetition bounded so that its strings fall
 * within `min`…`max` code points, when the pattern is a plain sequence of
 * one-code-point atoms (classes, escapes, literals) between `^` and `$`,
 * possibly inside one group: `^[a-z]+$` with 25…25 gives `^[a-z]{25,25}$`.
 * Undefined for anything else (alternations, groups, back references).
 */
export function fitRepetition(pattern: string, min: number, max: number): string | undefined {
  const sequence = plainSequence(pattern);
  if (sequence === undefined) return undefined;
  const { pieces, open, close } = sequence;
  const variable = pieces.filter((p) => p.min !== p.max);
  if (variable.length === 0) return undefined;
  const widest = variable.reduce((a, b) => (b.max - b.min > a.max - a.min ? b : a));
  const others = pieces.filter((p) => p !== widest).reduce((sum, p) => sum + p.min, 0);
  const low = Math.max(widest.min, min - others);
  const high = Math.min(widest.max, max - others);
  if (low > high || !Number.isFinite(high)) return undefined;
  const fitted = pieces.map((p) => (p === widest ? `${p.atom}{${low},${high}}` : `${p.atom}${p.quantifier}`));
  return `${open}${fitted.join("")}${close}`;
}

/**
 * Why no string meets `facets`, when that is certain: the length bounds
 * cross, or an anchored plain-sequence pattern (see `fitRepetition`) matches
 * only strings of lengths the length trait excludes. Undefined otherwise.
 */
export function contradiction(facets: Facets): string | undefined {
  const min = facets.minLength ?? 0;
  const max = facets.maxLength ?? Number.POSITIVE_INFINITY;
  if (min > max) return `the length must be ${min}…${max} code points`;
  for (const pattern of facets.patterns) {
    const sequence = plainSequence(pattern);
    if (sequence === undefined || !sequence.open.startsWith("^") || !sequence.close.endsWith("$")) continue;
    const shortest = sequence.pieces.reduce((sum, p) => sum + p.min, 0);
    const longest = sequence.pieces.reduce((sum, p) => sum + p.max, 0);
    if (shortest > max || longest < min) {
      const lengths = shortest === longest ? `${shortest}` : `${shortest}…${longest}`;
      return `pattern ${pattern} matches ${lengths} code points, but the length must be ${min}…${max}`;
    }
  }
  return undefined;
}

/** The pieces of an (optionally anchored, optionally grouped) plain sequence, with what surrounds them. */
function plainSequence(pattern: string): { pieces: Piece[]; open: string; close: string } | undefined {
  const start = pattern.startsWith("^") ? "^" : "";
  const end = pattern.endsWith("$") && !pattern.endsWith("\\$") ? "$" : "";
  let body = pattern.slice(start.length, pattern.length - end.length);
  let [open, close] = [start, end];
  const group = /^\((?:\?:)?/.exec(body);
  if (group && closingParen(body, 0) === body.length - 1) {
    body = body.slice(group[0].length, -1);
    [open, close] = [`${start}${group[0]}`, `)${end}`];
  }
  const pieces = splitPieces(body);
  return pieces === undefined ? undefined : { pieces, open, close };
}

/** The top-level pieces of `body`, or undefined when one is not a single code point. */
function splitPieces(body: string): Piece[] | undefined {
  const pieces: Piece[] = [];
  let i = 0;
  while (i < body.length) {
    const rest = body.slice(i);
    const atom =
      /^\\(?:[pP]\{[^}]*\}|u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|c[A-Za-z]|[^1-9kbB])/.exec(rest)?.[0] ??
      (rest.startsWith("[") ? classAt(rest) : undefined) ??
      (/^[^\\()[\]{}|*+?^$]/u.exec(rest)?.[0] || undefined);
    if (atom === undefined) return undefined;
    i += atom.length;
    const quantifier = /^(?:[*+?]|\{(\d+)(?:(,)(\d*))?\})\??/.exec(body.slice(i));
    const text = quantifier?.[0] ?? "";
    i += text.length;
    let [qMin, qMax] = [1, 1];
    if (text.startsWith("*")) [qMin, qMax] = [0, Number.POSITIVE_INFINITY];
    else if (text.startsWith("+")) [qMin, qMax] = [1, Number.POSITIVE_INFINITY];
    else if (text.startsWith("?")) [qMin, qMax] = [0, 1];
    else if (quantifier?.[1] !== undefined) {
      qMin = Number(quantifier[1]);
      qMax = quantifier[2] === undefined ? qMin : quantifier[3] ? Number(quantifier[3]) : Number.POSITIVE_INFINITY;
    }
    pieces.push({ atom, quantifier: text, min: qMin, max: qMax });
  }
  return pieces;
}

/** The class at the start of `text` (`[…]`, escapes honoured), or undefined when it does not close. */
function classAt(text: string): string | undefined {
  for (let i = 1; i < text.length; i++) {
    if (text[i] === "\\") i++;
    else if (text[i] === "]") return text.slice(0, i + 1);
  }
  return undefined;
}

/**
 * Strings matching `pattern`, by the first strategy that works. (No
 * `maxLength` goes to `fc.stringMatching`: when the pattern admits no string
 * that short, it searches forever. Callers filter by length instead.)
 */
function matchingStrings(pattern: string): fc.Arbitrary<string> | undefined {
  const cached = patternCache.get(pattern);
  if (cached !== undefined) return cached ?? undefined;
  const re = new RegExp(pattern, "u");
  const matches = (text: string) => re.test(text);
  const strategies: (() => fc.Arbitrary<string>)[] = [
    () => fc.stringMatching(re),
    () => fc.stringMatching(new RegExp(relaxPattern(pattern), "u")),
    () => fc.stringMatching(new RegExp(relaxPattern(lookaheadAsContent(pattern)), "u")),
    () => fc.string({ unit: unit(), maxLength: 24 }),
    () => fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 64 }),
  ];
  let found: fc.Arbitrary<string> | null = null;
  for (const strategy of strategies) {
    let arbitrary: fc.Arbitrary<string>;
    try {
      arbitrary = strategy();
    } catch {
      continue; // fast-check cannot read this pattern
    }
    if (passes(arbitrary, matches)) {
      found = arbitrary.filter(matches);
      break;
    }
  }
  patternCache.set(pattern, found);
  return found ?? undefined;
}

/** Whether enough of a fixed-seed sample of `arbitrary` passes `test`. */
export function passes<T>(arbitrary: fc.Arbitrary<T>, test: (value: T) => boolean): boolean {
  return samplePassing(arbitrary, test).length >= SAMPLE_SIZE * MIN_PASS_RATE;
}

/** The values of a fixed-seed sample of `arbitrary` that pass `test`. */
export function samplePassing<T>(arbitrary: fc.Arbitrary<T>, test: (value: T) => boolean, size = SAMPLE_SIZE): T[] {
  try {
    return fc.sample(arbitrary, { numRuns: size, seed: SAMPLE_SEED }).filter(test);
  } catch {
    return [];
  }
}

/**
 * `pattern` without what `fc.stringMatching` cannot generate: lookarounds are
 * dropped (but an emulated atomic group `(?=(X))\1` keeps X) and back
 * references emptied. What it matches is a superset (or
 * close to one) of the original, so its strings are filtered by the original.
 */
export function relaxPattern(pattern: string): string {
  let out = "";
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i]!;
    if (char === "\\") {
      const escaped = /^\\(?:[1-9]\d*|k<[^>]*>)/.exec(pattern.slice(i));
      if (escaped !== null && !inClass) {
        i += escaped[0].length - 1;
        continue;
      }
      out += pattern.slice(i, i + 2);
      i++;
      continue;
    }
    if (inClass) {
      if (char === "]") inClass = false;
      out += char;
      continue;
    }
    if (char === "[") {
      inClass = true;
      out += char;
      continue;
    }
    if (char === "(" && /^\((?:\?=|\?!|\?<=|\?<!)/.test(pattern.slice(i))) {
      const close = closingParen(pattern, i);
      // `(?=(X))\1`, an atomic group spelled for ECMAScript, consumes what X matches: keep X.
      const atomic = pattern.startsWith("(?=(", i) && closingParen(pattern, i + 3) === close - 1;
      const reference = /^\\[1-9]\d*/.exec(pattern.slice(close + 1));
      if (atomic && reference) {
        out += `(?:${relaxPattern(pattern.slice(i + 4, close - 1))})`;
        i = close + reference[0].length;
        continue;
      }
      i = close;
      continue;
    }
    out += char;
  }
  return out;
}

/**
 * `pattern` with its first top-level positive lookahead `(?=X)` made the
 * content: what precedes it, then `X`, then any text. A lookahead that pins
 * down a prefix (`^arn:(?=[^:]+:fsx:…)…`) says what the strings look like
 * better than the relaxed pattern, which drops it. Unchanged without one.
 */
export function lookaheadAsContent(pattern: string): string {
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i]!;
    if (char === "\\") i++;
    else if (inClass) inClass = char !== "]";
    else if (char === "[") inClass = true;
    else if (char === ")") depth--;
    else if (char === "(") {
      if (depth === 0 && pattern.startsWith("(?=", i)) {
        const close = closingParen(pattern, i);
        return `${pattern.slice(0, i)}(?:${pattern.slice(i + 3, close)}).*`;
      }
      depth++;
    }
  }
  return pattern;
}

/** Index of the `)` closing the group opened at `open`. */
function closingParen(pattern: string, open: number): number {
  let depth = 0;
  let inClass = false;
  for (let i = open; i < pattern.length; i++) {
    const char = pattern[i]!;
    if (char === "\\") {
      i++;
    } else if (inClass) {
      if (char === "]") inClass = false;
    } else if (char === "[") {
      inClass = true;
    } else if (char === "(") {
      depth++;
    } else if (char === ")" && --depth === 0) {
      return i;
    }
  }
  return pattern.length;
}

// ------------------------------------------------------------ broken strings

/** Candidate characters for strings that should miss a pattern. */
const ODD_CHARACTERS = ["!", " ", "\n", "a", "Z", "0", "-", "_", ".", "/", "é", "\u{1F600}", "#", "\t", ":"];

/**
 * Strings of a valid length (and every pattern but at least one missed), or
 * none when no such string turns up.
 */
export function patternMisses(facets: Facets): string[] {
  const regexes = facets.patterns.map((p) => new RegExp(p, "u"));
  if (regexes.length === 0) return [];
  const min = facets.minLength ?? 0;
  const max = facets.maxLength ?? Number.POSITIVE_INFINITY;
  const lengths = [...new Set([min, min + 1, min + 3, Math.min(max, min + 10)])].filter((n) => n >= min && n <= max);
  const candidates = new Set<string>();
  for (const length of lengths) {
    for (const char of ODD_CHARACTERS) candidates.add(char.repeat(length));
    for (const text of fc.sample(fc.string({ unit: "grapheme-ascii", minLength: length, maxLength: length }), {
      numRuns: 10,
      seed: SAMPLE_SEED + length,
    })) {
      candidates.add(text);
    }
  }
  return [...candidates].filter((text) => {
    const length = codePoints(text);
    return length >= min && length <= max && !regexes.every((re) => re.test(text));
  });
}

/**
 * Strings that match every pattern but are shorter than `minLength` (or
 * longer than `maxLength`), or none when no such string turns up.
 */
export function lengthMisses(facets: Facets, side: "short" | "long"): string[] {
  const min = facets.minLength ?? 0;
  const max = facets.maxLength;
  if (side === "short" && min === 0) return [];
  if (side === "long" && max === undefined) return [];
  const wrong = (text: string) => {
    const length = codePoints(text);
    return side === "short" ? length < min : length > max!;
  };
  const regexes = facets.patterns.map((p) => new RegExp(p, "u"));
  if (regexes.length === 0) {
    const length = side === "short" ? min - 1 : max! + 1;
    return [...new Set(["x".repeat(length), ...sampleOfLength(length)])];
  }
  if (side === "long" && max! > 256) return []; // matching strings that long do not turn up by chance
  const found = new Set<string>();
  for (const pattern of facets.patterns) {
    const matching = matchingStrings(pattern);
    if (matching === undefined) continue;
    for (const text of samplePassing(matching, (t) => wrong(t) && regexes.every((re) => re.test(t)), 200)) {
      found.add(text);
    }
  }
  return [...found];
}

function sampleOfLength(length: number): string[] {
  return fc.sample(fc.string({ unit: unit(), minLength: length, maxLength: length }), {
    numRuns: 5,
    seed: SAMPLE_SEED + length,
  });
}
