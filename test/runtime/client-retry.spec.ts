import assert from "node:assert/strict";
import type { HttpRequest } from "@smithy/protocol-http";
import type { HttpResponse, RetryErrorInfo, RetryStrategyV2, RetryToken } from "@smithy/types";
import {
  CREDENTIALS,
  GetWidgetCommand,
  PingCommand,
  ThrottlingException,
  WidgetsClient,
  fastRetries,
  rejection,
  stubHandler,
  type StubReply,
} from "./client-fixture.js";

const OK: StubReply = { body: "{}" };

function clientWith(
  handler: WidgetsClient["config"]["requestHandler"],
  retryStrategy: RetryStrategyV2 = fastRetries(3),
) {
  return new WidgetsClient({ region: "us-west-2", credentials: CREDENTIALS, requestHandler: handler, retryStrategy });
}

/** A strategy that always allows a retry and asks the caller to wait `delayMs`; it records what it saw. */
function callerDelayedRetries(delayMs: number, maxAttempts = 3) {
  const seen: RetryErrorInfo[] = [];
  const token = (count: number): RetryToken => ({ getRetryCount: () => count, getRetryDelay: () => delayMs });
  const strategy: RetryStrategyV2 = {
    acquireInitialRetryToken: async () => token(0),
    refreshRetryTokenForRetry: async (previous, info) => {
      seen.push(info);
      if (previous.getRetryCount() + 1 >= maxAttempts) throw new Error("no more retries");
      return token(previous.getRetryCount() + 1);
    },
    recordSuccess: () => {},
  };
  return { strategy, seen };
}

/** A handler whose requests never complete (until aborted, when it honours the signal). */
function hangingHandler() {
  const requests: HttpRequest[] = [];
  return {
    requests,
    handle: (request: HttpRequest) => {
      requests.push(request);
      return new Promise<{ response: HttpResponse }>(() => {});
    },
  };
}

function networkError(code: string): Error {
  return Object.assign(new Error(`connect ${code} 127.0.0.1:1`), { code });
}

describe("client: retries", () => {
  const retried: Record<string, StubReply> = {
    "a modeled ThrottlingException (400)": { status: 400, body: '{"__type":"ThrottlingException"}' },
    "an unmodeled throttling type (400)": { status: 400, body: '{"__type":"ProvisionedThroughputExceededException"}' },
    "status 429": { status: 429, body: '{"__type":"SomethingElse"}' },
    "status 500": { status: 500, body: '{"__type":"InternalFailure"}' },
    "status 501": { status: 501, body: "" },
    "status 503 with an HTML body": { status: 503, body: "<html>Service Unavailable</html>" },
  };
  for (const [what, reply] of Object.entries(retried)) {
    it(`retries ${what}`, async () => {
      const stub = stubHandler(reply, OK);
      const output = await clientWith(stub).send(new PingCommand());
      assert.equal(output.$metadata.attempts, 2);
      assert.equal(output.$metadata.totalRetryDelay, 1);
      assert.equal(stub.requests.length, 2);
    });
  }

  it("does not retry other 4xx errors", async () => {
    for (const reply of [
      { status: 400, body: '{"__type":"WidgetNotFound"}' },
      { status: 403, body: '{"__type":"AccessDeniedException"}' },
      { status: 404, body: "" },
    ]) {
      const stub = stubHandler(reply, OK);
      const error = await rejection(clientWith(stub).send(new GetWidgetCommand({ Name: "w" })));
      assert.equal(stub.requests.length, 1);
      assert.equal(error.$metadata.attempts, 1);
    }
  });

  it("stops after maxAttempts and reports the attempts and delays on the last error", async () => {
    const stub = stubHandler({ status: 400, body: '{"__type":"ThrottlingException","message":"slow down"}' });
    const error = await rejection(clientWith(stub, fastRetries(4, 2)).send(new GetWidgetCommand({ Name: "w" })));
    assert.ok(error instanceof ThrottlingException);
    assert.equal(error.message, "slow down");
    assert.equal(stub.requests.length, 4);
    assert.deepEqual(error.$metadata, { httpStatusCode: 400, requestId: undefined, attempts: 4, totalRetryDelay: 6 });
  });

  it("retries transient network errors, but not other failures of the handler", async () => {
    for (const failure of [
      networkError("ECONNRESET"),
      networkError("ECONNREFUSED"),
      networkError("EPIPE"),
      networkError("ETIMEDOUT"),
      Object.assign(new Error("timed out"), { name: "TimeoutError" }),
      new TypeError("fetch failed", { cause: networkError("ECONNRESET") }),
    ]) {
      let calls = 0;
      const handler = {
        handle: async () => {
          if (calls++ === 0) throw failure;
          return { response: { statusCode: 200, headers: {}, body: "{}" } };
        },
      };
      const output = await clientWith(handler).send(new PingCommand());
      assert.equal(output.$metadata.attempts, 2, failure.message);
    }

    let calls = 0;
    const broken = { handle: async () => (calls++, Promise.reject(new TypeError("bad header"))) };
    const error = await rejection(clientWith(broken).send(new PingCommand()));
    assert.equal(error.message, "bad header");
    assert.equal(calls, 1);
    assert.deepEqual(error.$metadata, { attempts: 1, totalRetryDelay: 0 });
  });

  it("uses maxAttempts for the default StandardRetryStrategy", async () => {
    const stub = stubHandler({ status: 500, body: "" });
    const client = new WidgetsClient({
      region: "us-west-2",
      credentials: CREDENTIALS,
      requestHandler: stub,
      maxAttempts: 2,
    });
    const error = await rejection(client.send(new PingCommand()));
    assert.equal(error.$metadata.attempts, 2);
    assert.equal(stub.requests.length, 2);
  });

  it("waits the delay a strategy asks of the caller, counting it in totalRetryDelay", async () => {
    const { strategy, seen } = callerDelayedRetries(5);
    const stub = stubHandler({ status: 503, body: "" }, { status: 429, body: "" }, OK);
    const started = Date.now();
    const output = await clientWith(stub, strategy).send(new PingCommand());
    assert.ok(Date.now() - started >= 10);
    assert.equal(output.$metadata.attempts, 3);
    assert.equal(output.$metadata.totalRetryDelay, 10);
    assert.deepEqual(
      seen.map((info) => info.errorType),
      ["TRANSIENT", "THROTTLING"],
    );
    assert.equal((seen[0]!.error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode, 503);
  });
});

describe("client: abort", () => {
  it("rejects at once, sending nothing, when already aborted", async () => {
    const stub = stubHandler(OK);
    const controller = new AbortController();
    controller.abort();
    const error = await rejection(clientWith(stub).send(new PingCommand(), { abortSignal: controller.signal }));
    assert.equal(error.name, "AbortError");
    assert.equal(stub.requests.length, 0);
  });

  it("rejects promptly while a request is in flight, even if the handler ignores the signal", async () => {
    const handler = hangingHandler();
    const controller = new AbortController();
    const reason = new Error("user cancelled");
    setTimeout(() => controller.abort(reason), 20);
    const started = Date.now();
    const error = await rejection(clientWith(handler).send(new PingCommand(), { abortSignal: controller.signal }));
    assert.equal(error.name, "AbortError");
    assert.equal(error.cause, reason);
    assert.ok(Date.now() - started < 500);
    assert.equal(handler.requests.length, 1);
  });

  it("rejects promptly between retries", async () => {
    const { strategy } = callerDelayedRetries(60_000);
    const stub = stubHandler({ status: 500, body: "" });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 20);
    const started = Date.now();
    const error = await rejection(
      clientWith(stub, strategy).send(new PingCommand(), { abortSignal: controller.signal }),
    );
    assert.equal(error.name, "AbortError");
    assert.ok(Date.now() - started < 500);
    assert.equal(stub.requests.length, 1);
  });

  it("passes the signal to the request handler, and is harmless once the call is done", async () => {
    const signals: unknown[] = [];
    const handler = {
      handle: async (_: HttpRequest, options?: { abortSignal?: unknown }) => {
        signals.push(options?.abortSignal);
        return { response: { statusCode: 200, headers: {}, body: "{}" } };
      },
    };
    const controller = new AbortController();
    await clientWith(handler).send(new PingCommand(), { abortSignal: controller.signal });
    controller.abort();
    assert.deepEqual(signals, [controller.signal]);
  });
});
