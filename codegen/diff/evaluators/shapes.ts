/** Shapes that appear, disappear or change type: AddedShape, RemovedShape, ChangedShapeType. */
import type { Differences, ShapeView } from "../differences.js";
import { hasTrait } from "../differences.js";
import { type DiffEvent, diffEvent } from "../event.js";
import type { TypeScriptView } from "../typescript-view.js";
import { type Evaluator, isEnumValue, typeScriptKind, withConsequence } from "./evaluator.js";

/** Shapes whose removal breaks little: nothing refers to a scalar by name in generated code. */
const SCALAR_TYPES = new Set([
  "bigDecimal",
  "bigInteger",
  "blob",
  "boolean",
  "byte",
  "double",
  "float",
  "short",
  "timestamp",
  "long",
  "integer",
]);

const ENUM_TRAIT = "smithy.api#enum";

/** NOTE for each new shape or member; members of new shapes and enum values are not counted again. */
export const addedShape: Evaluator = (d) =>
  d.added
    .filter((view) => !(view.member && !d.oldModel.shapes.has(view.member.container)))
    .filter((view) => !isEnumValue(d.newModel, view))
    .map((view) => diffEvent("AddedShape", "NOTE", view.id, `${view.type} \`${view.id}\` was added`));

/**
 * ERROR for each removed shape or member (WARNING, `RemovedShape.ScalarShape`,
 * for scalars other than enums), unless it was `@private`; members of removed
 * shapes and enum values are not counted again.
 */
export const removedShape: Evaluator = (d, { oldTs }) =>
  d.removed
    .filter((view) => !hasTrait(view, "smithy.api#private"))
    .filter((view) => !(view.member && !d.newModel.shapes.has(view.member.container)))
    .filter((view) => !isEnumValue(d.oldModel, view))
    .map((view): DiffEvent => {
      const message = `${view.type} \`${view.id}\` was removed`;
      const scalar = SCALAR_TYPES.has(view.type) || (view.type === "string" && !hasTrait(view, ENUM_TRAIT));
      if (scalar) return diffEvent("RemovedShape.ScalarShape", "WARNING", view.id, message);
      return diffEvent("RemovedShape", "ERROR", view.id, withConsequence(message, removal(view, d, oldTs)));
    });

/** ERROR when a shape's type changes, except set → list with `@uniqueItems` and string with `@enum` → enum. */
export const changedShapeType: Evaluator = (d, { oldTs }) =>
  d.changed
    .filter(({ old, new: now }) => old.type !== now.type)
    .filter(
      ({ old, new: now }) => !(old.type === "set" && now.type === "list" && hasTrait(now, "smithy.api#uniqueItems")),
    )
    .filter(({ old, new: now }) => !(hasTrait(old, ENUM_TRAIT) && now.type === "enum"))
    .map(({ old, new: now }) =>
      diffEvent(
        "ChangedShapeType",
        "ERROR",
        now.id,
        withConsequence(
          `the type of \`${now.id}\` changed from ${old.type} to ${now.type}`,
          `values of \`${oldTs.name(now.id)}\` change from ${typeScriptKind(old.type)} to ${typeScriptKind(now.type)}: code written for the old type may no longer compile`,
        ),
      ),
    );

function removal(view: ShapeView, d: Differences, ts: TypeScriptView): string | undefined {
  if (view.member) {
    const container = d.oldModel.shapes.get(view.member.container)?.type;
    return container === "structure" || container === "union"
      ? `\`${ts.name(view.id)}\` is gone: code that reads or sets it no longer compiles`
      : undefined;
  }
  if (view.type === "operation") return `${ts.operation(view.id)} are gone: code that uses them no longer compiles`;
  if (["structure", "union", "enum", "intEnum"].includes(view.type)) {
    return `\`${ts.name(view.id)}\` is no longer exported: code that imports it no longer compiles`;
  }
  return undefined;
}
