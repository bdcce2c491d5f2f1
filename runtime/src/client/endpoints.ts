/**
 * Endpoints from the model's `smithy.rules#endpointRuleSet`, as SDK v3
 * resolves them: the rule set's parameters are filled from built-ins (the
 * client configuration), client context parameters, the operation's static
 * context parameters, input members bound with `contextParam` and paths into
 * the input (`operationContextParams`), then the rule set is evaluated by
 * `@smithy/util-endpoints` with the `aws.*` functions of `@aws-sdk/util-endpoints`.
 */
import type {
  AwsCredentialIdentity,
  Endpoint,
  EndpointParameters,
  EndpointV2,
  Logger,
  RuleSetObject,
} from "@smithy/types";
import type { OperationSchema } from "../schema.js";
import { type PathExpression, evaluatePath } from "./path-expression.js";
import { endpointRuleEngine } from "./rule-engine.js";

/** A rule set as the trait gives it; handed to `@smithy/util-endpoints` unchanged. */
export interface EndpointRuleSet {
  readonly version: string;
  readonly parameters: Readonly<
    Record<string, { readonly type: string; readonly builtIn?: string; readonly [key: string]: unknown }>
  >;
  readonly rules: readonly unknown[];
}

/** What a generated package with a rule set hands to the client (`src/endpoints.ts`). */
export interface EndpointRules {
  readonly ruleSet: EndpointRuleSet;
  /** `smithy.rules#clientContextParams`: rule set parameter → client configuration field. */
  readonly clientContextParams?: Readonly<Record<string, string>>;
}

/**
 * The client configuration field of each built-in, as SDK v3 names it.
 * `AWS::Auth::*` built-ins come from the credentials instead (see `CREDENTIAL_BUILT_INS`).
 */
export const BUILT_IN_CONFIG: Readonly<Record<string, string>> = {
  "AWS::Region": "region",
  "AWS::UseFIPS": "useFipsEndpoint",
  "AWS::UseDualStack": "useDualstackEndpoint",
  "SDK::Endpoint": "endpoint",
  "AWS::Auth::AccountIdEndpointMode": "accountIdEndpointMode",
};

/** Built-ins read from the resolved credentials: built-in → identity field. */
export const CREDENTIAL_BUILT_INS: Readonly<Record<string, keyof AwsCredentialIdentity>> = {
  "AWS::Auth::AccountId": "accountId",
  "AWS::Auth::CredentialScope": "credentialScope",
};

/** Where the client's configuration is read: resolved values by configuration field. */
export type EndpointConfigValues = Readonly<Record<string, unknown>>;

/** Evaluates `rules` for `params`; throws the rule set's `EndpointError` when it says so. */
export function resolveRulesEndpoint(rules: EndpointRules, params: EndpointParameters, logger?: Logger): EndpointV2 {
  const { resolveEndpoint } = endpointRuleEngine();
  return resolveEndpoint(rules.ruleSet as unknown as RuleSetObject, {
    // resolveEndpoint writes the parameters' defaults into the object it is given.
    endpointParams: { ...params } as Record<string, string | boolean>,
    ...(logger ? { logger } : {}),
  });
}

/** True when a built-in of the rule set is read from the credentials (so they must be resolved first). */
export function needsCredentials(rules: EndpointRules): boolean {
  return Object.values(rules.ruleSet.parameters).some(
    (p) => p.builtIn !== undefined && Object.hasOwn(CREDENTIAL_BUILT_INS, p.builtIn),
  );
}

/**
 * The rule set's parameters for one call, by precedence as in SDK v3: the
 * operation's static context parameters and input members override client
 * context parameters and built-ins.
 */
export function endpointParameters(
  rules: EndpointRules,
  config: EndpointConfigValues,
  operation: OperationSchema,
  input: object | undefined,
  identity: AwsCredentialIdentity | undefined,
): EndpointParameters {
  const params: EndpointParameters = {};
  for (const [name, parameter] of Object.entries(rules.ruleSet.parameters)) {
    const builtIn = parameter.builtIn;
    let value: unknown;
    if (operation.staticContextParams && Object.hasOwn(operation.staticContextParams, name)) {
      value = operation.staticContextParams[name];
    } else if (operation.contextParams && Object.hasOwn(operation.contextParams, name)) {
      value = (input as Record<string, unknown> | undefined)?.[operation.contextParams[name]!];
    } else if (operation.operationContextParams && Object.hasOwn(operation.operationContextParams, name)) {
      value = pathValue(operation.operationContextParams[name]!, input, parameter.type);
    } else if (rules.clientContextParams && Object.hasOwn(rules.clientContextParams, name)) {
      value = config[rules.clientContextParams[name]!];
    } else if (builtIn !== undefined && Object.hasOwn(CREDENTIAL_BUILT_INS, builtIn)) {
      value = identity?.[CREDENTIAL_BUILT_INS[builtIn]!];
    } else if (builtIn !== undefined && Object.hasOwn(BUILT_IN_CONFIG, builtIn)) {
      value = config[BUILT_IN_CONFIG[builtIn]!];
    }
    if (value !== undefined && value !== null) params[name] = value as string | boolean | string[];
  }
  return params;
}

/**
 * An `operationContextParams` path's value, when it has the parameter's type
 * (a string, or a list of strings); otherwise, or when a function in the path
 * meets a value of the wrong type, the parameter is left unset.
 */
function pathValue(path: PathExpression, input: object | undefined, type: string): unknown {
  let value: unknown;
  try {
    value = evaluatePath(path, input);
  } catch {
    return undefined;
  }
  if (type.toLowerCase() === "stringarray") {
    return Array.isArray(value) && value.every((v) => typeof v === "string") ? value : undefined;
  }
  return typeof value === (type.toLowerCase() === "boolean" ? "boolean" : "string") ? value : undefined;
}

/** The `SDK::Endpoint` value of a configured endpoint: a URL string, as SDK v3 passes it. */
export function endpointUrlOf(endpoint: string | Endpoint | undefined): string | undefined {
  if (endpoint === undefined || typeof endpoint === "string") return endpoint;
  const { protocol, hostname, port, path } = endpoint;
  return `${protocol}//${hostname}${port ? `:${port}` : ""}${path ?? ""}`;
}

/** The signing properties an endpoint's `authSchemes` give for SigV4, if any. */
export interface SigningOverride {
  readonly signingName?: string;
  readonly signingRegion?: string;
}

/** The first `sigv4` entry of the endpoint's `authSchemes`, as SDK v3 picks it. */
export function sigv4AuthScheme(endpoint: EndpointV2): SigningOverride | undefined {
  const schemes = endpoint.properties?.authSchemes;
  if (!Array.isArray(schemes)) return undefined;
  const scheme = schemes.find((s) => s?.name === "sigv4");
  if (scheme === undefined) return undefined;
  return {
    ...(typeof scheme.signingName === "string" ? { signingName: scheme.signingName } : {}),
    ...(typeof scheme.signingRegion === "string" ? { signingRegion: scheme.signingRegion } : {}),
  };
}

/** An endpoint URL as the `Endpoint` (v1) a request is built from. */
export function toEndpoint(url: URL): Endpoint {
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
