/** Precomputes, per route key (`X-Amz-Target` for awsJson, the path for rpcv2Cbor), everything a request to an operation needs. */
import type { MemberSchema, ServiceSchema, ShapeId, StructureShapeSchema } from "../schema.js";
import type { Body, ProtocolCodec } from "../protocols/index.js";
import type { ServiceDescription } from "../service.js";
import type { Validator } from "../validation.js";
import type { OperationHandler } from "./handler.js";

/** How a modeled error goes on the wire. */
export interface ErrorShape {
  /** The bare shape name: awsJson's `__type` and `X-Amzn-ErrorType`. */
  readonly type: string;
  /** The shape id, when the model defines the error: rpcv2Cbor's `__type`. */
  readonly id?: ShapeId;
  readonly statusCode: number;
  readonly members: Readonly<Record<string, MemberSchema>>;
  /** `aws.protocols#awsQueryError` code, else the shape name: for `x-amzn-query-error`. */
  readonly queryCode: string;
}

export interface Route {
  readonly operation: string;
  readonly input: Readonly<Record<string, MemberSchema>>;
  /** False when the output is `smithy.api#Unit`: the response body is empty. */
  readonly hasOutput: boolean;
  /** Writes the implementation's output as the response body. */
  readonly writeOutput: (output: unknown) => Body;
  readonly validateInput: Validator;
  /** Undefined when the implementation lacks the operation. */
  readonly handler: OperationHandler | undefined;
  /** The operation's modeled errors by shape name. */
  readonly errors: ReadonlyMap<string, ErrorShape>;
}

const NO_MEMBERS: Readonly<Record<string, MemberSchema>> = Object.freeze({});

export function buildRoutes(
  description: ServiceDescription,
  implementation: object,
  codec: ProtocolCodec,
): Map<string, Route> {
  const { schema } = description;
  const routes = new Map<string, Route>();
  for (const [name, operation] of Object.entries(schema.operations)) {
    const validators = description.validators[name];
    if (validators === undefined) throw new Error(`The service description has no validators for operation ${name}`);
    routes.set(codec.routeKey(schema, operation.name), {
      operation: operation.name,
      input: membersOf(schema, operation.input),
      hasOutput: operation.output !== undefined,
      writeOutput: codec.outputWriter(schema, membersOf(schema, operation.output)),
      validateInput: validators.input,
      handler: handlerOf(implementation, operation.name),
      errors: new Map(operation.errors.map((id) => [shapeName(id), errorShape(schema, id)])),
    });
  }
  return routes;
}

/** The model's own internal-failure error (a server error named `Internal…`), if it has one. */
export function internalErrorShape(schema: ServiceSchema): ErrorShape {
  const id = Object.keys(schema.shapes)
    .sort()
    .find((key) => {
      const shape = schema.shapes[key]!;
      return shape.type === "structure" && shape.error === "server" && shapeName(key).startsWith("Internal");
    });
  return id === undefined
    ? { type: "InternalServerError", statusCode: 500, members: NO_MEMBERS, queryCode: "InternalServerError" }
    : errorShape(schema, id);
}

function errorShape(schema: ServiceSchema, id: ShapeId): ErrorShape {
  const shape = structureOf(schema, id);
  const statusCode = shape.httpError ?? (shape.error === "server" ? 500 : 400);
  return {
    type: shapeName(id),
    id,
    statusCode,
    members: shape.members,
    queryCode: shape.queryErrorCode ?? shapeName(id),
  };
}

function membersOf(schema: ServiceSchema, id: ShapeId | undefined): Readonly<Record<string, MemberSchema>> {
  return id === undefined ? NO_MEMBERS : structureOf(schema, id).members;
}

function structureOf(schema: ServiceSchema, id: ShapeId): StructureShapeSchema {
  const shape = schema.shapes[id];
  if (shape?.type !== "structure") throw new Error(`Shape ${id} must be a structure in the service schema`);
  return shape;
}

/** Own or inherited (class) methods, but never `Object.prototype`'s. */
function handlerOf(implementation: object, operation: string): OperationHandler | undefined {
  const candidate = (implementation as Record<string, unknown>)[operation];
  if (typeof candidate !== "function" || candidate === (Object.prototype as Record<string, unknown>)[operation]) {
    return undefined;
  }
  return candidate.bind(implementation) as OperationHandler;
}

function shapeName(id: ShapeId): string {
  return id.slice(id.indexOf("#") + 1);
}
