/** What a handler answers, and the errors the protocol layer answers itself. */
import type { Body, ProtocolCodec } from "../protocols/index.js";

/** What a {@link JsonRpcHandler} returns; assignable to `@smithy/types` `HttpResponse`. */
export interface JsonRpcResponse {
  statusCode: number;
  /** Lower-case names; the node adapter adds `content-length` (and `connection` when closing). */
  headers: Record<string, string>;
  /** JSON text (awsJson) or bytes (rpcv2Cbor). */
  body: Body;
}

const decoder = new TextDecoder();

/** A response body as text: JSON as it is, bytes as UTF-8 (for logs and JSON protocols). */
export function bodyText(body: Body): string {
  return typeof body === "string" ? body : decoder.decode(body);
}

/** A request rejected before (or instead of) reaching the implementation. */
export class RequestError extends Error {
  constructor(
    readonly statusCode: number,
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

export function serializationError(message: string): RequestError {
  return new RequestError(400, "SerializationException", message);
}

/** A framework-written error (no modeled shape) in the protocol's format: its type and a `message`. */
export function protocolErrorResponse(
  codec: ProtocolCodec,
  requestId: string,
  statusCode: number,
  type: string,
  message: string,
): JsonRpcResponse {
  return codec.errorResponse(requestId, statusCode, { type }, { message });
}

export function requestErrorResponse(codec: ProtocolCodec, requestId: string, error: RequestError): JsonRpcResponse {
  const response = protocolErrorResponse(codec, requestId, error.statusCode, error.type, error.message);
  if (error.statusCode === 405) response.headers.allow = "POST";
  return response;
}
