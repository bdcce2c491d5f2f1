/**
 * Smithy documents `@pattern` as an ECMA 262 regular expression, but checks
 * it with `java.util.regex`, so real models carry Java-isms. Validators
 * compile patterns with the `u` flag:
 * - a pattern that `u` mode accepts is kept as it is, and keeps ECMAScript's
 *   meaning, unless its classes use Java's nesting or `&&`;
 * - any other pattern is read as Java reads it (`java-pattern.ts`) and
 *   spelled anew (`pattern-print.ts`): syntax only Java has gets Java's
 *   meaning, syntax both share keeps ECMAScript's;
 * - a pattern Java accepts but ECMAScript cannot express is `unsupported`:
 *   that constraint is reported and left unchecked;
 * - a pattern neither Java nor ECMAScript accepts is `invalid`.
 */
import { parseJavaPattern } from "./java-pattern.js";
import { printPattern } from "./pattern-print.js";
import { JavaSyntaxError, NoEquivalent } from "./pattern-errors.js";

export type CompiledPattern =
  | { readonly kind: "ok"; readonly source: string }
  | { readonly kind: "unsupported"; readonly reason: string }
  | { readonly kind: "invalid"; readonly reason: string };

const cache = new Map<string, CompiledPattern>();

export function compilePattern(pattern: string): CompiledPattern {
  let compiled = cache.get(pattern);
  if (compiled === undefined) {
    compiled = compile(pattern);
    cache.set(pattern, compiled);
  }
  return compiled;
}

function compile(pattern: string): CompiledPattern {
  const valid = accepts(pattern);
  if (valid && !usesJavaClassOperators(pattern)) return { kind: "ok", source: pattern };
  let source: string;
  try {
    source = printPattern(parseJavaPattern(pattern));
  } catch (error) {
    if (valid) return { kind: "ok", source: pattern };
    if (error instanceof NoEquivalent) return { kind: "unsupported", reason: error.message };
    if (!(error instanceof JavaSyntaxError)) throw error;
    // Java rejects it too; a pattern that ECMAScript reads without `u` is only reported.
    if (acceptsLoose(pattern)) return { kind: "unsupported", reason: `Java rejects it: ${error.message}` };
    return { kind: "invalid", reason: errorOf(pattern) };
  }
  if (accepts(source)) return { kind: "ok", source };
  return { kind: "unsupported", reason: `no ECMAScript spelling found (${errorOf(source)})` };
}

/** `[` or `&&` inside a class: literal in ECMAScript, a nested class or an intersection in Java. */
function usesJavaClassOperators(pattern: string): boolean {
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "\\") i++;
    else if (inClass && (c === "[" || (c === "&" && pattern[i + 1] === "&"))) return true;
    else if (c === "[") {
      inClass = true;
      if (pattern[i + 1] === "^") i++;
      if (pattern[i + 1] === "]") i++;
    } else if (c === "]") inClass = false;
  }
  return false;
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
