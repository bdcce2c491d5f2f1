/**
 * Fuzzing the generated SSM server (`createSSMHandler(createReferenceService(store))`)
 * with fast-check: the properties, the target they run against, and the
 * runner. Shared by `test/fuzz/ssm-fuzz.spec.ts` (a bounded run in `npm test`)
 * and `scripts/fuzz.ts` (long runs).
 *
 * Every property checks, on every run: the call settles within a time bound
 * (never throws, never hangs); the status is one of {@link ERROR_TYPES} (no
 * 5xx); an error is well-formed awsJson; a 200 validates against the output
 * validator; the response is bounded by the request; and, after the run, the
 * store is unchanged, no built-in prototype changed, and nothing was logged as
 * an internal failure. The caller checks the heap at the end.
 */
import assert from "node:assert/strict";
import { Agent, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import fc from "fast-check";
import {
  bodyText,
  closeGracefully,
  type JsonRpcHandler,
  type JsonRpcRequest,
  type JsonRpcResponse,
} from "@sjc/runtime/server";
import { createSSMHandler, createSSMServer } from "@sjc/ssm/server";
import { createReferenceService } from "../../reference-service/reference-service.js";
import type { TaskStore } from "../../reference-service/task-store.js";
import { BIG_ID, EMPTY_ID, SMALL_ID, UNKNOWN_ID, bundledStore } from "../reference-fixtures.js";
import { type Fixture, mutatedBody } from "./bodies.js";
import {
  type InProcessSpec,
  MIB,
  type NodeSpec,
  type RawSpec,
  bytesOrText,
  envelope,
  headerObject,
  inProcessBody,
  jsonOrText,
  nodeBody,
  nodeRequest,
  rawBytes,
  rawRequest,
  wellAddressed,
} from "./envelopes.js";
import {
  CONTENT_TYPE,
  type ObservedResponse,
  type Outcome,
  type ProcessSnapshot,
  TARGET,
  checkProcess,
  checkResponse,
  heapAfterGc,
  snapshotProcess,
} from "./invariants.js";
import { ACCESS_KEY_ID, SECRET_ACCESS_KEY, SIGV4_ERRORS, type SigV4Spec, sigV4Request, signedCall } from "./signing.js";
import { type RawResponse, parseRawResponses, sendHttp, sendRaw, withTimeout } from "./transport.js";

/** Bounds on one call; past them the server counts as hung on that input. */
const IN_PROCESS_MS = 10_000;
const NODE_MS = 20_000;

/** The node adapter's default body limit, which the target's server keeps. */
const MAX_BODY_BYTES = MIB;
/** The key of the reference service's NextTokens: fixed, so the inputs of a seed do not vary between runs. */
const TOKEN_KEY = new Uint8Array(32).fill(7);

// ---------------------------------------------------------------- the target

export interface FuzzTarget {
  readonly fixture: Fixture;
  readonly store: TaskStore;
  /** No SigV4: every request reaches decoding. */
  readonly handler: JsonRpcHandler;
  /** Checks SigV4 against {@link ACCESS_KEY_ID}. */
  readonly signedHandler: JsonRpcHandler;
  /** The node adapter over the same store, on 127.0.0.1. */
  readonly port: number;
  /** Keep-alive connections to it; see {@link FuzzTarget.resetConnections}. */
  readonly agent: Agent;
  /**
   * Drops the kept-alive connections. Called before each property: a run of
   * in-process calls never yields to the event loop, so a connection the
   * server closed for idleness meanwhile would look alive and be reset on reuse.
   */
  resetConnections(): void;
  /** What any of the three logged as unexpected failures; cleared before each run. */
  readonly logged: unknown[][];
  readonly snapshot: ProcessSnapshot;
  close(): Promise<void>;
}

export async function startFuzzTarget(): Promise<FuzzTarget> {
  const store = bundledStore();
  const logged: unknown[][] = [];
  const logger = { error: (...data: unknown[]) => void logged.push(data) };
  const service = () => createReferenceService(store, { tokenKey: TOKEN_KEY });
  const handler = createSSMHandler(service(), { logger });
  const signedHandler = createSSMHandler(service(), { logger, credentials: { [ACCESS_KEY_ID]: SECRET_ACCESS_KEY } });
  const server: Server = createSSMServer(service(), { logger, maxBodyBytes: MAX_BODY_BYTES });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const connections = () => new Agent({ keepAlive: true, maxSockets: 4 });
  let agent = connections();
  const fixture: Fixture = {
    bigId: BIG_ID,
    smallId: SMALL_ID,
    emptyId: EMPTY_ID,
    unknownId: UNKNOWN_ID,
    unfilteredToken: await firstPageToken(handler, { WindowExecutionId: BIG_ID, MaxResults: 10 }),
    successToken: await firstPageToken(handler, {
      WindowExecutionId: BIG_ID,
      MaxResults: 10,
      Filters: [{ Key: "STATUS", Values: ["SUCCESS"] }],
    }),
  };
  return {
    fixture,
    store,
    handler,
    signedHandler,
    port: (server.address() as AddressInfo).port,
    get agent() {
      return agent;
    },
    resetConnections: () => {
      agent.destroy();
      agent = connections();
    },
    logged,
    snapshot: snapshotProcess(store),
    close: async () => {
      agent.destroy();
      await closeGracefully(server, 1_000);
    },
  };
}

/** A well-addressed request for `input`. */
function post(handler: JsonRpcHandler, input: object): Promise<JsonRpcResponse> {
  return handler({
    method: "POST",
    headers: { "x-amz-target": TARGET, "content-type": CONTENT_TYPE },
    body: JSON.stringify(input),
  });
}

/** The NextToken of a real first page, asked for over the wire like any client would. */
async function firstPageToken(handler: JsonRpcHandler, input: object): Promise<string> {
  const response = await post(handler, input);
  const text = bodyText(response.body);
  const token = (JSON.parse(text) as { NextToken?: unknown }).NextToken;
  assert.equal(typeof token, "string", `no NextToken on the first page of ${JSON.stringify(input)}: ${text}`);
  return token as string;
}

// ---------------------------------------------------------------- calls

/** Calls the handler; a synchronous throw or a rejection is a failure in itself. */
/** The handler's response, its (JSON) body as text. */
function callHandler(handler: JsonRpcHandler, request: JsonRpcRequest): Promise<ObservedResponse> {
  let pending: Promise<ObservedResponse>;
  try {
    pending = handler(request).then((response) => ({ ...response, body: bodyText(response.body) }));
  } catch (error) {
    return Promise.reject(new Error(`the handler threw: ${(error as Error).stack ?? String(error)}`));
  }
  return withTimeout(
    pending.catch((error: unknown) => {
      throw new Error(`the handler rejected: ${(error as Error).stack ?? String(error)}`);
    }),
    IN_PROCESS_MS,
    "the handler",
  );
}

async function inProcess(target: FuzzTarget, spec: InProcessSpec): Promise<Outcome> {
  const body = inProcessBody(spec.body);
  const request = {
    method: spec.method,
    path: spec.path,
    headers: headerObject(spec.headers, spec.nullPrototypeHeaders),
    body,
  };
  const response = await callHandler(target.handler, request);
  return checkResponse(response, { method: spec.method, body, viaNode: false });
}

async function signed(target: FuzzTarget, spec: SigV4Spec): Promise<Outcome> {
  const call = await signedCall(spec);
  const response = await callHandler(target.signedHandler, call);
  const outcome = checkResponse(response, { method: call.method, body: call.body, viaNode: false });
  const refused = SIGV4_ERRORS.some((type) => outcome === `400 ${type}`);
  if (call.mustVerify === true) assert.ok(!refused, `a correctly signed request was refused: ${outcome}`);
  if (call.mustVerify === false) assert.ok(refused, `a request with a bad or no signature got ${outcome}`);
  return outcome;
}

async function overNode(target: FuzzTarget, spec: NodeSpec): Promise<Outcome> {
  const body = nodeBody(spec.body, target.fixture);
  const response = await sendHttp(target.port, target.agent, { ...spec, body }, NODE_MS);
  const outcome = checkResponse(response, { method: spec.method, body, viaNode: true });
  const tooLarge = body.length > MAX_BODY_BYTES;
  assert.equal(
    response.statusCode === 413,
    tooLarge,
    `${body.length} bytes against a limit of ${MAX_BODY_BYTES}: ${outcome}`,
  );
  if (spec.method !== "HEAD")
    assert.equal(Number(response.headers["content-length"]), Buffer.byteLength(response.body), "content-length");
  return outcome;
}

/**
 * Statuses node:http itself answers, before the adapter sees a request:
 * 400 for bytes that are not an HTTP/1.x request it accepts (bad framing,
 * bad header bytes, no Host), 431 for headers over 16 KiB, 417 for an
 * `Expect` other than `100-continue`. These carry no awsJson body: see
 * {@link checkNodeCoreResponse}.
 */
const NODE_CORE_STATUSES = [400, 417, 431];

/**
 * node:http's own answer to a request it refuses: one of {@link NODE_CORE_STATUSES}
 * with an empty body, closing the connection. Not awsJson: the node adapter installs no
 * `clientError` handler (reported as a finding; the awsJson checks apply to
 * every response the adapter writes).
 */
function checkNodeCoreResponse(response: RawResponse): Outcome {
  assert.ok(NODE_CORE_STATUSES.includes(response.statusCode), `node:http answered ${JSON.stringify(response.head)}`);
  assert.equal(response.headers.connection, "close", `node:http kept the connection: ${JSON.stringify(response.head)}`);
  assert.equal(response.body, "", `node:http answered with a body: ${JSON.stringify(response.head)}`);
  return `${response.statusCode} (node:http)`;
}

async function overSocket(target: FuzzTarget, spec: RawSpec): Promise<Outcome> {
  const bytes = rawBytes(spec);
  const received = await sendRaw(target.port, bytes, NODE_MS);
  const responses = parseRawResponses(received);
  assert.ok(
    responses.length > 0,
    `the server closed the connection without answering ${JSON.stringify(bytes.toString("latin1").slice(0, 400))}`,
  );
  // The body the server read is known only for a lone, cleanly framed request.
  const clean =
    responses.length === 1 && spec.lengths.length === 0 && (spec.framing === "length" || spec.framing === "chunked");
  const outcomes = responses.map((response) => {
    if (response.headers["x-amzn-requestid"] === undefined) return checkNodeCoreResponse(response);
    const method = /^\S+/.exec(spec.requestLine)?.[0] ?? "";
    return checkResponse(response, {
      method,
      body: Buffer.from(spec.body, "latin1"),
      bodyUnknown: !clean,
      viaNode: true,
      requestBytes: bytes.length,
    });
  });
  return outcomes.join(" + ");
}

// ---------------------------------------------------------------- properties

export interface RunOptions {
  readonly numRuns: number;
  readonly seed: number;
  /** Stops the property (without failing it) after this long. */
  readonly timeLimitMs: number;
  /** fast-check's replay path of a counterexample. */
  readonly path?: string;
}

export interface PropertyReport {
  readonly name: string;
  readonly runs: number;
  readonly milliseconds: number;
  readonly interrupted: boolean;
  /** fast-check's report (seed, path, counterexample, error) when the property failed. */
  readonly failure: string | undefined;
  /** Outcome label → count, over every call made, shrinking included. */
  readonly outcomes: ReadonlyMap<Outcome, number>;
  /** The slowest call, in ms. */
  readonly slowestMs: number;
}

export interface FuzzProperty {
  readonly name: string;
  readonly description: string;
  /** This property's part of a session's runs and time (the shares add up to 1). */
  readonly share: number;
  /** Outcomes a run of a few hundred cases must reach, or the generators are too narrow. */
  readonly mustReach: readonly Outcome[];
  check(target: FuzzTarget, options: RunOptions): Promise<PropertyReport>;
}

function property<T>(
  name: string,
  description: string,
  share: number,
  mustReach: readonly Outcome[],
  arbitrary: (fixture: Fixture) => fc.Arbitrary<T>,
  run: (target: FuzzTarget, input: T) => Promise<Outcome>,
): FuzzProperty {
  return {
    name,
    description,
    share,
    mustReach,
    async check(target, options) {
      const outcomes = new Map<Outcome, number>();
      let slowestMs = 0;
      target.resetConnections();
      const started = performance.now();
      const details = await fc.check(
        fc.asyncProperty(arbitrary(target.fixture), async (input) => {
          target.logged.length = 0;
          const callStarted = performance.now();
          const outcome = await run(target, input);
          slowestMs = Math.max(slowestMs, performance.now() - callStarted);
          checkProcess(target.snapshot, target.store, target.logged);
          outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
        }),
        {
          numRuns: options.numRuns,
          seed: options.seed,
          interruptAfterTimeLimit: options.timeLimitMs,
          markInterruptAsFailure: false,
          includeErrorInReport: true,
          ...(options.path !== undefined && { path: options.path }),
        },
      );
      return {
        name,
        runs: details.numRuns,
        milliseconds: performance.now() - started,
        interrupted: details.interrupted,
        failure: details.failed ? (fc.defaultReportMessage(details) ?? "failed") : undefined,
        outcomes,
        slowestMs,
      };
    },
  };
}

export const PROPERTIES: readonly FuzzProperty[] = [
  property(
    "bytes",
    "random bytes and text, and valid JSON with bytes that are not UTF-8 spliced in",
    0.1,
    ["400 SerializationException"],
    (fixture) => wellAddressed(bytesOrText(fixture)),
    inProcess,
  ),
  property(
    "json",
    "random JSON documents, valid requests with random members, nesting around and far past the 64-level guard",
    0.15,
    ["200", "400 SerializationException", "400 ValidationException"],
    (fixture) => wellAddressed(jsonOrText(fixture)),
    inProcess,
  ),
  property(
    "mutations",
    "valid requests (first pages, NextTokens of real first pages) after 1–3 mutations",
    0.3,
    ["200", "400 SerializationException", "400 ValidationException", "400 DoesNotExistException"],
    (fixture) => wellAddressed(mutatedBody(fixture, { hugeString: 256 * 1024 })),
    inProcess,
  ),
  property(
    "envelope",
    "methods, paths, X-Amz-Target and Content-Type variants, header name case, repeated and missing headers",
    0.15,
    ["200", "405 MethodNotAllowedException", "415 UnsupportedMediaTypeException", "400 UnknownOperationException"],
    envelope,
    inProcess,
  ),
  property(
    "sigv4",
    "missing, forged and tampered SigV4 signatures on a handler that checks them",
    0.1,
    [
      "200",
      "400 MissingAuthenticationTokenException",
      "400 IncompleteSignatureException",
      "400 InvalidSignatureException",
    ],
    sigV4Request,
    signed,
  ),
  property(
    "node",
    "the node adapter over loopback: bodies up to 2 MiB (the limit is 1 MiB), chunked or not, header variants",
    0.12,
    ["200", "413 RequestEntityTooLargeException", "400 ValidationException"],
    nodeRequest,
    overNode,
  ),
  property(
    "raw-http",
    "raw bytes on a socket: malformed request lines, header bytes, framing and Content-Length",
    0.08,
    ["400 (node:http)"],
    rawRequest,
    overSocket,
  ),
];

// ---------------------------------------------------------------- reports

/** The outcome counts by status: `{200: 88, 400: 912}`. */
function statusHistogram(outcomes: ReadonlyMap<Outcome, number>): string {
  const byStatus = new Map<string, number>();
  for (const [outcome, count] of outcomes) {
    for (const part of outcome.split(" + ")) {
      const status = part.split(" ")[0]!;
      byStatus.set(status, (byStatus.get(status) ?? 0) + count);
    }
  }
  return histogram(byStatus);
}

function histogram(counts: ReadonlyMap<string, number>): string {
  const entries = [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, count]) => `${key}: ${count}`).join(", ")}}`;
}

export function formatReport(report: PropertyReport): string {
  const seconds = (report.milliseconds / 1000).toFixed(1);
  const lines = [
    `${report.name}: ${report.runs} runs in ${seconds} s${report.interrupted ? " (time limit)" : ""}, slowest call ${Math.round(report.slowestMs)} ms`,
    `  statuses ${statusHistogram(report.outcomes)}`,
    `  outcomes ${histogram(report.outcomes)}`,
  ];
  if (report.failure !== undefined) lines.push(`  FAILED\n${report.failure.replace(/^/gm, "    ")}`);
  return lines.join("\n");
}

// ---------------------------------------------------------------- the heap

/**
 * The live heap after a full collection, once the residue of the last calls
 * is released: the compiled ajv validators keep the `errors` of the last
 * input that reached each nested validator (85 MB of error objects after one
 * request with 300 000 bad filter values), so a valid request using every
 * member goes through first. What remains measures leaks, not that residue.
 */
export async function heapAfterSession(target: FuzzTarget, gc: (() => void) | undefined): Promise<number> {
  const response = await post(target.handler, {
    WindowExecutionId: BIG_ID,
    MaxResults: 10,
    Filters: [{ Key: "STATUS", Values: ["SUCCESS"] }],
    NextToken: target.fixture.successToken,
  });
  assert.equal(response.statusCode, 200, bodyText(response.body));
  return heapAfterGc(gc);
}

/** `gc` without `--expose-gc` on the command line (V8 flag set at run time); undefined if that fails. */
export function exposeGc(): (() => void) | undefined {
  const global = globalThis as { gc?: () => void };
  if (typeof global.gc === "function") return global.gc;
  try {
    setFlagsFromString("--expose-gc");
    return runInNewContext("gc") as () => void;
  } catch {
    return undefined;
  }
}
