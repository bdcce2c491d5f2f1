/**
 * The model a package was generated from, recorded in the package as one
 * Smithy JSON AST file (`model.json`): shapes after mixins and `apply`,
 * sorted by id, one per line so that a model change reads as a line diff,
 * and the model's metadata. package.json records its sha256. `sjc generate
 * --check` and `sjc diff` compare the current model with this record.
 */
import { createHash } from "node:crypto";
import type { NodeValue } from "../load/ast.js";
import type { FlatModel } from "../index/flatten.js";
import { compare } from "../index/shape-index.js";
import { PACKAGE_MODULES } from "../index/names.js";
import type { GeneratedFile } from "./generated-file.js";

export interface ModelRecord {
  readonly file: GeneratedFile;
  readonly sha256: string;
}

export function emitModelRecord(model: FlatModel, metadata: Readonly<Record<string, NodeValue>>): ModelRecord {
  const shapes = [...model.own].sort(compare).map((id) => `${JSON.stringify(id)}:${canonical(model.shapes.get(id))}`);
  const head = `{"smithy":"2.0",${Object.keys(metadata).length ? `"metadata":${canonical(metadata)},` : ""}"shapes":{`;
  const text = `${head}\n${shapes.join(",\n")}\n}}\n`;
  return { file: { kind: "data", path: PACKAGE_MODULES.modelRecord.path, text }, sha256: modelHash(text) };
}

/** The hash package.json records: sha256 of the record's text, in hex. */
export const modelHash = (text: string): string => createHash("sha256").update(text).digest("hex");

/**
 * JSON with object keys sorted, so that the same model gives the same record
 * whether it was written as JSON AST or IDL; `members` keep their order, which
 * means something.
 */
function canonical(value: unknown, keepOrder = false): string {
  if (Array.isArray(value)) return `[${value.map((item) => canonical(item)).join(",")}]`;
  if (typeof value !== "object" || value === null) return JSON.stringify(value);
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  if (!keepOrder) entries.sort(([a], [b]) => compare(a, b));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v, k === "members")}`).join(",")}}`;
}
