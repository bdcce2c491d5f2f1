/**
 * Waiters (`smithy.waiters#waitable`): the fixture
 * `test/fixtures/models/waiters.json` has a waiter for every acceptor kind
 * (success, errorType by name and by shape id, output, inputOutput) and
 * every comparator. Its generated package is driven with a scripted handler:
 * each call takes the next canned response.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { HttpResponse } from "@smithy/protocol-http";
import type { HttpRequest } from "@smithy/protocol-http";
import type { WaiterConfiguration } from "@smithy/types";
import type { WaiterResult } from "@sjc/runtime";
import { flattenModel } from "../../codegen/index/flatten.js";
import { buildShapeIndex } from "../../codegen/index/shape-index.js";
import { parseModel } from "../../codegen/load/parse-model.js";
import { ROOT, cli, projectTempDir } from "../codegen/helpers.js";

const MODEL = join(ROOT, "test/fixtures/models/waiters.json");

/** A canned awsJson answer: a status and a JSON body. */
interface Answer {
  readonly status: number;
  readonly body: unknown;
}

const ok = (body: unknown): Answer => ({ status: 200, body });
const fail = (type: string): Answer => ({ status: 400, body: { __type: type, message: `${type} (scripted)` } });

/** Answers each request with the next answer of its script (the last one repeats); records the inputs. */
class ScriptedHandler {
  readonly inputs: unknown[] = [];
  constructor(private readonly script: readonly Answer[]) {}

  async handle(request: HttpRequest): Promise<{ response: HttpResponse }> {
    this.inputs.push(JSON.parse(new TextDecoder().decode(request.body as Uint8Array)));
    const { status, body } = this.script[Math.min(this.inputs.length, this.script.length) - 1]!;
    return {
      response: new HttpResponse({
        statusCode: status,
        headers: { "content-type": "application/x-amz-json-1.0" },
        body: new TextEncoder().encode(JSON.stringify(body)),
      }),
    };
  }
}

type Client = { send(command: unknown): Promise<unknown> };
type Waiter = (params: WaiterConfiguration<Client>, input: { JobId: string }) => Promise<WaiterResult>;
interface JobsPackage {
  readonly JobsClient: new (config: object) => Client;
  readonly [waiter: `waitUntil${string}`]: Waiter;
}

describe("waiters: waitUntil<Name> from smithy.waiters#waitable", () => {
  it("the shape index decodes each waiter: delays (Smithy's defaults), acceptors in order, compiled paths", () => {
    const parsed = parseModel(readFileSync(MODEL, "utf8"), MODEL);
    const { model } = flattenModel(parsed.model.shapes, MODEL);
    const index = buildShapeIndex(model, "example.jobs#Jobs");
    const waiters = index.operations[0]!.waiters;
    assert.deepEqual(
      waiters.map((w) => [w.name, w.minDelay, w.maxDelay, w.deprecated]),
      [
        ["JobDone", 3, 30, false],
        ["JobEchoed", 2, 120, false],
        ["JobFinishedAfterStart", 2, 120, false],
        ["JobGone", 2, 120, true],
        ["JobReachable", 2, 120, false],
        ["JobReady", 2, 120, false],
        ["StepsFinished", 2, 10, false],
      ],
    );
    const gone = waiters.find((w) => w.name === "JobGone")!;
    // An absolute shape id matches on its name part.
    assert.deepEqual(gone.acceptors[0], { state: "success", matcher: { errorType: "JobNotFound" } });
    const steps = waiters.find((w) => w.name === "StepsFinished")!;
    assert.deepEqual(steps.acceptors[0]!.matcher, {
      output: {
        source: "Steps[].State",
        path: {
          type: "listProjection",
          left: { type: "flatten", of: { type: "field", name: "Steps" } },
          right: { type: "field", name: "State" },
        },
        expected: "BROKEN",
        comparator: "anyStringEquals",
      },
    });
    assert.equal(index.names.waiter("JobDone").waitUntil, "waitUntilJobDone");
  });

  describe("the generated package", function () {
    this.timeout(120_000); // one generation, then tsc in a process of its own
    let out: string;
    let jobs: JobsPackage;

    before(async () => {
      out = await projectTempDir("waiters");
      const { code, output } = await cli(["--model", MODEL, "--out", out]);
      assert.equal(code, 0, output);
      execFileSync(process.execPath, [join(ROOT, "node_modules/typescript/bin/tsc"), "-p", out, "--noEmit"]);
      jobs = (await import(pathToFileURL(join(out, "src/index.ts")).href)) as JobsPackage;
    });
    after(() => rm(out, { recursive: true, force: true }));

    /** Runs a waiter against a script with short delays; the outcome and the calls made. */
    async function wait(name: string, script: readonly Answer[], config: Partial<WaiterConfiguration<Client>> = {}) {
      const handler = new ScriptedHandler(script);
      const client = new jobs.JobsClient({
        requestHandler: handler,
        region: "us-east-1",
        credentials: { accessKeyId: "AKID", secretAccessKey: "SECRET" },
        endpoint: "https://jobs.example.com",
        maxAttempts: 1,
      });
      const waiter = jobs[`waitUntil${name}`];
      assert.equal(typeof waiter, "function", `waitUntil${name} is exported`);
      const params = { client, maxWaitTime: 5, minDelay: 0.001, maxDelay: 0.002, ...config };
      const outcome: { result?: WaiterResult; error?: Error } = await waiter(params, { JobId: "job-1" }).then(
        (result) => ({ result }),
        (error: Error) => ({ error }),
      );
      return { ...outcome, calls: handler.inputs.length, inputs: handler.inputs };
    }

    /** The waiter's state from the error `waitUntil…` throws (SDK v3 puts the result, as JSON, in the message). */
    const thrownState = (error: Error | undefined) => (JSON.parse(error!.message) as { state: string }).state;

    it("output stringEquals: retries until DONE, retrying through a JobNotFound error (errorType)", async () => {
      const done = await wait("JobDone", [ok({ Status: "RUNNING" }), fail("JobNotFound"), ok({ Status: "DONE" })]);
      assert.equal(done.result?.state, "SUCCESS");
      assert.equal(done.calls, 3);
      assert.deepEqual(done.inputs, [{ JobId: "job-1" }, { JobId: "job-1" }, { JobId: "job-1" }]);
      assert.equal((done.result!.reason as { Status: string }).Status, "DONE");
    });

    it("output stringEquals: a failure acceptor stops at once and throws", async () => {
      const failed = await wait("JobDone", [ok({ Status: "FAILED" }), ok({ Status: "DONE" })]);
      assert.equal(thrownState(failed.error), "FAILURE");
      assert.equal(failed.calls, 1);
    });

    it("an error no acceptor matches is a failure", async () => {
      const failed = await wait("JobDone", [ok({ Status: "RUNNING" }), fail("AccessDenied")]);
      assert.equal(thrownState(failed.error), "FAILURE");
      assert.equal(failed.calls, 2);
    });

    it("times out after maxWaitTime with a TimeoutError", async () => {
      const started = Date.now();
      const timedOut = await wait("JobDone", [ok({ Status: "RUNNING" })], {
        maxWaitTime: 0.3,
        minDelay: 0.05,
        maxDelay: 0.05,
      });
      assert.equal(timedOut.error?.name, "TimeoutError");
      assert.equal(thrownState(timedOut.error), "TIMEOUT");
      assert.ok(timedOut.calls >= 2, `polled ${timedOut.calls} times`);
      assert.ok(Date.now() - started < 2000);
    });

    it("stops with an AbortError when the signal aborts", async () => {
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 100);
      const aborted = await wait("JobDone", [ok({ Status: "RUNNING" })], {
        abortSignal: controller.signal,
        minDelay: 0.02,
        maxDelay: 0.02,
      });
      assert.equal(aborted.error?.name, "AbortError");
    });

    it("uses the waiter's own delays unless the configuration sets them", async () => {
      // JobDone's minDelay is 3 seconds: a maxWaitTime of 2 cannot fit one retry.
      const refused = await wait("JobDone", [ok({ Status: "DONE" })], {
        maxWaitTime: 2,
        minDelay: undefined,
        maxDelay: undefined,
      });
      assert.match(
        refused.error!.message,
        /maxWaitTime \[2\] must be greater than WaiterConfiguration\.minDelay \[3\]/,
      );
      assert.equal(refused.calls, 0);
    });

    it("output booleanEquals, with a JMESPath comparison and literals", async () => {
      const ready = await wait("JobReady", [ok({ Ready: false, Status: "RUNNING" }), ok({ Ready: true })]);
      assert.equal(ready.result?.state, "SUCCESS");
      assert.equal(ready.calls, 2);
      const never = await wait("JobReady", [ok({ Ready: false, Status: "DONE" })]);
      assert.equal(thrownState(never.error), "FAILURE");
    });

    it("output allStringEquals (never on an empty list) and anyStringEquals", async () => {
      const steps = (...states: string[]) => ok({ Steps: states.map((State) => ({ State })) });
      const finished = await wait("StepsFinished", [
        steps(),
        steps("FINISHED", "RUNNING"),
        steps("FINISHED", "FINISHED"),
      ]);
      assert.equal(finished.result?.state, "SUCCESS");
      assert.equal(finished.calls, 3);
      const broken = await wait("StepsFinished", [steps("FINISHED", "BROKEN")]);
      assert.equal(thrownState(broken.error), "FAILURE");
    });

    it("inputOutput: compares the input with the output", async () => {
      const echoed = await wait("JobEchoed", [ok({ JobId: "other" }), ok({ JobId: "job-1" })]);
      assert.equal(echoed.result?.state, "SUCCESS");
      assert.equal(echoed.calls, 2);
    });

    it("timestamps are epoch seconds to the paths", async () => {
      const finished = await wait("JobFinishedAfterStart", [
        ok({ StartedAt: 1_700_000_100, FinishedAt: 1_700_000_000 }),
        ok({ StartedAt: 1_700_000_100, FinishedAt: 1_700_000_200.5 }),
      ]);
      assert.equal(finished.result?.state, "SUCCESS");
      assert.equal(finished.calls, 2);
    });

    it("errorType by shape id, and success: true as a retry", async () => {
      const gone = await wait("JobGone", [ok({}), ok({}), fail("JobNotFound")]);
      assert.equal(gone.result?.state, "SUCCESS");
      assert.equal(gone.calls, 3);
      assert.equal((gone.result!.reason as Error).name, "JobNotFound");
    });

    it("success: false as a retry, success: true as success", async () => {
      const reachable = await wait("JobReachable", [fail("AccessDenied"), ok({})]);
      assert.equal(reachable.result?.state, "SUCCESS");
      assert.equal(reachable.calls, 2);
    });

    it("a client that never waits does not load @smithy/util-waiter", () => {
      // A fresh process: this one has loaded it already.
      const script = `
        import { createRequire } from "node:module";
        const { JobsClient, GetJobCommand, waitUntilJobReachable } = await import(process.argv[1]);
        const loaded = () => Object.keys(createRequire(import.meta.url).cache).some((f) => f.includes("util-waiter"));
        const requestHandler = { handle: async () => ({ response: { statusCode: 200, headers: {}, body: new TextEncoder().encode("{}") } }) };
        const client = new JobsClient({ requestHandler, region: "us-east-1", endpoint: "https://jobs.example.com",
          credentials: { accessKeyId: "AKID", secretAccessKey: "S" } });
        await client.send(new GetJobCommand({ JobId: "j" }));
        const beforeWaiting = loaded();
        await waitUntilJobReachable({ client, maxWaitTime: 5 }, { JobId: "j" });
        console.log(JSON.stringify([beforeWaiting, loaded()]));
      `;
      const output = execFileSync(
        process.execPath,
        ["--import", "tsx", "--input-type=module", "-e", script, pathToFileURL(join(out, "src/index.ts")).href],
        { cwd: ROOT, encoding: "utf8" },
      );
      assert.deepEqual(JSON.parse(output), [false, true]);
    });
  });
});
