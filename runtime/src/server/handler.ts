/**
 * The awsJson 1.0/1.1 server: routes a request by `X-Amz-Target`, checks its
 * transport, optionally its SigV4 signature, decodes and validates the input,
 * calls the implementation and encodes its output or error.
 */
import { randomUUID } from "node:crypto";
import type { QueryParameterBag } from "@smithy/types";
import { SerializationError, ServiceException } from "../errors.js";
import { contentTypeOf, type ServiceSchema } from "../schema.js";
import { deserializeStructure, serializeStructure } from "../serde.js";
import type { ServiceDescription } from "../service.js";
import { formatValidationMessage } from "../validation.js";
import { parseJsonObject } from "./request-body.js";
import { hasContentType, headerValue, type RequestHeaders } from "./request-headers.js";
import {
  RequestError,
  errorResponse,
  jsonResponse,
  requestErrorResponse,
  serializationError,
  type JsonRpcResponse,
} from "./responses.js";
import { buildRoutes, internalErrorShape, type ErrorShape, type Route } from "./routes.js";
import { createSigV4Verifier, type CallerIdentity } from "./sigv4.js";

/** What the handler reads of a request; a `@smithy/types` `HttpRequest` fits. */
export interface JsonRpcRequest {
  readonly method: string;
  /** Names in any case; lower-case ones (as node gives them) are found fastest. */
  readonly headers: RequestHeaders;
  /** A string or bytes; anything else is a programming error (500). */
  readonly body?: unknown;
  /** The request path without the query, as sent; only SigV4 reads it. Default `/`. */
  readonly path?: string;
  readonly query?: QueryParameterBag;
}

export interface RequestContext {
  readonly requestId: string;
  readonly operation: string;
  /** The verified caller; absent when the handler checks no signatures. */
  readonly identity?: CallerIdentity;
}

/**
 * One operation of an implementation. `never` lets any typed input through;
 * the handler only ever passes the decoded, validated input of the operation.
 */
export type OperationHandler = (input: never, context: RequestContext) => Promise<unknown>;

export interface HandlerOptions {
  /** Secret access keys by access key id. When set, every request must carry a valid SigV4 signature. */
  readonly credentials?: Readonly<Record<string, string>>;
  /** Deepest object/array nesting accepted in a request body. Default 64. */
  readonly maxDepth?: number;
  /** Receives unexpected failures, which the caller only sees as an internal error. Default `console`. */
  readonly logger?: Pick<Console, "error">;
}

export interface JsonRpcHandler {
  /** Never rejects: every failure becomes an awsJson error response. */
  (request: JsonRpcRequest): Promise<JsonRpcResponse>;
  /** The protocol's media type, for responses a transport writes itself. */
  readonly contentType: string;
}

const INTERNAL_MESSAGE = "An internal error occurred";

/**
 * @param implementation an object (or class instance) with one {@link OperationHandler}
 *   method per implemented operation, named like the operation. It is untyped here;
 *   the generated `create<Service>Handler` types it as the service's interface.
 */
export function createJsonRpcHandler(
  description: ServiceDescription,
  implementation: object,
  options: HandlerOptions = {},
): JsonRpcHandler {
  const { schema } = description;
  const contentType = contentTypeOf(schema.protocol);
  const routes = buildRoutes(description, implementation);
  const internal = internalErrorShape(schema);
  const verify = options.credentials && createSigV4Verifier(options.credentials, schema.signingName);
  const maxDepth = options.maxDepth ?? 64;
  const logger = options.logger ?? console;

  async function handle(request: JsonRpcRequest): Promise<JsonRpcResponse> {
    const requestId = randomUUID();
    let operation = "(unrouted)";
    try {
      if (request.method !== "POST") {
        throw new RequestError(405, "MethodNotAllowedException", `Method ${request.method} is not allowed; use POST`);
      }
      const identity = verify && (await verify(request));
      const route = routes.get(headerValue(request.headers, "x-amz-target") ?? "");
      if (route === undefined) throw unknownOperation(schema, headerValue(request.headers, "x-amz-target"));
      operation = route.operation;
      const requestType = headerValue(request.headers, "content-type");
      if (!hasContentType(requestType, contentType)) {
        throw new RequestError(
          415,
          "UnsupportedMediaTypeException",
          `Content-Type must be ${contentType}, got ${requestType === undefined ? "none" : `'${requestType}'`}`,
        );
      }
      if (route.handler === undefined) {
        throw new RequestError(501, "NotImplementedException", `Operation ${operation} is not implemented`);
      }
      const input = readInput(schema, route, request.body, maxDepth);
      const failures = route.validateInput(input);
      if (failures.length > 0) throw new RequestError(400, "ValidationException", formatValidationMessage(failures));
      let output: unknown;
      try {
        output = await route.handler(input as never, { requestId, operation, identity });
      } catch (error) {
        if (!(error instanceof ServiceException)) throw error;
        const modeled = route.errors.get(error.name);
        if (modeled !== undefined) return modeledErrorResponse(schema, contentType, requestId, modeled, error);
        // A client fault the model does not list (ValidationException, ThrottlingException…):
        // the implementation named it, so the caller gets it as a 400 of that type.
        if (error.$fault === "client") throw new RequestError(400, error.name, error.message);
        throw error;
      }
      // An operation whose output is Unit answers with an empty body.
      const body = route.hasOutput ? route.writeOutput(output) : "";
      return jsonResponse(contentType, requestId, body);
    } catch (error) {
      if (error instanceof RequestError) return requestErrorResponse(contentType, requestId, error);
      logger.error(`${schema.name}.${operation} failed (request ${requestId}):`, error);
      return errorResponse(
        contentType,
        requestId,
        internal.statusCode,
        internal.type,
        messageBody(internal, INTERNAL_MESSAGE),
      );
    }
  }

  return Object.assign(handle, { contentType });
}

function readInput(schema: ServiceSchema, route: Route, body: unknown, maxDepth: number): Record<string, unknown> {
  const json = parseJsonObject(body, maxDepth);
  try {
    return deserializeStructure(schema, route.input, json);
  } catch (error) {
    if (error instanceof SerializationError) throw serializationError(error.message);
    throw error;
  }
}

function unknownOperation(schema: ServiceSchema, target: string | undefined): RequestError {
  const message =
    target === undefined
      ? `Missing X-Amz-Target header; expected ${schema.name}.<Operation>`
      : `Operation '${target}' is not known to ${schema.name}`;
  return new RequestError(400, "UnknownOperationException", message);
}

/**
 * `{"__type", ...members}`. The message travels in the shape's own `message`
 * or `Message` member when it models one, else in a `message` field.
 */
function modeledErrorResponse(
  schema: ServiceSchema,
  contentType: string,
  requestId: string,
  shape: ErrorShape,
  error: ServiceException,
): JsonRpcResponse {
  const members = serializeStructure(schema, shape.members, error as unknown as Record<string, unknown>);
  if (Object.hasOwn(shape.members, "Message") && members.Message === undefined && error.message) {
    members.Message = error.message;
  }
  const modelsMessage = Object.hasOwn(shape.members, "Message") || Object.hasOwn(shape.members, "message");
  const body = modelsMessage ? members : { message: error.message || undefined, ...members };
  const response = errorResponse(contentType, requestId, shape.statusCode, shape.type, body);
  if (schema.queryCompatible) {
    response.headers["x-amzn-query-error"] = `${shape.queryCode};${shape.statusCode >= 500 ? "Receiver" : "Sender"}`;
  }
  return response;
}

/** A framework-written error body; fills a modeled `Message` member too, as SDKs read either. */
function messageBody(shape: ErrorShape, message: string): Record<string, unknown> {
  return Object.hasOwn(shape.members, "Message") ? { message, Message: message } : { message };
}
