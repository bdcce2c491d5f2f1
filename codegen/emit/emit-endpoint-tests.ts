/**
 * `test/endpoints.spec.ts`: mocha tests generated from the service's
 * `smithy.rules#endpointTests`, one `it()` per case. Each case's `params`
 * go straight to the rule set; each of its `operationInputs` is sent through
 * the package's own client, configured from the built-in and client
 * parameters, to a stub handler, and the request is checked against the
 * expected URL, headers and signing properties (or the call against the
 * expected error). The assertions live in `@sjc/testing`.
 */
import type { NodeValue } from "../load/ast.js";
import type { ShapeIndex } from "../index/shape-index.js";
import type { EndpointOperationInput, EndpointTestCase } from "../index/endpoint-rules.js";
import type { GeneratedFile } from "./generated-file.js";
import { Imports } from "./imports.js";
import { RT } from "./runtime-symbols.js";
import { valueLiteral } from "./protocol-tests/literals.js";

export function emitEndpointTests(index: ShapeIndex): GeneratedFile[] {
  const rules = index.service.endpointRules;
  if (rules === undefined || rules.tests.length === 0) return [];
  const { endpointTests } = index.names.modules;
  const imports = new Imports(endpointTests);
  const its = rules.tests.map((c) => itBlock(index, imports, c));
  const title = `${index.service.id} endpoint tests (smithy.rules#endpointTests)`;
  const suite = `describe(${JSON.stringify(title)}, () => {\n${its.join("\n\n")}\n});`;
  return [
    { kind: "typescript-text", path: endpointTests.path, text: `${imports.text()}\n\nexport default ${suite}\n` },
  ];
}

function itBlock(index: ShapeIndex, imports: Imports, c: EndpointTestCase): string {
  const title = `case ${c.number}: ${c.documentation ?? "(no documentation)"}`;
  const expect = valueLiteral(c.expect);
  const rules = imports.from(index.names.modules.index, index.names.service.endpointRules);
  const lines = [`${imports.use(RT.assertEndpointCase)}(${rules}, ${valueLiteral(c.params)}, ${expect});`];
  for (const input of c.operationInputs) lines.push(clientCall(index, imports, input, expect));
  return `it(${JSON.stringify(title)}, async () => {\n${lines.join("\n")}\n});`;
}

/** The call of one operation input, through the client, with the case's expectation. */
function clientCall(index: ShapeIndex, imports: Imports, input: EndpointOperationInput, expect: string): string {
  const operation = index.operations.find((op) => op.name === input.operationName);
  if (operation === undefined) {
    const message = `the endpoint test names operation ${input.operationName}, which the service does not have`;
    return `throw new Error(${JSON.stringify(message)});`;
  }
  const names = index.names.operation(operation.name);
  const { service, modules } = index.names;
  const client = imports.from(modules.index, service.client);
  const command = imports.from(modules.index, names.command);
  const args =
    operation.input === undefined
      ? ""
      : `${imports.use(RT.fromParams)}(${imports.from(modules.index, service.serviceSchema)}, ` +
        `${JSON.stringify(operation.input)}, ${valueLiteral(input.operationParams)})`;
  const configNames = new Map(
    (index.service.endpointRules?.clientContextParams ?? []).map((p) => [p.name, p.configName]),
  );
  const clientContext: Record<string, NodeValue> = {};
  for (const [name, value] of Object.entries(input.clientParams)) clientContext[configNames.get(name) ?? name] = value;
  const send = `(config) => new ${client}(config).send(new ${command}(${args}))`;
  return (
    `await ${imports.use(RT.assertClientEndpoint)}(${send}, ` +
    `${valueLiteral(input.builtInParams)}, ${valueLiteral(clientContext)}, ${expect});`
  );
}
