/**
 * Spells a Java pattern tree (`java-pattern.ts`) as an ECMAScript `u`-mode
 * source. Constructs Java has and ECMAScript lacks get their Java meaning:
 * - Java classes: nested unions and `&&` intersections are computed when
 *   they list code points, and otherwise become one-code-point lookaheads
 *   (`[A&&B]` → `(?:(?=A)B)`); a negated class around such a set becomes
 *   `(?:(?!A)[\s\S])`;
 * - atomic groups and possessive quantifiers become a lookahead that
 *   captures and a back reference that consumes (`(?>X)` → `(?:(?=(X))\1)`),
 *   with back references renumbered;
 * - a quantifier on an assertion (`${1,128}`, `^*`) repeats something that
 *   consumes nothing: the assertion itself when at least once, nothing when
 *   it may be absent.
 * Characters keep the model's spelling where ECMAScript allows it.
 */
import { type CharSet, type ClassItem, type CodePointRange, explicitRanges, complementRanges } from "./char-sets.js";
import type { Assertion, ParsedPattern, PatternNode } from "./java-pattern.js";
import { NoEquivalent } from "./pattern-errors.js";

const SYNTAX = new Set("^$\\.*+?()[]{}|/");

const ASSERTIONS: Readonly<Record<Assertion, string>> = {
  start: "^",
  end: "$",
  // Java's MULTILINE `^`: after a line terminator (not inside `\r\n`), never at the very end.
  lineStart: "(?:^|(?<=[\\n\\u0085\\u2028\\u2029]|\\r(?!\\n))(?=[\\s\\S]))",
  // Java's MULTILINE `$`: before a line terminator (not inside `\r\n`) or at the end.
  lineEnd: "(?:$|(?=[\\r\\u0085\\u2028\\u2029])|(?<!\\r)(?=\\n))",
  endBeforeTerminator: "(?=(?:\\r\\n|[\\n\\r\\u0085\\u2028\\u2029])?$)",
  wordBoundary: "\\b",
  notWordBoundary: "\\B",
};

export function printPattern(parsed: ParsedPattern): string {
  return new Printer().node(parsed.root);
}

class Printer {
  /** Capturing groups printed so far, in ECMAScript numbering. */
  private printed = 0;
  /** Java's capturing groups seen so far. */
  private seen = 0;
  /** Java group number → the ECMAScript one. */
  private readonly numbers = new Map<number, number>();

  node(node: PatternNode): string {
    switch (node.type) {
      case "sequence":
        return this.sequence(node.items);
      case "alternation":
        return node.options.map((option) => this.node(option)).join("|");
      case "char":
        return printChar(node.codePoint, node.escaped);
      case "set":
        return printSet(node.set);
      case "dot":
        return node.dotAll ? "[\\s\\S]" : ".";
      case "assertion":
        return ASSERTIONS[node.kind];
      case "group": {
        if (!node.capture) return `(?:${this.node(node.body)})`;
        this.numbers.set(++this.seen, ++this.printed);
        const open = node.name === undefined ? "(" : `(?<${node.name}>`;
        return `${open}${this.node(node.body)})`;
      }
      case "look":
        return `(?${node.behind ? "<" : ""}${node.negated ? "!" : "="}${this.node(node.body)})`;
      case "atomic":
        return this.atomic(() => this.node(node.body));
      case "repeat":
        return this.repeat(node);
      case "backreference": {
        if (typeof node.group === "string") return `\\k<${node.group}>`;
        const number = this.numbers.get(node.group);
        if (number === undefined)
          throw new NoEquivalent(`back reference \\${node.group} to a group that never matches`);
        return `\\${number}`;
      }
    }
  }

  private sequence(items: readonly PatternNode[]): string {
    const parts = items.map((item) => this.node(item));
    // `\1` then a digit would read as `\10` and so on.
    return parts
      .map((part, i) => (items[i]!.type === "backreference" && /^\d/.test(parts[i + 1] ?? "") ? `(?:${part})` : part))
      .join("");
  }

  /** `(?>X)`: a lookahead captures what X matches first, a back reference consumes it, with no way back in. */
  private atomic(body: () => string): string {
    const number = ++this.printed;
    return `(?:(?=(${body()}))\\${number})`;
  }

  private repeat(node: PatternNode & { type: "repeat" }): string {
    if (consumesNothing(node.body)) {
      if (node.min > 0) return this.node(node.body);
      // Its groups still count in Java's numbering; a back reference to them has no equivalent.
      this.seen += countGroups(node.body);
      return "";
    }
    const quantifier = node.source;
    // `X{n}+` with X one code point has no choice to give back: possessive changes nothing.
    const choiceless = node.min === node.max && ["char", "set", "dot"].includes(node.body.type);
    if (node.mode === "possessive" && !choiceless) return this.atomic(() => `${this.atom(node.body)}${quantifier}`);
    return `${this.atom(node.body)}${quantifier}${node.mode === "lazy" && !choiceless ? "?" : ""}`;
  }

  /** The body of a quantifier, grouped when it is more than one atom. */
  private atom(node: PatternNode): string {
    const text = this.node(node);
    if (node.type === "sequence" || node.type === "alternation") return `(?:${text})`;
    return text;
  }
}

/** Assertions and lookarounds: quantifying them is an error in `u` mode. */
function consumesNothing(node: PatternNode): boolean {
  return node.type === "assertion" || node.type === "look";
}

function countGroups(node: PatternNode): number {
  switch (node.type) {
    case "sequence":
      return node.items.reduce((sum, item) => sum + countGroups(item), 0);
    case "alternation":
      return node.options.reduce((sum, option) => sum + countGroups(option), 0);
    case "group":
      return (node.capture ? 1 : 0) + countGroups(node.body);
    case "look":
    case "atomic":
    case "repeat":
      return countGroups(node.body);
    default:
      return 0;
  }
}

/** Code points shown as escapes: controls, separators, format characters, surrogates. */
const INVISIBLE = /[\p{C}\p{Z}]/u;

function hex(codePoint: number): string {
  return codePoint > 0xffff
    ? `\\u{${codePoint.toString(16).toUpperCase()}}`
    : `\\u${codePoint.toString(16).toUpperCase().padStart(4, "0")}`;
}

/** A literal outside a class. */
function printChar(codePoint: number, escaped: boolean): string {
  const c = String.fromCodePoint(codePoint);
  if (c === "/") return escaped ? "\\/" : "/";
  if (SYNTAX.has(c)) return `\\${c}`;
  if (c !== " " && INVISIBLE.test(c)) return hex(codePoint);
  return c;
}

/** A literal inside a class, `first` or `last` in it. */
function printClassChar(codePoint: number, escaped: boolean, first: boolean, last: boolean): string {
  const c = String.fromCodePoint(codePoint);
  if (c === "\\" || c === "]" || c === "[") return `\\${c}`;
  if (c === "^") return escaped || first ? "\\^" : c;
  if (c === "-") return escaped || !(first || last) ? "\\-" : c;
  if (escaped && SYNTAX.has(c)) return `\\${c}`;
  if (c !== " " && INVISIBLE.test(c)) return hex(codePoint);
  return c;
}

/** A set as one class when it can be one: items, and whether it is negated. */
function asClass(set: CharSet): { negated: boolean; items: readonly ClassItem[] } | undefined {
  switch (set.kind) {
    case "items":
      return { negated: false, items: set.items };
    case "union": {
      const items: ClassItem[] = [];
      for (const part of set.parts) {
        const inner = asClass(part);
        if (inner && !inner.negated) items.push(...inner.items);
        else {
          const ranges = explicitRanges(part);
          if (!ranges) return undefined;
          items.push(...rangeItems(ranges));
        }
      }
      return { negated: false, items };
    }
    case "intersection": {
      const ranges = explicitRanges(set);
      return ranges ? shortest(ranges) : undefined;
    }
    case "complement": {
      const inner = asClass(set.of);
      return inner ? { negated: !inner.negated, items: inner.items } : undefined;
    }
  }
}

/** The ranges, or the negation of their complement when that is shorter. */
function shortest(ranges: readonly CodePointRange[]): { negated: boolean; items: readonly ClassItem[] } {
  const complemented = complementRanges(ranges);
  return complemented.length < ranges.length
    ? { negated: true, items: rangeItems(complemented) }
    : { negated: false, items: rangeItems(ranges) };
}

const rangeItems = (ranges: readonly CodePointRange[]): ClassItem[] =>
  ranges.map(([from, to]) => (from === to ? { kind: "char", codePoint: from } : { kind: "range", from, to }));

/** An ECMAScript atom that matches one code point of the set. */
export function printSet(set: CharSet): string {
  const single = asClass(set);
  if (single) {
    const [only] = single.items;
    if (single.items.length === 1 && only!.kind === "escape" && !single.negated) return only.source;
    if (single.items.length === 0) return single.negated ? "[\\s\\S]" : "[]";
    return `[${single.negated ? "^" : ""}${single.items.map((item, i) => printItem(item, i, single.items.length)).join("")}]`;
  }
  switch (set.kind) {
    case "union":
      return `(?:${set.parts.map(printSet).join("|")})`;
    case "intersection": {
      const parts = set.parts.map(printSet);
      return `(?:${parts
        .slice(0, -1)
        .map((part) => `(?=${part})`)
        .join("")}${parts[parts.length - 1]})`;
    }
    case "complement":
      return `(?:(?!${printSet(set.of)})[\\s\\S])`;
    case "items":
      throw new Error("unreachable: items always form a class");
  }
}

function printItem(item: ClassItem, i: number, count: number): string {
  const first = i === 0;
  const last = i === count - 1;
  switch (item.kind) {
    case "char":
      return printClassChar(item.codePoint, item.escaped ?? false, first, last);
    case "range":
      if (item.from === item.to) return printClassChar(item.from, false, first, last);
      return `${printClassChar(item.from, false, first, false)}-${printClassChar(item.to, false, false, last)}`;
    case "escape":
      return item.source;
  }
}
