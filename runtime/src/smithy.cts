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

export { Hash } from "@smithy/hash-node";
export { HttpRequest } from "@smithy/protocol-http";
export { SignatureV4 } from "@smithy/signature-v4";
export { StandardRetryStrategy } from "@smithy/util-retry";

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
