/**
 * The @smithy values the runtime uses, required from CommonJS.
 *
 * The @smithy packages ship CommonJS only. For each CommonJS file that an ES
 * module imports, Node 20 first runs cjs-module-lexer over its source to find
 * the named exports; on a cold start that costs tens of milliseconds for a
 * bundle such as @smithy/signature-v4 (24 kB) or @smithy/node-http-handler
 * (35 kB). Required from here, they load as plain CommonJS and only this small
 * file is lexed. So ES modules of the runtime import @smithy values from here,
 * not from the packages (type-only imports cost nothing).
 */
import type { NodeHttpHandler, NodeHttpHandlerOptions } from "@smithy/node-http-handler";
import type { EndpointCache, EndpointError, resolveEndpoint } from "@smithy/util-endpoints";
import type { DefaultProviderInit } from "@aws-sdk/credential-provider-node";
import type { loadConfig } from "@smithy/node-config-provider";
import type { AdaptiveRetryStrategy as AdaptiveRetryStrategyType } from "@smithy/util-retry";
import type { AwsCredentialIdentityProvider } from "@smithy/types";

export { Hash } from "@smithy/hash-node";
export { HttpRequest } from "@smithy/protocol-http";
export { SignatureV4 } from "@smithy/signature-v4";
export { StandardRetryStrategy } from "@smithy/util-retry";

/** `retryMode: "adaptive"`; @smithy/util-retry is loaded already for the standard strategy. */
export function createAdaptiveRetryStrategy(maxAttempts: number): AdaptiveRetryStrategyType {
  const { AdaptiveRetryStrategy } = require("@smithy/util-retry") as typeof import("@smithy/util-retry");
  return new AdaptiveRetryStrategy(async () => maxAttempts);
}

/**
 * `loadConfig` of @smithy/node-config-provider: a setting from the environment, then the
 * shared config and credentials files (AWS_PROFILE, AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE).
 * Loaded when a setting is left to the profile.
 */
export function nodeConfigLoader(): typeof loadConfig {
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
export function createNodeHttpHandler(options: NodeHttpHandlerOptions): NodeHttpHandler {
  const { NodeHttpHandler } = require("@smithy/node-http-handler") as typeof import("@smithy/node-http-handler");
  return new NodeHttpHandler(options);
}

/** What evaluates endpoint rule sets: `@smithy/util-endpoints` with the `aws.*` functions. */
export interface RuleEngine {
  readonly resolveEndpoint: typeof resolveEndpoint;
  readonly EndpointCache: typeof EndpointCache;
  readonly EndpointError: typeof EndpointError;
}

let ruleEngine: RuleEngine | undefined;

/** Loaded on first use: a client of a service without a rule set never loads it. */
export function endpointRuleEngine(): RuleEngine {
  if (ruleEngine === undefined) {
    const rules = require("@smithy/util-endpoints") as typeof import("@smithy/util-endpoints");
    // Pinned to 3.893.0 (runtime/package.json): its partition data is the one the models'
    // endpoint tests were written against (later releases give the ISO partitions dual-stack).
    const aws = require("@aws-sdk/util-endpoints") as typeof import("@aws-sdk/util-endpoints");
    const registry = rules.customEndpointFunctions;
    ruleEngine = {
      // The `aws.*` functions (aws.partition, aws.parseArn, …) are registered in a table that
      // every user of @smithy/core/endpoints in the process shares, and the SDK's clients
      // register their own (newer partition data) when they load. Ours are put in place for
      // each evaluation, which is synchronous, and the previous entry restored after it.
      resolveEndpoint: (ruleSet, options) => {
        const previous = registry.aws;
        registry.aws = aws.awsEndpointFunctions;
        try {
          return rules.resolveEndpoint(ruleSet, options);
        } finally {
          if (previous === undefined) delete registry.aws;
          else registry.aws = previous;
        }
      },
      EndpointCache: rules.EndpointCache,
      EndpointError: rules.EndpointError,
    };
  }
  return ruleEngine;
}

/** `@smithy/core/cbor` as the rpcv2Cbor codec uses it. */
export interface CborLibrary {
  readonly serialize: (input: unknown) => Uint8Array;
  readonly deserialize: (payload: Uint8Array) => unknown;
  /** Marks `{ tag, value }` as a CBOR tag for the encoder. */
  readonly tag: (data: { tag: number; value: unknown }) => unknown;
  /** The key that marks a decoded (or to be encoded) `{ tag, value }` as a tag. */
  readonly tagSymbol: symbol;
}

let cborLibrary: CborLibrary | undefined;

/** The CBOR encoder and decoder of SDK v3, loaded when an rpcv2Cbor service first needs it. */
export function cborLibraryOf(): CborLibrary {
  if (cborLibrary === undefined) {
    const { cbor, tag, tagSymbol } = require("@smithy/core/cbor") as typeof import("@smithy/core/cbor");
    cborLibrary = { serialize: cbor.serialize, deserialize: cbor.deserialize, tag, tagSymbol };
  }
  return cborLibrary;
}
