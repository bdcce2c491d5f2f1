/**
 * What every fuzzed request must leave true: about its response (status,
 * awsJson error shape, valid output) and about the process (the store, the
 * prototypes, the logger, the heap).
 */
import assert from "node:assert/strict";
import { deserializeStructure, type MemberSchema } from "@sjc/runtime";
import { serviceSchema, validateDescribeMaintenanceWindowExecutionTasksOutput } from "@sjc/ssm";
import type { TaskStore } from "../../reference-service/task-store.js";
import { textDepth } from "./json-text.js";

export const TARGET = "AmazonSSM.DescribeMaintenanceWindowExecutionTasks";
export const CONTENT_TYPE = "application/x-amz-json-1.1";
/** The handler's default `maxDepth`. */
export const MAX_DEPTH = 64;

/**
 * The only statuses a client input may get, each with the error types that
 * may carry it. No 5xx at all: the reference service implements the
 * operation, so 501 NotImplementedException cannot be right, and a 500 means
 * a request reached the internal-error path.
 * - 200: success.
 * - 400: the request was refused (SerializationException, ValidationException,
 *   DoesNotExistException (no `@httpError`, so 400), unknown target, SigV4).
 * - 405: a method other than POST.
 * - 413: a body over the node adapter's `maxBodyBytes` (node adapter only).
 * - 415: a Content-Type other than the protocol's.
 * Bytes that node:http itself refuses as HTTP never reach the adapter: the
 * raw-http property checks node's own answers apart (`NODE_CORE_STATUSES`).
 */
export const ERROR_TYPES: Readonly<Record<number, readonly string[]>> = {
  400: [
    "SerializationException",
    "ValidationException",
    "DoesNotExistException",
    "UnknownOperationException",
    "MissingAuthenticationTokenException",
    "IncompleteSignatureException",
    "InvalidSignatureException",
    "UnrecognizedClientException",
  ],
  405: ["MethodNotAllowedException"],
  413: ["RequestEntityTooLargeException"],
  415: ["UnsupportedMediaTypeException"],
};

/**
 * Bounds the response to what the request itself brings: an error may echo
 * the offending values (a 1 MiB WindowExecutionId comes back in the message),
 * so the bound grows with the request, but a small request must not produce a
 * large answer. 4 × the request plus 64 KiB leaves room for every value to be
 * echoed twice (a list failure names the list, then each of its items).
 */
export function maxResponseBytes(requestBytes: number): number {
  return 4 * requestBytes + 64 * 1024;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const OUTPUT_MEMBERS: Readonly<Record<string, MemberSchema>> = outputMembers();

function outputMembers(): Readonly<Record<string, MemberSchema>> {
  const shape = serviceSchema.shapes["com.amazonaws.ssm#DescribeMaintenanceWindowExecutionTasksResult"];
  assert.ok(shape?.type === "structure");
  return shape.members;
}

export interface ObservedResponse {
  readonly statusCode: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: string;
}

export interface SentRequest {
  readonly method: string;
  /** The body as the server received it: for the depth and prototype oracles. */
  readonly body: string | Uint8Array | undefined;
  /** Whether a 413 is allowed: only the node adapter limits bodies. */
  readonly viaNode: boolean;
  /** Set for raw requests whose framing leaves unclear what body the server read: skips the body oracles. */
  readonly bodyUnknown?: boolean;
  /** The request's size on the wire, when more than its body. */
  readonly requestBytes?: number;
}

/** The outcome's label for histograms: `200`, or the status and error type. */
export type Outcome = string;

/** Asserts everything a response to client input must satisfy; returns its label. */
export function checkResponse(response: ObservedResponse, request: SentRequest): Outcome {
  const { statusCode, headers, body } = response;
  const where = () => `status ${statusCode}, headers ${JSON.stringify(headers)}, body ${clip(body)}`;
  assert.ok(statusCode === 200 || Object.hasOwn(ERROR_TYPES, statusCode), `status not allowed: ${where()}`);
  assert.ok(statusCode !== 413 || request.viaNode, `413 from the in-process handler: ${where()}`);
  assert.match(String(headers["x-amzn-requestid"]), UUID, `x-amzn-requestid: ${where()}`);
  assert.equal(headers["content-type"], CONTENT_TYPE, `content-type: ${where()}`);
  const requestBytes = request.requestBytes ?? byteLength(request.body);
  assert.ok(
    Buffer.byteLength(body) <= maxResponseBytes(requestBytes),
    `response of ${Buffer.byteLength(body)} bytes to a request of ${requestBytes} bytes (bound ${maxResponseBytes(requestBytes)}): ${clip(body)}`,
  );
  // A HEAD response has no body by HTTP's rules: only its headers can be checked. It is a 405, or a 413 for a body over the limit.
  if (request.method === "HEAD" && request.viaNode) {
    assert.ok(statusCode === 405 || statusCode === 413, `HEAD answered ${statusCode}: ${where()}`);
    assert.equal(body, "", where());
    const type = String(headers["x-amzn-errortype"]);
    assert.ok(ERROR_TYPES[statusCode]!.includes(type), `${type} must not answer ${statusCode}: ${where()}`);
    return `${statusCode} ${type}`;
  }
  const json = parseObject(body, where);
  if (statusCode === 200) {
    checkOutput(json, request, where);
    return "200";
  }
  const type = json.__type;
  assert.ok(typeof type === "string" && type !== "", `__type must be a non-empty string: ${where()}`);
  assert.equal(headers["x-amzn-errortype"], type, `x-amzn-errortype must equal __type: ${where()}`);
  assert.ok(ERROR_TYPES[statusCode]!.includes(type), `${type} must not answer ${statusCode}: ${where()}`);
  const message = typeof json.message === "string" ? json.message : json.Message;
  assert.equal(typeof message, "string", `a string message or Message: ${where()}`);
  if (statusCode === 405) assert.equal(headers.allow, "POST", `405 without Allow: POST: ${where()}`);
  checkDepthGuard(request, type, message as string, where);
  return `${statusCode} ${type}`;
}

/** A 200 must carry a valid output, of a real execution, for a WindowExecutionId the request really set. */
function checkOutput(json: Record<string, unknown>, request: SentRequest, where: () => string): void {
  let typed: Record<string, unknown>;
  try {
    typed = deserializeStructure(serviceSchema, OUTPUT_MEMBERS, json);
  } catch (error) {
    assert.fail(`the output does not deserialize (${(error as Error).message}): ${where()}`);
  }
  const failures = validateDescribeMaintenanceWindowExecutionTasksOutput(typed);
  assert.deepEqual(failures, [], `the output fails its validator: ${where()}`);
  for (const key of Object.keys(json))
    assert.ok(Object.hasOwn(OUTPUT_MEMBERS, key), `unknown member ${key}: ${where()}`);
  if (request.bodyUnknown) return;
  checkDepthGuard(request, "200", "", where);
  const input = parsedBody(request.body);
  assert.ok(
    input !== undefined && typeof input === "object" && input !== null,
    `a 200 for a body that is no JSON object: ${where()}`,
  );
  const own = input as Record<string, unknown>;
  assert.ok(
    Object.hasOwn(own, "WindowExecutionId") && typeof own.WindowExecutionId === "string",
    `a 200 without an own string WindowExecutionId in the request: ${where()}`,
  );
  const tasks = (typed.WindowExecutionTaskIdentities ?? []) as Array<{ WindowExecutionId?: string }>;
  for (const task of tasks)
    assert.equal(task.WindowExecutionId, own.WindowExecutionId, `a task of another execution: ${where()}`);
  const maxResults = Object.hasOwn(own, "MaxResults") && own.MaxResults !== null ? own.MaxResults : 10;
  assert.ok(typeof maxResults === "number" && tasks.length <= maxResults, `more tasks than MaxResults: ${where()}`);
}

/**
 * For a body that is valid JSON the depth guard is exact: nested deeper than
 * {@link MAX_DEPTH} is refused before decoding; not deeper never is.
 */
function checkDepthGuard(request: SentRequest, type: string, message: string, where: () => string): void {
  if (request.bodyUnknown) return;
  const tripped = type === "SerializationException" && message.includes("nests objects or arrays deeper");
  const text = decodedText(request.body);
  if (text === undefined || parsedBody(request.body) === undefined) return;
  const depth = textDepth(text);
  if (depth <= MAX_DEPTH) assert.ok(!tripped, `depth ${depth} tripped the guard: ${where()}`);
  else if (type === "200" || type === "ValidationException" || type === "DoesNotExistException") {
    assert.fail(`depth ${depth} got past the guard: ${where()}`);
  }
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** The request body as text, or undefined when it is not valid UTF-8. */
function decodedText(body: string | Uint8Array | undefined): string | undefined {
  if (body === undefined || typeof body === "string") return body;
  try {
    return utf8.decode(body);
  } catch {
    return undefined;
  }
}

/** The request body parsed as JSON, or undefined when it is not valid UTF-8 JSON. */
function parsedBody(body: string | Uint8Array | undefined): unknown {
  const text = decodedText(body);
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function parseObject(body: string, where: () => string): Record<string, unknown> {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    assert.fail(`the body is not JSON: ${where()}`);
  }
  assert.ok(
    typeof json === "object" && json !== null && !Array.isArray(json),
    `the body is no JSON object: ${where()}`,
  );
  return json as Record<string, unknown>;
}

function byteLength(body: string | Uint8Array | undefined): number {
  return body === undefined ? 0 : typeof body === "string" ? Buffer.byteLength(body) : body.byteLength;
}

function clip(text: string, max = 300): string {
  return text.length <= max ? text : `${text.slice(0, max)}…(${text.length} chars)`;
}

// ---------------------------------------------------------------- the process

/** What must not change while fuzzing: the store's contents and the built-in prototypes. */
export interface ProcessSnapshot {
  readonly store: unknown;
  readonly prototypes: ReadonlyArray<readonly [string, ReadonlyArray<readonly [PropertyKey, unknown]>]>;
}

const PROTOTYPES: ReadonlyArray<readonly [string, object]> = [
  ["Object.prototype", Object.prototype],
  ["Array.prototype", Array.prototype],
  ["String.prototype", String.prototype],
  ["Function.prototype", Function.prototype],
];

export function snapshotProcess(store: TaskStore): ProcessSnapshot {
  return {
    store: snapshotStore(store),
    prototypes: PROTOTYPES.map(([name, prototype]) => [
      name,
      Reflect.ownKeys(prototype).map((key) => {
        const descriptor = Object.getOwnPropertyDescriptor(prototype, key)!;
        return [key, descriptor.value ?? descriptor.get] as const;
      }),
    ]),
  };
}

/** A deep copy of everything the store holds (Dates compare by time). */
function snapshotStore(store: TaskStore): unknown {
  return {
    ids: [...store.windowExecutionIds],
    tasks: store.windowExecutionIds.map((id) => structuredClone(store.tasksOf(id))),
  };
}

/** Asserts the store is as it was, no prototype gained or lost a property, and nothing was logged. */
export function checkProcess(before: ProcessSnapshot, store: TaskStore, logged: readonly unknown[][]): void {
  assert.equal(({} as Record<string, unknown>).polluted, undefined, "Object.prototype.polluted appeared");
  const after = snapshotProcess(store);
  for (let i = 0; i < before.prototypes.length; i++) {
    const [name, entries] = before.prototypes[i]!;
    const now = after.prototypes[i]![1];
    assert.equal(now.length, entries.length, `${name} has ${now.length - entries.length} new properties`);
    now.forEach(([key, value], index) => {
      assert.equal(key, entries[index]![0], `${name} changed its keys`);
      assert.equal(value, entries[index]![1], `${name}.${String(key)} was replaced`);
    });
  }
  assert.deepEqual(after.store, before.store, "the store changed");
  assert.equal(
    logged.length,
    0,
    `the handler logged an unexpected failure: ${logged.map((entry) => entry.map(String).join(" ")).join("\n")}`,
  );
}

// ---------------------------------------------------------------- the heap

/** Live heap after a full collection; sampled without one when gc cannot be exposed. */
export function heapAfterGc(gc: (() => void) | undefined): number {
  gc?.();
  return process.memoryUsage().heapUsed;
}

/**
 * Growth of the live heap a fuzzing session may leave: 64 MiB. The store and
 * handler are built before the first sample, so what remains is caches and
 * the fuzzer's own bookkeeping; a leak of request bodies (up to 2 MiB each,
 * thousands of them) would cross it quickly.
 */
export const MAX_HEAP_GROWTH = 64 * 1024 * 1024;
