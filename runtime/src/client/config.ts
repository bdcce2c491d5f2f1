/**
 * A client's configuration, as given and as resolved: at construction from
 * the configuration and the environment, and on the first call from the
 * shared config files for what neither gave (`./profile.ts`).
 */
import type {
  AwsCredentialIdentity,
  AwsCredentialIdentityProvider,
  Endpoint,
  Logger,
  RetryStrategyV2,
  UserAgent,
} from "@smithy/types";
import type { PlatformRequestHandler } from "../platform/types.cjs";
import type { ServiceSchema } from "../schema.js";
import {
  createAdaptiveRetryStrategy,
  createDefaultRequestHandler,
  environment,
  StandardRetryStrategy,
} from "../platform/node.cjs";
import { resolveCredentials } from "./credentials.js";
import { type ProfileSettings, type ProfileSetting, readProfileSettings } from "./profile.js";

/** What sends a signed request: `@smithy/node-http-handler`, `@smithy/fetch-http-handler` or a stub. */
export type JsonRpcRequestHandler = PlatformRequestHandler;

export interface JsonRpcClientConfig {
  /**
   * Signing region and endpoint region; else `AWS_REGION` (then `AWS_DEFAULT_REGION`), then
   * `region` of the profile (`profile`, else `AWS_PROFILE`, else `default`) in the shared config files.
   */
  region?: string;
  /** The profile of the shared config and credentials files; else `AWS_PROFILE`, else `default`. */
  profile?: string;
  /**
   * A custom endpoint. Else the model's endpoint rule set decides (for the region, FIPS and
   * dual-stack settings); a model without one gives `https://<endpointPrefix>.<region>.amazonaws.com`.
   */
  endpoint?: string | Endpoint;
  /**
   * Ignore the endpoint URLs of the environment: `AWS_ENDPOINT_URL_<SDK ID>` (e.g.
   * `AWS_ENDPOINT_URL_SSM`), then `AWS_ENDPOINT_URL`, used when `endpoint` is not set; else
   * `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS`, default false.
   */
  ignoreConfiguredEndpointUrls?: boolean;
  /** Send to the FIPS endpoint (rule sets only); else `AWS_USE_FIPS_ENDPOINT`, default false. */
  useFipsEndpoint?: boolean;
  /** Send to the dual-stack endpoint (rule sets only); else `AWS_USE_DUALSTACK_ENDPOINT`, default false. */
  useDualstackEndpoint?: boolean;
  /** The `AWS::Auth::AccountIdEndpointMode` built-in of rule sets that use it; else `AWS_ACCOUNT_ID_ENDPOINT_MODE`, default `preferred`. */
  accountIdEndpointMode?: "disabled" | "preferred" | "required";
  /** Values of the model's `smithy.rules#clientContextParams`, by configuration field (they may also be set at the top level). */
  clientContextParams?: Readonly<Record<string, unknown>>;
  /**
   * Credentials, or an identity provider (memoised, and called again when its credentials near
   * expiry). Else the SDK's default chain (`@aws-sdk/credential-provider-node`), loaded on first use.
   */
  credentials?: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  /** Else a `NodeHttpHandler` (in browsers a `FetchHttpHandler`) with the timeouts below. */
  requestHandler?: JsonRpcRequestHandler;
  /** Milliseconds to establish a connection (default handler only). */
  connectionTimeout?: number;
  /** Milliseconds until response headers, and of body inactivity (default handler only). */
  requestTimeout?: number;
  /**
   * Attempts per call, the first included; else `AWS_MAX_ATTEMPTS`, then the profile's
   * `max_attempts`, default 3. Ignored when `retryStrategy` is set.
   */
  maxAttempts?: number;
  /** `standard` or `adaptive`; else `AWS_RETRY_MODE`, then the profile's `retry_mode`, default `standard`. */
  retryMode?: string;
  /** Else the `StandardRetryStrategy` (or `AdaptiveRetryStrategy`) of `@smithy/util-retry`. */
  retryStrategy?: RetryStrategyV2;
  /** Receives the debug lines of credential and endpoint resolution. */
  logger?: Logger;
  /** Appended to the user agent headers: a string, or `[name, version]` pairs. */
  customUserAgent?: string | UserAgent;
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
  readonly retryMode: string;
  readonly logger: Logger | undefined;
  /** `customUserAgent` as text, or "". */
  readonly customUserAgent: string;
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
const DEFAULT_RETRY_MODE = "standard";
const DEFAULT_MIN_COMPRESSION_BYTES = 10_240;

/** The resolved configuration, some of it filled in by `completeConfig`. */
type Resolving = { -readonly [K in keyof JsonRpcClientResolvedConfig]: JsonRpcClientResolvedConfig[K] };

/** Resolved from the configuration and the environment; `pending` names what is left to the profile. */
export interface ResolvedAtConstruction {
  readonly config: JsonRpcClientResolvedConfig;
  readonly pending: readonly ProfileSetting[];
}

/**
 * `hasRuleSet`: the service's endpoints come from its rule set, so no default
 * endpoint is derived here.
 */
export function resolveConfig(
  schema: ServiceSchema,
  config: JsonRpcClientConfig,
  hasRuleSet: boolean,
): ResolvedAtConstruction {
  const env = environment();
  const given: Partial<ProfileSettings> = {
    region: config.region || env.AWS_REGION || env.AWS_DEFAULT_REGION || undefined,
    maxAttempts: config.maxAttempts ?? envNumber("AWS_MAX_ATTEMPTS"),
    retryMode: config.retryMode ?? (env.AWS_RETRY_MODE || undefined),
    useFipsEndpoint: config.useFipsEndpoint ?? envFlag("AWS_USE_FIPS_ENDPOINT"),
    useDualstackEndpoint: config.useDualstackEndpoint ?? envFlag("AWS_USE_DUALSTACK_ENDPOINT"),
  };
  // A given retryStrategy makes the retry settings moot.
  const needed: ProfileSetting[] = config.retryStrategy
    ? ["region", "useFipsEndpoint", "useDualstackEndpoint"]
    : ["region", "maxAttempts", "retryMode", "useFipsEndpoint", "useDualstackEndpoint"];
  const pending = needed.filter((key) => given[key] === undefined);
  const resolved: Resolving = {
    region: undefined,
    endpoint: undefined,
    useFipsEndpoint: false,
    useDualstackEndpoint: false,
    accountIdEndpointMode: config.accountIdEndpointMode ?? (env.AWS_ACCOUNT_ID_ENDPOINT_MODE || "preferred"),
    credentials: resolveCredentials(config.credentials, {
      ...(config.profile ? { profile: config.profile } : {}),
      ...(config.logger ? { logger: config.logger } : {}),
    }),
    requestHandler:
      config.requestHandler ??
      createDefaultRequestHandler({
        connectionTimeout: config.connectionTimeout ?? DEFAULT_CONNECTION_TIMEOUT_MS,
        requestTimeout: config.requestTimeout ?? DEFAULT_REQUEST_TIMEOUT_MS,
      }),
    maxAttempts: DEFAULT_MAX_ATTEMPTS,
    retryMode: DEFAULT_RETRY_MODE,
    retryStrategy: config.retryStrategy ?? new StandardRetryStrategy(DEFAULT_MAX_ATTEMPTS),
    logger: config.logger,
    customUserAgent: userAgentText(config.customUserAgent),
    validateInput: config.validateInput ?? false,
    disableHostPrefix: config.disableHostPrefix ?? false,
    disableRequestCompression: config.disableRequestCompression ?? false,
    requestMinCompressionSizeBytes: config.requestMinCompressionSizeBytes ?? DEFAULT_MIN_COMPRESSION_BYTES,
  };
  settle(resolved, schema, config, hasRuleSet, given);
  return { config: resolved, pending };
}

/** Reads the `pending` settings from the profile and settles the configuration with them. */
export async function completeConfig(
  resolved: JsonRpcClientResolvedConfig,
  pending: readonly ProfileSetting[],
  schema: ServiceSchema,
  config: JsonRpcClientConfig,
  hasRuleSet: boolean,
): Promise<void> {
  const fromProfile = await readProfileSettings(pending, config.profile);
  const settled: Partial<ProfileSettings> = {
    region: resolved.region,
    useFipsEndpoint: resolved.useFipsEndpoint,
    useDualstackEndpoint: resolved.useDualstackEndpoint,
    ...(config.retryStrategy ? {} : { maxAttempts: resolved.maxAttempts, retryMode: resolved.retryMode }),
    ...fromProfile,
  };
  settle(resolved as Resolving, schema, config, hasRuleSet, settled);
}

/** Fills in the settings that depend on region, FIPS, dual-stack and retry settings. */
function settle(
  resolved: Resolving,
  schema: ServiceSchema,
  config: JsonRpcClientConfig,
  hasRuleSet: boolean,
  settings: Partial<ProfileSettings>,
): void {
  resolved.region = settings.region;
  resolved.endpoint = resolveEndpoint(
    config.endpoint ?? configuredEndpointUrl(schema, config),
    hasRuleSet ? undefined : schema.endpointPrefix,
    settings.region,
  );
  resolved.useFipsEndpoint = settings.useFipsEndpoint ?? false;
  resolved.useDualstackEndpoint = settings.useDualstackEndpoint ?? false;
  if (config.retryStrategy) return;
  const maxAttempts = settings.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const retryMode = settings.retryMode ?? DEFAULT_RETRY_MODE;
  if (retryMode !== "standard" && retryMode !== "adaptive") {
    throw new Error(`retryMode must be "standard" or "adaptive", got ${JSON.stringify(retryMode)}`);
  }
  if (maxAttempts !== resolved.maxAttempts || retryMode !== resolved.retryMode) {
    resolved.retryStrategy =
      retryMode === "adaptive" ? createAdaptiveRetryStrategy(maxAttempts) : new StandardRetryStrategy(maxAttempts);
  }
  resolved.maxAttempts = maxAttempts;
  resolved.retryMode = retryMode;
}

/** An endpoint URL of the environment, as SDK v3 reads them: the service's own, then the global one. */
function configuredEndpointUrl(schema: ServiceSchema, config: JsonRpcClientConfig): string | undefined {
  if (config.ignoreConfiguredEndpointUrls ?? envFlag("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS")) return undefined;
  const service = (schema.sdkId ?? schema.name).replace(/ /g, "_").toUpperCase();
  const env = environment();
  return env[`AWS_ENDPOINT_URL_${service}`] || env.AWS_ENDPOINT_URL || undefined;
}

/** `customUserAgent` as the text appended to the user agent headers. */
function userAgentText(agent: string | UserAgent | undefined): string {
  if (agent === undefined) return "";
  if (typeof agent === "string") return agent;
  return agent.map(([name, version]) => (version === undefined ? name : `${name}/${version}`)).join(" ");
}

/** A number setting from the environment, as SDK v3 reads AWS_MAX_ATTEMPTS. */
function envNumber(name: string): number | undefined {
  const value = environment()[name];
  if (!value) return undefined;
  const number = parseInt(value, 10);
  if (Number.isNaN(number)) throw new Error(`Environment variable ${name} must be a number, got "${value}"`);
  return number;
}

/** A boolean setting from the environment, as SDK v3 reads it: unset, `true` or `false`. */
function envFlag(name: string): boolean | undefined {
  const value = environment()[name];
  if (value === undefined) return undefined;
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
