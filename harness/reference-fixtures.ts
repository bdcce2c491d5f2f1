/** Shared by the server tests: the bundled data, a loopback server, and assertions on errors. */
import assert from "node:assert/strict";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { closeGracefully } from "@sjc/runtime/server";
import { type MaintenanceWindowExecutionTaskIdentity, SSMServiceException } from "@sjc/ssm";
import { createSSMServer } from "@sjc/ssm/server";
import { loadDataFile } from "../reference-service/data-file.js";
import { createReferenceService } from "../reference-service/reference-service.js";
import type { TaskStore } from "../reference-service/task-store.js";

export const BUNDLED_DATA_FILE = fileURLToPath(
  new URL("../reference-service/fixtures/window-executions.json", import.meta.url),
);

/** The bundled execution with 28 tasks of every status and task type. */
export const BIG_ID = "25b3420a-6338-4e24-8039-225f0c75b728";
/** The bundled execution with 4 tasks. */
export const SMALL_ID = "99393734-a1f9-495d-bd49-9558a0fbaf47";
/** The bundled execution that ran no task. */
export const EMPTY_ID = "e263a38e-2c93-43ed-b294-5871a19e64cb";
/** Well-formed, and in no data file. */
export const UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";

export const STATUS_COUNTS: Readonly<Record<string, number>> = {
  PENDING: 1,
  IN_PROGRESS: 2,
  SUCCESS: 13,
  FAILED: 4,
  TIMED_OUT: 2,
  CANCELLING: 2,
  CANCELLED: 2,
  SKIPPED_OVERLAPPING: 2,
};

/** Access keys the SigV4-checking test servers accept. */
export const ACCESS_KEY_ID = "AKIDSERVERTEST";
export const SECRET_ACCESS_KEY = "server-test-secret";
export const CREDENTIALS = { accessKeyId: ACCESS_KEY_ID, secretAccessKey: SECRET_ACCESS_KEY };

export function bundledStore(): TaskStore {
  return loadDataFile(BUNDLED_DATA_FILE);
}

export function taskIds(tasks: readonly MaintenanceWindowExecutionTaskIdentity[] | undefined): string[] {
  return (tasks ?? []).map((task) => task.TaskExecutionId!);
}

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  /** What the handler logged as unexpected failures: a test expects none. */
  readonly logged: unknown[][];
  close(): Promise<void>;
}

/** The reference service over the bundled data, checking SigV4 with {@link CREDENTIALS}, on 127.0.0.1 and a free port. */
export async function startServer(): Promise<RunningServer> {
  const logged: unknown[][] = [];
  const logger = { error: (...args: unknown[]) => void logged.push(args) };
  const server = createSSMServer(createReferenceService(bundledStore()), {
    credentials: { [ACCESS_KEY_ID]: SECRET_ACCESS_KEY },
    logger,
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, port, logged, close: () => closeGracefully(server) };
}

/** Asserts an SSM error of `name` whose message matches `message`. */
export async function rejectsWith(promise: Promise<unknown>, name: string, message: RegExp): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof Error, `expected an Error, got ${String(error)}`);
    assert.equal(error.name, name, error.message);
    assert.match(error.message, message);
    return true;
  });
}

/** Asserts the ValidationException an implementation raises (not yet on the wire). */
export async function rejectsWithValidation(promise: Promise<unknown>, message: RegExp): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof SSMServiceException, `expected an SSMServiceException, got ${String(error)}`);
    assert.equal(error.name, "ValidationException");
    assert.equal(error.$fault, "client");
    assert.match(error.message, message);
    return true;
  });
}
