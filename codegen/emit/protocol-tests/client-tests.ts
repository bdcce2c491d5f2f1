/**
 * Client tests: the generated client sends through a stub request handler.
 * A request case builds the input from `params` and checks the request the
 * stub captured; a response case feeds the canned response and checks the
 * output, or the modeled error thrown, against `params`.
 */
import type { HttpRequestCase, HttpResponseCase } from "../../index/protocol-tests.js";
import type { Operation, Shape } from "../../index/shape-index.js";
import { RT } from "../runtime-symbols.js";
import { type TestContext, hasMembers } from "./context.js";
import { binaryMediaType, mediaTypeLiteral, objectLiteral, stringLiteral, valueLiteral } from "./literals.js";

const ERROR_CODE_PARAMS = "aws.protocoltests.config#ErrorCodeParams";

/** What a case needs that these tests cannot express, if anything. */
export function clientUnsupported(test: {
  operation: Operation;
  error?: Shape;
  case: HttpRequestCase | HttpResponseCase;
}): string | undefined {
  const c = test.case;
  if ("queryParams" in c && (c.queryParams?.length || c.forbidQueryParams?.length || c.requireQueryParams?.length)) {
    return "query parameter assertions (the RPC protocols send none)";
  }
  if (c.vendorParamsShape !== undefined && (c.vendorParamsShape !== ERROR_CODE_PARAMS || !test.error)) {
    return `vendorParams of ${c.vendorParamsShape}`;
  }
  const target = "method" in c ? test.operation.input : test.error ? test.error.id : test.operation.output;
  if (target === undefined && hasMembers(c.params)) return "params for an operation side that has no shape";
  return undefined;
}

export function clientRequestTest(context: TestContext, operation: Operation, c: HttpRequestCase): string[] {
  const imports = context.imports;
  const input = operation.input ? context.typed(operation.input, c.params) : "";
  const expected = objectLiteral({
    method: JSON.stringify(c.method),
    uri: JSON.stringify(c.uri),
    host: c.host === undefined ? undefined : JSON.stringify(c.host),
    resolvedHost: c.resolvedHost === undefined ? undefined : JSON.stringify(c.resolvedHost),
    headers: c.headers && valueLiteral(c.headers),
    requireHeaders: c.requireHeaders && valueLiteral(c.requireHeaders),
    forbidHeaders: c.forbidHeaders && valueLiteral(c.forbidHeaders),
    body: c.body === undefined ? undefined : stringLiteral(c.body),
    bodyMediaType: mediaTypeLiteral(context.mediaType(c.bodyMediaType)),
  });
  const config = c.host === undefined ? "http" : `http, { host: ${JSON.stringify(c.host)} }`;
  return [
    `const http = new ${imports.use(RT.StubHttpHandler)}();`,
    `const client = new ${context.own(context.index.names.service.client)}(${imports.use(RT.testClientConfig)}(${config}));`,
    `await client.send(new ${context.command(operation)}(${input}));`,
    `${imports.use(RT.assertHttpRequest)}(http.request(), ${expected});`,
  ];
}

export function clientResponseTest(
  context: TestContext,
  operation: Operation,
  error: Shape | undefined,
  c: HttpResponseCase,
): string[] {
  const imports = context.imports;
  const canned = objectLiteral({
    code: String(c.code),
    headers: c.headers && valueLiteral(c.headers),
    body: c.body === undefined ? undefined : stringLiteral(c.body),
    bodyMediaType: binaryMediaType(context.mediaType(c.bodyMediaType)),
  });
  const call = `client.send(new ${context.command(operation)}(${anyInput(context, operation)}))`;
  const lines = [
    `const http = new ${imports.use(RT.StubHttpHandler)}(${canned});`,
    `const client = new ${context.own(context.index.names.service.client)}(${imports.use(RT.testClientConfig)}(http, { disableHostPrefix: true }));`,
  ];
  if (error === undefined) {
    const expected = operation.output ? context.typed(operation.output, c.params) : "{}";
    lines.push(`const output = await ${call};`, `${imports.use(RT.assertOutput)}(output, ${expected});`);
    return lines;
  }
  const errorClass = context.own(context.index.names.shape(error.id));
  lines.push(
    `const error = await ${imports.use(RT.expectError)}(${call});`,
    `${imports.use(RT.assertModeledError)}(error, new ${errorClass}(${context.typed(error.id, c.params)}));`,
  );
  if (c.vendorParamsShape === ERROR_CODE_PARAMS && c.vendorParams) {
    lines.push(`${imports.use(RT.assertQueryError)}(error, ${valueLiteral(c.vendorParams)});`);
  }
  return lines;
}

/** A response case has no input: send the emptiest one the command's type accepts. */
function anyInput(context: TestContext, operation: Operation): string {
  if (operation.inputOptional) return "";
  return `{} as ${context.own(context.index.names.operation(operation.name).commandInput, true)}`;
}
