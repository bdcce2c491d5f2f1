/**
 * The `smithy.rules#…` traits, decoded: the service's endpoint rule set and
 * its test cases, its client context parameters, and per operation the
 * static and input-bound (`contextParam`) parameter values. The rule set
 * itself stays the trait's JSON: the runtime hands it, unchanged, to
 * `@smithy/util-endpoints`.
 */
import type { AstShape, NodeValue, Traits } from "../load/ast.js";
import { clientContextConfigName } from "./names.js";
import { type PathExpression, compilePath } from "./jmespath.js";

const TRAIT = {
  ruleSet: "smithy.rules#endpointRuleSet",
  tests: "smithy.rules#endpointTests",
  clientContextParams: "smithy.rules#clientContextParams",
  staticContextParams: "smithy.rules#staticContextParams",
  contextParam: "smithy.rules#contextParam",
  operationContextParams: "smithy.rules#operationContextParams",
} as const;

export const OPERATION_CONTEXT_PARAMS = TRAIT.operationContextParams;

export type EndpointParameterType = "string" | "boolean" | "stringArray";

export interface EndpointParameter {
  /** As the rule set names it, e.g. `UseFIPS`. */
  readonly name: string;
  readonly type: EndpointParameterType;
  /** e.g. `AWS::Region`; the client fills it from its configuration. */
  readonly builtIn?: string;
  readonly required: boolean;
  readonly default?: NodeValue;
  readonly documentation?: string;
}

/** A parameter the caller sets through the client configuration, `smithy.rules#clientContextParams`. */
export interface ClientContextParameter {
  readonly name: string;
  readonly type: EndpointParameterType;
  /** The configuration field, as SDK v3 names it: the parameter's name, first letter lower case. */
  readonly configName: string;
  readonly documentation?: string;
}

/** The endpoint a test case expects, or the error. */
export type EndpointExpectation =
  | {
      readonly endpoint: {
        readonly url: string;
        readonly headers?: Readonly<Record<string, readonly string[]>>;
        readonly properties?: Readonly<Record<string, NodeValue>>;
      };
    }
  | { readonly error: string };

/** One call of a test case: the operation, its input, the built-ins and client parameters it is made with. */
export interface EndpointOperationInput {
  readonly operationName: string;
  readonly operationParams: Readonly<Record<string, NodeValue>>;
  readonly builtInParams: Readonly<Record<string, NodeValue>>;
  readonly clientParams: Readonly<Record<string, NodeValue>>;
}

export interface EndpointTestCase {
  /** Position in the trait, from 1: test cases have no ids. */
  readonly number: number;
  readonly documentation?: string;
  readonly params: Readonly<Record<string, NodeValue>>;
  readonly operationInputs: readonly EndpointOperationInput[];
  readonly expect: EndpointExpectation;
}

export interface EndpointRules {
  /** The `smithy.rules#endpointRuleSet` value, unchanged. */
  readonly ruleSet: NodeValue;
  /** In the rule set's order. */
  readonly parameters: readonly EndpointParameter[];
  readonly clientContextParams: readonly ClientContextParameter[];
  readonly tests: readonly EndpointTestCase[];
}

/** How an operation sets rule set parameters. */
export interface OperationEndpointParams {
  /** `smithy.rules#staticContextParams`: parameter → value. */
  readonly staticContextParams: Readonly<Record<string, NodeValue>>;
  /** `smithy.rules#contextParam` on input members: parameter → member name. */
  readonly contextParams: Readonly<Record<string, string>>;
  /** `smithy.rules#operationContextParams`: parameter → its path into the input, compiled. */
  readonly operationContextParams: Readonly<Record<string, PathExpression>>;
}

/** The service's endpoint rules; undefined when it has no rule set. */
export function endpointRulesOf(service: AstShape): EndpointRules | undefined {
  const traits = service.traits ?? {};
  const ruleSet = traits[TRAIT.ruleSet];
  if (!isObject(ruleSet)) return undefined;
  const parameters = Object.entries(isObject(ruleSet.parameters) ? ruleSet.parameters : {}).map(([name, value]) =>
    toParameter(name, isObject(value) ? value : {}),
  );
  return {
    ruleSet,
    parameters,
    clientContextParams: clientContextParamsOf(traits),
    tests: testCasesOf(traits[TRAIT.tests]),
  };
}

export function operationEndpointParams(operation: AstShape, input: AstShape | undefined): OperationEndpointParams {
  const declared = operation.traits?.[TRAIT.staticContextParams];
  const staticContextParams: Record<string, NodeValue> = {};
  for (const [name, entry] of Object.entries(isObject(declared) ? declared : {})) {
    if (isObject(entry) && entry.value !== undefined) staticContextParams[name] = entry.value;
  }
  const contextParams: Record<string, string> = {};
  for (const [member, shape] of Object.entries(input?.members ?? {})) {
    const binding = shape.traits?.[TRAIT.contextParam];
    if (isObject(binding) && typeof binding.name === "string") contextParams[binding.name] = member;
  }
  const operationContextParams: Record<string, PathExpression> = {};
  for (const [name, path] of operationContextPaths(operation)) operationContextParams[name] = compilePath(path);
  return { staticContextParams, contextParams, operationContextParams };
}

/**
 * The paths of `smithy.rules#operationContextParams`, parameter → JMESPath
 * text; the validator reports entries without a string `path`.
 */
export function operationContextPaths(operation: AstShape): [string, string][] {
  const declared = operation.traits?.[TRAIT.operationContextParams];
  return Object.entries(isObject(declared) ? declared : {}).flatMap(([name, entry]) =>
    isObject(entry) && typeof entry.path === "string" ? [[name, entry.path] as [string, string]] : [],
  );
}

function toParameter(name: string, value: Readonly<Record<string, NodeValue>>): EndpointParameter {
  return {
    name,
    type: parameterType(value.type),
    ...(typeof value.builtIn === "string" ? { builtIn: value.builtIn } : {}),
    required: value.required === true,
    ...(value.default !== undefined ? { default: value.default } : {}),
    ...(typeof value.documentation === "string" ? { documentation: value.documentation } : {}),
  };
}

function clientContextParamsOf(traits: Traits): ClientContextParameter[] {
  const declared = traits[TRAIT.clientContextParams];
  return Object.entries(isObject(declared) ? declared : {}).map(([name, value]) => {
    const entry = isObject(value) ? value : {};
    return {
      name,
      type: parameterType(entry.type),
      configName: clientContextConfigName(name),
      ...(typeof entry.documentation === "string" ? { documentation: entry.documentation } : {}),
    };
  });
}

function testCasesOf(trait: NodeValue | undefined): EndpointTestCase[] {
  const cases = isObject(trait) && Array.isArray(trait.testCases) ? trait.testCases : [];
  return cases.filter(isObject).map((c, i) => ({
    number: i + 1,
    ...(typeof c.documentation === "string" ? { documentation: c.documentation } : {}),
    params: record(c.params),
    operationInputs: (Array.isArray(c.operationInputs) ? c.operationInputs : []).filter(isObject).map((o) => ({
      operationName: String(o.operationName),
      operationParams: record(o.operationParams),
      builtInParams: record(o.builtInParams),
      clientParams: record(o.clientParams),
    })),
    expect: expectationOf(record(c.expect)),
  }));
}

function expectationOf(expect: Readonly<Record<string, NodeValue>>): EndpointExpectation {
  if (typeof expect.error === "string") return { error: expect.error };
  const endpoint = record(expect.endpoint);
  const headers = record(endpoint.headers);
  return {
    endpoint: {
      url: String(endpoint.url),
      ...(Object.keys(headers).length > 0
        ? {
            headers: Object.fromEntries(
              Object.entries(headers).map(([name, values]) => [
                name,
                (Array.isArray(values) ? values : [values]).map(String),
              ]),
            ),
          }
        : {}),
      ...(endpoint.properties !== undefined ? { properties: record(endpoint.properties) } : {}),
    },
  };
}

/** Smithy spells parameter types in either case (`String`, `string`). */
function parameterType(type: NodeValue | undefined): EndpointParameterType {
  const lower = String(type).toLowerCase();
  return lower === "boolean" ? "boolean" : lower === "stringarray" ? "stringArray" : "string";
}

function record(value: NodeValue | undefined): Readonly<Record<string, NodeValue>> {
  return isObject(value) ? value : {};
}

function isObject(value: NodeValue | undefined): value is { [key: string]: NodeValue } {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
