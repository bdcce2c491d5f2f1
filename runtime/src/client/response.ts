/** Turns an HTTP response, decoded by the protocol's codec, into an operation's output or a thrown exception. */
import type { HeaderBag, MetadataBearer, ResponseMetadata } from "@smithy/types";
import { SerializationError, type ServiceException } from "../errors.js";
import type { ProtocolCodec } from "../protocols/index.js";
import { type DeserializeOptions, deserializeStructure } from "../serde.js";

/** Clients correct for a service that leaves out required members. */
const CLIENT_READ: DeserializeOptions = { errorCorrection: true };
import type { ServiceDescription } from "../service.js";
import { membersOf, type OperationPlan } from "./operation.js";

/** A 2xx response: its members typed, unknown members dropped, `$metadata` added. */
export function toOutput(
  description: ServiceDescription,
  codec: ProtocolCodec,
  plan: OperationPlan,
  bytes: Uint8Array,
  $metadata: ResponseMetadata,
): MetadataBearer {
  const body = decodeBody(description, codec, bytes, $metadata);
  try {
    const output = plan.output
      ? deserializeStructure(description.schema, plan.output, body, "", readOptions(codec))
      : {};
    return Object.assign(output, { $metadata });
  } catch (error) {
    throw malformed(description, $metadata, error);
  }
}

/** A non-2xx response: the modeled error it names, else the service's base exception. */
export function toError(
  description: ServiceDescription,
  codec: ProtocolCodec,
  plan: OperationPlan,
  headers: HeaderBag,
  bytes: Uint8Array,
  $metadata: ResponseMetadata,
): ServiceException {
  const body = decodeBody(description, codec, bytes, $metadata);
  const type = errorType(headers, body);
  const message = stringOr(body.message ?? body.Message ?? body.errorMessage);
  const id = plan.operation.errors.find((errorId) => errorId.slice(errorId.indexOf("#") + 1) === type);
  const Modeled = id === undefined ? undefined : description.errors[id];
  let error: ServiceException;
  if (Modeled === undefined) {
    error = new description.baseException({
      name: type || "UnknownError",
      $fault: ($metadata.httpStatusCode ?? 0) >= 500 ? "server" : "client",
      message: message ?? `${type || "UnknownError"} (HTTP ${$metadata.httpStatusCode})`,
      $metadata,
    });
  } else {
    try {
      const members = deserializeStructure(
        description.schema,
        membersOf(description.schema, id)!,
        body,
        "",
        readOptions(codec),
      );
      error = new Modeled({ ...members, message, $metadata });
    } catch (cause) {
      throw malformed(description, $metadata, cause);
    }
  }
  if (description.schema.queryCompatible) {
    // `x-amzn-query-error: Code;Sender|Receiver` carries the awsQuery error code and fault.
    const [code, type] = (header(headers, "x-amzn-query-error") ?? "").split(";");
    Object.assign(error, { Code: code || error.name }, type ? { Type: type } : {});
  }
  return error;
}

/** The error's shape name, from the header, else `__type`, else `code`. */
function errorType(headers: HeaderBag, body: Record<string, unknown>): string {
  const raw = header(headers, "x-amzn-errortype") ?? stringOr(body.__type) ?? stringOr(body.code);
  return raw === undefined ? "" : sanitizeErrorType(raw);
}

/** `aws.foo#BarError:http://…` → `BarError`: drops a namespace and any `:` suffix. */
function sanitizeErrorType(raw: string): string {
  const colon = raw.indexOf(":");
  const type = colon < 0 ? raw : raw.slice(0, colon);
  return type.slice(type.indexOf("#") + 1).trim();
}

/** A header's value, matching its name case-insensitively (`name` is lower case). */
export function header(headers: HeaderBag, name: string): string | undefined {
  const exact = headers[name];
  if (exact !== undefined) return exact;
  for (const key in headers) {
    if (key.toLowerCase() === name) return headers[key];
  }
  return undefined;
}

function stringOr(value: unknown): string | undefined {
  return value == null ? undefined : String(value);
}

/** The body as an object, by the protocol's codec; an empty body is `{}`. */
function decodeBody(
  description: ServiceDescription,
  codec: ProtocolCodec,
  bytes: Uint8Array,
  $metadata: ResponseMetadata,
): Record<string, unknown> {
  try {
    return codec.decodeResponse(bytes);
  } catch (error) {
    throw malformed(description, $metadata, error);
  }
}

/** Client error correction, in the protocol's wire format. */
function readOptions(codec: ProtocolCodec): DeserializeOptions {
  let options = READ_OPTIONS.get(codec);
  if (options === undefined) {
    options = { ...CLIENT_READ, format: codec.format };
    READ_OPTIONS.set(codec, options);
  }
  return options;
}

const READ_OPTIONS = new WeakMap<ProtocolCodec, DeserializeOptions>();

/** A `SerializationException` for a response the client cannot read; other failures pass through. */
function malformed(description: ServiceDescription, $metadata: ResponseMetadata, cause: unknown): unknown {
  if (!(cause instanceof SerializationError)) return cause;
  const status = $metadata.httpStatusCode ?? 0;
  return new description.baseException({
    name: "SerializationException",
    $fault: status >= 400 && status < 500 ? "client" : "server",
    message: `HTTP ${status}: ${cause.message}`,
    $metadata,
  });
}
