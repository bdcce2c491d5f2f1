/**
 * The whole SSM model's (../shared) `GetCommandInvocation` → `CommandExecuted`
 * waiter against a scripted 127.0.0.1 server: retry (Pending, InProgress,
 * Delayed, InvocationDoesNotExist), success, failure and timeout. Not part of
 * `npm test`, which runs without ../shared: .ci/run runs it after generating
 * the whole-SSM package into .tmp/ci-ssm-full (generated here when absent).
 */
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { type Server, type ServerResponse, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { WaiterConfiguration } from "@smithy/types";
import type { WaiterResult } from "@sjc/runtime";
import { ROOT, cli } from "../codegen/helpers.js";

const MODEL = join(ROOT, "../shared/models/ssm-2014-11-06.json");
const PACKAGE = join(ROOT, ".tmp/ci-ssm-full");

type Client = { send(command: unknown): Promise<unknown> };
interface SsmPackage {
  readonly SSMClient: new (config: object) => Client;
  readonly waitUntilCommandExecuted: (
    params: WaiterConfiguration<Client>,
    input: { CommandId: string; InstanceId: string },
  ) => Promise<WaiterResult>;
}

/** One answer per call, the last repeated: a status (or an error type) for GetCommandInvocation. */
type Step = { readonly status: string } | { readonly error: string };

describe("whole SSM: waitUntilCommandExecuted against a scripted server", function () {
  this.timeout(180_000); // generating the whole model, when .ci/run has not
  let ssm: SsmPackage;
  let server: Server;
  let endpoint: string;
  let script: readonly Step[];
  let calls: { target: string; body: unknown }[];

  before(async () => {
    assert.ok(existsSync(MODEL), `${MODEL} is missing`);
    if (!existsSync(join(PACKAGE, "src/waiters.ts"))) {
      const { code, output } = await cli(["--quiet", "--model", MODEL, "--out", PACKAGE]);
      assert.equal(code, 0, output);
    }
    ssm = (await import(pathToFileURL(join(PACKAGE, "src/index.ts")).href)) as SsmPackage;
    server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => {
        calls.push({
          target: String(request.headers["x-amz-target"]),
          body: JSON.parse(Buffer.concat(chunks).toString("utf8")),
        });
        answer(response, script[Math.min(calls.length, script.length) - 1]!);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  beforeEach(() => (calls = []));
  after(() => {
    server?.closeAllConnections();
    server?.close();
  });

  const answer = (response: ServerResponse, step: Step) => {
    const [status, body] =
      "error" in step
        ? [400, { __type: step.error, message: "scripted" }]
        : [200, { CommandId: "c-1", InstanceId: "i-1", Status: step.status, StatusDetails: step.status }];
    response.writeHead(status, { "content-type": "application/x-amz-json-1.1" });
    response.end(JSON.stringify(body));
  };

  async function wait(steps: readonly Step[], maxWaitTime = 10) {
    script = steps;
    const client = new ssm.SSMClient({
      endpoint,
      region: "us-east-1",
      credentials: { accessKeyId: "AKID", secretAccessKey: "S" },
      maxAttempts: 1,
    });
    // The model's minDelay is 5 seconds; the configuration overrides it to keep the test short.
    const params = { client, maxWaitTime, minDelay: 0.01, maxDelay: 0.02 };
    const input = { CommandId: "c-1", InstanceId: "i-1" };
    return ssm.waitUntilCommandExecuted(params, input).then(
      (result) => ({ result, error: undefined }),
      (error: Error) => ({ result: undefined, error }),
    );
  }
  const thrownState = (error: Error | undefined) => (JSON.parse(error!.message) as { state: string }).state;

  it("retries through InvocationDoesNotExist, Pending, InProgress and Delayed, then succeeds on Success", async () => {
    const { result, error } = await wait([
      { error: "InvocationDoesNotExist" },
      { status: "Pending" },
      { status: "InProgress" },
      { status: "Delayed" },
      { status: "Success" },
    ]);
    assert.equal(error, undefined);
    assert.equal(result!.state, "SUCCESS");
    assert.equal((result!.reason as { Status: string }).Status, "Success");
    assert.equal(calls.length, 5);
    for (const call of calls) {
      assert.equal(call.target, "AmazonSSM.GetCommandInvocation");
      assert.deepEqual(call.body, { CommandId: "c-1", InstanceId: "i-1" });
    }
  });

  for (const status of ["Cancelled", "TimedOut", "Failed", "Cancelling"]) {
    it(`fails on ${status}`, async () => {
      const { error } = await wait([{ status: "InProgress" }, { status }]);
      assert.equal(thrownState(error), "FAILURE");
      assert.equal(calls.length, 2);
    });
  }

  it("fails on an error the waiter does not retry", async () => {
    const { error } = await wait([{ status: "Pending" }, { error: "InvalidCommandId" }]);
    assert.equal(thrownState(error), "FAILURE");
    assert.equal(calls.length, 2);
  });

  it("times out when the command stays InProgress", async () => {
    const { error } = await wait([{ status: "InProgress" }], 0.5);
    assert.equal(error?.name, "TimeoutError");
    assert.equal(thrownState(error), "TIMEOUT");
    assert.ok(calls.length >= 2, `polled ${calls.length} times`);
  });
});
