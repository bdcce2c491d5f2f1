/**
 * The generated package as its users see it, for naming what a change means
 * in TypeScript: exported names (as `index/names.ts` decides them), which
 * properties are optional, and which structures are operation inputs.
 */
import { WAITABLE } from "../index/waiters.js";
import type { AstShape } from "../load/ast.js";
import { collectOperations } from "../index/shape-index.js";
import { type Names, decideNames, lowerFirst, pascalCase, shapeName } from "../index/names.js";
import { RESERVED_WORDS } from "../index/reserved-words.js";
import { UNIT } from "../index/prelude.js";
import { streamingMember } from "../index/streaming.js";
import type { DiffModel, ShapeView } from "./differences.js";

interface ServiceNames {
  readonly names: Names;
  /** Data shapes that get a generated name. */
  readonly closure: ReadonlySet<string>;
}

/** Names the generator gives its own symbols; a shape named so gets another name. */
const GENERATED_SYMBOL =
  /(Command|CommandInput|CommandOutput|Client|ClientConfig|ServiceException|Service|Handler|Server)$|^paginate|^create/;

export class TypeScriptView {
  #service: ServiceNames | undefined | null = null;
  #inputs: Set<string> | undefined;
  #renames: Map<string, string> | undefined;
  /** Shape names (without trailing `_`) → how many shapes could claim them; and the services' own names. */
  #claims: { names: Map<string, number>; services: Set<string> } | undefined;

  constructor(private readonly model: DiffModel) {}

  /** The exported TypeScript name of a shape (members: `Shape.member`). */
  name(id: string): string {
    const [shapeId, member] = id.split("$") as [string, string | undefined];
    const own = this.rename(shapeId) ?? shapeName(shapeId);
    const service = this.unclaimed(own) ? undefined : this.service();
    const base = service?.closure.has(shapeId) ? service.names.shape(shapeId) : own;
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
    if (this.#renames === undefined) {
      this.#renames = new Map();
      for (const shape of this.model.shapes.values()) {
        if (shape.type === "service")
          for (const [from, to] of Object.entries(shape.rename ?? {})) this.#renames.set(from, to);
      }
    }
    return this.#renames.get(id);
  }

  /**
   * Whether `index/names.ts` must keep `name` as it is: no reserved word, no
   * generated symbol, and no other shape that could claim it first. Only
   * then is the full naming (the service closure, in id order) skipped.
   */
  private unclaimed(name: string): boolean {
    if (this.#claims === undefined) {
      const names = new Map<string, number>();
      const services = new Set<string>();
      for (const [id, shape] of this.model.shapes) {
        const base = withoutSuffix(this.rename(id) ?? shapeName(id));
        names.set(base, (names.get(base) ?? 0) + 1);
        if (shape.type === "service") {
          const aws = shape.traits?.["aws.api#service"] as { sdkId?: string } | undefined;
          services.add(pascalCase(aws?.sdkId ?? shapeName(id)));
        }
      }
      this.#claims = { names, services };
    }
    const { names, services } = this.#claims;
    return (
      !RESERVED_WORDS.has(name) &&
      !GENERATED_SYMBOL.test(name) &&
      !services.has(name) &&
      (names.get(withoutSuffix(name)) ?? 0) <= 1
    );
  }

  /**
   * The names the generator gives the data shapes of the model's only
   * service: the operations it generates (not those with event streams) and
   * every shape their inputs, outputs and errors reach, as the shape index
   * collects them.
   */
  private service(): ServiceNames | undefined {
    if (this.#service !== null) return this.#service;
    const services = [...this.model.shapes].filter(([, s]) => s.type === "service");
    this.#service = undefined;
    if (services.length !== 1) return undefined;
    const [serviceId, service] = services[0]!;
    const flat = { shapes: this.model.shapes, own: [] };
    const operations = collectOperations(flat, service)
      .map((id) => [id, this.model.shapes.get(id)] as const)
      .filter(
        (entry): entry is readonly [string, AstShape] => entry[1] !== undefined && !streamingMember(flat, entry[1]),
      );
    const closure = new Set<string>();
    const pending = operations.flatMap(([, op]) => [
      op.input,
      op.output,
      ...(op.errors ?? []),
      ...(service.errors ?? []),
    ]);
    while (pending.length) {
      const id = pending.pop()?.target;
      const shape = id === undefined ? undefined : this.model.shapes.get(id);
      if (id === undefined || id === UNIT || closure.has(id) || !shape) continue;
      closure.add(id);
      if (shape.type === "enum" || shape.type === "intEnum") continue;
      for (const member of Object.values(shape.members ?? {})) pending.push(member);
      for (const member of [shape.member, shape.key, shape.value]) if (member) pending.push(member);
    }
    const aws = service.traits?.["aws.api#service"] as { sdkId?: string } | undefined;
    const names = decideNames({
      sdkId: aws?.sdkId ?? shapeName(serviceId),
      operations: operations.map(([id]) => service.rename?.[id] ?? shapeName(id)),
      waiters: operations.flatMap(([, op]) => Object.keys(op.traits?.[WAITABLE] ?? {}).sort()),
      shapes: [...closure].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
    });
    this.#service = { names, closure };
    return this.#service;
  }
}

/** `Name__` → `Name`: the names' collision suffix removed. */
function withoutSuffix(name: string): string {
  let end = name.length;
  while (end > 0 && name.charCodeAt(end - 1) === 95) end--;
  return end === name.length ? name : name.slice(0, end);
}
