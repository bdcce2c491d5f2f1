/** awsJson 1.0 and 1.1: POST to `/`, routed by `X-Amz-Target`, JSON bodies, `__type` naming the error shape. */
import type { Protocol, ServiceSchema } from "../schema.js";
import { SerializationError } from "../errors.js";
import { JSON_FORMAT, serializeStructure } from "../serde.js";
import { compileWireWriters, type WireWriters } from "../wire-writer.js";
import { parseJsonObject } from "../server/request-body.js";
import { hasContentType, headerValue } from "../server/request-headers.js";
import type { CodecResponse, ProtocolCodec } from "./codec.js";

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const EMPTY_OBJECT = encoder.encode("{}");

/** How many characters of an unparsable body an error message quotes. */
const QUOTED_BODY_LENGTH = 120;

export function awsJsonCodec(protocol: Extract<Protocol, "awsJson1_0" | "awsJson1_1">): ProtocolCodec {
  const contentType = protocol === "awsJson1_0" ? "application/x-amz-json-1.0" : "application/x-amz-json-1.1";
  // Compiled output writers, per schema, shared by the schema's operations.
  const writers = new WeakMap<ServiceSchema, WireWriters>();
  const headers = (requestId: string, extra?: Record<string, string>): Record<string, string> => ({
    "content-type": contentType,
    "x-amzn-requestid": requestId,
    ...extra,
  });
  return {
    protocol,
    contentType,
    format: JSON_FORMAT,

    encodeInput(schema, members, input) {
      if (members === undefined) return EMPTY_OBJECT;
      return encoder.encode(
        JSON.stringify(serializeStructure(schema, members, input as Record<string, unknown>, "client")),
      );
    },
    // awsJson posts to the endpoint's base path, which ends with a slash.
    requestPath: (basePath) => (basePath?.endsWith("/") ? basePath : `${basePath ?? ""}/`),
    requestHeaders(schema, operation) {
      const out: Record<string, string> = {
        "content-type": contentType,
        "x-amz-target": `${schema.name}.${operation}`,
      };
      if (schema.queryCompatible) out["x-amzn-query-mode"] = "true";
      return out;
    },
    decodeResponse: parseResponseJson,

    routeKey: (schema, operation) => `${schema.name}.${operation}`,
    routeOf: (request) => headerValue(request.headers, "x-amz-target"),
    unroutedMessage(schema, request) {
      const target = headerValue(request.headers, "x-amz-target");
      return target === undefined
        ? `Missing X-Amz-Target header; expected ${schema.name}.<Operation>`
        : `Operation '${target}' is not known to ${schema.name}`;
    },
    acceptsContentType: (value) => hasContentType(value, contentType),
    framingProblem: () => undefined,
    decodeRequest: parseJsonObject,
    outputWriter(schema, members) {
      let compiled = writers.get(schema);
      if (compiled === undefined) {
        compiled = compileWireWriters(schema, "server");
        writers.set(schema, compiled);
      }
      return compiled.structure(members);
    },
    successResponse: (requestId, body): CodecResponse => ({
      statusCode: 200,
      headers: headers(requestId),
      body: body ?? "",
    }),
    // `__type` is the bare shape name (botocore ignores `X-Amzn-ErrorType`, and AWS CLI v2 misreads a `:`-suffixed one).
    errorResponse: (requestId, statusCode, error, members): CodecResponse => ({
      statusCode,
      headers: headers(requestId, { "x-amzn-errortype": error.type }),
      body: JSON.stringify({ __type: error.type, ...members }),
    }),
  };
}

/** The body as a JSON object; an empty body is `{}`. */
function parseResponseJson(body: Uint8Array): Record<string, unknown> {
  const text = decoder.decode(body);
  if (text.trim() === "") return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new SerializationError(`The response body is not valid JSON: ${quote(text)}`);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new SerializationError(`The response body is not a JSON object: ${quote(text)}`);
  }
  return value as Record<string, unknown>;
}

function quote(text: string): string {
  return JSON.stringify(text.slice(0, QUOTED_BODY_LENGTH)) + (text.length > QUOTED_BODY_LENGTH ? "…" : "");
}
