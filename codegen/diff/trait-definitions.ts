/**
 * How a trait's changes are judged: its definition's `breakingChanges` rules
 * and `diff.*` tags, from the new model's own trait shapes, or from the
 * prelude for `smithy.api` traits.
 */
import type { AstShape } from "../load/ast.js";
import type { DiffModel } from "./differences.js";
import type { DiffSeverity } from "./event.js";
import { KNOWN_AUTH_SCHEMES, PRELUDE_TRAIT_RULES } from "./prelude-traits.js";

export type ChangeType = "add" | "remove" | "update" | "any" | "presence";

export interface BreakingChangeRule {
  /** JSON-pointer-like path into the trait value; absent: the whole value. */
  readonly path?: string;
  readonly change: ChangeType;
  /** Default ERROR. */
  readonly severity?: DiffSeverity;
  readonly message?: string;
}

export interface TraitDefinition {
  readonly breakingChanges: readonly BreakingChangeRule[];
  readonly tags: readonly string[];
  /** The trait's shape, when the model defines it (the prelude's are not shapes here). */
  readonly shape?: AstShape;
}

export const TRAIT_TRAIT = "smithy.api#trait";
const PRELUDE = "smithy.api#";

/** The definition of `traitId` that applies to `model`, if the trait is defined at all. */
export function traitDefinition(model: DiffModel, traitId: string): TraitDefinition | undefined {
  const shape = model.shapes.get(traitId);
  const definition = shape?.traits?.[TRAIT_TRAIT];
  if (shape && definition !== undefined) {
    const rules = (definition as { breakingChanges?: BreakingChangeRule[] } | null)?.breakingChanges;
    const tags = shape.traits?.["smithy.api#tags"];
    return {
      breakingChanges: Array.isArray(rules) ? rules : [],
      tags: Array.isArray(tags) ? tags.filter((t): t is string => typeof t === "string") : [],
      shape,
    };
  }
  if (!traitId.startsWith(PRELUDE)) return undefined;
  const rules = PRELUDE_TRAIT_RULES[traitId.slice(PRELUDE.length)];
  return rules === undefined ? undefined : { breakingChanges: rules, tags: [] };
}

/** Whether `traitId` is an authentication scheme in `model`. */
export function isAuthScheme(model: DiffModel, traitId: string): boolean {
  return (
    KNOWN_AUTH_SCHEMES.includes(traitId) ||
    model.shapes.get(traitId)?.traits?.["smithy.api#authDefinition"] !== undefined
  );
}
