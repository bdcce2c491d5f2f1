import assert from "node:assert/strict";
import type { ServerResponse } from "node:http";
import { createServer } from "node:net";
import type { JsonRpcClientConfig } from "../../runtime/src/index.js";
import {
  CREDENTIALS,
  GetWidgetCommand,
  PingCommand,
  WidgetsClient,
  fastRetries,
  json,
  rejection,
  scriptedServer,
  type Step,
} from "./client-fixture.js";

const OK = json(200, {}, { "x-amzn-requestid": "ok" });
const NEVER: Step = () => {};

/** Sends part of a JSON body announced as longer, then drops the connection. */
const TRUNCATED: Step = (response) => {
  response.writeHead(200, { "content-type": "application/x-amz-json-1.1", "content-length": "100" });
  response.write('{"Widget":', () => response.socket?.destroy());
};

/** Drops the connection without answering. */
const RESET: Step = (response: ServerResponse) => response.socket?.destroy();

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer().listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe("client: over HTTP (loopback server, default NodeHttpHandler)", () => {
  const clients: WidgetsClient[] = [];
  const servers: { close(): Promise<void> }[] = [];

  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await Promise.all(servers.splice(0).map((server) => server.close()));
  });

  async function setUp(steps: Step[], config: JsonRpcClientConfig = {}) {
    const server = await scriptedServer(...steps);
    servers.push(server);
    const client = new WidgetsClient({
      region: "us-west-2",
      credentials: CREDENTIALS,
      endpoint: server.url,
      retryStrategy: fastRetries(4),
      requestTimeout: 300,
      ...config,
    });
    clients.push(client);
    return { server, client };
  }

  it("sends the signed request and reads the response", async () => {
    const { server, client } = await setUp([
      json(200, { Widget: { Name: "w1", CreatedAt: 1 } }, { "x-amzn-requestid": "r-1" }),
    ]);
    const output = await client.send(new GetWidgetCommand({ Name: "w1" }));
    assert.deepEqual(output, {
      Widget: { Name: "w1", CreatedAt: new Date(1000) },
      $metadata: { httpStatusCode: 200, requestId: "r-1", attempts: 1, totalRetryDelay: 0 },
    });
    const [seen] = server.seen;
    assert.equal(seen!.url, "/");
    assert.equal(seen!.body, '{"Name":"w1"}');
    assert.equal(seen!.headers["x-amz-target"], "WidgetService.GetWidget");
    assert.equal(seen!.headers["content-type"], "application/x-amz-json-1.1");
    assert.equal(seen!.headers["content-length"], "13");
    assert.equal(seen!.headers.host, new URL(server.url).host);
    assert.match(seen!.headers.authorization!, /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\//);
  });

  it("keeps the connection alive across calls", async () => {
    const { server, client } = await setUp([json(400, { __type: "WidgetNotFound" }), OK]);
    await rejection(client.send(new PingCommand()));
    await client.send(new PingCommand());
    await client.send(new PingCommand());
    assert.equal(new Set(server.seen.map((seen) => seen.remotePort)).size, 1);
  });

  it("retries 500, 503 and 429, then succeeds", async () => {
    const { server, client } = await setUp([
      json(500, { __type: "InternalFailure" }),
      json(503, { __type: "ServiceUnavailable" }),
      json(429, { __type: "TooManyRequests" }),
      OK,
    ]);
    const output = await client.send(new PingCommand());
    assert.equal(output.$metadata.attempts, 4);
    assert.equal(output.$metadata.totalRetryDelay, 3);
    assert.equal(output.$metadata.requestId, "ok");
    assert.equal(server.seen.length, 4);
  });

  it("does not retry a 400", async () => {
    const { server, client } = await setUp([json(400, { __type: "WidgetNotFound", message: "nope" }), OK]);
    const error = await rejection(client.send(new GetWidgetCommand({ Name: "w1" })));
    assert.equal(error.name, "WidgetNotFound");
    assert.equal(error.$metadata.attempts, 1);
    assert.equal(server.seen.length, 1);
  });

  it("times out a request that gets no answer, retrying it", async () => {
    const { server, client } = await setUp([NEVER], { requestTimeout: 100, retryStrategy: fastRetries(2) });
    const started = Date.now();
    const error = await rejection(client.send(new PingCommand()));
    assert.equal(error.name, "TimeoutError");
    assert.equal(error.$metadata.attempts, 2);
    assert.equal(server.seen.length, 2);
    assert.ok(Date.now() - started < 900);
  });

  it("times out a body that stalls after the headers", async () => {
    const stall: Step = (response) => {
      response.writeHead(200, { "content-length": "100" });
      response.write("{");
    };
    const { client } = await setUp([stall], { requestTimeout: 100, retryStrategy: fastRetries(1) });
    const error = await rejection(client.send(new PingCommand()));
    assert.equal(error.name, "TimeoutError");
  });

  it("retries a truncated response", async () => {
    const { server, client } = await setUp([TRUNCATED, OK]);
    const output = await client.send(new PingCommand());
    assert.equal(output.$metadata.attempts, 2);
    assert.equal(server.seen.length, 2);
  });

  it("retries a connection reset", async () => {
    const { server, client } = await setUp([RESET, RESET, OK]);
    const output = await client.send(new PingCommand());
    assert.equal(output.$metadata.attempts, 3);
    assert.equal(server.seen.length, 3);
  });

  it("gives up on a connection that keeps being reset", async () => {
    const { server, client } = await setUp([TRUNCATED], { retryStrategy: fastRetries(3) });
    const error = await rejection(client.send(new PingCommand()));
    assert.equal(error.code, "ECONNRESET");
    assert.equal(error.$metadata.attempts, 3);
    assert.equal(server.seen.length, 3);
  });

  it("retries a refused connection, then reports it", async () => {
    const client = new WidgetsClient({
      region: "us-west-2",
      credentials: CREDENTIALS,
      endpoint: `http://127.0.0.1:${await closedPort()}`,
      retryStrategy: fastRetries(2),
    });
    clients.push(client);
    const error = await rejection(client.send(new PingCommand()));
    assert.equal(error.code, "ECONNREFUSED");
    assert.equal(error.$metadata.attempts, 2);
  });

  it("aborts before sending", async () => {
    const { server, client } = await setUp([OK]);
    const controller = new AbortController();
    controller.abort();
    const error = await rejection(client.send(new PingCommand(), { abortSignal: controller.signal }));
    assert.equal(error.name, "AbortError");
    assert.equal(server.seen.length, 0);
  });

  it("aborts a request in flight, promptly", async () => {
    const { server, client } = await setUp([NEVER], { requestTimeout: 5_000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const started = Date.now();
    const error = await rejection(client.send(new PingCommand(), { abortSignal: controller.signal }));
    assert.equal(error.name, "AbortError");
    assert.ok(Date.now() - started < 500);
    assert.equal(server.seen.length, 1);
  });

  it("aborts while waiting to retry", async () => {
    const { server, client } = await setUp([json(503, {})], { retryStrategy: fastRetries(3, 300) });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const started = Date.now();
    const error = await rejection(client.send(new PingCommand(), { abortSignal: controller.signal }));
    assert.equal(error.name, "AbortError");
    assert.ok(Date.now() - started < 250);
    assert.equal(server.seen.length, 1);
  });
});
