/**
 * The server: routes a request by what its protocol's codec reads
 * (`X-Amz-Target` for awsJson, the path for rpcv2Cbor), checks its transport,
 * optionally its SigV4 signature, decodes and validates the input, calls the
 * implementation and encodes its output or error in the protocol's format.
 */
import { randomUUID } from "node:crypto";
import type { QueryParameterBag } from "@smithy/types";
import { SerializationError, ServiceException } from "../errors.js";
import { codecFor, type ProtocolCodec } from "../protocols/index.js";
import type { ServiceSchema } from "../schema.js";
import { type DeserializeOptions, deserializeStructure, serializeStructure } from "../serde.js";
import type { ServiceDescription } from "../service.js";
import { formatValidationMessage } from "../validation.js";
import { headerValue, type RequestHeaders } from "./request-headers.js";
import {
  RequestError,
  protocolErrorResponse,
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
  /** Never rejects: every failure becomes an error response in the protocol's format. */
  (request: JsonRpcRequest): Promise<JsonRpcResponse>;
  /** The protocol's media type. */
  readonly contentType: string;
  /** An error response in the protocol's format, for the errors a transport answers itself (413, 500). */
  readonly errorResponse: (statusCode: number, type: string, message: string) => JsonRpcResponse;
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
  const codec = codecFor(schema.protocol);
  const { contentType } = codec;
  const readOptions: DeserializeOptions = { format: codec.format };
  const routes = buildRoutes(description, implementation, codec);
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
      const route = routes.get(codec.routeOf(request) ?? "");
      if (route === undefined) {
        throw new RequestError(400, "UnknownOperationException", codec.unroutedMessage(schema, request));
      }
      operation = route.operation;
      const framing = codec.framingProblem(request);
      if (framing !== undefined) throw new RequestError(400, "InvalidRequestException", framing);
      const requestType = headerValue(request.headers, "content-type");
      if (!codec.acceptsContentType(requestType, bodyLength(request.body))) {
        throw new RequestError(
          415,
          "UnsupportedMediaTypeException",
          `Content-Type must be ${contentType}, got ${requestType === undefined ? "none" : `'${requestType}'`}`,
        );
      }
      if (route.handler === undefined) {
        throw new RequestError(501, "NotImplementedException", `Operation ${operation} is not implemented`);
      }
      const input = readInput(schema, codec, route, request.body, maxDepth, readOptions);
      const failures = route.validateInput(input);
      if (failures.length > 0) throw new RequestError(400, "ValidationException", formatValidationMessage(failures));
      let output: unknown;
      try {
        output = await route.handler(input as never, { requestId, operation, identity });
      } catch (error) {
        if (!(error instanceof ServiceException)) throw error;
        const modeled = route.errors.get(error.name);
        if (modeled !== undefined) return modeledErrorResponse(schema, codec, requestId, modeled, error);
        // A client fault the model does not list (ValidationException, ThrottlingException…):
        // the implementation named it, so the caller gets it as a 400 of that type.
        if (error.$fault === "client") throw new RequestError(400, error.name, error.message);
        throw error;
      }
      // An operation whose output is Unit answers with an empty body.
      return codec.successResponse(requestId, route.hasOutput ? route.writeOutput(output) : undefined);
    } catch (error) {
      if (error instanceof RequestError) return requestErrorResponse(codec, requestId, error);
      logger.error(`${schema.name}.${operation} failed (request ${requestId}):`, error);
      return codec.errorResponse(requestId, internal.statusCode, internal, messageBody(internal, INTERNAL_MESSAGE));
    }
  }

  const errorResponse = (statusCode: number, type: string, message: string) =>
    protocolErrorResponse(codec, randomUUID(), statusCode, type, message);
  return Object.assign(handle, { contentType, errorResponse });
}

function readInput(
  schema: ServiceSchema,
  codec: ProtocolCodec,
  route: Route,
  body: unknown,
  maxDepth: number,
  options: DeserializeOptions,
): Record<string, unknown> {
  const wire = codec.decodeRequest(body, maxDepth);
  try {
    return deserializeStructure(schema, route.input, wire, "", options);
  } catch (error) {
    if (error instanceof SerializationError) throw serializationError(error.message);
    throw error;
  }
}

function bodyLength(body: unknown): number {
  if (typeof body === "string") return body.length;
  return body instanceof Uint8Array ? body.byteLength : 0;
}

/**
 * `{"__type", ...members}`. The message travels in the shape's own `message`
 * or `Message` member when it models one, else in a `message` field.
 */
function modeledErrorResponse(
  schema: ServiceSchema,
  codec: ProtocolCodec,
  requestId: string,
  shape: ErrorShape,
  error: ServiceException,
): JsonRpcResponse {
  const members = serializeStructure(
    schema,
    shape.members,
    error as unknown as Record<string, unknown>,
    "server",
    codec.format,
  );
  if (Object.hasOwn(shape.members, "Message") && members.Message === undefined && error.message) {
    members.Message = error.message;
  }
  const modelsMessage = Object.hasOwn(shape.members, "Message") || Object.hasOwn(shape.members, "message");
  const body = modelsMessage ? members : { message: error.message || undefined, ...members };
  const response = codec.errorResponse(requestId, shape.statusCode, shape, body);
  if (schema.queryCompatible) {
    response.headers["x-amzn-query-error"] = `${shape.queryCode};${shape.statusCode >= 500 ? "Receiver" : "Sender"}`;
  }
  return response;
}

/** A framework-written error body; fills a modeled `Message` member too, as SDKs read either. */
function messageBody(shape: ErrorShape, message: string): Record<string, unknown> {
  return Object.hasOwn(shape.members, "Message") ? { message, Message: message } : { message };
}
