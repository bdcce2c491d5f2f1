/** `npm start` as a user runs it: reference-service/main.ts in its own process, on a free port. */
import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { request as httpRequest, type IncomingMessage } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Hash } from "@smithy/hash-node";
import { HttpRequest } from "@smithy/protocol-http";
import { SignatureV4 } from "@smithy/signature-v4";
import { DescribeMaintenanceWindowExecutionTasksCommand, SSMClient, SSMServiceException } from "@sjc/ssm";
import { ACCESS_KEY_ID, BIG_ID, CREDENTIALS, SECRET_ACCESS_KEY, SMALL_ID } from "../../harness/reference-fixtures.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

interface Started {
  readonly child: ChildProcess;
  /** Everything printed so far. */
  readonly stdout: () => string;
  readonly stderr: () => string;
  /** Resolves once stdout matches `pattern`, with the match. */
  readonly waitFor: (pattern: RegExp) => Promise<RegExpMatchArray>;
  readonly exited: Promise<number | null>;
}

function startMain(args: string[], env: Record<string, string> = {}): Started {
  const child = spawn(process.execPath, ["--import", "tsx", "reference-service/main.ts", ...args], {
    cwd: ROOT,
    env: { ...process.env, SSM_CREDENTIALS: "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => (out += chunk));
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (err += chunk));
  const exited = once(child, "exit").then(([code]) => code as number | null);
  const waitFor = async (pattern: RegExp) => {
    for (;;) {
      const match = out.match(pattern);
      if (match) return match;
      const more = once(child.stdout!, "data");
      const ended = exited.then(() => assert.fail(`exited before printing ${pattern}:\n${out}\n${err}`));
      await Promise.race([more, ended]);
    }
  };
  return { child, stdout: () => out, stderr: () => err, waitFor, exited };
}

/** The URL from the ready line. */
async function ready(started: Started): Promise<string> {
  return (await started.waitFor(/listening on (http:\/\/127\.0\.0\.1:\d+)\n/))[1]!;
}

describe("server: npm start process (reference-service/main.ts)", function () {
  // Each test starts node + tsx (about a second each), more on a busy machine.
  this.timeout(15_000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "sjc-main-"));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("serves with SigV4 from SSM_CREDENTIALS (a second server on its port exits 1), then stops on SIGTERM after the in-flight request, exit 0", async () => {
    const started = startMain(["--port", "0"], { SSM_CREDENTIALS: `${ACCESS_KEY_ID}:${SECRET_ACCESS_KEY}` });
    try {
      const url = await ready(started);
      assert.match(started.stdout(), /SigV4 signatures checked \(1 access keys\)/);
      assert.ok(
        started
          .stdout()
          .includes(
            `aws ssm describe-maintenance-window-execution-tasks --endpoint-url ${url} --region us-east-1 --window-execution-id ${BIG_ID}`,
          ),
      );
      const taken = startMain(["--port", new URL(url).port]);
      const client = new SSMClient({ endpoint: url, region: "us-east-1", credentials: CREDENTIALS, maxAttempts: 1 });
      const page = await client.send(new DescribeMaintenanceWindowExecutionTasksCommand({ WindowExecutionId: BIG_ID }));
      assert.equal(page.WindowExecutionTaskIdentities!.length, 10);
      assert.equal(await taken.exited, 1, "a second server on the same port exits 1");
      assert.match(taken.stderr(), /^cannot listen on 127\.0\.0\.1:\d+: listen EADDRINUSE/);

      // A request whose body is half sent when SIGTERM arrives must still be answered.
      const body = JSON.stringify({ WindowExecutionId: SMALL_ID });
      const { hostname, port, host } = new URL(url);
      const signed = await new SignatureV4({
        credentials: CREDENTIALS,
        region: "us-east-1",
        service: "ssm",
        sha256: Hash.bind(null, "sha256"),
      }).sign(
        new HttpRequest({
          method: "POST",
          protocol: "http:",
          hostname,
          port: Number(port),
          path: "/",
          headers: {
            host,
            "content-type": "application/x-amz-json-1.1",
            "x-amz-target": "AmazonSSM.DescribeMaintenanceWindowExecutionTasks",
            "content-length": String(body.length),
          },
          body,
        }),
      );
      const inFlight = httpRequest(url, { method: "POST", headers: signed.headers });
      const response = once(inFlight, "response").then(([res]) => res as IncomingMessage);
      inFlight.write(body.slice(0, 10));
      await new Promise((resolve) => setTimeout(resolve, 150));
      started.child.kill("SIGTERM");
      await started.waitFor(/SIGTERM: stopping/);
      inFlight.end(body.slice(10));
      const res = await response;
      let text = "";
      for await (const chunk of res) text += chunk;
      assert.equal(res.statusCode, 200, text);
      assert.equal(res.headers.connection, "close");
      assert.equal(
        (JSON.parse(text) as { WindowExecutionTaskIdentities: unknown[] }).WindowExecutionTaskIdentities.length,
        4,
      );
      assert.equal(await started.exited, 0, started.stderr());
      assert.match(started.stdout(), /stopped\n$/);
    } finally {
      started.child.kill("SIGKILL");
    }
  });

  it("checks SigV4 with a --credentials file and a custom --data file, and stops on SIGINT, exit 0", async () => {
    const data = join(dir, "one.json");
    writeFileSync(data, JSON.stringify({ [SMALL_ID]: [] }));
    const credentials = join(dir, "keys.json");
    writeFileSync(credentials, JSON.stringify({ [ACCESS_KEY_ID]: SECRET_ACCESS_KEY }));
    const started = startMain(["--port=0", "--host", "127.0.0.1", "--data", data, "--credentials", credentials]);
    try {
      const url = await ready(started);
      assert.match(started.stdout(), /1 window executions, 0 task executions/);
      const good = new SSMClient({ endpoint: url, region: "us-east-1", credentials: CREDENTIALS, maxAttempts: 1 });
      const page = await good.send(new DescribeMaintenanceWindowExecutionTasksCommand({ WindowExecutionId: SMALL_ID }));
      assert.deepEqual(page.WindowExecutionTaskIdentities, []);
      const wrong = new SSMClient({
        endpoint: url,
        region: "us-east-1",
        credentials: { accessKeyId: ACCESS_KEY_ID, secretAccessKey: "test" },
        maxAttempts: 1,
      });
      await assert.rejects(
        wrong.send(new DescribeMaintenanceWindowExecutionTasksCommand({ WindowExecutionId: SMALL_ID })),
        (error: unknown) => error instanceof SSMServiceException && error.name === "InvalidSignatureException",
      );
      started.child.kill("SIGINT");
      assert.equal(await started.exited, 0, started.stderr());
    } finally {
      started.child.kill("SIGKILL");
    }
  });

  it("prints usage and exits 0 for --help, 2 for a bad command line, 1 for a bad data file", async () => {
    const broken = join(dir, "broken.json");
    writeFileSync(broken, JSON.stringify({ [SMALL_ID]: [{ TaskExecutionId: BIG_ID, Status: "DONE" }] }));
    const [help, unknown, data] = [
      startMain(["--help"]),
      startMain(["--port", "0", "--verbose"]),
      startMain(["--port", "0", "--data", broken]),
    ];
    assert.equal(await help.exited, 0);
    assert.match(help.stdout(), /^Usage: npm start -- \[options\]/);
    assert.equal(await unknown.exited, 2);
    assert.match(unknown.stderr(), /^error: Unknown option '--verbose'.*\n\nUsage: /s);
    assert.equal(await data.exited, 1);
    assert.equal(
      data.stderr(),
      `data file ${broken}: entry "${SMALL_ID}": task 1: Status: Member must satisfy enum value set: [PENDING, IN_PROGRESS, SUCCESS, FAILED, TIMED_OUT, CANCELLING, CANCELLED, SKIPPED_OVERLAPPING] (found "DONE")\n`,
    );
  });
});
