/** awsJson response bodies, and the errors the protocol layer answers itself. */

/** What a {@link JsonRpcHandler} returns; assignable to `@smithy/types` `HttpResponse`. */
export interface JsonRpcResponse {
  statusCode: number;
  /** Lower-case names; the node adapter adds `content-length` (and `connection` when closing). */
  headers: Record<string, string>;
  /** JSON text. */
  body: string;
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

/** A successful response carrying `body`. */
export function jsonResponse(contentType: string, requestId: string, body: string): JsonRpcResponse {
  return { statusCode: 200, headers: { "content-type": contentType, "x-amzn-requestid": requestId }, body };
}

/**
 * An awsJson error: `__type` is the bare shape name (botocore ignores
 * `X-Amzn-ErrorType`, and AWS CLI v2 misreads a `:`-suffixed one).
 */
export function errorResponse(
  contentType: string,
  requestId: string,
  statusCode: number,
  type: string,
  body: Readonly<Record<string, unknown>>,
): JsonRpcResponse {
  return {
    statusCode,
    headers: { "content-type": contentType, "x-amzn-requestid": requestId, "x-amzn-errortype": type },
    body: JSON.stringify({ __type: type, ...body }),
  };
}

export function requestErrorResponse(contentType: string, requestId: string, error: RequestError): JsonRpcResponse {
  const response = errorResponse(contentType, requestId, error.statusCode, error.type, { message: error.message });
  if (error.statusCode === 405) response.headers.allow = "POST";
  return response;
}
