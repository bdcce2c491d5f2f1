/** Equality and printing of JSON AST values (trait values, metadata, whole shapes). */
import type { NodeValue } from "../load/ast.js";

/** Deep equality of JSON values: object keys in any order, arrays in order. */
export function sameNode(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameNode(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  for (const key in left) if (!(key in right) || !sameNode(left[key], right[key])) return false;
  for (const key in right) if (!(key in left)) return false;
  return true;
}

/** Compact JSON in backticks, cut short past 120 characters. */
export function showNode(value: NodeValue | undefined): string {
  const text = JSON.stringify(value ?? null);
  return `\`${text.length > 120 ? `${text.slice(0, 117)}...` : text}\``;
}
