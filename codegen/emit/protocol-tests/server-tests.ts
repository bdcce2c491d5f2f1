/**
 * Server tests: the generated handler factory wraps an implementation of the
 * one operation under test. A request case checks the input the
 * implementation received; a response case has it answer `params` (or throw
 * the modeled error) and checks the HTTP response; a malformed-request case
 * checks how the handler rejects the request.
 */
import type { HttpMalformedRequestCase, HttpRequestCase, HttpResponseCase } from "../../index/protocol-tests.js";
import type { PlannedTest } from "./cases.js";
import type { Operation, Shape } from "../../index/shape-index.js";
import { RT } from "../runtime-symbols.js";
import { type TestContext, hasMembers } from "./context.js";
import { binaryMediaType, mediaTypeLiteral, objectLiteral, stringLiteral, valueLiteral } from "./literals.js";

export function serverUnsupported(test: PlannedTest): string | undefined {
  if (test.kind === "malformed") {
    if (test.case.testParameters !== undefined) return "parameterized malformed-request cases (testParameters)";
    if (test.case.request.queryParams?.length) return "query parameters (the RPC protocols read none)";
    return undefined;
  }
  const target =
    test.kind === "request"
      ? test.operation.input
      : test.kind === "response" && test.error
        ? test.error.id
        : test.operation.output;
  if (target === undefined && hasMembers(test.case.params)) return "params for an operation side that has no shape";
  return undefined;
}

export function serverRequestTest(context: TestContext, operation: Operation, c: HttpRequestCase): string[] {
  const imports = context.imports;
  const expected = operation.input ? context.typed(operation.input, c.params) : "{}";
  return [
    "const received: unknown[] = [];",
    `const handler = ${handler(context, operation, `${imports.use(RT.recordInput)}(received)`)};`,
    `const response = await handler(${imports.use(RT.serverRequest)}(${requestLiteral(context, c)}, ${route(context, operation)}));`,
    `${imports.use(RT.assertReceivedInput)}(received, response, ${expected});`,
  ];
}

/**
 * @param accepted a request the operation accepts (its first server request
 * case), so that validation lets the call through to the implementation.
 */
export function serverResponseTest(
  context: TestContext,
  operation: Operation,
  error: Shape | undefined,
  c: HttpResponseCase,
  accepted: HttpRequestCase | undefined,
): string[] {
  const imports = context.imports;
  const implementation =
    error === undefined
      ? `${imports.use(RT.answerWith)}(${operation.output ? context.typed(operation.output, c.params) : "{}"})`
      : `${imports.use(RT.failWith)}(new ${context.own(context.index.names.shape(error.id))}(${context.typed(error.id, c.params)}))`;
  // Without one, a bodiless POST to the operation's path, which every protocol reads as `{}`.
  const request = accepted ? requestLiteral(context, accepted) : objectLiteral({ method: '"POST"' });
  const expected = objectLiteral({
    code: String(c.code),
    headers: c.headers && valueLiteral(c.headers),
    requireHeaders: c.requireHeaders && valueLiteral(c.requireHeaders),
    forbidHeaders: c.forbidHeaders && valueLiteral(c.forbidHeaders),
    body: c.body === undefined ? undefined : stringLiteral(c.body),
    bodyMediaType: mediaTypeLiteral(context.mediaType(c.bodyMediaType)),
  });
  return [
    `const handler = ${handler(context, operation, implementation)};`,
    `const response = await handler(${imports.use(RT.serverRequest)}(${request}, ${route(context, operation)}));`,
    `${imports.use(RT.assertHttpResponse)}(response, ${expected});`,
  ];
}

export function serverMalformedRequestTest(
  context: TestContext,
  operation: Operation,
  c: HttpMalformedRequestCase,
): string[] {
  const imports = context.imports;
  const expected = objectLiteral({
    code: String(c.response.code),
    headers: c.response.headers && valueLiteral(c.response.headers),
    body: c.response.body && bodyAssertion(c.response.body),
  });
  return [
    `const handler = ${handler(context, operation, `${imports.use(RT.answerWith)}({})`)};`,
    `const response = await handler(${imports.use(RT.serverRequest)}(${requestLiteral(context, c.request)}));`,
    `${imports.use(RT.assertMalformedResponse)}(response, ${expected});`,
  ];
}

/** `create<Service>Handler({ <Operation>: <implementation> })` */
function handler(context: TestContext, operation: Operation, implementation: string): string {
  return `${context.ownServer(context.index.names.service.handlerFactory)}({ ${operation.name}: ${implementation} })`;
}

/** `{ schema: serviceSchema, operation: "<Operation>" }`: fills in the routing headers a case leaves out. */
function route(context: TestContext, operation: Operation): string {
  return objectLiteral({
    schema: context.own(context.index.names.service.serviceSchema),
    operation: JSON.stringify(operation.name),
  });
}

function requestLiteral(
  context: TestContext,
  request: {
    method: string;
    uri: string;
    headers?: Readonly<Record<string, string>>;
    body?: string;
    bodyMediaType?: string;
  },
): string {
  return objectLiteral({
    method: JSON.stringify(request.method),
    uri: JSON.stringify(request.uri),
    headers: request.headers && valueLiteral(request.headers),
    body: request.body === undefined ? undefined : stringLiteral(request.body),
    bodyMediaType: binaryMediaType(context.mediaType(request.bodyMediaType)),
  });
}

function bodyAssertion(body: NonNullable<HttpMalformedRequestCase["response"]["body"]>): string {
  const { contents, messageRegex } = body.assertion;
  const assertion = objectLiteral({
    contents: contents === undefined ? undefined : stringLiteral(contents),
    messageRegex: messageRegex === undefined ? undefined : JSON.stringify(messageRegex),
  });
  return objectLiteral({ mediaType: JSON.stringify(body.mediaType), assertion });
}
