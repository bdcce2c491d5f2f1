/**
 * Smithy RPC v2 CBOR: POST to `/service/{Service}/operation/{Operation}`
 * with `smithy-protocol: rpc-v2-cbor`, CBOR bodies (`@smithy/core/cbor`,
 * the encoder and decoder of SDK v3, after {@link preflightCbor}), and
 * errors named by `__type`, the error's shape id.
 */
import type { MemberSchema, ServiceSchema } from "../schema.js";
import { SerializationError } from "../errors.js";
import { serializeStructure } from "../serde.js";
import { cborLibrary } from "../platform/node.cjs";
import { hasContentType, headerValue } from "../server/request-headers.js";
import { serializationError } from "../server/responses.js";
import { CBOR_FORMAT, isTagged } from "./cbor-format.js";
import { CborFormatError, preflightCbor, restoreProtoKeys } from "./cbor-preflight.js";
import type { CodecResponse, ProtocolCodec } from "./codec.js";

const CONTENT_TYPE = "application/cbor";
const PROTOCOL_HEADER = "smithy-protocol";
const PROTOCOL_ID = "rpc-v2-cbor";
/** Responses nest as deep as the model allows; this only guards the recursive decoder. */
const RESPONSE_MAX_DEPTH = 512;
const EMPTY: Readonly<Record<string, unknown>> = Object.freeze({});
/** `…/service/{Service}/operation/{Operation}`, after any base path. */
const OPERATION_PATH = /\/service\/([^/]+)\/operation\/([^/]+)$/;

export function rpcv2CborCodec(): ProtocolCodec {
  // Loaded on first use, not when the codec is made (its content type is asked for alone).
  const cbor = { serialize: (value: unknown) => cborLibrary().serialize(value) };
  const encodeMembers = (
    schema: ServiceSchema,
    members: Readonly<Record<string, MemberSchema>>,
    value: unknown,
    writer: "client" | "server",
  ) => cbor.serialize(serializeStructure(schema, members, value as Record<string, unknown>, writer, CBOR_FORMAT));
  const headers = (requestId: string, hasBody: boolean): Record<string, string> => ({
    ...(hasBody ? { "content-type": CONTENT_TYPE } : {}),
    [PROTOCOL_HEADER]: PROTOCOL_ID,
    "x-amzn-requestid": requestId,
  });
  return {
    protocol: "rpcv2Cbor",
    contentType: CONTENT_TYPE,
    format: CBOR_FORMAT,

    // An operation without input sends no body.
    encodeInput: (schema, members, input) =>
      members === undefined ? undefined : encodeMembers(schema, members, input, "client"),
    requestPath(basePath, schema, operation) {
      const base = basePath?.endsWith("/") ? basePath.slice(0, -1) : (basePath ?? "");
      return `${base}/service/${schema.name}/operation/${operation}`;
    },
    requestHeaders: (_schema, _operation, hasBody) => ({
      [PROTOCOL_HEADER]: PROTOCOL_ID,
      accept: CONTENT_TYPE,
      ...(hasBody ? { "content-type": CONTENT_TYPE } : {}),
    }),
    decodeResponse(body) {
      if (body.length === 0) return {};
      let value: unknown;
      try {
        value = decodeCbor(body);
      } catch (error) {
        throw new SerializationError(`The response body is not valid CBOR: ${(error as Error).message}`);
      }
      if (!isMap(value)) throw new SerializationError(`The response body is not a CBOR map: ${describe(value)}`);
      return value;
    },

    routeKey: (schema, operation) => `${schema.name}/${operation}`,
    routeOf(request) {
      const match = OPERATION_PATH.exec(request.path ?? "");
      return match === null ? undefined : `${match[1]}/${match[2]}`;
    },
    unroutedMessage: (schema, request) =>
      `Path '${request.path ?? ""}' names no operation of ${schema.name}; expected /service/${schema.name}/operation/<Operation>`,
    // A request without a body (an operation without input) may leave the media type out.
    acceptsContentType: (value, bodyLength) => bodyLength === 0 || hasContentType(value, CONTENT_TYPE),
    framingProblem(request) {
      const value = headerValue(request.headers, PROTOCOL_HEADER);
      if (value === PROTOCOL_ID) return undefined;
      return value === undefined
        ? `Missing ${PROTOCOL_HEADER} header; expected ${PROTOCOL_ID}`
        : `${PROTOCOL_HEADER} must be ${PROTOCOL_ID}, got '${value}'`;
    },
    decodeRequest(body, maxDepth) {
      if (body == null) return EMPTY;
      if (!(body instanceof Uint8Array)) {
        throw new TypeError(`An rpcv2Cbor request body must be a Uint8Array, got ${typeof body}`);
      }
      if (body.length === 0) return EMPTY;
      let value: unknown;
      try {
        value = decodeCbor(body, maxDepth);
      } catch (error) {
        const why =
          error instanceof CborFormatError ? error.message : `the decoder failed: ${(error as Error).message}`;
        throw serializationError(`Request body is not valid CBOR: ${why}`);
      }
      if (!isMap(value)) throw serializationError(`Request body must be a CBOR map, found ${describe(value)}`);
      return value;
    },
    outputWriter: (schema, members) => (output) => encodeMembers(schema, members, output, "server"),
    successResponse: (requestId, body): CodecResponse => ({
      statusCode: 200,
      headers: headers(requestId, body !== undefined),
      body: body ?? "",
    }),
    errorResponse(requestId, statusCode, error, members): CodecResponse {
      const body: Record<string, unknown> = { __type: error.id ?? error.type };
      for (const [name, value] of Object.entries(members)) if (value !== undefined) body[name] = value;
      return { statusCode, headers: headers(requestId, true), body: cbor.serialize(body) };
    },
  };
}

/**
 * Any CBOR item as `@smithy/core/cbor` reads it (tags as `{ tag, value }`),
 * after {@link preflightCbor}. Throws a `CborFormatError` for a malformed body.
 */
export function decodeCbor(bytes: Uint8Array, maxDepth = RESPONSE_MAX_DEPTH): unknown {
  const prepared = preflightCbor(bytes, maxDepth);
  const value = cborLibrary().deserialize(prepared.bytes);
  return prepared.protoStandIn === undefined ? value : restoreProtoKeys(value, prepared.protoStandIn);
}

/** A decoded CBOR map: a plain object, not bytes, a list or a tag. */
function isMap(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Uint8Array) &&
    !isTagged(value)
  );
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (value instanceof Uint8Array) return "a byte string";
  return typeof value === "object" ? "a tag" : `a ${typeof value}`;
}
