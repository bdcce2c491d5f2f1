/**
 * The generated package as its users see it, for naming what a change means
 * in TypeScript: exported names (as `index/names.ts` decides them, through
 * the shape index, when the model is one the generator accepts), which
 * properties are optional, and which structures are operation inputs.
 */
import { buildShapeIndex, type ShapeIndex } from "../index/shape-index.js";
import { lowerFirst, shapeName } from "../index/names.js";
import type { DiffModel, ShapeView } from "./differences.js";

export class TypeScriptView {
  #index: ShapeIndex | undefined | null = null;
  #inputs: Set<string> | undefined;

  constructor(private readonly model: DiffModel) {}

  /** The exported TypeScript name of a shape (members: `Shape.member`). */
  name(id: string): string {
    const [shapeId, member] = id.split("$") as [string, string | undefined];
    const index = this.index();
    const inClosure = index?.shapes.some((s) => s.id === shapeId);
    const base = inClosure ? index!.names.shape(shapeId) : (this.rename(shapeId) ?? shapeName(shapeId));
    return member === undefined ? base : `${base}.${member}`;
  }

  /** `FooCommand`, `client.foo()` and the server's `Foo` handler of an operation. */
  operation(id: string): string {
    const name = this.rename(id) ?? shapeName(id);
    return `\`${name}Command\`, \`${lowerFirst(name)}()\` and the server's \`${name}\` handler`;
  }

  /** Whether a structure is an operation's input (`@input`, or named as one). */
  isInput(id: string): boolean {
    this.#inputs ??= new Set(
      [...this.model.shapes.values()].flatMap((s) => (s.type === "operation" && s.input ? [s.input.target] : [])),
    );
    return this.#inputs.has(id) || this.model.shapes.get(id)?.traits?.["smithy.api#input"] !== undefined;
  }

  /**
   * Whether the generated property is optional (`?`): always in inputs and
   * outside structures; otherwise unless `@required` or a non-null default
   * makes it always set, and `@clientOptional` does not undo that.
   */
  isOptional(member: ShapeView): boolean {
    const container = member.member!.container;
    if (this.model.shapes.get(container)?.type !== "structure" || this.isInput(container)) return true;
    const traits = member.traits;
    if (traits["smithy.api#clientOptional"] !== undefined) return true;
    const withDefault = traits["smithy.api#default"] !== undefined && traits["smithy.api#default"] !== null;
    return !(traits["smithy.api#required"] !== undefined || withDefault);
  }

  private rename(id: string): string | undefined {
    for (const shape of this.model.shapes.values()) {
      if (shape.type === "service" && shape.rename?.[id] !== undefined) return shape.rename[id];
    }
    return undefined;
  }

  /** The shape index of the model's only service, if it has one the generator can index. */
  private index(): ShapeIndex | undefined {
    if (this.#index !== null) return this.#index;
    const services = [...this.model.shapes].filter(([, s]) => s.type === "service").map(([id]) => id);
    this.#index = undefined;
    if (services.length === 1) {
      try {
        this.#index = buildShapeIndex({ shapes: this.model.shapes, own: [] }, services[0]!);
      } catch {
        // An unvalidated model (a dangling target, say): names fall back to the shape's own name.
      }
    }
    return this.#index;
  }
}
