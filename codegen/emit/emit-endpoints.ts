/**
 * `src/endpoints.ts`: the service's `smithy.rules#endpointRuleSet`, unchanged,
 * with the configuration fields of its client context parameters; the
 * runtime client evaluates it per call. Nothing is emitted for a service
 * without a rule set: its client keeps deriving endpoints from `endpointPrefix`.
 */
import type { ShapeIndex } from "../index/shape-index.js";
import type { EndpointParameterType } from "../index/endpoint-rules.js";
import type { GeneratedFile } from "./generated-file.js";
import { Imports } from "./imports.js";
import { valueLiteral } from "./protocol-tests/literals.js";
import { RT } from "./runtime-symbols.js";

export function emitEndpoints(index: ShapeIndex): GeneratedFile[] {
  const rules = index.service.endpointRules;
  if (rules === undefined) return [];
  const { endpoints } = index.names.modules;
  const imports = new Imports(endpoints);
  const type = imports.use(RT.EndpointRules);
  const clientContextParams = Object.fromEntries(rules.clientContextParams.map((p) => [p.name, p.configName]));
  const value = {
    ruleSet: rules.ruleSet,
    ...(rules.clientContextParams.length > 0 ? { clientContextParams } : {}),
  };
  const doc =
    `/**\n * The endpoint rule set of ${index.service.id} (\`smithy.rules#endpointRuleSet\`, as the model gives it),` +
    `\n * evaluated by the client for each call.\n */`;
  return [
    {
      kind: "typescript-text",
      path: endpoints.path,
      text: `${imports.text()}\n\n${doc}\nexport const ${index.names.service.endpointRules}: ${type} = ${valueLiteral(value)};\n`,
    },
  ];
}

/** The TypeScript type of a rule set parameter's value. */
export function parameterTypeText(type: EndpointParameterType): string {
  return type === "boolean" ? "boolean" : type === "stringArray" ? "string[]" : "string";
}
