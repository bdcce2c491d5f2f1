/**
 * Smithy's rule for a trait applied twice to one shape (by the shape and an
 * `apply`, or by two files): list values concatenate, equal values are one,
 * anything else is a conflict.
 */
import { isDeepStrictEqual } from "node:util";
import type { NodeValue } from "./ast.js";

export type TraitMerge = { readonly ok: true; readonly value: NodeValue } | { readonly ok: false };

export function mergeTraitValues(first: NodeValue, second: NodeValue): TraitMerge {
  if (Array.isArray(first) && Array.isArray(second)) return { ok: true, value: [...first, ...second] };
  if (isDeepStrictEqual(first, second)) return { ok: true, value: first };
  return { ok: false };
}
