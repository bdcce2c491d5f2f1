/** Builds the unsigned HTTP request of one call, framed by the protocol's codec. */
import type { Endpoint, HeaderBag } from "@smithy/types";
import type { ServiceException, ServiceExceptionOptions } from "../errors.js";
import type { ProtocolCodec } from "../protocols/index.js";
import type { ServiceSchema } from "../schema.js";
import { gzip, HttpRequest } from "../platform/node.cjs";
import type { OperationPlan } from "./operation.js";

/** One or more dot-separated DNS labels: letters, digits and inner hyphens. */
const HOST_LABELS =
  /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

export interface RequestContext {
  readonly schema: ServiceSchema;
  readonly endpoint: Endpoint;
  /** The headers the endpoint adds (from a rule set). */
  readonly headers: Readonly<Record<string, string>> | undefined;
  readonly codec: ProtocolCodec;
  /** Prepended to the endpoint's hostname (an expanded host prefix), or "". */
  readonly hostPrefix: string;
  /** Bodies at least this large are gzipped where the operation allows it; undefined: never. */
  readonly minCompressionBytes: number | undefined;
}

/**
 * POST to the path the protocol names, with the serialised input (awsJson
 * sends `{}` when there is none; rpcv2Cbor no body). `host`,
 * `content-length` and the user agent are the build step's.
 */
export function buildRequest(context: RequestContext, plan: OperationPlan, input: object | undefined): HttpRequest {
  const { endpoint, codec, schema } = context;
  const encoded = codec.encodeInput(schema, plan.input, input);
  const gzipped =
    encoded !== undefined &&
    context.minCompressionBytes !== undefined &&
    encoded.byteLength >= context.minCompressionBytes &&
    plan.operation.requestCompression?.includes("gzip") === true
      ? gzip(encoded)
      : undefined;
  const body = gzipped ?? encoded;
  const headers: HeaderBag = {
    ...context.headers,
    ...codec.requestHeaders(schema, plan.operation.name, body !== undefined),
  };
  if (gzipped) headers["content-encoding"] = "gzip";
  return new HttpRequest({
    method: "POST",
    protocol: endpoint.protocol,
    hostname: context.hostPrefix + endpoint.hostname,
    port: endpoint.port,
    path: codec.requestPath(endpoint.path, schema, plan.operation.name),
    query: endpoint.query,
    headers,
    body,
  });
}

/**
 * Expands `{Member}` labels of a `smithy.api#endpoint` host prefix from the
 * input. A label that is missing or not hostname-safe throws a client-side
 * `ValidationException`, so input never redirects a request to another host.
 */
export function expandHostPrefix(
  template: string,
  input: object | undefined,
  Exception: new (options: ServiceExceptionOptions) => ServiceException,
): string {
  return template.replace(/\{([^}]+)\}/g, (_, label: string) => {
    const value = (input as Record<string, unknown> | undefined)?.[label];
    if (typeof value === "string" && HOST_LABELS.test(value)) return value;
    throw new Exception({
      name: "ValidationException",
      $fault: "client",
      message: `Host label ${label} must be a non-empty hostname-safe string, found ${JSON.stringify(value) ?? "undefined"}`,
    });
  });
}
