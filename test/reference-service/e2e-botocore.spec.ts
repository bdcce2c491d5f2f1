/**
 * botocore (boto3) and the AWS CLI, which send the whole body before they read
 * the answer, against the reference server with a body over its 1 MiB limit:
 * they must read the 413 and its awsJson error (not a reset, which they would
 * retry). Needs python3 with boto3 and the `aws` command; where they are
 * missing the tests say so and are skipped (CI machines have them).
 */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { closeGracefully } from "@sjc/runtime/server";
import { createSSMServer } from "@sjc/ssm/server";
import { createReferenceService } from "../../reference-service/reference-service.js";
import { ACCESS_KEY_ID, BIG_ID, SECRET_ACCESS_KEY, bundledStore } from "../../harness/reference-fixtures.js";

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function run(command: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(command, args, { env: { ...process.env, ...env }, timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === "number" ? error.code : -1;
      resolve({ code, stdout, stderr });
    });
  });
}

/** About 1.5 MiB of filter values: over the server's limit; botocore checks no maximum lengths. */
const BIG_INPUT = {
  WindowExecutionId: BIG_ID,
  Filters: [{ Key: "STATUS", Values: Array.from({ length: 6000 }, (_, i) => `${i}`.padEnd(256, "v")) }],
};

const ENV = {
  AWS_ACCESS_KEY_ID: ACCESS_KEY_ID,
  AWS_SECRET_ACCESS_KEY: SECRET_ACCESS_KEY,
  AWS_DEFAULT_REGION: "us-east-1",
  AWS_CONFIG_FILE: "/dev/null",
  AWS_SHARED_CREDENTIALS_FILE: "/dev/null",
};

describe("server: a 413 that botocore and the AWS CLI read", function () {
  this.timeout(120_000);
  let server: Server;
  let url: string;
  let requests = 0;
  let work: string;

  before(async () => {
    server = createSSMServer(createReferenceService(bundledStore()), {
      credentials: { [ACCESS_KEY_ID]: SECRET_ACCESS_KEY },
    });
    server.on("request", () => requests++);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    work = mkdtempSync(join(tmpdir(), "sjc-botocore-"));
  });
  after(async () => {
    await closeGracefully(server, 2000);
    rmSync(work, { recursive: true, force: true });
  });
  beforeEach(() => (requests = 0));

  it("boto3: a ClientError RequestEntityTooLargeException with status 413, sent once", async function () {
    const probe = await run("python3", ["-c", "import boto3"]);
    if (probe.code !== 0) {
      console.warn(`    SKIPPED: python3 with boto3 is not available here (${probe.stderr.trim().split("\n").pop()})`);
      this.skip();
    }
    const input = join(work, "input.json");
    writeFileSync(input, JSON.stringify(BIG_INPUT));
    const script = [
      "import json, sys, boto3, botocore.exceptions",
      "client = boto3.client('ssm', endpoint_url=sys.argv[1])",
      "try:",
      "    client.describe_maintenance_window_execution_tasks(**json.load(open(sys.argv[2])))",
      "    print(json.dumps({'error': None}))",
      "except botocore.exceptions.ClientError as e:",
      "    m = e.response['ResponseMetadata']",
      "    print(json.dumps({'error': e.response['Error']['Code'], 'status': m['HTTPStatusCode'], 'retries': m['RetryAttempts']}))",
    ].join("\n");
    const result = await run("python3", ["-c", script, url, input], ENV);
    assert.equal(result.code, 0, `boto3 failed otherwise:\n${result.stderr}`);
    const answer = JSON.parse(result.stdout) as { error: string; status: number; retries: number };
    assert.deepEqual(answer, { error: "RequestEntityTooLargeException", status: 413, retries: 0 });
    assert.equal(requests, 1, "boto3 sent the request again");
  });

  it("aws ssm describe-maintenance-window-execution-tasks: fails naming the 413's error, sent once", async function () {
    const probe = await run("aws", ["--version"]);
    if (probe.code !== 0) {
      console.warn("    SKIPPED: the aws command (AWS CLI) is not available here");
      this.skip();
    }
    const input = join(work, "cli-input.json");
    writeFileSync(input, JSON.stringify(BIG_INPUT));
    const result = await run(
      "aws",
      [
        "ssm",
        "describe-maintenance-window-execution-tasks",
        "--endpoint-url",
        url,
        "--cli-input-json",
        `file://${input}`,
      ],
      ENV,
    );
    // AWS CLI v1 exits 255 on a service error, v2 254.
    assert.ok([254, 255].includes(result.code), `aws exited ${result.code}:\n${result.stderr}`);
    assert.match(result.stderr, /\(RequestEntityTooLargeException\)/);
    assert.match(result.stderr, /must not exceed 1048576 bytes/);
    assert.equal(requests, 1, "the AWS CLI sent the request again");
  });
});
