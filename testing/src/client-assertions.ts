/** Assertions of client protocol tests: the request a client sent, the output or error it returned. */
import assert from "node:assert/strict";
import type { HttpRequest } from "@smithy/protocol-http";
import type { ServiceException } from "@sjc/runtime";
import { assertBody, assertHeaders, bodyOf, comparable, type HeaderExpectations } from "./compare.js";

/** An `httpRequestTests` case, as far as a client is held to it. */
export interface ExpectedRequest extends HeaderExpectations {
  readonly method: string;
  /** Path and query, e.g. `/` or `/custom/`. */
  readonly uri: string;
  /** The case's `host`: where the client's endpoint points (host and optional base path). */
  readonly host?: string;
  /** The host the request must go to, e.g. after a host prefix was applied. */
  readonly resolvedHost?: string;
  readonly body?: string;
  readonly bodyMediaType?: string;
}

export function assertHttpRequest(request: HttpRequest, expected: ExpectedRequest): void {
  assert.equal(request.method, expected.method, "method");
  assert.equal(uriOf(request), expected.uri, "uri");
  const host = expected.resolvedHost ?? expected.host?.split("/")[0];
  if (host !== undefined) {
    const actual = request.port === undefined ? request.hostname : `${request.hostname}:${request.port}`;
    assert.equal(actual, host, "host");
  }
  assertHeaders(request.headers, expected);
  if (expected.body !== undefined) {
    assertBody(bodyOf(request.body), expected.body, expected.bodyMediaType, { what: "request body" });
  }
}

function uriOf(request: HttpRequest): string {
  const query = Object.entries(request.query ?? {}).flatMap(([key, value]) =>
    (Array.isArray(value) ? value : [value]).map((v) =>
      v === null ? encodeURIComponent(key) : `${encodeURIComponent(key)}=${encodeURIComponent(v as string)}`,
    ),
  );
  return query.length === 0 ? request.path : `${request.path}?${query.join("&")}`;
}

/** Compares an operation's output with the case's `params`, ignoring `$metadata`. */
export function assertOutput(output: object, expected: unknown): void {
  const { $metadata: _metadata, ...members } = output as Record<string, unknown>;
  assert.deepEqual(comparable(members), comparable(expected), "output");
}

/** The rejection of `call`; fails when it resolves. */
export async function expectError(call: Promise<unknown>): Promise<unknown> {
  try {
    await call;
  } catch (error) {
    return error;
  }
  assert.fail("Expected the call to fail with a modeled error, but it succeeded");
}

/**
 * The error must be an instance of `expected`'s class, with the same members.
 * Its `message` is compared only when `expected` has one (the error shape
 * models `message`), as a client fills it from `Message` too.
 */
export function assertModeledError(actual: unknown, expected: ServiceException): void {
  const Expected = expected.constructor as abstract new (...args: never[]) => ServiceException;
  if (!(actual instanceof Expected)) {
    const found = actual instanceof Error ? `${actual.name}: ${actual.message}` : String(actual);
    assert.fail(`Expected a ${Expected.name}, got ${found}`);
  }
  const fields = Object.keys(expected).filter((key) => key !== "$metadata");
  const pick = (error: object) =>
    Object.fromEntries(fields.map((key) => [key, (error as Record<string, unknown>)[key]]));
  assert.deepEqual(comparable(pick(actual)), comparable(pick(expected)), "error members");
  if (expected.message !== "") assert.equal(actual.message, expected.message, "error message");
}

/** `aws.protocoltests.config#ErrorCodeParams`: the query error code (and type) an awsQueryCompatible client exposes. */
export interface QueryErrorParams {
  readonly code: string;
  readonly type?: string;
}

export function assertQueryError(actual: unknown, expected: QueryErrorParams): void {
  const error = actual as { Code?: unknown; Type?: unknown };
  assert.equal(error.Code, expected.code, "query error code (Code)");
  if (expected.type !== undefined) assert.equal(error.Type, expected.type, "query error type (Type)");
}
