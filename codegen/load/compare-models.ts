/**
 * Model equality as Smithy's loader tests see it: the same shapes with the same
 * properties, members in the same order, trait and metadata values equal as
 * node values (object key order aside). Empty `traits`, `members` and lists
 * are absent; an operation without `input` or `output` has `smithy.api#Unit`.
 */
import { isDeepStrictEqual } from "node:util";
import type { AstModel, AstShape } from "./ast.js";

/** What differs, one line per shape or metadata key; empty when the models are equal. */
export function modelDifferences(actual: AstModel, expected: AstModel): string[] {
  const differences: string[] = [];
  const ids = [...new Set([...Object.keys(actual.shapes), ...Object.keys(expected.shapes)])].sort();
  for (const id of ids) {
    const a = actual.shapes[id];
    const e = expected.shapes[id];
    if (a === undefined) differences.push(`${id}: missing`);
    else if (e === undefined) differences.push(`${id}: not expected`);
    else if (!isDeepStrictEqual(normalShape(a), normalShape(e))) {
      differences.push(`${id}: ${JSON.stringify(normalShape(a))} != ${JSON.stringify(normalShape(e))}`);
    }
  }
  const metadata = [actual.metadata ?? {}, expected.metadata ?? {}].map(sortedKeys);
  if (!isDeepStrictEqual(metadata[0], metadata[1])) {
    differences.push(`metadata: ${JSON.stringify(metadata[0])} != ${JSON.stringify(metadata[1])}`);
  }
  return differences;
}

const UNIT = "smithy.api#Unit";

/** Sorted keys everywhere except in `members`, whose order is the model's. */
function normalShape(shape: AstShape): unknown {
  const out: Record<string, unknown> = {};
  const unit = { target: UNIT };
  const full = shape.type === "operation" ? { input: unit, output: unit, ...shape } : shape;
  for (const key of Object.keys(full).sort()) {
    const value = (full as unknown as Record<string, unknown>)[key];
    if (key === "traits" && isEmptyObject(value)) continue;
    if (Array.isArray(value) && value.length === 0) continue;
    if (key === "members") {
      if (isEmptyObject(value)) continue;
      out.members = Object.entries(value as Record<string, Record<string, unknown>>).map(([name, member]) => [
        name,
        sortedKeys(isEmptyObject(member.traits) ? { target: member.target } : member),
      ]);
    } else out[key] = sortedKeys(value);
  }
  return out;
}

function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (typeof value !== "object" || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const item = (value as Record<string, unknown>)[key];
    if (key === "traits" && isEmptyObject(item)) continue;
    out[key] = sortedKeys(item);
  }
  return out;
}

const isEmptyObject = (value: unknown): boolean =>
  typeof value === "object" && value !== null && !Array.isArray(value) && Object.keys(value).length === 0;
