/**
 * Server protocol tests: operation implementations that record what they
 * receive and answer what a case says, requests built from a case, and
 * assertions on the handler's response.
 */
import assert from "node:assert/strict";
import { contentTypeOf, type ServiceSchema } from "@sjc/runtime";
import type { JsonRpcRequest, JsonRpcResponse } from "@sjc/runtime/server";
import { assertBody, assertHeaders, comparable, headerOf, type HeaderExpectations } from "./compare.js";

/**
 * An operation implementation that records its input in `received` and
 * answers `output` (default: no members). Its types follow the place it is
 * put, e.g. a method of a generated `<Service>Service`.
 */
export function recordInput<Input, Output>(
  received: unknown[],
  output: unknown = {},
): (input: Input) => Promise<Output> {
  return async (input) => {
    received.push(input);
    return output as Output;
  };
}

/** An operation implementation that answers `output`. */
export function answerWith<Input, Output>(output: unknown): (input: Input) => Promise<Output> {
  return recordInput<Input, Output>([], output);
}

/** An operation implementation that throws `error`, e.g. a generated modeled error. */
export function failWith<Input, Output>(error: Error): (input: Input) => Promise<Output> {
  return async () => {
    throw error;
  };
}

/** A request as a protocol test gives it. */
export interface TestRequest {
  readonly method: string;
  readonly uri: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
}

/** The operation a request is meant for, whose routing headers it needs. */
export interface Route {
  readonly schema: ServiceSchema;
  /** The operation's name, as in `X-Amz-Target`. */
  readonly operation: string;
}

/**
 * The handler's view of `request`, its body as bytes as a transport reads
 * them. With `route`, the operation's `X-Amz-Target` and the protocol's
 * `Content-Type` fill in what the case leaves out: some cases written for
 * clients omit them, and without them no awsJson request can be routed.
 */
export function serverRequest(request: TestRequest, route?: Route): JsonRpcRequest {
  const headers: Record<string, string> = {};
  if (route !== undefined) {
    const routing = {
      "content-type": contentTypeOf(route.schema.protocol),
      "x-amz-target": `${route.schema.name}.${route.operation}`,
    };
    for (const [name, value] of Object.entries(routing)) {
      if (headerOf(request.headers ?? {}, name) === undefined) headers[name] = value;
    }
  }
  for (const [name, value] of Object.entries(request.headers ?? {})) headers[name.toLowerCase()] = value;
  const queryStart = request.uri.indexOf("?");
  const path = queryStart < 0 ? request.uri : request.uri.slice(0, queryStart);
  const query: Record<string, string | string[]> = {};
  if (queryStart >= 0) {
    for (const [key, value] of new URLSearchParams(request.uri.slice(queryStart + 1))) {
      const seen = query[key];
      query[key] = seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value];
    }
  }
  return {
    method: request.method,
    headers,
    path,
    query,
    ...(request.body === undefined ? {} : { body: new TextEncoder().encode(request.body) }),
  };
}

/** The implementation must have been called once, with `expected` (typed params). */
export function assertReceivedInput(received: readonly unknown[], response: JsonRpcResponse, expected: unknown): void {
  if (received.length !== 1) {
    assert.fail(
      `Expected the operation to be called once, it was called ${received.length} times; ` +
        `the handler answered ${response.statusCode} ${response.body.slice(0, 300)}`,
    );
  }
  assert.deepEqual(comparable(received[0]), comparable(expected), "input");
}

/** An `httpResponseTests` case, as far as a server is held to it. */
export interface ExpectedResponse extends HeaderExpectations {
  readonly code: number;
  readonly body?: string;
  readonly bodyMediaType?: string;
}

export function assertHttpResponse(response: JsonRpcResponse, expected: ExpectedResponse): void {
  assert.equal(response.statusCode, expected.code, `status code (body ${response.body.slice(0, 300)})`);
  assertHeaders(response.headers, expected);
  if (expected.body !== undefined) {
    assertBody(response.body, expected.body, expected.bodyMediaType, { what: "response body", errorType: true });
  }
}

/** The `response` of an `httpMalformedRequestTests` case. */
export interface ExpectedMalformedResponse {
  readonly code: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: {
    readonly mediaType: string;
    readonly assertion: { readonly contents?: string; readonly messageRegex?: string };
  };
}

export function assertMalformedResponse(response: JsonRpcResponse, expected: ExpectedMalformedResponse): void {
  assert.equal(response.statusCode, expected.code, `status code (body ${response.body.slice(0, 300)})`);
  assertHeaders(response.headers, { headers: expected.headers ?? {} });
  const assertion = expected.body?.assertion;
  if (assertion?.contents !== undefined) {
    assertBody(response.body, assertion.contents, expected.body!.mediaType, { what: "response body", errorType: true });
  }
  if (assertion?.messageRegex !== undefined) {
    const message = messageOf(response.body);
    assert.match(message, new RegExp(assertion.messageRegex), "error message");
  }
}

/** The `message` (or `Message`) of a JSON error body. */
function messageOf(body: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    assert.fail(`The error body is not JSON: ${JSON.stringify(body.slice(0, 200))}`);
  }
  const object = (typeof parsed === "object" && parsed !== null ? parsed : {}) as Record<string, unknown>;
  const message = object.message ?? object.Message;
  if (typeof message !== "string") assert.fail(`The error body has no message: ${body.slice(0, 200)}`);
  return message;
}
