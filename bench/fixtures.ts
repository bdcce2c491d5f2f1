/**
 * What the benchmarks and the load test send and answer: the bundled data
 * file's window executions, the awsJson request of a 10-task page, a canned
 * response of 10 task identities, and validator inputs at both extremes.
 */
import { mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { DescribeMaintenanceWindowExecutionTasksRequest } from "@sjc/ssm";

/** The project root: `bench/..`. */
export const ROOT = fileURLToPath(new URL("..", import.meta.url));

/** A new folder `.tmp/<prefix>XXXXXX` inside the project (so generated code resolves its packages). */
export function makeTempDir(prefix: string): string {
  mkdirSync(join(ROOT, ".tmp"), { recursive: true });
  return mkdtempSync(join(ROOT, ".tmp", prefix));
}

export const FIXTURE_FILE = fileURLToPath(
  new URL("../reference-service/fixtures/window-executions.json", import.meta.url),
);

export const CONTENT_TYPE = "application/x-amz-json-1.1";
export const TARGET = "AmazonSSM.DescribeMaintenanceWindowExecutionTasks";

/** Headers of every awsJson request the load generators send. */
export const REQUEST_HEADERS: Readonly<Record<string, string>> = {
  "content-type": CONTENT_TYPE,
  "x-amz-target": TARGET,
};

/** Static credentials and region of the clients under test. */
export const CLIENT_SETTINGS = {
  region: "us-east-1",
  credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" },
} as const;

/** Page size of the benchmarked call. */
export const PAGE_SIZE = 10;

type WireTask = Record<string, unknown>;

export interface FixtureExecutions {
  /** Window execution id → its tasks, in wire form, in file order. */
  readonly executions: ReadonlyMap<string, readonly WireTask[]>;
  /** The execution with the most tasks (28 in the bundled file). */
  readonly biggest: string;
}

let cached: FixtureExecutions | undefined;

export function fixtureExecutions(): FixtureExecutions {
  if (cached) return cached;
  const json = JSON.parse(readFileSync(FIXTURE_FILE, "utf8")) as Record<string, WireTask[]>;
  const executions = new Map(Object.entries(json));
  let biggest = "";
  for (const [id, tasks] of executions) {
    if (tasks.length > (executions.get(biggest)?.length ?? -1)) biggest = id;
  }
  if ((executions.get(biggest)?.length ?? 0) <= PAGE_SIZE) {
    throw new Error(`${FIXTURE_FILE}: no window execution has more than ${PAGE_SIZE} tasks to page through`);
  }
  cached = { executions, biggest };
  return cached;
}

/** The benchmarked request body: the first page of 10 tasks of the biggest execution. */
export function pageRequestBody(): string {
  return JSON.stringify({ WindowExecutionId: fixtureExecutions().biggest, MaxResults: PAGE_SIZE });
}

/** A 200 body with 10 task identities (wire form) and a NextToken, as the service answers a first page. */
export function cannedResponseBody(): string {
  const { executions, biggest } = fixtureExecutions();
  return JSON.stringify({
    WindowExecutionTaskIdentities: executions.get(biggest)!.slice(0, PAGE_SIZE),
    NextToken: "eyJwYWdlIjoyfQ.c2lnbmF0dXJlLW9mLXRoZS1uZXh0LXRva2VuLWluLXRoZS1jYW5uZWQtcmVzcG9uc2U",
  });
}

/** Headers of the canned 200 response (content-length is set per transport). */
export function cannedResponseHeaders(): Record<string, string> {
  return { "content-type": CONTENT_TYPE, "x-amzn-requestid": "b6d6f5c1-0ad6-4a3e-9b4e-4c1e2a7d9f00" };
}

/** The largest input the model allows: 5 filters of 5 values, every string at its longest. */
export function maximalValidInput(): DescribeMaintenanceWindowExecutionTasksRequest {
  const Filters = Array.from({ length: 5 }, (_, f) => ({
    Key: `${f}`.padEnd(128, "K"),
    Values: Array.from({ length: 5 }, (_, v) => `${f}-${v}`.padEnd(256, "v")),
  }));
  return {
    WindowExecutionId: fixtureExecutions().biggest,
    Filters,
    MaxResults: 100,
    NextToken: "t".repeat(1024),
  };
}

/**
 * An input that breaks every constraint of the request at least once: the id's
 * length and pattern, the filter list's length, the key's and each value's
 * minimum and maximum length, and MaxResults' range.
 */
export function everythingInvalidInput(): DescribeMaintenanceWindowExecutionTasksRequest {
  const Filters = Array.from({ length: 6 }, (_, f) => ({
    Key: f % 2 === 0 ? "" : "k".repeat(129),
    Values: ["", "v".repeat(257)],
  }));
  return {
    WindowExecutionId: "not a window execution id, and too long",
    Filters,
    MaxResults: 1000,
  };
}
