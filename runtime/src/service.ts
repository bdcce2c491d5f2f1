/** What a generated package hands to the runtime client and server. */
import type { EndpointRules } from "./client/endpoints.js";
import type { ServiceException, ServiceExceptionOptions } from "./errors.js";
import type { ServiceSchema, ShapeId } from "./schema.js";
import type { Validator } from "./validation.js";

// A modeled error's constructor takes its own option type; the runtime only
// ever calls it with deserialised members, so `any` is the honest parameter type.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ErrorConstructor = new (options: any) => ServiceException;

export interface OperationValidators {
  /** Checks a typed input (what a client sends, what a server receives). */
  readonly input: Validator;
  /** Checks a typed output. */
  readonly output: Validator;
}

export interface ServiceDescription {
  readonly schema: ServiceSchema;
  /** Modeled error classes keyed by absolute shape id. */
  readonly errors: Readonly<Record<ShapeId, ErrorConstructor>>;
  /** The service's base exception, used for errors the model does not name. */
  readonly baseException: new (options: ServiceExceptionOptions) => ServiceException;
  /** Validators keyed by operation name. */
  readonly validators: Readonly<Record<string, OperationValidators>>;
  /** The model's endpoint rule set; without one, endpoints follow `endpointPrefix`. */
  readonly endpointRules?: EndpointRules;
}
