/**
 * ChangedNullability: whether a client may see a member unset must not
 * change, in either direction. The event id's suffix says which change did
 * it (`ChangedNullability.AddedRequiredTrait`, `….RemovedInputTrait`, …).
 */
import type { ChangedShape, DiffModel, ShapeView } from "../differences.js";
import { hasTrait, memberViews } from "../differences.js";
import { type DiffEvent, type DiffSeverity, diffEvent } from "../event.js";
import type { TypeScriptView } from "../typescript-view.js";
import { type DiffContext, type Evaluator, withConsequence } from "./evaluator.js";

const REQUIRED = "smithy.api#required";
const DEFAULT = "smithy.api#default";
const CLIENT_OPTIONAL = "smithy.api#clientOptional";
const INPUT = "smithy.api#input";

export const changedNullability: Evaluator = (d, context) => {
  const events: DiffEvent[] = [];
  for (const change of [...changedMembers(d.changed), ...membersOfChangedInputs(d.changed)]) {
    const before = isNullable(d.oldModel, change.old);
    const after = isNullable(d.newModel, change.new);
    if (before !== after) events.push(...explain(d.oldModel, d.newModel, change, before, context));
  }
  return events;
};

/** Smithy 2.0 nullability as a client sees it. */
function isNullable(model: DiffModel, member: ShapeView): boolean {
  const container = model.shapes.get(member.member!.container);
  switch (container?.type) {
    case "structure": {
      if (hasTrait(member, CLIENT_OPTIONAL) || hasTrait(container, INPUT)) return true;
      if (hasTrait(member, REQUIRED)) return false;
      return member.traits[DEFAULT] === undefined || member.traits[DEFAULT] === null;
    }
    case "map":
      return member.member!.name !== "key" && hasTrait(container, "smithy.api#sparse");
    case "list":
      return hasTrait(container, "smithy.api#sparse");
    default:
      return false;
  }
}

function explain(
  oldModel: DiffModel,
  newModel: DiffModel,
  change: ChangedShape,
  wasNullable: boolean,
  { oldTs, newTs }: DiffContext,
): DiffEvent[] {
  const { old, new: now } = change;
  const container = now.member!.container;
  const from = wasNullable ? "nullable" : "non-nullable";
  const to = wasNullable ? "non-nullable" : "nullable";
  const consequence = typeScript(change, oldTs, newTs);
  const events: DiffEvent[] = [];
  const emit = (severity: DiffSeverity, suffix: string | undefined, why: string) =>
    events.push(
      diffEvent(
        suffix ? `ChangedNullability.${suffix}` : "ChangedNullability",
        severity,
        now.id,
        withConsequence(`member \`${now.member!.name}\` was ${from} and is now ${to}${why}`, consequence),
      ),
    );
  const added = (trait: string) => !hasTrait(old, trait) && hasTrait(now, trait);
  const removed = (trait: string) => hasTrait(old, trait) && !hasTrait(now, trait);
  const inBoth = (trait: string) => hasTrait(old, trait) && hasTrait(now, trait);
  const wasInput = hasTrait(oldModel.shapes.get(old.member!.container), INPUT);
  const isInput = hasTrait(newModel.shapes.get(container), INPUT);
  const targetType = newModel.shapes.get(now.member!.target)?.type;
  const aggregate = targetType === "structure" || targetType === "union";
  if (wasInput && !isInput) emit("ERROR", "RemovedInputTrait", `: @input was removed from \`${container}\``);
  else if (!wasInput && isInput) emit("DANGER", "AddedInputTrait", `: @input was added to \`${container}\``);
  else if (!wasInput && !isInput) {
    if (added(CLIENT_OPTIONAL) && inBoth(REQUIRED)) {
      emit("ERROR", "AddedClientOptionalTrait", ": @clientOptional was added to a @required member");
    } else if (removed(CLIENT_OPTIONAL) && inBoth(REQUIRED)) {
      emit("ERROR", "RemovedClientOptionalTrait", ": @clientOptional was removed from a @required member");
    } else if (added(REQUIRED) && !hasTrait(now, CLIENT_OPTIONAL)) {
      if (aggregate) {
        emit(
          "WARNING",
          "AddedRequiredTrait.StructureOrUnion",
          `: @required was added; it targets a ${targetType}, which generators that keep structures and unions optional (AWS's) do not mind`,
        );
      } else emit("ERROR", "AddedRequiredTrait", ": @required was added");
    }
    if (added(DEFAULT) && !removed(REQUIRED)) {
      emit("ERROR", "AddedDefaultTrait", ": @default was added to a member that was not @required");
    }
    if (removed(REQUIRED) && !hasTrait(now, DEFAULT) && !hasTrait(old, CLIENT_OPTIONAL)) {
      if (aggregate) {
        emit(
          "WARNING",
          "RemovedRequiredTrait.StructureOrUnion",
          `: @required was removed; it targets a ${targetType}, which generators that keep structures and unions optional (AWS's) do not mind`,
        );
      } else emit("ERROR", "RemovedRequiredTrait", ": @required was removed without a @default and @addedDefault");
    }
  }
  if (inBoth(DEFAULT)) {
    const oldNull = old.traits[DEFAULT] === null;
    const newNull = now.traits[DEFAULT] === null;
    if (!oldNull && newNull) emit("ERROR", "AddedNullDefault", ": its @default became null");
    else if (oldNull && !newNull) emit("ERROR", "RemovedNullDefault", ": its @default is no longer null");
  }
  if (events.length === 0) emit("ERROR", undefined, "");
  return events;
}

/** What the generated property's optionality does, if anything. */
function typeScript({ old, new: now }: ChangedShape, oldTs: TypeScriptView, newTs: TypeScriptView): string {
  const name = newTs.name(now.id);
  const before = oldTs.isOptional(old);
  const after = newTs.isOptional(now);
  if (before && !after) {
    return `\`${name}\` is no longer optional: code that builds a \`${newTs.name(now.member!.container)}\` without it no longer compiles`;
  }
  if (!before && after) return `\`${name}\` becomes optional: code that reads it as always set no longer compiles`;
  return newTs.isInput(now.member!.container)
    ? `\`${name}\` stays optional (members of operation inputs always are), but the generated validators and the server apply the new rule`
    : `\`${name}\` keeps its type`;
}

const changedMembers = (changed: readonly ChangedShape[]) =>
  changed.filter(({ old, new: now }) => old.member !== undefined && now.member !== undefined);

/** Members present before and after in structures that gained or lost @input. */
function membersOfChangedInputs(changed: readonly ChangedShape[]): ChangedShape[] {
  return changed
    .filter(({ old, new: now }) => old.type === "structure" && now.type === "structure")
    .filter(({ old, new: now }) => hasTrait(old, INPUT) !== hasTrait(now, INPUT))
    .flatMap(({ old, new: now }) => {
      const before = new Map(memberViews(old.id, old.shape!).map((m) => [m.member!.name, m]));
      return memberViews(now.id, now.shape!).flatMap((m) => {
        const was = before.get(m.member!.name);
        return was ? [{ old: was, new: m }] : [];
      });
    });
}
