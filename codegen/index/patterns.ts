/**
 * Smithy patterns are ECMA 262 regular expressions, but real models carry
 * Java-isms. Validators compile patterns with the `u` flag, so each pattern is
 * rewritten into an equivalent `u`-mode source where one exists:
 * - escapes of plain punctuation (`\-`, `\&`), legal in Java and in non-`u`
 *   mode, become the bare character;
 * - a leading `(?i)` (or `^(?i)`) becomes case-insensitive character classes (`a` → `[aA]`).
 * What has no equivalent (inline flags elsewhere, possessive quantifiers…)
 * is reported as unsupported; what is invalid in every dialect is invalid.
 */

export type CompiledPattern =
  | { readonly kind: "ok"; readonly source: string }
  | { readonly kind: "unsupported"; readonly reason: string }
  | { readonly kind: "invalid"; readonly reason: string };

const SYNTAX = new Set("^$\\.*+?()[]{}|/".split(""));
const CLASS_ESCAPABLE = new Set("^$\\.*+?()[]{}|/-".split(""));

export function compilePattern(pattern: string): CompiledPattern {
  if (accepts(pattern)) return { kind: "ok", source: pattern };
  let source = pattern;
  let ignoreCase = false;
  const flag = /^\^?\(\?i\)/.exec(source);
  if (flag) {
    ignoreCase = true;
    source = source.replace("(?i)", "");
  }
  const rewritten = rewrite(source, ignoreCase);
  if (rewritten !== undefined && accepts(rewritten)) return { kind: "ok", source: rewritten };
  const reason = errorOf(pattern);
  if (/\(\?[a-zA-Z-]+[):]/.test(source)) return { kind: "unsupported", reason: "inline flags" };
  if (/(^|[^\\])([*+?]|\{\d+(,\d*)?\})\+/.test(source)) return { kind: "unsupported", reason: "possessive quantifier" };
  if (acceptsLoose(source)) return { kind: "unsupported", reason };
  return { kind: "invalid", reason };
}

function accepts(source: string): boolean {
  return errorOf(source) === "";
}

function acceptsLoose(source: string): boolean {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}

function errorOf(source: string): string {
  try {
    new RegExp(source, "u");
    return "";
  } catch (error) {
    return (error as Error).message.replace(/^Invalid regular expression: \/.*\/u?: /s, "");
  }
}

/** Drops needless escapes and, when asked, spells out case-insensitivity. */
function rewrite(source: string, ignoreCase: boolean): string | undefined {
  let out = "";
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const char = source[i]!;
    if (char === "\\") {
      const next = source[i + 1];
      if (next === undefined) return undefined;
      i++;
      const needless = /[^A-Za-z0-9]/.test(next) && !(inClass ? CLASS_ESCAPABLE : SYNTAX).has(next);
      out += needless ? next : `\\${next}`;
      continue;
    }
    if (char === "[" && !inClass) {
      inClass = true;
      out += char;
      if (source[i + 1] === "^") out += source[++i];
      continue;
    }
    if (char === "]" && inClass) inClass = false;
    if (ignoreCase && /[A-Za-z]/.test(char)) {
      out += inClass ? caseRange(source, i) : `[${char.toLowerCase()}${char.toUpperCase()}]`;
      if (inClass && source[i + 1] === "-" && /[A-Za-z]/.test(source[i + 2] ?? "")) i += 2;
      continue;
    }
    out += char;
  }
  return out;
}

/** Inside a class: `a` → `aA`, `a-f` → `a-fA-F`. */
function caseRange(source: string, i: number): string {
  const from = source[i]!;
  const to = source[i + 1] === "-" && /[A-Za-z]/.test(source[i + 2] ?? "") ? source[i + 2]! : undefined;
  const lower = to ? `${from.toLowerCase()}-${to.toLowerCase()}` : from.toLowerCase();
  const upper = to ? `${from.toUpperCase()}-${to.toUpperCase()}` : from.toUpperCase();
  return `${lower}${upper}`;
}
