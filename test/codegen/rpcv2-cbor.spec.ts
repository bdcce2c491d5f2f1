/**
 * An rpcv2Cbor service with every shape kind (test/fixtures/models/cbor-shapes.smithy),
 * generated into a temporary folder: its client and server talk over
 * 127.0.0.1, requests and responses are CBOR as the protocol has them, and
 * every error, the node adapter's included, is CBOR too.
 */
import assert from "node:assert/strict";
import { request } from "node:http";
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { cbor } from "@smithy/core/cbor";
import { decodeCbor, isTagged } from "../../runtime/src/index.js";
import { closeGracefully } from "../../runtime/src/server/index.js";
import { ROOT, cli, projectTempDir } from "./helpers.js";

const MODEL = join(ROOT, "test/fixtures/models/cbor-shapes.smithy");
const CREDENTIALS = { accessKeyId: "AKIDCBOR", secretAccessKey: "cbor-secret" };

type Module = Record<string, unknown>;
type Client = { send(command: unknown): Promise<Record<string, unknown>>; destroy(): void };
type ClientClass = new (config: object) => Client;
type CommandClass = new (input: object) => unknown;

interface Exchange {
  readonly method: string;
  readonly path: string;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: Buffer;
}

interface Reply {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: Buffer;
}

/** Sends raw bytes to the server, without the client. */
function post(port: number, path: string, headers: Record<string, string>, body: Uint8Array): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, method: "POST", path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

const everything = () => ({
  blob: Uint8Array.of(0, 1, 254, 255),
  boolean: true,
  string: "naïve ☃ 𝄞",
  byte: -128,
  short: 32767,
  integer: -2147483648,
  long: 9007199254740991,
  float: 1.5,
  double: Number.NaN,
  bigInteger: 12345678901234,
  bigDecimal: 0.25,
  timestamp: new Date("2026-12-04T12:00:00.250Z"),
  dateTime: new Date("1969-07-20T20:17:40Z"),
  httpDate: new Date("2000-02-29T00:00:00Z"),
  document: { list: [1, "two", null, { three: false }] },
  kind: "large",
  level: 10,
  strings: ["a", ""],
  sparseStrings: ["a", null, "c"],
  uniqueNumbers: [3, 1, 2],
  blobs: [Uint8Array.of(7), new Uint8Array(0)],
  timestamps: [new Date(0), new Date(-1500)],
  counts: { zero: 0, big: -9007199254740991 },
  sparseCounts: { gone: null, here: 1 },
  nested: { label: "n", size: 3, doubles: [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 0.1] },
  choice: { when: new Date(86_400_000) },
  tree: { value: 1, children: [{ value: 2, children: [{ value: 3 }] }, {}] },
});

/** `value` with Buffers (which Node's transports hand out) as plain Uint8Arrays, to compare by value. */
function plain(value: unknown): unknown {
  if (value instanceof Uint8Array) return new Uint8Array(value);
  if (Array.isArray(value)) return value.map(plain);
  if (value instanceof Date || typeof value !== "object" || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, plain(item)]));
}

describe("rpcv2Cbor: a generated client and server", function () {
  this.timeout(120_000);
  let pkg: Module;
  /** Verifies SigV4, for the client. */
  let signed: { server: Server; port: number };
  /** Without credentials, for hand-made requests. */
  let open: { server: Server; port: number };
  let client: Client;
  const exchanges: Exchange[] = [];
  const things = new Map<string, Record<string, unknown>>();

  const command = (name: string, input: object) => new (pkg[`${name}Command`] as CommandClass)(input);
  const last = () => exchanges[exchanges.length - 1]!;
  const modeledError = (name: string, members: object) => new (pkg[name] as new (o: object) => Error)(members);
  const implementation = {
    async Echo(input: object) {
      return input;
    },
    async Ping() {},
    async CreateThing(input: { name: string; kind: string; weight: number; clientToken?: string }) {
      if (input.name === "busy") throw modeledError("Throttled", { retryAfterSeconds: 2 });
      if (things.has(input.name)) {
        throw modeledError("ThingExists", { message: `${input.name} exists`, name: input.name, since: new Date(1000) });
      }
      const thing = { name: input.name, kind: input.kind, weight: input.weight, created: new Date(5000) };
      things.set(input.name, thing);
      return { thing: { ...thing, token: input.clientToken } };
    },
  };

  before(async () => {
    const out = join(await projectTempDir("cbor"), "shapes");
    const result = await cli(["--quiet", "--model", MODEL, "--out", out]);
    assert.equal(result.code, 0, result.output);
    const source = (file: string) => import(pathToFileURL(join(out, "src", file)).href) as Promise<Module>;
    pkg = await source("index.ts");
    const createServer = (await source("server.ts")).createCborShapesServer as (s: object, o: object) => Server;
    const listen = async (options: object) => {
      const server = createServer(implementation, { maxBodyBytes: 4096, ...options });
      // Record what goes over the wire before the adapter answers it.
      server.prependListener("request", (req) => {
        const chunks: Buffer[] = [];
        req.on("data", (chunk: Buffer) => chunks.push(chunk));
        req.on("end", () =>
          exchanges.push({ method: req.method!, path: req.url!, headers: req.headers, body: Buffer.concat(chunks) }),
        );
      });
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      return { server, port: (server.address() as AddressInfo).port };
    };
    signed = await listen({ credentials: { [CREDENTIALS.accessKeyId]: CREDENTIALS.secretAccessKey } });
    open = await listen({});
    client = new (pkg.CborShapesClient as ClientClass)({
      region: "us-east-1",
      endpoint: `http://127.0.0.1:${signed.port}`,
      credentials: CREDENTIALS,
      maxAttempts: 1,
    });
  });

  after(async () => {
    client?.destroy();
    for (const { server } of [signed, open]) if (server) await closeGracefully(server, 1000);
  });

  it("refuses an unsigned request when credentials are set", async () => {
    const reply = await post(
      signed.port,
      "/service/CborShapes/operation/Ping",
      { "smithy-protocol": "rpc-v2-cbor" },
      new Uint8Array(0),
    );
    assert.equal(reply.status, 400);
    assert.equal(reply.headers["content-type"], "application/cbor");
    assert.equal((decodeCbor(reply.body) as { __type?: unknown }).__type, "MissingAuthenticationTokenException");
  });

  it("generates an rpcv2Cbor schema", () => {
    const schema = pkg.serviceSchema as { protocol: string; name: string };
    assert.equal(schema.protocol, "rpcv2Cbor");
    assert.equal(schema.name, "CborShapes");
  });

  it("echoes a value of every shape kind unchanged, sent as CBOR with tag-1 timestamps and byte strings", async () => {
    const input = { everything: everything(), limit: 7 };
    const output = await client.send(command("Echo", input));
    const { $metadata, ...rest } = output;
    assert.equal(($metadata as { httpStatusCode: number }).httpStatusCode, 200);
    assert.deepEqual(plain(rest), input);

    const sent = last();
    assert.equal(sent.method, "POST");
    assert.equal(sent.path, "/service/CborShapes/operation/Echo");
    assert.equal(sent.headers["smithy-protocol"], "rpc-v2-cbor");
    assert.equal(sent.headers["content-type"], "application/cbor");
    assert.equal(sent.headers.accept, "application/cbor");
    assert.equal(sent.headers["x-amz-target"], undefined);
    assert.match(String(sent.headers.authorization), /^AWS4-HMAC-SHA256 Credential=AKIDCBOR\//);
    const wire = decodeCbor(sent.body) as { everything: Record<string, unknown>; limit: number };
    assert.equal(wire.limit, 7);
    for (const name of ["timestamp", "dateTime", "httpDate"]) {
      const value = wire.everything[name];
      assert.ok(isTagged(value) && Number(value.tag) === 1, `${name} is tag 1`);
    }
    assert.equal((wire.everything.timestamp as { value: number }).value, input.everything.timestamp.getTime() / 1000);
    assert.ok(wire.everything.blob instanceof Uint8Array, "blobs are byte strings, not base64");
    assert.ok(Number.isNaN(wire.everything.double), "NaN is a float, not a string");
    assert.deepEqual(wire.everything.sparseStrings, ["a", null, "c"]);
    const when = (wire.everything.choice as { when: unknown }).when;
    assert.ok(isTagged(when) && Number(when.tag) === 1, "a union's timestamp is tag 1 too");
  });

  it("sends no body for a Unit input and reads an empty 200 for a Unit output", async () => {
    const output = await client.send(command("Ping", {}));
    assert.deepEqual(Object.keys(output), ["$metadata"]);
    const sent = last();
    assert.equal(sent.path, "/service/CborShapes/operation/Ping");
    assert.equal(sent.body.length, 0);
    assert.equal(sent.headers["content-type"], undefined);
  });

  it("fills in the defaults and the idempotency token, and answers the required members", async () => {
    const output = await client.send(command("CreateThing", { name: "first" }));
    const thing = output.thing as Record<string, unknown>;
    assert.equal(thing.kind, "SMALL");
    assert.equal(thing.weight, 1);
    assert.match(String(thing.token), /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.deepEqual(thing.created, new Date(5000));
  });

  it("answers a modeled error as CBOR named by its shape id, which the client throws typed", async () => {
    await assert.rejects(client.send(command("CreateThing", { name: "first" })), (error: Record<string, unknown>) => {
      assert.ok(error instanceof (pkg.ThingExists as new () => Error));
      assert.equal(error.name, "ThingExists");
      assert.equal(error.message, "first exists");
      assert.deepEqual(error.since, new Date(1000));
      assert.equal((error.$metadata as { httpStatusCode: number }).httpStatusCode, 400);
      return true;
    });
    await assert.rejects(client.send(command("CreateThing", { name: "busy" })), (error: Record<string, unknown>) => {
      assert.ok(error instanceof (pkg.Throttled as new () => Error));
      assert.equal(error.retryAfterSeconds, 2);
      assert.equal((error.$metadata as { httpStatusCode: number }).httpStatusCode, 503);
      return true;
    });
  });

  describe("errors the server answers itself, all CBOR", () => {
    const headers = { "smithy-protocol": "rpc-v2-cbor", "content-type": "application/cbor" };
    const cborError = (reply: Reply) => {
      assert.equal(reply.headers["content-type"], "application/cbor");
      assert.equal(reply.headers["smithy-protocol"], "rpc-v2-cbor");
      return decodeCbor(reply.body) as Record<string, unknown>;
    };

    it("refuses an input that breaks a constraint: 400 ValidationException naming the member", async () => {
      await assert.rejects(client.send(command("Echo", { limit: 0 })), (error: Error) => {
        assert.equal(error.name, "ValidationException");
        assert.match(error.message, /limit/);
        return true;
      });
      const reply = await post(open.port, "/service/CborShapes/operation/Echo", headers, cbor.serialize({ limit: 0 }));
      assert.equal(reply.status, 400);
      const body = cborError(reply);
      assert.match(String(body.__type), /ValidationException$/);
    });

    it("refuses a body that is not CBOR, an unknown operation and a missing protocol header", async () => {
      const garbage = await post(open.port, "/service/CborShapes/operation/Echo", headers, Uint8Array.of(0xa1, 0x61));
      assert.equal(garbage.status, 400);
      assert.equal(cborError(garbage).__type, "SerializationException");

      const unknown = await post(open.port, "/service/CborShapes/operation/Nope", headers, cbor.serialize({}));
      assert.equal(unknown.status, 400);
      assert.equal(cborError(unknown).__type, "UnknownOperationException");

      const { "smithy-protocol": _, ...plain } = headers;
      const unframed = await post(open.port, "/service/CborShapes/operation/Echo", plain, cbor.serialize({}));
      assert.equal(unframed.status, 400);
      assert.match(String(cborError(unframed).message), /smithy-protocol/);
    });

    it("answers a body over the limit 413 in CBOR (the node adapter)", async () => {
      const reply = await post(open.port, "/service/CborShapes/operation/Echo", headers, new Uint8Array(10_000));
      assert.equal(reply.status, 413);
      const body = cborError(reply);
      assert.equal(body.__type, "RequestEntityTooLargeException");
      assert.match(String(body.message), /4096 bytes/);
    });
  });
});
