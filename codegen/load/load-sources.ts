/**
 * Model files, JSON AST and IDL mixed, as one JSON AST model: each file is
 * parsed by its kind (`.smithy` is IDL; its ids resolve as it is read, and
 * the few files whose resolution depended on other files are read again with
 * every file's shapes known), elided members get their targets, then the
 * files merge in the order given. Pure: the caller reads the files.
 */
import type { NodeValue } from "./ast.js";
import { type MergedModel, type ParsedSource, mergeModels } from "./merge-models.js";
import { mergeTraitValues } from "./merge-traits.js";
import { parseModel } from "./parse-model.js";
import { parseIdlFile, type FileParseResult } from "./idl/file-parser.js";
import { needsSecondReading, type SettledFile, settleFile } from "./idl/settle-file.js";
import { mixinConflicts, resolveElisions, type ShapeLookup } from "./idl/resolve-elisions.js";
import { idlIssue, idlLocation } from "./idl/idl-issue.js";
import { hasErrors, type Issue } from "../validate/issue.js";

/** A model file's path (as the user named it) and text. */
export interface ModelSource {
  readonly path: string;
  readonly text: string;
}

const isIdlPath = (path: string): boolean => path.endsWith(".smithy");

type Parsed = { readonly json: ParsedSource } | { readonly idl: FileParseResult; readonly path: string };

export function loadSources(sources: readonly ModelSource[]): MergedModel {
  const issues: Issue[] = [];
  const parsed: Parsed[] = sources.map((source) => {
    if (!isIdlPath(source.path)) {
      const result = parseModel(source.text, source.path);
      issues.push(...result.issues);
      return { json: { path: source.path, model: result.model } };
    }
    const idl = parseIdlFile(source.text);
    for (const error of idl.errors)
      issues.push(idlIssue(source.path, idl.lines, error.offset, error.message, error.shapeId));
    return { idl, path: source.path };
  });
  if (hasErrors(issues)) return failed(issues);

  const typeLookups = parsed.map((p) =>
    "json" in p ? (id: string) => p.json.model.shapes[id]?.type : (id: string) => p.idl.file.shapes[id]?.type,
  );
  const typeOf = (id: string): string | undefined => {
    for (const lookup of typeLookups) {
      const type = lookup(id);
      if (type !== undefined) return type;
    }
    return undefined;
  };
  const settled = parsed.map((p, i) => {
    if ("json" in p) return p;
    const idl = needsSecondReading(p.idl.file, typeOf) ? parseIdlFile(sources[i]!.text, typeOf) : p.idl;
    return { ...p, idl, settled: settleFile(idl.file, typeOf) };
  });

  const all: ShapeLookup = {
    get: (id) => {
      for (const r of settled) {
        const shape = "json" in r ? r.json.model.shapes[id] : r.idl.file.shapes[id];
        if (shape !== undefined) return shape;
      }
      return undefined;
    },
  };
  for (const r of settled) {
    if ("json" in r) continue;
    const { file } = r.idl;
    const elisionErrors = file.elisions.length === 0 ? [] : resolveElisions(file.elisions, all);
    const conflicts = file.mixed.length === 0 ? [] : mixinConflicts(all, file.mixed);
    for (const error of [...r.settled.errors, ...elisionErrors, ...conflicts]) {
      issues.push(idlIssue(r.path, r.idl.lines, error.offset, error.message, error.shapeId));
    }
  }
  if (hasErrors(issues)) return failed(issues);
  return mergeModels(settled.map((r) => ("json" in r ? r.json : idlSource(r.path, r.idl, r.settled))));
}

/** A read IDL file as a merge source, locating its shapes, applies and metadata by line and column. */
function idlSource(path: string, parsed: FileParseResult, settled: SettledFile): ParsedSource {
  const at = (offset: number) => idlLocation(path, parsed.lines, offset);
  const { file } = parsed;
  const offsetOf = (id: string) => file.shapeOffsets[file.shapeIds.indexOf(id)] ?? 0;
  const metadata: Record<string, NodeValue> = {};
  const metadataOffsets = new Map<string, number>();
  for (const entry of settled.metadata) {
    const merged = Object.hasOwn(metadata, entry.key) ? mergeTraitValues(metadata[entry.key]!, entry.value) : undefined;
    metadata[entry.key] = merged?.ok ? merged.value : entry.value;
    if (!metadataOffsets.has(entry.key)) metadataOffsets.set(entry.key, entry.offset);
  }
  return {
    path,
    model: { smithy: "2.0", shapes: file.shapes, ...(settled.metadata.length ? { metadata } : {}) },
    applies: file.applies.map((apply) => ({ target: apply.target, traits: apply.traits, where: at(apply.offset) })),
    whereShape: (id) => at(offsetOf(id)),
    whereMetadata: (key) => at(metadataOffsets.get(key) ?? 0),
  };
}

function failed(issues: readonly Issue[]): MergedModel {
  return { model: { smithy: "2.0", shapes: {} }, fileOf: () => "-", issues };
}
