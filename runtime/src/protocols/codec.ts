/**
 * What differs between the protocols sjc speaks, behind one interface: the
 * client and the server pick a codec by the schema's `protocol` instead of
 * branching on it. A codec frames requests (path, headers), routes them,
 * encodes and decodes bodies, and shapes error responses.
 */
import type { MemberSchema, Protocol, ServiceSchema } from "../schema.js";
import type { WireFormat } from "../serde.js";
import type { RequestHeaders } from "../server/request-headers.js";

type Members = Readonly<Record<string, MemberSchema>>;

/** A body as the server writes it: JSON text, or bytes. */
export type Body = string | Uint8Array;

/** A response a codec builds; the server's `JsonRpcResponse`. */
export interface CodecResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: Body;
}

/** How a request names its operation, as the server sees it. */
export interface RoutedRequest {
  readonly headers: RequestHeaders;
  readonly path?: string;
}

export interface ProtocolCodec {
  readonly protocol: Protocol;
  /** The media type of request and response bodies. */
  readonly contentType: string;
  /** How scalars go on the wire, for the serde walkers. */
  readonly format: WireFormat;

  // ------------------------------------------------------------ client side
  /**
   * The request body of an input (`members` undefined: the input is Unit), or
   * undefined when the protocol sends no body for it.
   */
  encodeInput(schema: ServiceSchema, members: Members | undefined, input: object | undefined): Uint8Array | undefined;
  /** The request path: the endpoint's base path and what the protocol adds. */
  requestPath(basePath: string | undefined, schema: ServiceSchema, operation: string): string;
  /** The protocol's request headers (content type, routing). */
  requestHeaders(schema: ServiceSchema, operation: string, hasBody: boolean): Record<string, string>;
  /** A response body as an object; an empty body is `{}`. Throws a `SerializationError`. */
  decodeResponse(body: Uint8Array): Record<string, unknown>;

  // ------------------------------------------------------------ server side
  /** The key a request for `operation` is routed by. */
  routeKey(schema: ServiceSchema, operation: string): string;
  /** The route key a request names, if any. */
  routeOf(request: RoutedRequest): string | undefined;
  /** Why a request was not routed, for the `UnknownOperationException` message. */
  unroutedMessage(schema: ServiceSchema, request: RoutedRequest): string;
  /** Whether the request's media type is acceptable for a body of `bodyLength` bytes. */
  acceptsContentType(contentType: string | undefined, bodyLength: number): boolean;
  /** Why a request that names its operation is still not one of this protocol, if it is not. */
  framingProblem(request: RoutedRequest): string | undefined;
  /** A request body as an object (`{}` when empty), at most `maxDepth` deep. Throws a `RequestError`. */
  decodeRequest(body: unknown, maxDepth: number): Readonly<Record<string, unknown>>;
  /** Writes an operation's output (a typed value) as a response body. */
  outputWriter(schema: ServiceSchema, members: Members): (output: unknown) => Body;
  /** A 200 response with `body`; undefined: the output is Unit. */
  successResponse(requestId: string, body: Body | undefined): CodecResponse;
  /**
   * An error response. `type` is the error's shape name, `id` its shape id when
   * the model defines it; `members` are in this protocol's wire form.
   */
  errorResponse(
    requestId: string,
    statusCode: number,
    error: { readonly type: string; readonly id?: string },
    members: Readonly<Record<string, unknown>>,
  ): CodecResponse;
}
