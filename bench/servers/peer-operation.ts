/**
 * The operation as the peer servers of the benchmark implement it, by hand
 * and in wire form, without the generated package: the data file's tasks kept
 * as JSON objects in response order, the STATUS filter, pages and NextTokens.
 * Its behaviour is the reference service's (reference-service/reference-service.ts,
 * status-filter.ts, next-token.ts): the same order, the same errors with the
 * same messages, and tokens of the same format, built at the same cost (HMAC
 * and SHA-256, issued tokens remembered).
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { readFileSync } from "node:fs";

/** A task in wire form, its members in model order. */
export type WireTask = Record<string, unknown>;

/** The request as the peers read it, after their own type and constraint checks. */
export interface PeerInput {
  readonly WindowExecutionId: string;
  readonly Filters?: readonly { readonly Key?: string; readonly Values?: readonly string[] }[];
  readonly MaxResults?: number;
  readonly NextToken?: string;
}

export interface PeerOutput {
  readonly WindowExecutionTaskIdentities: readonly WireTask[];
  readonly NextToken?: string;
}

/** An awsJson error answer: status, `__type`, and the body's members besides `__type`. */
export class PeerError extends Error {
  constructor(
    readonly statusCode: number,
    readonly type: string,
    readonly members: Readonly<Record<string, string>>,
  ) {
    super(Object.values(members)[0]);
  }
}

export function validationError(message: string): PeerError {
  return new PeerError(400, "ValidationException", { message });
}

export function serializationError(message: string): PeerError {
  return new PeerError(400, "SerializationException", { message });
}

/** The awsJson body of an error. */
export function errorBody(error: PeerError): string {
  return JSON.stringify({ __type: error.type, ...error.members });
}

const STATUSES = [
  "PENDING",
  "IN_PROGRESS",
  "SUCCESS",
  "FAILED",
  "TIMED_OUT",
  "CANCELLING",
  "CANCELLED",
  "SKIPPED_OVERLAPPING",
];
const SUPPORTED_VALUES = `supported values are ${STATUSES.join(", ")}`;
const DEFAULT_MAX_RESULTS = 10;

/** Members of a task in the order the model lists them; the response writes them so. */
const TASK_MEMBERS = [
  "WindowExecutionId",
  "TaskExecutionId",
  "Status",
  "StatusDetails",
  "StartTime",
  "EndTime",
  "TaskArn",
  "TaskType",
  "AlarmConfiguration",
  "TriggeredAlarms",
];

/** Reads the data file (trusted: the benchmark's own) into window execution id → tasks in response order. */
export function loadPeerStore(path: string): ReadonlyMap<string, readonly WireTask[]> {
  const json = JSON.parse(readFileSync(path, "utf8")) as Record<string, WireTask[]>;
  const store = new Map<string, readonly WireTask[]>();
  for (const [id, tasks] of Object.entries(json)) {
    store.set(id, tasks.map((task) => normalizeTask(id, task)).sort(compareTasks));
  }
  return store;
}

/** Model order, the entry's id filled in, times at millisecond precision, the alarm default written. */
function normalizeTask(windowExecutionId: string, raw: WireTask): WireTask {
  const source: WireTask = { ...raw, WindowExecutionId: raw.WindowExecutionId ?? windowExecutionId };
  const task: WireTask = {};
  for (const name of TASK_MEMBERS) {
    const value = source[name];
    if (value === undefined || value === null) continue;
    if (name === "StartTime" || name === "EndTime") task[name] = Math.round((value as number) * 1000) / 1000;
    else if (name === "AlarmConfiguration") {
      const config = value as { IgnorePollAlarmFailure?: boolean; Alarms: unknown[] };
      task[name] = { IgnorePollAlarmFailure: config.IgnorePollAlarmFailure ?? false, Alarms: config.Alarms };
    } else task[name] = value;
  }
  return task;
}

/** By StartTime, tasks without one last, ties by TaskExecutionId. */
function compareTasks(a: WireTask, b: WireTask): number {
  const aStart = (a.StartTime as number | undefined) ?? Number.POSITIVE_INFINITY;
  const bStart = (b.StartTime as number | undefined) ?? Number.POSITIVE_INFINITY;
  if (aStart !== bStart) return aStart < bStart ? -1 : 1;
  const aId = a.TaskExecutionId as string;
  const bId = b.TaskExecutionId as string;
  return aId < bId ? -1 : aId > bId ? 1 : 0;
}

/** The operation over `store`; NextTokens are keyed by `tokenKey`. */
export function createPeerOperation(
  store: ReadonlyMap<string, readonly WireTask[]>,
  tokenKey: Uint8Array = randomBytes(32),
): (input: PeerInput) => PeerOutput {
  const tokens = tokenCodec(tokenKey);
  return (input) => {
    const windowExecutionId = input.WindowExecutionId;
    const pageSize = input.MaxResults ?? DEFAULT_MAX_RESULTS;
    const filter = statusFilter(input.Filters);
    const tasks = store.get(windowExecutionId);
    if (tasks === undefined) {
      const message = `Maintenance window execution ${windowExecutionId} does not exist`;
      throw new PeerError(400, "DoesNotExistException", { Message: message });
    }
    const offset = input.NextToken ? tokens.decode(input.NextToken, windowExecutionId, filter.canonical) : 0;
    const matching =
      filter.allowed === undefined ? tasks : tasks.filter((t) => filter.allowed!.has(t.Status as string));
    if (offset > 0 && offset >= matching.length) throw invalidToken("it points past the last task");
    const end = offset + pageSize;
    const page = matching.slice(offset, end);
    return end < matching.length
      ? { WindowExecutionTaskIdentities: page, NextToken: tokens.encode(windowExecutionId, filter.canonical, end) }
      : { WindowExecutionTaskIdentities: page };
  };
}

interface StatusFilter {
  /** Undefined without filters (every task). */
  readonly allowed: ReadonlySet<string> | undefined;
  readonly canonical: string;
}

function statusFilter(filters: PeerInput["Filters"]): StatusFilter {
  if (filters === undefined || filters.length === 0) return { allowed: undefined, canonical: "*" };
  let allowed = STATUSES;
  for (const filter of filters) {
    if (filter.Key !== "STATUS") {
      const key = filter.Key === undefined ? "A filter without a Key" : `Filter key '${filter.Key}'`;
      throw validationError(`${key} is not supported; the only supported filter key is STATUS`);
    }
    const values = filter.Values ?? [];
    if (values.length === 0) throw validationError(`Filter STATUS needs at least one value; ${SUPPORTED_VALUES}`);
    const unsupported = values.find((value) => !STATUSES.includes(value));
    if (unsupported !== undefined) {
      throw validationError(`Filter STATUS value '${unsupported}' is not supported; ${SUPPORTED_VALUES}`);
    }
    allowed = allowed.filter((status) => values.includes(status));
  }
  return { allowed: new Set(allowed), canonical: [...allowed].sort().join(",") };
}

function invalidToken(reason: string): PeerError {
  return validationError(`The NextToken is invalid: ${reason}. Repeat the request without a NextToken.`);
}

/** `base64url(JSON [1, offset, id, filters hash]) "." base64url(HMAC-SHA256)`, issued tokens remembered. */
function tokenCodec(key: Uint8Array) {
  const mac = (payload: string) => createHmac("sha256", key).update(payload).digest("base64url");
  const hash = (filters: string) => createHash("sha256").update(filters).digest("base64url").slice(0, 22);
  const issued = new Map<string, string>();
  return {
    encode(windowExecutionId: string, filters: string, offset: number): string {
      const memoKey = `${offset}\u0000${windowExecutionId}\u0000${filters}`;
      const known = issued.get(memoKey);
      if (known !== undefined) return known;
      const payload = Buffer.from(JSON.stringify([1, offset, windowExecutionId, hash(filters)])).toString("base64url");
      const token = `${payload}.${mac(payload)}`;
      if (issued.size >= 10_000) issued.clear();
      issued.set(memoKey, token);
      return token;
    },
    decode(token: string, windowExecutionId: string, filters: string): number {
      const [payload = "", signature = "", ...rest] = token.split(".");
      const given = Buffer.from(signature);
      const expected = Buffer.from(mac(payload));
      if (rest.length > 0 || given.length !== expected.length || !timingSafeEqual(given, expected)) {
        throw invalidToken("it was not issued by this server, or the server has restarted since");
      }
      const [version, offset, id, filtersHash] = JSON.parse(
        Buffer.from(payload, "base64url").toString("utf8"),
      ) as unknown[];
      if (version !== 1 || !Number.isSafeInteger(offset) || (offset as number) < 1) {
        throw invalidToken("its format is not supported");
      }
      if (id !== windowExecutionId) throw invalidToken("it was issued for another WindowExecutionId");
      if (filtersHash !== hash(filters)) throw invalidToken("it was issued for different Filters");
      return offset as number;
    },
  };
}
