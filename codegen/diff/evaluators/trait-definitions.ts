/** Trait definitions that appear or disappear: AddedTraitDefinition, RemovedTraitDefinition. */
import { hasTrait } from "../differences.js";
import { diffEvent } from "../event.js";
import { TRAIT_TRAIT } from "../trait-definitions.js";
import type { Evaluator } from "./evaluator.js";

/** NOTE: a new trait can be applied from now on. */
export const addedTraitDefinition: Evaluator = (d) =>
  d.added
    .filter((view) => hasTrait(view, TRAIT_TRAIT))
    .map((view) => diffEvent("AddedTraitDefinition", "NOTE", view.id, `trait \`${view.id}\` is now defined`));

/** ERROR: models that apply the trait no longer load. */
export const removedTraitDefinition: Evaluator = (d) =>
  d.removed
    .filter((view) => hasTrait(view, TRAIT_TRAIT))
    .map((view) =>
      diffEvent(
        "RemovedTraitDefinition",
        "ERROR",
        view.id,
        `trait \`${view.id}\` is no longer defined: models that apply it no longer load`,
      ),
    );
