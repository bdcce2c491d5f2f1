/** A client's configuration, as given and as resolved once at construction. */
import type { HttpRequest } from "@smithy/protocol-http";
import type {
  AwsCredentialIdentity,
  AwsCredentialIdentityProvider,
  Endpoint,
  HttpHandlerOptions,
  HttpResponse,
  RequestHandler,
  RetryStrategyV2,
} from "@smithy/types";
import type { ServiceSchema } from "../schema.js";
import { createNodeHttpHandler, StandardRetryStrategy } from "../smithy.cjs";
import { resolveCredentials } from "./credentials.js";

/** What sends a signed request: `@smithy/node-http-handler`, `@smithy/fetch-http-handler` or a stub. */
export type JsonRpcRequestHandler = RequestHandler<HttpRequest, HttpResponse, HttpHandlerOptions>;

export interface JsonRpcClientConfig {
  /** Signing region and default endpoint region; else `AWS_REGION`, then `AWS_DEFAULT_REGION`. */
  region?: string;
  /** Else `https://<endpointPrefix>.<region>.amazonaws.com`. */
  endpoint?: string | Endpoint;
  /** Else `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY` and `AWS_SESSION_TOKEN`. */
  credentials?: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  /** Else a `NodeHttpHandler` with the two timeouts below. */
  requestHandler?: JsonRpcRequestHandler;
  /** Milliseconds to establish a connection (default handler only). */
  connectionTimeout?: number;
  /** Milliseconds until response headers, and of body inactivity (default handler only). */
  requestTimeout?: number;
  /** Attempts per call, the first included (default 3). Ignored when `retryStrategy` is set. */
  maxAttempts?: number;
  /** Else `StandardRetryStrategy(maxAttempts)`. */
  retryStrategy?: RetryStrategyV2;
  /** Check inputs against the model's constraints before sending (default false). */
  validateInput?: boolean;
  /** Ignore `smithy.api#endpoint` host prefixes, e.g. for a local endpoint (default false). */
  disableHostPrefix?: boolean;
  /** Never compress request bodies, even where the model allows it (default false). */
  disableRequestCompression?: boolean;
  /** Smallest body, in bytes, worth compressing (default 10240). */
  requestMinCompressionSizeBytes?: number;
}

export interface JsonRpcClientResolvedConfig {
  readonly region: string | undefined;
  /** Undefined when neither configured nor derivable (no region or no endpointPrefix). */
  readonly endpoint: Endpoint | undefined;
  readonly credentials: AwsCredentialIdentityProvider;
  readonly requestHandler: JsonRpcRequestHandler;
  readonly maxAttempts: number;
  readonly retryStrategy: RetryStrategyV2;
  readonly validateInput: boolean;
  readonly disableHostPrefix: boolean;
  readonly disableRequestCompression: boolean;
  readonly requestMinCompressionSizeBytes: number;
}

const DEFAULT_CONNECTION_TIMEOUT_MS = 5_000;
const DEFAULT_REQUEST_TIMEOUT_MS = 60_000;
const DEFAULT_MAX_ATTEMPTS = 3;
const DEFAULT_MIN_COMPRESSION_BYTES = 10_240;

export function resolveConfig(schema: ServiceSchema, config: JsonRpcClientConfig): JsonRpcClientResolvedConfig {
  const region = config.region || process.env.AWS_REGION || process.env.AWS_DEFAULT_REGION || undefined;
  const maxAttempts = config.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const requestTimeout = config.requestTimeout ?? DEFAULT_REQUEST_TIMEOUT_MS;
  return {
    region,
    endpoint: resolveEndpoint(config.endpoint, schema.endpointPrefix, region),
    credentials: resolveCredentials(config.credentials),
    requestHandler:
      config.requestHandler ??
      createNodeHttpHandler({
        connectionTimeout: config.connectionTimeout ?? DEFAULT_CONNECTION_TIMEOUT_MS,
        requestTimeout,
        socketTimeout: requestTimeout,
        throwOnRequestTimeout: true,
      }),
    maxAttempts,
    retryStrategy: config.retryStrategy ?? new StandardRetryStrategy(maxAttempts),
    validateInput: config.validateInput ?? false,
    disableHostPrefix: config.disableHostPrefix ?? false,
    disableRequestCompression: config.disableRequestCompression ?? false,
    requestMinCompressionSizeBytes: config.requestMinCompressionSizeBytes ?? DEFAULT_MIN_COMPRESSION_BYTES,
  };
}

function resolveEndpoint(
  endpoint: string | Endpoint | undefined,
  endpointPrefix: string | undefined,
  region: string | undefined,
): Endpoint | undefined {
  if (typeof endpoint === "string") return parseEndpoint(endpoint);
  if (endpoint !== undefined) return endpoint;
  if (region === undefined || endpointPrefix === undefined) return undefined;
  const domain = region.startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com";
  return { protocol: "https:", hostname: `${endpointPrefix}.${region}.${domain}`, path: "/" };
}

function parseEndpoint(text: string): Endpoint {
  const url = new URL(text);
  const query: Record<string, string | string[]> = {};
  for (const [key, value] of url.searchParams) {
    const seen = query[key];
    query[key] = seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value];
  }
  return {
    protocol: url.protocol,
    hostname: url.hostname,
    port: url.port ? Number(url.port) : undefined,
    path: url.pathname,
    query,
  };
}
