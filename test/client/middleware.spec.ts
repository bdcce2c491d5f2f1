/**
 * `client.middlewareStack` and `command.middlewareStack`: middleware written
 * the way the SDK v3 documentation shows it (add a header at build, read the
 * raw response at deserialize, time a call at initialize), placed relative to
 * the SDK's own middleware names, removed by name and tag, per command.
 */
import assert from "node:assert/strict";
import { HttpRequest, HttpResponse } from "@smithy/protocol-http";
import type { FinalizeRequestMiddleware, HandlerExecutionContext, MetadataBearer } from "@smithy/types";
import { StubHttpHandler } from "@sjc/testing";
import { DescribeMaintenanceWindowExecutionTasksCommand, SSMClient } from "@sjc/ssm";
import { callSteps, type CallHost } from "../../runtime/src/client/call-steps.js";
import { stackOf } from "../../runtime/src/client/middleware.js";

const INPUT = { WindowExecutionId: "25b3420a-6338-4e24-8039-225f0c75b728" };
const OK_BODY = JSON.stringify({ WindowExecutionTaskIdentities: [{ TaskExecutionId: "t-1" }] });

function setup(response = { code: 200, headers: { "x-amzn-requestid": "req-1" }, body: OK_BODY }) {
  const stub = new StubHttpHandler(response);
  const client = new SSMClient({
    region: "us-east-1",
    credentials: { accessKeyId: "AKID", secretAccessKey: "secret" },
    requestHandler: stub,
    maxAttempts: 3,
  });
  return { stub, client };
}

/** The headers SigV4 signed, from the authorization header. */
function signedHeaders(request: HttpRequest): string[] {
  const match = /SignedHeaders=([^,]+)/.exec(request.headers.authorization ?? "");
  assert.ok(match, `signed: ${request.headers.authorization}`);
  return match[1]!.split(";");
}

/** The SDK's middleware, step by step, as `identify()` lists them for `@aws-sdk/client-ssm`'s awsJson calls. */
const SDK_NAMES = [
  "loggerMiddleware - initialize",
  "endpointV2Middleware - serialize",
  "serializerMiddleware - serialize",
  "contentLengthMiddleware - build",
  "getUserAgentMiddleware - build",
  "hostHeaderMiddleware - build",
  "retryMiddleware - finalizeRequest",
  "httpSigningMiddleware (a.k.a. awsAuthMiddleware) - finalizeRequest",
  "deserializerMiddleware - deserialize",
];

describe("client: the middleware stack", () => {
  it("holds the call's steps under the SDK's names, in the SDK's order", () => {
    const { client } = setup();
    assert.deepEqual(client.middlewareStack.identify(), SDK_NAMES);
  });

  it("composes the steps without a stack in the order a stack resolves them", () => {
    // The client composes its built-in steps directly until a stack is asked for; the
    // order of that list must be the stack's order.
    const host = {} as CallHost;
    const steps = callSteps(host);
    const names = steps.map((step) => step.options.name);
    const resolved = stackOf(steps)
      .identify()
      .map((entry) => entry.split(" ")[0]);
    assert.deepEqual(names, resolved);
  });

  it("sends the same request whether or not the stack was built", async () => {
    const direct = setup();
    const stacked = setup();
    stacked.client.middlewareStack.identify();
    await direct.client.send(new DescribeMaintenanceWindowExecutionTasksCommand(INPUT));
    await stacked.client.send(new DescribeMaintenanceWindowExecutionTasksCommand(INPUT));
    const [a, b] = [direct.stub.request(), stacked.stub.request()];
    assert.deepEqual(Object.keys(a.headers).sort(), Object.keys(b.headers).sort());
    assert.deepEqual(signedHeaders(a), signedHeaders(b));
    assert.equal(new TextDecoder().decode(a.body), new TextDecoder().decode(b.body));
  });

  it("runs a build middleware that adds a header, before signing", async () => {
    const { stub, client } = setup();
    client.middlewareStack.add(
      (next) => async (args) => {
        const request = args.request;
        if (HttpRequest.isInstance(request)) request.headers["x-amz-meta-foo"] = "bar";
        return next(args);
      },
      { step: "build", name: "addFooMetadataMiddleware", tags: ["METADATA", "FOO"], override: true },
    );
    await client.send(new DescribeMaintenanceWindowExecutionTasksCommand(INPUT));
    const request = stub.request();
    assert.equal(request.headers["x-amz-meta-foo"], "bar");
    assert.ok(signedHeaders(request).includes("x-amz-meta-foo"), "the added header is signed");
  });

  it("hands a deserialize middleware the raw response, before the deserializer reads it", async () => {
    const { client } = setup();
    const seen: { status?: number; requestId?: string; body?: unknown } = {};
    client.middlewareStack.add(
      (next) => async (args) => {
        const result = await next(args);
        const response = result.response;
        if (HttpResponse.isInstance(response)) {
          seen.status = response.statusCode;
          seen.requestId = response.headers["x-amzn-requestid"];
          seen.body = JSON.parse(new TextDecoder().decode(response.body as Uint8Array));
        }
        return result;
      },
      { step: "deserialize", name: "rawResponseReader" },
    );
    const output = await client.send(new DescribeMaintenanceWindowExecutionTasksCommand(INPUT));
    assert.deepEqual(seen, { status: 200, requestId: "req-1", body: JSON.parse(OK_BODY) });
    assert.equal(output.WindowExecutionTaskIdentities?.[0]?.TaskExecutionId, "t-1");
  });

  it("times a call at initialize, with the client's and the command's names in the context", async () => {
    const { stub, client } = setup();
    const delayMs = 30;
    const handle = stub.handle.bind(stub);
    stub.handle = async (request, options) => {
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      return handle(request, options);
    };
    const timings: { clientName?: string; commandName?: string; ms: number; input: unknown }[] = [];
    client.middlewareStack.add(
      (next, context: HandlerExecutionContext) => async (args) => {
        const start = performance.now();
        try {
          return await next(args);
        } finally {
          timings.push({
            clientName: context.clientName,
            commandName: context.commandName,
            ms: performance.now() - start,
            input: args.input,
          });
        }
      },
      { step: "initialize", name: "timingMiddleware", priority: "high" },
    );
    await client.send(new DescribeMaintenanceWindowExecutionTasksCommand(INPUT));
    assert.equal(timings.length, 1);
    const [timing] = timings;
    assert.equal(timing!.clientName, "SSMClient");
    assert.equal(timing!.commandName, "DescribeMaintenanceWindowExecutionTasksCommand");
    assert.deepEqual(timing!.input, INPUT);
    assert.ok(timing!.ms >= delayMs - 1, `timed ${timing!.ms} ms, the transport took ${delayMs} ms`);
  });

  it("applies a command's own middleware to that command only", async () => {
    const { stub, client } = setup();
    const tagged = new DescribeMaintenanceWindowExecutionTasksCommand(INPUT);
    tagged.middlewareStack.add(
      (next) => (args) => {
        (args.request as HttpRequest).headers["x-per-command"] = "yes";
        return next(args);
      },
      { step: "build", name: "perCommandHeader" },
    );
    await client.send(tagged);
    await client.send(new DescribeMaintenanceWindowExecutionTasksCommand(INPUT));
    assert.equal(stub.requests[0]!.headers["x-per-command"], "yes");
    assert.equal(stub.requests[1]!.headers["x-per-command"], undefined);
  });

  it("removes the SDK's middleware by name and by tag", async () => {
    const { stub, client } = setup();
    assert.equal(client.middlewareStack.remove("getUserAgentMiddleware"), true);
    await client.send(new DescribeMaintenanceWindowExecutionTasksCommand(INPUT));
    assert.equal(stub.requests[0]!.headers["x-amz-user-agent"], undefined);
    assert.equal(stub.requests[0]!.headers["user-agent"], undefined);

    // awsAuthMiddleware is the signing middleware's alias, as in the SDK.
    assert.equal(client.middlewareStack.removeByTag("HTTP_SIGNING"), true);
    await client.send(new DescribeMaintenanceWindowExecutionTasksCommand(INPUT));
    assert.equal(stub.requests[1]!.headers.authorization, undefined);
    assert.ok(!client.middlewareStack.identify().some((name) => name.includes("awsAuthMiddleware")));
  });

  it("runs middleware placed before awsAuthMiddleware once per attempt, on the unsigned request", async () => {
    const { stub, client } = setup({ code: 500, headers: { "x-amzn-requestid": "req-1" }, body: "{}" });
    const attempts: (string | undefined)[] = [];
    const attemptCounter: FinalizeRequestMiddleware<object, MetadataBearer> = (next) => async (args) => {
      attempts.push((args.request as HttpRequest).headers.authorization);
      if (attempts.length === 3) stub.respond({ code: 200, body: OK_BODY });
      return next(args);
    };
    client.middlewareStack.addRelativeTo(attemptCounter, {
      relation: "before",
      toMiddleware: "awsAuthMiddleware",
      name: "attemptCounter",
    });
    const output = await client.send(new DescribeMaintenanceWindowExecutionTasksCommand(INPUT));
    assert.deepEqual(attempts, [undefined, undefined, undefined]);
    assert.equal(output.$metadata.attempts, 3);
    assert.equal(stub.requests.length, 3);
  });

  it("lets initialize middleware see the error a call rejects with", async () => {
    const { client } = setup({
      code: 400,
      headers: { "x-amzn-requestid": "req-1" },
      body: JSON.stringify({ __type: "DoesNotExistException", Message: "no such execution" }),
    });
    const errors: string[] = [];
    client.middlewareStack.add(
      (next) => async (args) => {
        try {
          return await next(args);
        } catch (error) {
          errors.push((error as Error).name);
          throw error;
        }
      },
      { step: "initialize", name: "errorRecorder" },
    );
    await assert.rejects(client.send(new DescribeMaintenanceWindowExecutionTasksCommand(INPUT)), {
      name: "DoesNotExistException",
    });
    assert.deepEqual(errors, ["DoesNotExistException"]);
  });

  it("logs each call's outcome through the configured logger, as the SDK's loggerMiddleware does", async () => {
    const lines: unknown[] = [];
    const logger = {
      debug: () => {},
      info: (entry: unknown) => lines.push(entry),
      warn: () => {},
      error: () => {},
    };
    const client = new SSMClient({
      region: "us-east-1",
      credentials: { accessKeyId: "AKID", secretAccessKey: "secret" },
      requestHandler: new StubHttpHandler({ code: 200, headers: { "x-amzn-requestid": "req-9" }, body: OK_BODY }),
      logger,
    });
    await client.send(new DescribeMaintenanceWindowExecutionTasksCommand(INPUT));
    assert.equal(lines.length, 1);
    assert.deepEqual(lines[0], {
      clientName: "SSMClient",
      commandName: "DescribeMaintenanceWindowExecutionTasksCommand",
      metadata: { httpStatusCode: 200, requestId: "req-9", attempts: 1, totalRetryDelay: 0 },
    });
  });
});
