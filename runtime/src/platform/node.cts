/**
 * The platform of the runtime on Node.js: the @smithy values it uses, the
 * default transport, credentials and config files, gzip and the environment.
 * `./browser.ts` exports the same names for browsers; package.json's `browser`
 * field swaps it in for bundlers.
 *
 * Required from CommonJS: the @smithy packages ship CommonJS only. For each
 * CommonJS file that an ES module imports, Node 20 first runs cjs-module-lexer
 * over its source to find the named exports; on a cold start that costs tens
 * of milliseconds for a bundle such as @smithy/signature-v4 (24 kB) or
 * @smithy/node-http-handler (35 kB). Required from here, they load as plain
 * CommonJS and only this small file is lexed. So ES modules of the runtime
 * import @smithy values from here, not from the packages (type-only imports
 * cost nothing).
 */
import type { DefaultProviderInit } from "@aws-sdk/credential-provider-node";
import type { loadConfig } from "@smithy/node-config-provider";
import type { AdaptiveRetryStrategy as AdaptiveRetryStrategyType } from "@smithy/util-retry";
import type { AwsCredentialIdentityProvider, ChecksumConstructor, MiddlewareStack } from "@smithy/types";
import type {
  CborLibrary,
  DefaultHandlerOptions,
  EndpointModules,
  PlatformRequestHandler,
  WaiterModule,
} from "./types.cjs";

export { Hash } from "@smithy/hash-node";
export { HttpRequest } from "@smithy/protocol-http";
export { SignatureV4 } from "@smithy/signature-v4";
export { StandardRetryStrategy } from "@smithy/util-retry";

/** SHA-256 for SigV4. */
export const Sha256: ChecksumConstructor = (
  require("@smithy/hash-node") as typeof import("@smithy/hash-node")
).Hash.bind(null, "sha256");

/** fast-deep-equal, the deep equality of ajv's standalone validators (enum and unique items of non-scalars). */
export const deepEqual: (a: unknown, b: unknown) => boolean = require("fast-deep-equal");

/** Node's `crypto.randomUUID`, for idempotency tokens. */
export const randomUUID: () => string = (require("node:crypto") as typeof import("node:crypto")).randomUUID;

/** The environment variables the client reads (AWS_REGION, AWS_MAX_ATTEMPTS, …). */
export function environment(): Readonly<Record<string, string | undefined>> {
  return process.env;
}

/** The `os/… lang/js md/…` part of the user agent. */
export function userAgentPlatform(): string {
  const os = require("node:os") as typeof import("node:os");
  return `os/${os.platform()}#${os.release()} lang/js md/nodejs#${process.versions.node}`;
}

/** Node may set `user-agent` (browsers send their own, and refuse a script's). */
export const SETS_USER_AGENT_HEADER: boolean = true;

/** `bytes` gzipped; undefined where the platform cannot compress synchronously. */
export function gzip(bytes: Uint8Array): Uint8Array | undefined {
  return new Uint8Array((require("node:zlib") as typeof import("node:zlib")).gzipSync(bytes));
}

/** `retryMode: "adaptive"`; @smithy/util-retry is loaded already for the standard strategy. */
export function createAdaptiveRetryStrategy(maxAttempts: number): AdaptiveRetryStrategyType {
  const { AdaptiveRetryStrategy } = require("@smithy/util-retry") as typeof import("@smithy/util-retry");
  return new AdaptiveRetryStrategy(async () => maxAttempts);
}

/**
 * `loadConfig` of @smithy/node-config-provider: a setting from the environment, then the
 * shared config and credentials files (AWS_PROFILE, AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE).
 * Loaded when a setting is left to the profile; undefined where there are no config files.
 */
export function configLoader(): typeof loadConfig | undefined {
  return (require("@smithy/node-config-provider") as typeof import("@smithy/node-config-provider")).loadConfig;
}

/**
 * The SDK's default credential chain (environment, SSO, web identity, profiles, process,
 * container, instance metadata), loaded only for a client given no `credentials`.
 */
export function defaultCredentialChain(init: DefaultProviderInit): AwsCredentialIdentityProvider {
  const { defaultProvider } =
    require("@aws-sdk/credential-provider-node") as typeof import("@aws-sdk/credential-provider-node");
  return defaultProvider(init);
}

/** The default transport, loaded on first use: a client given a `requestHandler` never loads it. */
export function createDefaultRequestHandler(options: DefaultHandlerOptions): PlatformRequestHandler {
  const { NodeHttpHandler } = require("@smithy/node-http-handler") as typeof import("@smithy/node-http-handler");
  return new NodeHttpHandler({
    connectionTimeout: options.connectionTimeout,
    requestTimeout: options.requestTimeout,
    socketTimeout: options.requestTimeout,
    throwOnRequestTimeout: true,
  });
}

/** `constructStack` of @smithy/middleware-stack, loaded when a client's or command's stack is first used. */
export function constructStack<Input extends object, Output extends object>(): MiddlewareStack<Input, Output> {
  return (require("@smithy/middleware-stack") as typeof import("@smithy/middleware-stack")).constructStack();
}

/** `@smithy/util-endpoints` and the `aws.*` functions, loaded for the first service with a rule set. */
export function endpointModules(): EndpointModules {
  const rules = require("@smithy/util-endpoints") as typeof import("@smithy/util-endpoints");
  // Pinned to 3.862.0 (runtime/package.json): the last partition data all the models' published
  // endpoint tests agree with (3.873.0 changed the ISO dual-stack suffixes, 3.895.0 gave them dual-stack).
  const aws = require("@aws-sdk/util-endpoints") as typeof import("@aws-sdk/util-endpoints");
  return {
    resolveEndpoint: rules.resolveEndpoint,
    EndpointCache: rules.EndpointCache,
    EndpointError: rules.EndpointError,
    customEndpointFunctions: rules.customEndpointFunctions,
    awsEndpointFunctions: aws.awsEndpointFunctions,
  };
}

/** `@smithy/util-waiter` (its polling lives in `@smithy/core`), loaded on a waiter's first wait. */
export function waiterModule(): WaiterModule {
  return require("@smithy/util-waiter") as typeof import("@smithy/util-waiter");
}

let cbor: CborLibrary | undefined;

/** `@smithy/core/cbor`, loaded when an rpcv2Cbor service first needs it. */
export function cborLibrary(): CborLibrary {
  if (cbor === undefined) {
    const module = require("@smithy/core/cbor") as typeof import("@smithy/core/cbor");
    cbor = {
      serialize: module.cbor.serialize,
      deserialize: module.cbor.deserialize,
      tag: module.tag,
      tagSymbol: module.tagSymbol,
    };
  }
  return cbor;
}
