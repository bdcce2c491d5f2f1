/**
 * ChangedEnumTrait: the values of an enum, whether they come from a string's
 * `@enum` trait or, in Smithy 2.0, from the members of an enum or intEnum
 * shape (each member is a value, its name the value's name). Removing or
 * renaming a value, or inserting one before the end, is an ERROR; appending
 * one is a NOTE. Ids end in the value's position: `ChangedEnumTrait.Removed.3`.
 */
import type { NodeValue } from "../../load/ast.js";
import type { ChangedShape, ShapeView } from "../differences.js";
import { hasTrait, memberViews } from "../differences.js";
import { type DiffEvent, diffEvent } from "../event.js";
import { sameNode, showNode } from "../node-value.js";
import type { TypeScriptView } from "../typescript-view.js";
import { type Evaluator, withConsequence } from "./evaluator.js";

const ENUM_TRAIT = "smithy.api#enum";

interface EnumValue {
  readonly value: NodeValue;
  readonly name?: string;
}

export const changedEnumTrait: Evaluator = (d, { oldTs }) =>
  d.changed.flatMap((change) => {
    const before = valuesOf(change.old);
    const after = valuesOf(change.new);
    if (!before || !after || sameNode(before, after)) return [];
    // enum ↔ intEnum is ChangedShapeType's.
    if (isEnumShape(change.old) && isEnumShape(change.new) && change.old.type !== change.new.type) return [];
    if (!(isEnumShape(change.new) || hasTrait(change.new, ENUM_TRAIT))) return [];
    return compare(change, before, after, oldTs);
  });

function compare(
  change: ChangedShape,
  before: readonly EnumValue[],
  after: readonly EnumValue[],
  ts: TypeScriptView,
): DiffEvent[] {
  const id = change.new.id;
  const generated = isEnumShape(change.old);
  const constant = (name: string | undefined) => (generated && name ? `\`${ts.name(id)}.${name}\`` : undefined);
  const events: DiffEvent[] = [];
  let lastOld = before.length - 1;
  before.forEach((old, i) => {
    const found = after.find((v) => sameNode(v.value, old.value));
    if (found === undefined) {
      const gone = constant(old.name);
      events.push(
        diffEvent(
          `ChangedEnumTrait.Removed.${i}`,
          "ERROR",
          id,
          withConsequence(
            `enum value ${showNode(old.value)} was removed`,
            gone && `${gone} is gone: code that uses it no longer compiles`,
          ),
        ),
      );
      lastOld--;
    } else if (found.name !== old.name) {
      const renamed = constant(old.name);
      events.push(
        diffEvent(
          `ChangedEnumTrait.NameChanged.${i}`,
          "ERROR",
          id,
          withConsequence(
            `the name of enum value ${showNode(old.value)} changed from \`${old.name ?? "(none)"}\` to \`${found.name ?? "(none)"}\``,
            renamed &&
              `${renamed} is now \`${ts.name(id)}.${found.name}\`: code that uses the old name no longer compiles`,
          ),
        ),
      );
    }
  });
  after.forEach((value, position) => {
    if (before.some((v) => sameNode(v.value, value.value))) return;
    if (position <= lastOld) {
      events.push(
        diffEvent(
          `ChangedEnumTrait.OrderChanged.${position}`,
          "ERROR",
          id,
          withConsequence(
            `enum value ${showNode(value.value)} was inserted before the end of the existing values, which breaks code that relies on their positions`,
            "none: values are compared as values, not by position",
          ),
        ),
      );
      lastOld++;
    } else {
      events.push(
        diffEvent(
          `ChangedEnumTrait.Appended.${position}`,
          "NOTE",
          id,
          `enum value ${showNode(value.value)} was appended`,
        ),
      );
    }
  });
  return events;
}

const isEnumShape = (view: ShapeView): boolean => view.type === "enum" || view.type === "intEnum";

/** A shape's enum values in order, or undefined when it has none. */
function valuesOf(view: ShapeView): EnumValue[] | undefined {
  if (isEnumShape(view)) {
    return memberViews(view.id, view.shape!).map((m) => ({
      value: m.traits["smithy.api#enumValue"] ?? m.member!.name,
      name: m.member!.name,
    }));
  }
  const trait = view.traits[ENUM_TRAIT];
  if (!Array.isArray(trait)) return undefined;
  return trait.map((definition) => {
    const { value, name } = (definition ?? {}) as { value?: NodeValue; name?: string };
    return { value: value ?? null, ...(typeof name === "string" ? { name } : {}) };
  });
}
