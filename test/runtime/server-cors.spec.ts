/** `createNodeServer({ cors })`: preflight answers and CORS headers on every answer, errors included. */
import assert from "node:assert/strict";
import { once } from "node:events";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import {
  checkOrigin,
  closeGracefully,
  createJsonRpcHandler,
  createNodeServer,
} from "../../runtime/src/server/index.js";
import { ThingsImplementation, thingsDescription } from "./server-fixture.js";

const PAGE = "http://127.0.0.1:5173";
const HEADERS = { "content-type": "application/x-amz-json-1.0", "x-amz-target": "Things.PutThing" };

describe("server: CORS", () => {
  let server: Server;
  let url: string;

  async function start(cors: readonly string[] | undefined, maxBodyBytes = 4096): Promise<void> {
    const handler = createJsonRpcHandler(thingsDescription, new ThingsImplementation());
    server = createNodeServer(handler, { maxBodyBytes, ...(cors && { cors }) }).listen(0, "127.0.0.1");
    await once(server, "listening");
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  }

  afterEach(() => closeGracefully(server, 500));

  const preflight = (origin: string) =>
    fetch(url, {
      method: "OPTIONS",
      headers: {
        origin,
        "access-control-request-method": "POST",
        "access-control-request-headers": "authorization,content-type,x-amz-date,x-amz-target,x-amz-user-agent",
      },
    });

  it("answers an allowed origin's preflight with the methods and every header the SDK sends", async () => {
    await start([PAGE]);
    const reply = await preflight(PAGE);
    assert.equal(reply.status, 204);
    assert.equal(reply.headers.get("access-control-allow-origin"), PAGE);
    assert.equal(reply.headers.get("vary"), "Origin");
    assert.match(reply.headers.get("access-control-allow-methods") ?? "", /\bPOST\b/);
    const allowed = (reply.headers.get("access-control-allow-headers") ?? "").split(/,\s*/);
    for (const name of [
      "authorization",
      "content-type",
      "x-amz-date",
      "x-amz-target",
      "x-amz-user-agent",
      "x-amz-security-token",
      "amz-sdk-invocation-id",
      "amz-sdk-request",
    ]) {
      assert.ok(allowed.includes(name), `${name} allowed: ${allowed.join(", ")}`);
    }
  });

  it("refuses the preflight of another origin, without CORS headers", async () => {
    await start([PAGE]);
    const reply = await preflight("http://127.0.0.1:9999");
    assert.equal(reply.status, 403);
    assert.equal(reply.headers.get("access-control-allow-origin"), null);
  });

  it("sends the CORS headers on answers and on errors, exposing the request id and error type", async () => {
    await start([PAGE]);
    const ok = await fetch(url, { method: "POST", headers: { ...HEADERS, origin: PAGE }, body: '{"ThingId":"abc"}' });
    assert.equal(ok.status, 200, await ok.clone().text());
    assert.equal(ok.headers.get("access-control-allow-origin"), PAGE);
    const exposed = ok.headers.get("access-control-expose-headers") ?? "";
    assert.match(exposed, /x-amzn-requestid/);
    assert.match(exposed, /x-amzn-errortype/);

    const bad = await fetch(url, { method: "POST", headers: { ...HEADERS, origin: PAGE }, body: "not json" });
    assert.ok(bad.status >= 400, `status ${bad.status}`);
    assert.equal(bad.headers.get("access-control-allow-origin"), PAGE);

    const huge = await fetch(url, { method: "POST", headers: { ...HEADERS, origin: PAGE }, body: "x".repeat(5000) });
    assert.equal(huge.status, 413);
    assert.equal(huge.headers.get("access-control-allow-origin"), PAGE);
  });

  it("allows any origin with *, and none without the option", async () => {
    await start(["*"]);
    const any = await preflight("http://example.test");
    assert.equal(any.status, 204);
    assert.equal(any.headers.get("access-control-allow-origin"), "*");
    await closeGracefully(server, 500);

    await start(undefined);
    const off = await fetch(url, { method: "POST", headers: { ...HEADERS, origin: PAGE }, body: '{"ThingId":"abc"}' });
    assert.equal(off.headers.get("access-control-allow-origin"), null);
  });

  it("accepts origins as browsers write them, and explains anything else", () => {
    assert.equal(checkOrigin("http://127.0.0.1:5173"), "http://127.0.0.1:5173");
    assert.equal(checkOrigin("*"), "*");
    assert.throws(() => checkOrigin("http://127.0.0.1:5173/"), /is not an origin/);
    assert.throws(() => checkOrigin("localhost"), /is not an origin/);
  });
});
