/** Structure and union members: AddedRequiredMember, ChangedMemberOrder. */
import { hasTrait, memberViews } from "../differences.js";
import { diffEvent } from "../event.js";
import { type Evaluator, withConsequence } from "./evaluator.js";

/**
 * ERROR for a new member of an existing structure that is `@required`
 * without `@default` (and not `@clientOptional`): old callers do not send it.
 */
export const addedRequiredMember: Evaluator = (d, { newTs }) =>
  d.added
    .filter((view) => view.member && d.oldModel.shapes.get(view.member.container)?.type === "structure")
    .filter((view) => d.newModel.shapes.get(view.member!.container)?.type === "structure")
    .filter(
      (view) =>
        hasTrait(view, "smithy.api#required") &&
        !hasTrait(view, "smithy.api#default") &&
        !hasTrait(view, "smithy.api#clientOptional"),
    )
    .map((view) => {
      const name = newTs.name(view.id);
      const consequence = newTs.isOptional(view)
        ? `\`${name}\` stays optional (members of operation inputs always are), but the generated validators and the server now reject input without it`
        : `\`${name}\` is a required property: code that builds a \`${newTs.name(view.member!.container)}\` without it no longer compiles`;
      return diffEvent(
        "AddedRequiredMember",
        "ERROR",
        view.id,
        withConsequence(`new member \`${view.member!.name}\` is @required and has no @default`, consequence),
      );
    });

/** DANGER when existing members change order (appending is fine): it matters where layout does, as in C. */
export const changedMemberOrder: Evaluator = (d) =>
  d.changed
    .filter(({ old, new: now }) => old.type === now.type && (now.type === "structure" || now.type === "union"))
    .filter(({ old, new: now }) => {
      const before = memberViews(old.id, old.shape!).map((m) => m.member!.name);
      const after = memberViews(now.id, now.shape!).map((m) => m.member!.name);
      return before.some((name, i) => i < after.length && after[i] !== name);
    })
    .map(({ new: now }) =>
      diffEvent(
        "ChangedMemberOrder",
        "DANGER",
        now.id,
        withConsequence(
          `the members of ${now.type} \`${now.id}\` were reordered or one was inserted before the end`,
          "none: properties are matched by name",
        ),
      ),
    );
