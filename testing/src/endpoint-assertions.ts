/**
 * Assertions of generated endpoint tests (`smithy.rules#endpointTests`): the
 * rule set evaluated for a case's parameters, and a call through the client
 * configured from a case's built-in and client parameters.
 */
import assert from "node:assert/strict";
import type { HttpRequest } from "@smithy/protocol-http";
import {
  BUILT_IN_CONFIG,
  CREDENTIAL_BUILT_INS,
  resolveRulesEndpoint,
  type EndpointRules,
  type JsonRpcClientConfig,
} from "@sjc/runtime";
import { StubHttpHandler } from "./stub-http-handler.js";

/** A test case's `expect`: an endpoint, or the rule set's error message. */
export type EndpointExpectation =
  | {
      readonly endpoint: {
        readonly url: string;
        readonly headers?: Readonly<Record<string, readonly string[]>>;
        readonly properties?: Readonly<Record<string, unknown>>;
      };
    }
  | { readonly error: string };

type Params = Readonly<Record<string, unknown>>;

/** Evaluates the rule set for `params` and compares URL, headers and properties, or the error. */
export function assertEndpointCase(rules: EndpointRules, params: Params, expected: EndpointExpectation): void {
  let endpoint;
  try {
    endpoint = resolveRulesEndpoint(rules, params as Record<string, string | boolean>);
  } catch (error) {
    if (!("error" in expected)) throw error;
    assert.equal((error as Error).message, expected.error, "error");
    return;
  }
  if ("error" in expected)
    assert.fail(`expected the error ${JSON.stringify(expected.error)}, got ${endpoint.url.href}`);
  assert.equal(endpoint.url.href, new URL(expected.endpoint.url).href, "url");
  assert.deepEqual(endpoint.headers ?? {}, expected.endpoint.headers ?? {}, "headers");
  assert.deepEqual(endpoint.properties ?? {}, expected.endpoint.properties ?? {}, "properties");
}

/** Test credentials; the `AWS::Auth::*` built-ins of a case join them. */
const CREDENTIALS = { accessKeyId: "AKID", secretAccessKey: "SECRET" };

/**
 * Sends one call, with a client configured from `builtInParams` (as SDK v3
 * names their fields) and `clientParams` (client context parameters, by
 * configuration field), to a stub handler; then checks the request it sent
 * against the expected endpoint, or the call's error against the expected one.
 */
export async function assertClientEndpoint(
  send: (config: JsonRpcClientConfig) => Promise<unknown>,
  builtInParams: Params,
  clientParams: Params,
  expected: EndpointExpectation,
): Promise<void> {
  const http = new StubHttpHandler();
  const credentials: Record<string, unknown> = { ...CREDENTIALS };
  const config: Record<string, unknown> = { requestHandler: http, maxAttempts: 1, clientContextParams: clientParams };
  for (const [name, value] of Object.entries(builtInParams)) {
    if (Object.hasOwn(CREDENTIAL_BUILT_INS, name)) credentials[CREDENTIAL_BUILT_INS[name]!] = value;
    else if (Object.hasOwn(BUILT_IN_CONFIG, name)) config[BUILT_IN_CONFIG[name]!] = value;
    else throw new Error(`no client configuration field is known for the built-in ${name}`);
  }
  config.credentials = credentials;
  let failure: unknown;
  try {
    await send(config as JsonRpcClientConfig);
  } catch (error) {
    failure = error;
  }
  if ("error" in expected) {
    assert.ok(failure instanceof Error, `expected the error ${JSON.stringify(expected.error)}, the call succeeded`);
    assert.equal(failure.message, expected.error, "error");
    assert.equal(http.requests.length, 0, "no request is sent");
    return;
  }
  if (failure !== undefined) throw failure;
  assertRequestEndpoint(http.request(), expected.endpoint);
}

/** The request went to the endpoint's URL, with its headers, signed as its `authSchemes` say. */
function assertRequestEndpoint(
  request: HttpRequest,
  endpoint: Extract<EndpointExpectation, { endpoint: unknown }>["endpoint"],
): void {
  const url = new URL(endpoint.url);
  assert.equal(request.protocol, url.protocol, "protocol");
  assert.equal(request.hostname, url.hostname, "hostname");
  assert.equal(request.port === undefined ? "" : String(request.port), url.port, "port");
  // awsJson posts to the endpoint's path, which ends with a slash.
  assert.equal(request.path, url.pathname.endsWith("/") ? url.pathname : `${url.pathname}/`, "path");
  for (const [name, values] of Object.entries(endpoint.headers ?? {})) {
    assert.equal(request.headers[name], values.join(","), `header ${name}`);
  }
  const schemes = (endpoint.properties?.authSchemes ?? []) as { name?: string; [key: string]: unknown }[];
  const sigv4 = schemes.find((s) => s.name === "sigv4");
  if (sigv4 !== undefined) {
    const scope = /Credential=[^/]+\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request/.exec(request.headers.authorization ?? "");
    assert.ok(scope, `the request is signed with SigV4: ${request.headers.authorization}`);
    if (typeof sigv4.signingRegion === "string") assert.equal(scope[1], sigv4.signingRegion, "signing region");
    if (typeof sigv4.signingName === "string") assert.equal(scope[2], sigv4.signingName, "signing name");
  }
}
