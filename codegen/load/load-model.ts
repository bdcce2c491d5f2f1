/**
 * Model files to one loaded model: load each (JSON AST or IDL) and merge them
 * (load-sources.ts), then flatten mixins. Load and merge errors stop it;
 * issues name the file of the shape they concern.
 */
import type { NodeValue } from "./ast.js";
import { type ModelSource, loadSources } from "./load-sources.js";
import { type FlatModel, flattenModel } from "../index/flatten.js";
import { type Issue, hasErrors } from "../validate/issue.js";

export type { ModelSource };

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
  const merged = loadSources(sources);
  if (hasErrors(merged.issues)) return { ok: false, issues: merged.issues };
  const { model, issues } = flattenModel(merged.model.shapes, modelPath);
  const located = issues.map((issue) =>
    issue.file === modelPath ? { ...issue, file: merged.fileOf(issue.shapeId) } : issue,
  );
  return { ok: true, model, metadata: merged.model.metadata ?? {}, fileOf: merged.fileOf, issues: located };
}
