/** What every evaluator is: a function of the differences to the events it decides. */
import type { Differences, DiffModel, ShapeView } from "../differences.js";
import type { DiffEvent } from "../event.js";
import type { TypeScriptView } from "../typescript-view.js";

export interface DiffContext {
  /** The package generated from the old model, and from the new one. */
  readonly oldTs: TypeScriptView;
  readonly newTs: TypeScriptView;
  /** Runs every evaluator on other differences (ChangedMemberTarget compares two targets so). */
  readonly evaluate: (differences: Differences) => DiffEvent[];
}

export type Evaluator = (differences: Differences, context: DiffContext) => DiffEvent[];

/** The message, then what it means for the generated TypeScript, when it means something. */
export const withConsequence = (message: string, consequence: string | undefined): string =>
  consequence === undefined ? message : `${message}; TypeScript: ${consequence}`;

/** Whether a member belongs to an enum or intEnum: such members are compared as enum values. */
export function isEnumValue(model: DiffModel, view: ShapeView): boolean {
  const type = view.member && model.shapes.get(view.member.container)?.type;
  return type === "enum" || type === "intEnum";
}

/** How the generated code types a shape of this type, in a few words. */
export function typeScriptKind(type: string): string {
  switch (type) {
    case "string":
      return "`string`";
    case "enum":
      return "a string enum";
    case "intEnum":
      return "a number enum";
    case "boolean":
      return "`boolean`";
    case "timestamp":
      return "`Date`";
    case "blob":
      return "`Uint8Array`";
    case "document":
      return "`DocumentType`";
    case "list":
    case "set":
      return "an array";
    case "map":
      return "a `Record`";
    case "structure":
      return "an interface";
    case "union":
      return "a union type";
    default:
      return ["byte", "short", "integer", "long", "float", "double", "bigInteger", "bigDecimal"].includes(type)
        ? "`number`"
        : `a ${type}`;
  }
}
