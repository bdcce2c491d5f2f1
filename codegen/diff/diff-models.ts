/**
 * `sjc diff` as a pure function: two models in, the events of every
 * evaluator out, sorted. Loading stops at the loader's errors, located.
 */
import { type ModelSource, loadModel } from "../load/load-model.js";
import { type Issue, hasErrors } from "../validate/issue.js";
import { type DiffModel, computeDifferences, type Differences } from "./differences.js";
import { type DiffEvent, sortEvents } from "./event.js";
import { EVALUATORS } from "./evaluators/index.js";
import type { DiffContext } from "./evaluators/evaluator.js";
import { TypeScriptView } from "./typescript-view.js";

export type DiffLoad =
  { readonly ok: true; readonly model: DiffModel } | { readonly ok: false; readonly issues: readonly Issue[] };

/** Loads model files for a diff; `name` names the model as a whole in issues. */
export function loadDiffModel(sources: readonly ModelSource[], name: string): DiffLoad {
  const loaded = loadModel(sources, name);
  if (!loaded.ok) return loaded;
  if (hasErrors(loaded.issues)) return { ok: false, issues: loaded.issues };
  return { ok: true, model: { shapes: loaded.model.shapes, metadata: loaded.metadata } };
}

/** Every event from the old model to the new one, most severe first. */
export function diffModels(oldModel: DiffModel, newModel: DiffModel): DiffEvent[] {
  const context: DiffContext = {
    oldTs: new TypeScriptView(oldModel),
    newTs: new TypeScriptView(newModel),
    evaluate: (differences: Differences) => evaluate(differences, context),
  };
  return sortEvents(evaluate(computeDifferences(oldModel, newModel), context));
}

function evaluate(differences: Differences, context: DiffContext): DiffEvent[] {
  return Object.values(EVALUATORS).flatMap((evaluator) => evaluator(differences, context));
}
