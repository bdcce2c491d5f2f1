import assert from "node:assert/strict";
import { once } from "node:events";
import { Agent, request, type IncomingHttpHeaders, type Server } from "node:http";
import { connect, type AddressInfo } from "node:net";
import {
  closeGracefully,
  createJsonRpcHandler,
  createNodeServer,
  type JsonRpcHandler,
  type NodeServerOptions,
} from "../../runtime/src/server/index.js";
import { ThingsImplementation, recordingLogger, thingsDescription, type PutThingInput } from "./server-fixture.js";

interface Reply {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly json: Record<string, unknown>;
}

const HEADERS = { "content-type": "application/x-amz-json-1.0", "x-amz-target": "Things.PutThing" };

/** POSTs `body` (or streams `chunks` of it, chunked) and resolves with the reply, even if the upload was cut. */
function post(
  port: number,
  body: string | Buffer[],
  options: { agent?: Agent; headers?: Record<string, string> } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({
      host: "127.0.0.1",
      port,
      method: "POST",
      path: "/",
      agent: options.agent,
      headers: { ...HEADERS, ...options.headers },
    });
    req.on("response", (res) => {
      let text = "";
      res.setEncoding("utf8").on("data", (chunk: string) => (text += chunk));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, json: JSON.parse(text) }));
    });
    req.on("error", reject);
    if (typeof body === "string") {
      req.end(body);
      return;
    }
    const chunks = [...body];
    const next = (): void => {
      const chunk = chunks.shift();
      if (chunk === undefined) req.end();
      else req.write(chunk, () => setImmediate(next));
    };
    next();
  });
}

async function listen(handler: JsonRpcHandler, options?: NodeServerOptions): Promise<{ server: Server; port: number }> {
  const server = createNodeServer(handler, options).listen(0, "127.0.0.1");
  await once(server, "listening");
  return { server, port: (server.address() as AddressInfo).port };
}

describe("server: createNodeServer", () => {
  let implementation: ThingsImplementation;
  let server: Server;
  let port: number;

  beforeEach(async () => {
    implementation = new ThingsImplementation();
    ({ server, port } = await listen(createJsonRpcHandler(thingsDescription, implementation), { maxBodyBytes: 4096 }));
  });

  afterEach(() => closeGracefully(server, 500));

  it("serves the handler with a Content-Length, the request id and keep-alive", async () => {
    const reply = await post(port, JSON.stringify({ ThingId: "abc" }));
    assert.equal(reply.status, 200);
    assert.equal(reply.json.ThingId, "abc");
    assert.equal(reply.headers["content-type"], "application/x-amz-json-1.0");
    assert.match(String(reply.headers["x-amzn-requestid"]), /^[0-9a-f-]{36}$/);
    assert.equal(reply.headers["content-length"], String(Buffer.byteLength(JSON.stringify(reply.json))));
    assert.equal(reply.headers.connection, "keep-alive");
  });

  it("reassembles a body sent in many chunks, up to the limit exactly", async () => {
    const body = JSON.stringify({ ThingId: "abc", Extra: "é".repeat(1000) });
    const chunks = Buffer.from(body);
    const parts = [chunks.subarray(0, 7), chunks.subarray(7, 500), chunks.subarray(500, 1501), chunks.subarray(1501)];
    assert.equal((await post(port, parts, { headers: { "content-type": "application/x-amz-json-1.0" } })).status, 200);
    const exact = JSON.stringify({ ThingId: "abc", Extra: "" });
    const padded = exact.replace('""', `"${"x".repeat(4096 - exact.length)}"`);
    assert.equal(Buffer.byteLength(padded), 4096);
    assert.equal((await post(port, padded)).status, 200);
  });

  it("answers 413 from the Content-Length alone, without waiting for the body", async () => {
    const reply = await new Promise<Reply>((resolve, reject) => {
      const req = request({
        host: "127.0.0.1",
        port,
        method: "POST",
        headers: { ...HEADERS, "content-length": 10 * 1024 * 1024 },
      });
      req.on("response", (res) => {
        let text = "";
        res.setEncoding("utf8").on("data", (chunk: string) => (text += chunk));
        res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, json: JSON.parse(text) }));
      });
      req.on("error", reject);
      req.write("{"); // most of the declared body never comes
    });
    assert.equal(reply.status, 413);
    assert.equal(reply.json.__type, "RequestEntityTooLargeException");
    assert.match(reply.json.message as string, /4096 bytes/);
    assert.equal(reply.headers["x-amzn-errortype"], "RequestEntityTooLargeException");
    assert.equal(reply.headers.connection, "close");
    assert.match(String(reply.headers["x-amzn-requestid"]), /^[0-9a-f-]{36}$/);
    assert.equal(implementation.calls.length, 0);
  });

  it("answers 413 as soon as a chunked body passes the limit", async () => {
    let sent = 0;
    const reply = await new Promise<Reply>((resolve, reject) => {
      const req = request({ host: "127.0.0.1", port, method: "POST", headers: HEADERS });
      req.on("response", (res) => {
        let text = "";
        res.setEncoding("utf8").on("data", (chunk: string) => (text += chunk));
        res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, json: JSON.parse(text) }));
      });
      req.on("error", () => undefined); // the server may close before the upload ends
      const pump = (): void => {
        if (sent >= 1024 * 1024) return reject(new Error("no 413 after 1 MiB"));
        sent += 1024;
        req.write("x".repeat(1024), () => setImmediate(pump));
      };
      pump();
    });
    assert.equal(reply.status, 413);
    assert.equal(reply.json.__type, "RequestEntityTooLargeException");
    assert.ok(sent < 64 * 1024, `the server stopped the upload late (${sent} bytes sent)`);
    assert.equal(implementation.calls.length, 0);
    assert.equal((await post(port, JSON.stringify({ ThingId: "after" }))).status, 200, "the server still serves");
  });

  it("lets a client that writes a whole 5 MiB body before reading read its 413", async () => {
    const body = Buffer.alloc(5 * 1024 * 1024, "x");
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, "127.0.0.1");
      let text = "";
      socket.setEncoding("latin1");
      socket.on("error", reject);
      socket.on("connect", () => {
        const head = [
          "POST / HTTP/1.1",
          "Host: 127.0.0.1",
          `Content-Type: ${HEADERS["content-type"]}`,
          `X-Amz-Target: ${HEADERS["x-amz-target"]}`,
          `Content-Length: ${body.length}`,
          "",
          "",
        ].join("\r\n");
        socket.write(head);
        // Like http.client or botocore: the whole body goes out, and only then is the answer read.
        socket.write(body, (error) => {
          if (error) return reject(error);
          socket.on("data", (chunk: string) => (text += chunk));
          socket.on("end", () => resolve(text));
        });
      });
    });
    const [head = "", answer = ""] = raw.split("\r\n\r\n");
    assert.match(head, /^HTTP\/1\.1 413 /);
    assert.match(head, /\r\nconnection: close\r\n/i);
    assert.match(head, /\r\nx-amzn-errortype: RequestEntityTooLargeException\r\n/i);
    const json = JSON.parse(answer) as Record<string, unknown>;
    assert.equal(json.__type, "RequestEntityTooLargeException");
    assert.match(json.message as string, /must not exceed 4096 bytes/);
    assert.equal(implementation.calls.length, 0);
  });

  it("cuts the connection of a too-large body once the drain bound is passed", async () => {
    const { server: bounded, port: boundedPort } = await listen(
      createJsonRpcHandler(thingsDescription, implementation),
      {
        maxBodyBytes: 4096,
        maxDrainBytes: 64 * 1024,
      },
    );
    try {
      const closed = await new Promise<number>((resolve) => {
        const socket = connect(boundedPort, "127.0.0.1");
        let sent = 0;
        socket.on("error", () => undefined); // a reset is the expected end
        socket.on("close", () => resolve(sent));
        socket.on("connect", () => {
          socket.write(
            `POST / HTTP/1.1\r\nHost: x\r\nContent-Type: ${HEADERS["content-type"]}\r\nX-Amz-Target: ${HEADERS["x-amz-target"]}\r\nContent-Length: 1048576\r\n\r\n`,
          );
          const pump = (): void => {
            if (sent >= 1024 * 1024 || socket.destroyed) return;
            sent += 16 * 1024;
            socket.write(Buffer.alloc(16 * 1024, "x"), (error) => (error ? undefined : setImmediate(pump)));
          };
          pump();
        });
      });
      assert.ok(closed < 1024 * 1024, `the connection stayed open for the whole 1 MiB (${closed} bytes)`);
    } finally {
      await closeGracefully(bounded, 500);
    }
  });

  it("sets the timeouts and the connection bound", async () => {
    assert.equal(server.headersTimeout, 10_000);
    assert.equal(server.requestTimeout, 30_000);
    assert.equal(server.keepAliveTimeout, 5_000);
    assert.equal(server.maxConnections, 1024);
    const tuned = createNodeServer(createJsonRpcHandler(thingsDescription, implementation), {
      headersTimeout: 1000,
      requestTimeout: 2000,
      keepAliveTimeout: 300,
      maxConnections: 7,
    });
    assert.deepEqual(
      [tuned.headersTimeout, tuned.requestTimeout, tuned.keepAliveTimeout, tuned.maxConnections],
      [1000, 2000, 300, 7],
    );
  });

  it("survives handlers that reject, throw or return an unwritable response, answering 500", async () => {
    const logger = recordingLogger();
    // The fakes answer 500 in the protocol's format through a real handler's errorResponse.
    const { contentType, errorResponse } = createJsonRpcHandler(thingsDescription, {});
    const protocol = { contentType, errorResponse };
    const rejecting = Object.assign(async () => Promise.reject(new Error("async boom")), protocol);
    const throwing = Object.assign(() => {
      throw new Error("sync boom");
    }, protocol);
    const unwritable = Object.assign(
      async () => ({ statusCode: 200, headers: { "x-bad": "a\nb" }, body: "{}" }),
      protocol,
    );
    for (const handler of [rejecting, throwing, unwritable]) {
      const { server: broken, port: brokenPort } = await listen(handler as unknown as JsonRpcHandler, { logger });
      for (let i = 0; i < 2; i++) {
        const reply = await post(brokenPort, "{}");
        assert.equal(reply.status, 500);
        assert.deepEqual(reply.json, { __type: "InternalServerError", message: "An internal error occurred" });
        assert.equal(reply.headers["content-type"], contentType);
      }
      await closeGracefully(broken, 500);
    }
    assert.equal(logger.entries.length, 6);
  });
});

describe("server: closeGracefully", () => {
  it("lets an in-flight request finish, closes idle keep-alive connections and refuses new ones", async () => {
    let release!: () => void;
    let entered!: () => void;
    const inside = new Promise<void>((resolve) => (entered = resolve));
    const implementation = {
      async PutThing(input: PutThingInput) {
        if (input.ThingId === "slow") {
          entered();
          await new Promise<void>((resolve) => (release = resolve));
        }
        return { ThingId: input.ThingId };
      },
      async GetClock() {
        return {};
      },
    };
    const { server, port } = await listen(createJsonRpcHandler(thingsDescription, implementation));
    const agent = new Agent({ keepAlive: true });
    assert.equal((await post(port, '{"ThingId":"warm"}', { agent })).status, 200);
    const inFlight = post(port, '{"ThingId":"slow"}', { agent });
    await inside;
    let closed = false;
    const closing = closeGracefully(server, 5000).then(() => (closed = true));
    await assert.rejects(post(port, '{"ThingId":"late"}', { agent: new Agent() }), /ECONNREFUSED/);
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(closed, false, "closing waits for the in-flight request");
    release();
    const reply = await inFlight;
    assert.equal(reply.status, 200);
    assert.equal(reply.json.ThingId, "slow");
    assert.equal(reply.headers.connection, "close");
    await closing;
    assert.equal(server.listening, false);
    agent.destroy();
  });

  it("cuts connections still busy after the timeout, then resolves", async () => {
    const implementation = {
      PutThing: () => new Promise<never>(() => undefined),
      GetClock: async () => ({}),
    };
    const { server, port } = await listen(createJsonRpcHandler(thingsDescription, implementation));
    const stuck = post(port, '{"ThingId":"stuck"}');
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = Date.now();
    await closeGracefully(server, 200);
    assert.ok(Date.now() - started >= 150);
    await assert.rejects(stuck, /socket hang up|ECONNRESET/);
  });
});
