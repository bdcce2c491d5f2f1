/**
 * Model files to one loaded model: parse each, merge them, flatten mixins
 * and `apply`. Parse and merge errors stop it; issues name the file of the
 * shape they concern.
 */
import type { NodeValue } from "./ast.js";
import { parseModel } from "./parse-model.js";
import { mergeModels } from "./merge-models.js";
import { type FlatModel, flattenModel } from "../index/flatten.js";
import { type Issue, hasErrors } from "../validate/issue.js";

/** A model file's path (as the user named it) and text. */
export interface ModelSource {
  readonly path: string;
  readonly text: string;
}

export type LoadResult =
  | {
      readonly ok: true;
      readonly model: FlatModel;
      readonly metadata: Readonly<Record<string, NodeValue>>;
      /** The file that defines a shape: issues found later name it. */
      readonly fileOf: (shapeId: string) => string;
      /**
       * Flattening's issues (a missing mixin, say). Errors here leave the
       * model usable for validation, which reports its own issues beside them.
       */
      readonly issues: readonly Issue[];
    }
  | { readonly ok: false; readonly issues: readonly Issue[] };

/** `modelPath` names the model as a whole (several sources: their paths joined). */
export function loadModel(sources: readonly ModelSource[], modelPath: string): LoadResult {
  const parsed = sources.map((source) => ({ path: source.path, ...parseModel(source.text, source.path) }));
  const parseIssues = parsed.flatMap((p) => p.issues);
  if (hasErrors(parseIssues)) return { ok: false, issues: parseIssues };
  const merged = mergeModels(parsed);
  if (hasErrors(merged.issues)) return { ok: false, issues: merged.issues };
  const { model, issues } = flattenModel(merged.model.shapes, modelPath);
  const located = issues.map((issue) =>
    issue.file === modelPath ? { ...issue, file: merged.fileOf(issue.shapeId) } : issue,
  );
  return { ok: true, model, metadata: merged.model.metadata ?? {}, fileOf: merged.fileOf, issues: located };
}
