/**
 * Reads a pattern as `java.util.regex.Pattern` does (Smithy checks `@pattern`
 * with it) into a small tree, for `pattern-print.ts` to spell in ECMAScript.
 * Two failures tell apart why there is no tree: `JavaSyntaxError` (Java
 * rejects the pattern too) and `NoEquivalent` (Java accepts it, but it needs
 * what ECMAScript cannot express, e.g. a Unicode block or the grapheme
 * cluster `\X`).
 */
import { type CodePointRange, type CharSet, complement, javaEscapeSet, propertySet } from "./char-sets.js";
import { JavaSyntaxError, NoEquivalent } from "./pattern-errors.js";

export type PatternNode =
  | { readonly type: "sequence"; readonly items: readonly PatternNode[] }
  | { readonly type: "alternation"; readonly options: readonly PatternNode[] }
  /** One code point; `escaped` when the model wrote it with a backslash, to keep its spelling. */
  | { readonly type: "char"; readonly codePoint: number; readonly escaped: boolean }
  /** One code point out of a set. */
  | { readonly type: "set"; readonly set: CharSet }
  | { readonly type: "dot"; readonly dotAll: boolean }
  | { readonly type: "assertion"; readonly kind: Assertion }
  | { readonly type: "group"; readonly capture: boolean; readonly name?: string; readonly body: PatternNode }
  | { readonly type: "look"; readonly behind: boolean; readonly negated: boolean; readonly body: PatternNode }
  | { readonly type: "atomic"; readonly body: PatternNode }
  | {
      readonly type: "repeat";
      readonly body: PatternNode;
      readonly min: number;
      /** `undefined`: no upper bound. */
      readonly max: number | undefined;
      readonly mode: "greedy" | "lazy" | "possessive";
      /** The quantifier as written, for `{n,m}` spelling. */
      readonly source: string;
    }
  /** A numbered (Java numbering) or named back reference. */
  | { readonly type: "backreference"; readonly group: number | string };

/** `^` `$` `\b` `\B`, their multiline forms, and `\Z` (end, before a final line terminator). */
export type Assertion =
  "start" | "end" | "lineStart" | "lineEnd" | "endBeforeTerminator" | "wordBoundary" | "notWordBoundary";

interface Flags {
  /** `(?i)`: ASCII case-insensitive (Unicode with `u`). */
  readonly i: boolean;
  readonly u: boolean;
  readonly s: boolean;
  readonly m: boolean;
  readonly x: boolean;
}

const NO_FLAGS: Flags = { i: false, u: false, s: false, m: false, x: false };

export interface ParsedPattern {
  readonly root: PatternNode;
  /** How many capturing groups (numbered or named), in Java numbering. */
  readonly groups: number;
}

export function parseJavaPattern(pattern: string): ParsedPattern {
  return new Parser(pattern).parse();
}

const isDigit = (c: string | undefined) => c !== undefined && c >= "0" && c <= "9";
const isHex = (c: string | undefined) => c !== undefined && /^[0-9a-fA-F]$/.test(c);
const isAsciiLetter = (c: string | undefined) => c !== undefined && /^[A-Za-z]$/.test(c);

class Parser {
  private at = 0;
  private flags = NO_FLAGS;
  private groups = 0;
  /** Groups whose `(` has been read: back references may only name these. */
  private readonly names = new Set<string>();

  constructor(private readonly text: string) {}

  parse(): ParsedPattern {
    const root = this.alternation();
    if (this.at < this.text.length) throw new JavaSyntaxError(`unmatched ')' at ${this.at}`);
    return { root, groups: this.groups };
  }

  private peek(offset = 0): string | undefined {
    return this.text[this.at + offset];
  }

  /** One code point (astral characters are two UTF-16 units). */
  private nextCodePoint(): number {
    const codePoint = this.text.codePointAt(this.at)!;
    this.at += codePoint > 0xffff ? 2 : 1;
    return codePoint;
  }

  /** In comments mode (`(?x)`), whitespace and `#…` to the end of the line are not part of the pattern. */
  private skipFreeSpacing(): void {
    if (!this.flags.x) return;
    for (;;) {
      const c = this.peek();
      if (c !== undefined && /\s/.test(c)) this.at++;
      else if (c === "#") {
        while (this.at < this.text.length && !/[\n\r\u0085\u2028\u2029]/.test(this.peek()!)) this.at++;
      } else return;
    }
  }

  private alternation(): PatternNode {
    const options = [this.sequence()];
    while (this.peek() === "|") {
      this.at++;
      options.push(this.sequence());
    }
    return options.length === 1 ? options[0]! : { type: "alternation", options };
  }

  private sequence(): PatternNode {
    const items: PatternNode[] = [];
    for (;;) {
      this.skipFreeSpacing();
      const c = this.peek();
      if (c === undefined || c === "|" || c === ")") break;
      const atom = this.atom();
      if (atom === undefined) continue;
      items.push(...this.quantified(atom));
    }
    return items.length === 1 ? items[0]! : { type: "sequence", items };
  }

  /** The atom and its quantifier, if any; `\Q…\E` gives several atoms, the last one quantified. */
  private quantified(atom: PatternNode | PatternNode[]): PatternNode[] {
    const atoms = Array.isArray(atom) ? atom : [atom];
    if (atoms.length === 0) return atoms;
    this.skipFreeSpacing();
    const start = this.at;
    const c = this.peek();
    let min: number;
    let max: number | undefined;
    if (c === "*") [min, max] = [0, undefined];
    else if (c === "+") [min, max] = [1, undefined];
    else if (c === "?") [min, max] = [0, 1];
    else if (c === "{") {
      const match = /^\{(\d+)(,(\d*))?\}/.exec(this.text.slice(this.at));
      if (!match) throw new JavaSyntaxError(`illegal repetition at ${this.at}`);
      min = Number(match[1]);
      max = match[2] === undefined ? min : match[3] === "" ? undefined : Number(match[3]);
      if (max !== undefined && max < min) throw new JavaSyntaxError(`illegal repetition range ${match[0]}`);
      this.at += match[0].length - 1;
    } else return atoms;
    this.at++;
    let mode: "greedy" | "lazy" | "possessive" = "greedy";
    if (this.peek() === "?") mode = "lazy";
    else if (this.peek() === "+") mode = "possessive";
    if (mode !== "greedy") this.at++;
    const source = this.text.slice(start, this.at - (mode === "greedy" ? 0 : 1));
    const body = atoms.pop()!;
    return [...atoms, { type: "repeat", body, min, max, mode, source }];
  }

  private atom(): PatternNode | PatternNode[] | undefined {
    const c = this.peek()!;
    switch (c) {
      case "(":
        return this.group();
      case "[":
        this.at++;
        return { type: "set", set: this.characterClass() };
      case ".":
        this.at++;
        return { type: "dot", dotAll: this.flags.s };
      case "^":
        this.at++;
        return { type: "assertion", kind: this.flags.m ? "lineStart" : "start" };
      case "$":
        this.at++;
        return { type: "assertion", kind: this.flags.m ? "lineEnd" : "end" };
      case "\\":
        return this.escape();
      case "*":
      case "+":
      case "?":
      case "{":
        throw new JavaSyntaxError(`dangling meta character '${c}' at ${this.at}`);
      default:
        return this.literal(this.nextCodePoint(), false);
    }
  }

  /** A literal, as a set of its case variants under `(?i)`. */
  private literal(codePoint: number, escaped: boolean): PatternNode {
    const variants = caseVariants(codePoint, this.flags);
    if (variants.length === 1) return { type: "char", codePoint, escaped };
    return {
      type: "set",
      set: { kind: "items", items: variants.map((v) => ({ kind: "char" as const, codePoint: v })) },
    };
  }

  private group(): PatternNode | undefined {
    const open = this.at;
    this.at++;
    const saved = this.flags;
    let node: (body: PatternNode) => PatternNode;
    if (this.peek() !== "?") {
      this.groups++;
      node = (body) => ({ type: "group", capture: true, body });
    } else {
      this.at++;
      const rest = this.text.slice(this.at);
      const named = /^<([a-zA-Z][a-zA-Z0-9]*)>/.exec(rest);
      const flags = /^([a-zA-Z]*)(?:-([a-zA-Z]*))?([:)])/.exec(rest);
      if (rest.startsWith(":")) {
        this.at++;
        node = (body) => ({ type: "group", capture: false, body });
      } else if (rest.startsWith("=") || rest.startsWith("!")) {
        const negated = rest.startsWith("!");
        this.at++;
        node = (body) => ({ type: "look", behind: false, negated, body });
      } else if (rest.startsWith("<=") || rest.startsWith("<!")) {
        const negated = rest.startsWith("<!");
        this.at += 2;
        node = (body) => ({ type: "look", behind: true, negated, body });
      } else if (rest.startsWith(">")) {
        this.at++;
        node = (body) => ({ type: "atomic", body });
      } else if (named) {
        this.at += named[0].length;
        this.groups++;
        const name = named[1]!;
        if (this.names.has(name)) throw new JavaSyntaxError(`named group <${name}> is already defined`);
        this.names.add(name);
        node = (body) => ({ type: "group", capture: true, name, body });
      } else if (flags && (flags[1] || flags[2] !== undefined)) {
        this.at += flags[0].length;
        const changed = applyFlags(this.flags, flags[1]!, flags[2] ?? "");
        if (flags[3] === ")") {
          // `(?i)`: holds to the end of the enclosing group.
          this.flags = changed;
          return undefined;
        }
        this.flags = changed;
        node = (body) => ({ type: "group", capture: false, body });
      } else throw new JavaSyntaxError(`unknown group construct at ${open}`);
    }
    const body = this.alternation();
    if (this.peek() !== ")") throw new JavaSyntaxError(`unclosed group at ${open}`);
    this.at++;
    this.flags = saved;
    return node(body);
  }

  /** After `\` outside a class. */
  private escape(): PatternNode | PatternNode[] {
    const start = this.at;
    this.at++;
    const c = this.peek();
    if (c === undefined) throw new JavaSyntaxError("trailing backslash");
    if (c >= "1" && c <= "9") return this.backreference();
    switch (c) {
      case "Q":
        return this.quoted().map((codePoint) => this.literal(codePoint, false));
      case "b":
        this.at++;
        if (this.peek() === "{") throw new NoEquivalent("\\b{…} boundaries");
        return { type: "assertion", kind: "wordBoundary" };
      case "B":
        this.at++;
        return { type: "assertion", kind: "notWordBoundary" };
      case "A":
      case "G":
        // Smithy looks for one match from the start, where `\G` is the start too.
        this.at++;
        return { type: "assertion", kind: "start" };
      case "z":
        this.at++;
        return { type: "assertion", kind: "end" };
      case "Z":
        this.at++;
        return { type: "assertion", kind: "endBeforeTerminator" };
      case "R":
        this.at++;
        // Java's `\R` is atomic: `\r\n` or one line-break character.
        return {
          type: "atomic",
          body: {
            type: "alternation",
            options: [
              { type: "sequence", items: [char(0x0d), char(0x0a)] },
              { type: "set", set: ranges([0x0a, 0x0d], [0x85, 0x85], [0x2028, 0x2029]) },
            ],
          },
        };
      case "k": {
        const named = /^k<([a-zA-Z][a-zA-Z0-9]*)>/.exec(this.text.slice(this.at));
        if (!named) throw new JavaSyntaxError(`\\k is not followed by a group name at ${start}`);
        this.at += named[0].length;
        if (!this.names.has(named[1]!)) throw new JavaSyntaxError(`named group <${named[1]}> does not exist`);
        if (this.flags.i) throw new NoEquivalent("case-insensitive back reference");
        return { type: "backreference", group: named[1]! };
      }
      case "X":
        throw new NoEquivalent("grapheme cluster \\X");
      default: {
        const set = this.classEscape();
        if (set) return { type: "set", set };
        const escaped = this.characterEscape();
        return this.literal(escaped.codePoint, escaped.escaped);
      }
    }
  }

  /** `\1`…: Java reads more digits while they name a group that exists. */
  private backreference(): PatternNode {
    let group = Number(this.peek());
    this.at++;
    while (isDigit(this.peek()) && group * 10 + Number(this.peek()) <= this.groups) {
      group = group * 10 + Number(this.peek());
      this.at++;
    }
    if (group > this.groups) throw new NoEquivalent(`back reference \\${group} to a group not yet opened`);
    if (this.flags.i) throw new NoEquivalent("case-insensitive back reference");
    return { type: "backreference", group };
  }

  /** After `\Q`: the code points up to `\E` or the end. */
  private quoted(): number[] {
    this.at++;
    const end = this.text.indexOf("\\E", this.at);
    const text = this.text.slice(this.at, end < 0 ? undefined : end);
    this.at = end < 0 ? this.text.length : end + 2;
    return [...text].map((c) => c.codePointAt(0)!);
  }

  /** At the letter after `\`: `\d`, `\p{…}`, POSIX classes…, or undefined when it is not a class escape. */
  private classEscape(): CharSet | undefined {
    const c = this.peek()!;
    const fixed = javaEscapeSet(c);
    if (fixed) {
      this.at++;
      return fixed;
    }
    if (c !== "p" && c !== "P") return undefined;
    this.at++;
    let name: string;
    if (this.peek() === "{") {
      const end = this.text.indexOf("}", this.at);
      if (end < 0) throw new JavaSyntaxError("unclosed \\p{");
      name = this.text.slice(this.at + 1, end);
      this.at = end + 1;
    } else {
      // `\pL`: a one-letter property name.
      if (!isAsciiLetter(this.peek())) throw new JavaSyntaxError("\\p is not followed by a property name");
      name = this.peek()!;
      this.at++;
    }
    let set = propertySet(name, this.flags.i);
    if (set === undefined) {
      if (/^(In|blk=|block=)/.test(name)) throw new NoEquivalent(`Unicode block \\p{${name}}`);
      throw new NoEquivalent(`property \\p{${name}}`);
    }
    if (c === "P") set = complement(set);
    return set;
  }

  /** At the character after `\`, when it is not a class escape: one literal code point. */
  private characterEscape(): { codePoint: number; escaped: boolean } {
    const start = this.at - 1;
    const c = this.peek()!;
    this.at++;
    const simple: Record<string, number> = { t: 9, n: 10, r: 13, f: 12, a: 7, e: 0x1b };
    if (c in simple) return { codePoint: simple[c]!, escaped: false };
    if (c === "0") {
      const match = /^([0-3][0-7]{2}|[0-7]{1,2})/.exec(this.text.slice(this.at));
      if (!match) throw new JavaSyntaxError(`illegal octal escape at ${start}`);
      this.at += match[0].length;
      return { codePoint: parseInt(match[0], 8), escaped: false };
    }
    if (c === "x") {
      const braced = /^\{([0-9a-fA-F]+)\}/.exec(this.text.slice(this.at));
      if (braced) {
        this.at += braced[0].length;
        const codePoint = parseInt(braced[1]!, 16);
        if (codePoint > 0x10ffff) throw new JavaSyntaxError(`code point \\x{${braced[1]}} is out of range`);
        return { codePoint, escaped: false };
      }
      if (!isHex(this.peek()) || !isHex(this.peek(1)))
        throw new JavaSyntaxError(`illegal hexadecimal escape at ${start}`);
      this.at += 2;
      return { codePoint: parseInt(this.text.slice(this.at - 2, this.at), 16), escaped: false };
    }
    if (c === "u") {
      const unit = () => {
        const hex = /^[0-9a-fA-F]{4}/.exec(this.text.slice(this.at));
        if (!hex) throw new JavaSyntaxError(`illegal Unicode escape at ${start}`);
        this.at += 4;
        return parseInt(hex[0], 16);
      };
      const high = unit();
      // A surrogate pair written as two escapes is one code point.
      if (high >= 0xd800 && high <= 0xdbff && this.text.startsWith("\\u", this.at)) {
        const back = this.at;
        this.at += 2;
        const low = unit();
        if (low >= 0xdc00 && low <= 0xdfff)
          return { codePoint: 0x10000 + ((high - 0xd800) << 10) + (low - 0xdc00), escaped: false };
        this.at = back;
      }
      return { codePoint: high, escaped: false };
    }
    if (c === "c") {
      const control = this.peek();
      if (control === undefined) throw new JavaSyntaxError("\\c at the end");
      this.at++;
      return { codePoint: control.codePointAt(0)! ^ 0x40, escaped: false };
    }
    if (c === "N") throw new NoEquivalent("named character \\N{…}");
    if (/[A-Za-z0-9]/.test(c)) throw new JavaSyntaxError(`illegal escape \\${c} at ${start}`);
    // Any other character after a backslash is itself.
    this.at--;
    return { codePoint: this.nextCodePoint(), escaped: true };
  }

  /**
   * After `[`: a class, with Java's nested classes (union), `&&`
   * (intersection) and ranges; a `-` that cannot end a range is a literal.
   */
  private characterClass(): CharSet {
    const open = this.at - 1;
    let negated = false;
    if (this.peek() === "^") {
      negated = true;
      this.at++;
    }
    /** Operands of `&&`, each a union of parts. */
    const operands: CharSet[][] = [[]];
    let nested = false;
    let first = true;
    for (;;) {
      this.skipFreeSpacing();
      const c = this.peek();
      if (c === undefined) throw new JavaSyntaxError(`unclosed character class at ${open}`);
      const parts = operands[operands.length - 1]!;
      if (c === "]" && !first) {
        this.at++;
        break;
      }
      first = false;
      if (c === "[") {
        this.at++;
        nested = true;
        parts.push(this.characterClass());
        continue;
      }
      if (c === "&" && this.peek(1) === "&") {
        this.at += 2;
        operands.push([]);
        continue;
      }
      if (c === "\\" && this.peek(1) === "Q") {
        this.at++;
        for (const codePoint of this.quoted()) parts.push(this.classChars(codePoint, codePoint));
        continue;
      }
      if (c === "\\") {
        this.at++;
        if (this.peek() === undefined) throw new JavaSyntaxError("trailing backslash");
        if (this.peek() === "b") throw new NoEquivalent("\\b inside a class");
        const set = this.classEscape();
        if (set) {
          parts.push(set);
          continue;
        }
        this.at--;
      }
      const from = this.classAtom();
      // `a-z` is a range; `-` before `]` or `[` is a literal.
      if (this.peek() === "-" && this.peek(1) !== "]" && this.peek(1) !== "[" && this.peek(1) !== undefined) {
        this.at++;
        if (this.peek() === "\\" && javaEscapeSet(this.peek(1)!) !== undefined) {
          throw new NoEquivalent("a range that ends in a class escape");
        }
        if (this.peek() === "\\" && (this.peek(1) === "p" || this.peek(1) === "P")) {
          throw new NoEquivalent("a range that ends in a class escape");
        }
        const to = this.classAtom();
        if (to.codePoint < from.codePoint) throw new JavaSyntaxError(`illegal character range at ${this.at}`);
        parts.push(this.classChars(from.codePoint, to.codePoint));
      } else parts.push(this.classChars(from.codePoint, from.codePoint, from.escaped));
    }
    if (operands.some((parts) => parts.length === 0)) {
      if (operands.length > 1) throw new NoEquivalent("an empty operand of && in a class");
      throw new JavaSyntaxError(`empty character class at ${open}`);
    }
    const unions = operands.map((parts): CharSet => (parts.length === 1 ? parts[0]! : { kind: "union", parts }));
    const set: CharSet = unions.length === 1 ? unions[0]! : { kind: "intersection", parts: unions };
    if (!negated) return set;
    // Java 8 and Java 9+ disagree on what `^` negates once a class nests classes or uses `&&`.
    if (nested || operands.length > 1) throw new NoEquivalent("a negated class with nested classes or &&");
    return complement(set);
  }

  /** One character of a class: a literal or a character escape. */
  private classAtom(): { codePoint: number; escaped: boolean } {
    if (this.peek() === "\\") {
      this.at++;
      if (this.peek() === undefined) throw new JavaSyntaxError("trailing backslash");
      return this.characterEscape();
    }
    return { codePoint: this.nextCodePoint(), escaped: false };
  }

  /** `from-to` inside a class, with its case variants under `(?i)`. */
  private classChars(from: number, to: number, escaped = false): CharSet {
    const items: CharSet & { kind: "items" } = {
      kind: "items",
      items: [from === to ? { kind: "char", codePoint: from, escaped } : { kind: "range", from, to }],
    };
    if (!this.flags.i) return items;
    const extra = caseVariantRanges(from, to, this.flags);
    return { kind: "items", items: [...items.items, ...extra] };
  }
}

const char = (codePoint: number): PatternNode => ({ type: "char", codePoint, escaped: false });

function ranges(...list: CodePointRange[]): CharSet {
  return { kind: "items", items: list.map(([from, to]) => ({ kind: "range" as const, from, to })) };
}

function applyFlags(flags: Flags, on: string, off: string): Flags {
  const out: Record<keyof Flags, boolean> = { ...flags };
  for (const [letters, value] of [
    [on, true],
    [off, false],
  ] as const) {
    for (const letter of letters) {
      if (letter === "i" || letter === "u" || letter === "s" || letter === "m" || letter === "x") out[letter] = value;
      else if (letter === "d") throw new NoEquivalent("the UNIX_LINES flag (?d)");
      else if (letter === "U") throw new NoEquivalent("the UNICODE_CHARACTER_CLASS flag (?U)");
      else throw new JavaSyntaxError(`unknown inline flag ${letter}`);
    }
  }
  return out;
}

/** The code point and its other cases, as `(?i)` (ASCII) or `(?iu)` (Unicode) matches them. */
function caseVariants(codePoint: number, flags: Flags): number[] {
  if (!flags.i) return [codePoint];
  const c = String.fromCodePoint(codePoint);
  if (!flags.u && codePoint > 0x7f) return [codePoint];
  // Lower case first: `a` and `A` both give `[aA]`.
  const out: number[] = [];
  for (const variant of [c.toLowerCase(), c.toUpperCase(), c]) {
    const v = variant.codePointAt(0)!;
    if ([...variant].length === 1 && !out.includes(v) && (flags.u || v <= 0x7f)) out.push(v);
  }
  return out;
}

/** What `(?i)` adds to the range `from-to`: the other case of each letter in it. */
function caseVariantRanges(from: number, to: number, flags: Flags): { kind: "range"; from: number; to: number }[] {
  const out: { kind: "range"; from: number; to: number }[] = [];
  const shift = (lo: number, hi: number, by: number) => {
    const a = Math.max(lo, from);
    const b = Math.min(hi, to);
    if (a <= b) out.push({ kind: "range", from: a + by, to: b + by });
  };
  shift(0x61, 0x7a, -0x20);
  shift(0x41, 0x5a, 0x20);
  if (flags.u && to > 0x7f) {
    if (to - Math.max(from, 0x80) > 0x3000) throw new NoEquivalent("a large case-insensitive Unicode range");
    for (let codePoint = Math.max(from, 0x80); codePoint <= to; codePoint++) {
      for (const v of caseVariants(codePoint, flags).slice(1)) {
        if (v < from || v > to) out.push({ kind: "range", from: v, to: v });
      }
    }
  }
  return out;
}
