/** What evaluates endpoint rule sets: `@smithy/util-endpoints` with the `aws.*` functions. */
import type { EndpointCache, EndpointError, resolveEndpoint } from "@smithy/util-endpoints";
import { endpointModules } from "../platform/node.cjs";

export interface RuleEngine {
  readonly resolveEndpoint: typeof resolveEndpoint;
  readonly EndpointCache: typeof EndpointCache;
  readonly EndpointError: typeof EndpointError;
}

let ruleEngine: RuleEngine | undefined;

/** Loaded on first use: a client of a service without a rule set never loads it. */
export function endpointRuleEngine(): RuleEngine {
  if (ruleEngine === undefined) {
    const modules = endpointModules();
    const registry = modules.customEndpointFunctions;
    ruleEngine = {
      // The `aws.*` functions (aws.partition, aws.parseArn, …) are registered in a table that
      // every user of @smithy/core/endpoints in the process shares, and the SDK's clients
      // register their own (newer partition data) when they load. Ours are put in place for
      // each evaluation, which is synchronous, and the previous entry restored after it.
      resolveEndpoint: (ruleSet, options) => {
        const previous = registry.aws;
        registry.aws = modules.awsEndpointFunctions;
        try {
          return modules.resolveEndpoint(ruleSet, options);
        } finally {
          if (previous === undefined) delete registry.aws;
          else registry.aws = previous;
        }
      },
      EndpointCache: modules.EndpointCache,
      EndpointError: modules.EndpointError,
    };
  }
  return ruleEngine;
}
