/**
 * JSON laid out as prettier lays out `JSON.stringify(value, null, 2)`, without
 * running prettier: every non-empty object is expanded (prettier keeps the
 * line break that follows each `{`), and an array stays on one line when it
 * fits the print width, else takes a line per element. The rare layouts this
 * does not reproduce (number arrays that prettier fills, widths of non-ASCII
 * text) return `undefined`, and the caller formats with prettier instead.
 * The tests compare it with prettier on random values.
 */

/** A value parsed from JSON. */
type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };

const ASCII = /^[\x20-\x7e]*$/;

class Unsupported extends Error {}

/** The `json` parser's layout of `value`, ending with a newline; `undefined` when prettier must decide. */
export function layoutJson(value: unknown, printWidth: number): string | undefined {
  try {
    return `${layout(value as Json, "", 0, false, printWidth)}\n`;
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
}

/** The `json-stringify` parser's layout (package.json): every non-empty object and array expanded. */
export function layoutJsonStringify(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/**
 * `value` printed at `column` (where its first character lands) with `indent`
 * before each of its inner lines; `comma` says a `,` follows it on its line.
 */
function layout(value: Json, indent: string, column: number, comma: boolean, width: number): string {
  if (value === null || typeof value !== "object") return scalar(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    const items = value as readonly Json[];
    if (items.length === 0) return "[]";
    const flat = flatArray(items);
    if (flat !== undefined && !mustBreak(items)) {
      if (!ASCII.test(flat)) throw new Unsupported();
      if (column + flat.length + (comma ? 1 : 0) <= width) return flat;
      if (items.length > 1 && items.every((item) => typeof item === "number")) throw new Unsupported();
    }
    const lines = items.map((item, i) => `${inner}${layout(item, inner, inner.length, i < items.length - 1, width)}`);
    return `[\n${lines.join(",\n")}\n${indent}]`;
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return "{}";
  const lines = entries.map(([key, member], i) => {
    const head = `${inner}${JSON.stringify(key)}: `;
    return `${head}${layout(member, inner, head.length, i < entries.length - 1, width)}`;
  });
  return `{\n${lines.join(",\n")}\n${indent}}`;
}

/** A scalar as JSON, with prettier's spelling of exponents (`1e21`, not `1e+21`). */
function scalar(value: null | boolean | number | string): string {
  return typeof value === "number" ? JSON.stringify(value).replace("e+", "e") : JSON.stringify(value);
}

/** The array on one line, or `undefined` when an element cannot be (a non-empty object). */
function flatArray(items: readonly Json[]): string | undefined {
  const parts: string[] = [];
  for (const item of items) {
    if (item === null || typeof item !== "object") parts.push(scalar(item));
    else if (Array.isArray(item)) {
      const nested = item.length === 0 ? "[]" : mustBreak(item) ? undefined : flatArray(item);
      if (nested === undefined) return undefined;
      parts.push(nested);
    } else if (Object.keys(item).length === 0) parts.push("{}");
    else return undefined;
  }
  return `[${parts.join(", ")}]`;
}

/** Prettier breaks an array of two or more arrays (or objects) that each hold two or more entries. */
function mustBreak(items: readonly Json[]): boolean {
  if (items.length < 2) return false;
  const first = items[0];
  const firstIsArray = Array.isArray(first);
  return items.every((item) => {
    if (item === null || typeof item !== "object" || Array.isArray(item) !== firstIsArray) return false;
    return (Array.isArray(item) ? item.length : Object.keys(item).length) > 1;
  });
}
