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
  /**
   * A custom endpoint. Else the model's endpoint rule set decides (for the region, FIPS and
   * dual-stack settings); a model without one gives `https://<endpointPrefix>.<region>.amazonaws.com`.
   */
  endpoint?: string | Endpoint;
  /** Send to the FIPS endpoint (rule sets only); else `AWS_USE_FIPS_ENDPOINT`, default false. */
  useFipsEndpoint?: boolean;
  /** Send to the dual-stack endpoint (rule sets only); else `AWS_USE_DUALSTACK_ENDPOINT`, default false. */
  useDualstackEndpoint?: boolean;
  /** The `AWS::Auth::AccountIdEndpointMode` built-in of rule sets that use it; else `AWS_ACCOUNT_ID_ENDPOINT_MODE`, default `preferred`. */
  accountIdEndpointMode?: "disabled" | "preferred" | "required";
  /** Values of the model's `smithy.rules#clientContextParams`, by configuration field (they may also be set at the top level). */
  clientContextParams?: Readonly<Record<string, unknown>>;
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
  /**
   * The configured endpoint; without a rule set, else the one derived from the region and
   * endpointPrefix. Undefined when there is none (the rule set decides per call).
   */
  readonly endpoint: Endpoint | undefined;
  readonly useFipsEndpoint: boolean;
  readonly useDualstackEndpoint: boolean;
  readonly accountIdEndpointMode: string;
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

/**
 * `hasRuleSet`: the service's endpoints come from its rule set, so no default
 * endpoint is derived here.
 */
export function resolveConfig(
  schema: ServiceSchema,
  config: JsonRpcClientConfig,
  hasRuleSet: boolean,
): JsonRpcClientResolvedConfig {
  const region = config.region || process.env.AWS_REGION || process.env.AWS_DEFAULT_REGION || undefined;
  const maxAttempts = config.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const requestTimeout = config.requestTimeout ?? DEFAULT_REQUEST_TIMEOUT_MS;
  return {
    region,
    endpoint: resolveEndpoint(config.endpoint, hasRuleSet ? undefined : schema.endpointPrefix, region),
    useFipsEndpoint: config.useFipsEndpoint ?? envFlag("AWS_USE_FIPS_ENDPOINT"),
    useDualstackEndpoint: config.useDualstackEndpoint ?? envFlag("AWS_USE_DUALSTACK_ENDPOINT"),
    accountIdEndpointMode: config.accountIdEndpointMode ?? (process.env.AWS_ACCOUNT_ID_ENDPOINT_MODE || "preferred"),
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

/** A boolean setting from the environment, as SDK v3 reads it: unset, `true` or `false`. */
function envFlag(name: string): boolean {
  const value = process.env[name];
  if (value === undefined) return false;
  if (value === "true" || value === "false") return value === "true";
  throw new Error(`Cannot load env "${name}". Expected "true" or "false", got ${value}.`);
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
