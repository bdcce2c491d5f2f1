/**
 * Server protocol tests: operation implementations that record what they
 * receive and answer what a case says, requests built from a case, and
 * assertions on the handler's response.
 */
import assert from "node:assert/strict";
import { codecFor, type ServiceSchema } from "@sjc/runtime";
import type { JsonRpcRequest, JsonRpcResponse } from "@sjc/runtime/server";
import {
  assertBody,
  assertHeaders,
  bodyPreview,
  caseBodyBytes,
  comparable,
  decodeErrorBody,
  headerOf,
  type HeaderExpectations,
} from "./compare.js";

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
  /** Default: the path the protocol posts the route's operation to. */
  readonly uri?: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** Text, or base64 when `bodyMediaType` is binary (CBOR). */
  readonly body?: string;
  readonly bodyMediaType?: string;
}

/** The operation a request is meant for, whose routing headers it needs. */
export interface Route {
  readonly schema: ServiceSchema;
  /** The operation's name. */
  readonly operation: string;
}

/**
 * The handler's view of `request`, its body as bytes as a transport reads
 * them. With `route`, the protocol's routing headers (`X-Amz-Target` and
 * `Content-Type` for awsJson, `smithy-protocol` for rpcv2Cbor) fill in what
 * the case leaves out: some cases written for clients omit them, and
 * without them no request can be routed.
 */
export function serverRequest(request: TestRequest, route?: Route): JsonRpcRequest {
  const headers: Record<string, string> = {};
  const body =
    request.body === undefined || request.body === "" ? undefined : caseBodyBytes(request.body, request.bodyMediaType);
  const codec = route === undefined ? undefined : codecFor(route.schema.protocol);
  if (route !== undefined) {
    const routing = codec!.requestHeaders(route.schema, route.operation, body !== undefined);
    for (const [name, value] of Object.entries(routing)) {
      if (headerOf(request.headers ?? {}, name) === undefined) headers[name] = value;
    }
  }
  for (const [name, value] of Object.entries(request.headers ?? {})) headers[name.toLowerCase()] = value;
  const uri = request.uri ?? (route ? codec!.requestPath("/", route.schema, route.operation) : "/");
  const queryStart = uri.indexOf("?");
  const path = queryStart < 0 ? uri : uri.slice(0, queryStart);
  const query: Record<string, string | string[]> = {};
  if (queryStart >= 0) {
    for (const [key, value] of new URLSearchParams(uri.slice(queryStart + 1))) {
      const seen = query[key];
      query[key] = seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value];
    }
  }
  return {
    method: request.method,
    headers,
    path,
    query,
    ...(request.body === undefined ? {} : { body: body ?? new Uint8Array(0) }),
  };
}

/** The implementation must have been called once, with `expected` (typed params). */
export function assertReceivedInput(received: readonly unknown[], response: JsonRpcResponse, expected: unknown): void {
  if (received.length !== 1) {
    assert.fail(
      `Expected the operation to be called once, it was called ${received.length} times; ` +
        `the handler answered ${response.statusCode} ${bodyPreview(response.body)}`,
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
  assert.equal(response.statusCode, expected.code, `status code (body ${bodyPreview(response.body)})`);
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
  assert.equal(response.statusCode, expected.code, `status code (body ${bodyPreview(response.body)})`);
  assertHeaders(response.headers, { headers: expected.headers ?? {} });
  const assertion = expected.body?.assertion;
  if (assertion?.contents !== undefined) {
    assertBody(response.body, assertion.contents, expected.body!.mediaType, { what: "response body", errorType: true });
  }
  if (assertion?.messageRegex !== undefined) {
    const message = messageOf(response.body, expected.body!.mediaType);
    assert.match(message, new RegExp(assertion.messageRegex), "error message");
  }
}

/** The `message` (or `Message`) of a JSON or CBOR error body. */
function messageOf(body: string | Uint8Array, mediaType: string): string {
  let object: Record<string, unknown>;
  try {
    object = decodeErrorBody(body, mediaType);
  } catch {
    assert.fail(`The error body cannot be decoded as ${mediaType}: ${bodyPreview(body, 200)}`);
  }
  const message = object.message ?? object.Message;
  if (typeof message !== "string") assert.fail(`The error body has no message: ${bodyPreview(body, 200)}`);
  return message;
}
