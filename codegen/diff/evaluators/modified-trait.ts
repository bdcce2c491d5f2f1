/**
 * ModifiedTrait: traits added, removed or changed, judged by the trait's
 * `diff.*` tags; traits without tags or `breakingChanges` rules are a NOTE
 * when added or changed and a WARNING when removed; traits with rules are
 * left to TraitBreakingChange; a trait that is not defined at all is a
 * WARNING on any change. Ids: `ModifiedTrait.Add.<trait>`, `.Remove.`, `.Update.`.
 */
import type { NodeValue } from "../../load/ast.js";
import { type ChangedShape, traitChanges } from "../differences.js";
import { type DiffEvent, type DiffSeverity, diffEvent } from "../event.js";
import { showNode } from "../node-value.js";
import { traitDefinition } from "../trait-definitions.js";
import { type Evaluator, isEnumValue } from "./evaluator.js";

type Kind = "add" | "remove" | "update";

interface Strategy {
  readonly kinds: readonly Kind[];
  readonly severity: DiffSeverity;
}

/** Traits other evaluators judge: ChangedNullability (`required`), ChangedEnumTrait (`enum`), none (`box`, a 1.0 leftover). */
const JUDGED_ELSEWHERE = new Set(["smithy.api#box", "smithy.api#required", "smithy.api#enum"]);

const UNTAGGED: readonly Strategy[] = [
  { kinds: ["add", "update"], severity: "NOTE" },
  { kinds: ["remove"], severity: "WARNING" },
];

const UNDEFINED_TRAIT: readonly Strategy[] = [{ kinds: ["add", "remove", "update"], severity: "WARNING" }];

const TAGGED = /^diff\.(error|danger|warning)\.(add|remove|update|const)$/;

export const modifiedTrait: Evaluator = (d) =>
  d.changed.flatMap((change) =>
    [...traitChanges(change)].flatMap(([trait, [before, after]]) => {
      if (JUDGED_ELSEWHERE.has(trait)) return [];
      // An enum member's value is judged as a value, by ChangedEnumTrait.
      if (trait === "smithy.api#enumValue" && isEnumValue(d.newModel, change.new)) return [];
      return strategiesOf(d.newModel, trait).flatMap((s) => judge(change, trait, before, after, s));
    }),
  );

function strategiesOf(model: Parameters<typeof traitDefinition>[0], trait: string): readonly Strategy[] {
  const definition = traitDefinition(model, trait);
  if (!definition) return UNDEFINED_TRAIT;
  const tagged = definition.tags.flatMap((tag): Strategy[] => {
    const match = TAGGED.exec(tag);
    if (!match) return [];
    const kind = match[2] as Kind | "const";
    return [
      {
        kinds: kind === "const" ? ["add", "remove", "update"] : [kind],
        severity: match[1]!.toUpperCase() as DiffSeverity,
      },
    ];
  });
  if (tagged.length) return tagged;
  return definition.breakingChanges.length ? [] : UNTAGGED;
}

function judge(
  change: ChangedShape,
  trait: string,
  before: NodeValue | undefined,
  after: NodeValue | undefined,
  strategy: Strategy,
): DiffEvent[] {
  const kind: Kind = before === undefined ? "add" : after === undefined ? "remove" : "update";
  if (!strategy.kinds.includes(kind)) return [];
  const message =
    kind === "add"
      ? `trait \`${trait}\` was added: ${showNode(after)}`
      : kind === "remove"
        ? `trait \`${trait}\` was removed; it was ${showNode(before)}`
        : `trait \`${trait}\` changed from ${showNode(before)} to ${showNode(after)}`;
  const Kind = kind.charAt(0).toUpperCase() + kind.slice(1);
  return [diffEvent(`ModifiedTrait.${Kind}.${trait}`, strategy.severity, change.new.id, message)];
}
