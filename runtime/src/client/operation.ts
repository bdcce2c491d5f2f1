/** What a client precomputes per operation, on its first call. */
import type { MemberSchema, OperationSchema, ServiceSchema, ShapeId } from "../schema.js";

type Members = Readonly<Record<string, MemberSchema>>;

export interface OperationPlan {
  readonly operation: OperationSchema;
  /** Members of the input structure; undefined for `smithy.api#Unit`. */
  readonly input: Members | undefined;
  readonly output: Members | undefined;
}

export function planOperation(schema: ServiceSchema, name: string): OperationPlan {
  const operation = Object.hasOwn(schema.operations, name) ? schema.operations[name] : undefined;
  if (operation === undefined) throw new Error(`${schema.name} has no operation named ${JSON.stringify(name)}`);
  return {
    operation,
    input: membersOf(schema, operation.input),
    output: membersOf(schema, operation.output),
  };
}

/** The members of structure `id`; also used for error shapes. */
export function membersOf(schema: ServiceSchema, id: ShapeId | undefined): Members | undefined {
  if (id === undefined) return undefined;
  const shape = schema.shapes[id];
  if (shape?.type !== "structure") throw new Error(`Shape ${id} is not a structure in the service schema`);
  return shape.members;
}
