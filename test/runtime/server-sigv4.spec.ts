import assert from "node:assert/strict";
import { once } from "node:events";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DescribeMaintenanceWindowExecutionTasksCommand, SSMClient } from "@aws-sdk/client-ssm";
import { Hash } from "@smithy/hash-node";
import { HttpRequest } from "@smithy/protocol-http";
import type { HttpRequest as SmithyHttpRequest } from "@smithy/types";
import { SignatureV4 } from "@smithy/signature-v4";
import {
  bodyText,
  closeGracefully,
  createJsonRpcHandler,
  createNodeServer,
  loadCredentialsFile,
  parseCredentialsSpec,
  type JsonRpcHandler,
  type RequestContext,
} from "../../runtime/src/server/index.js";
import { ThingsImplementation, recordingLogger, ssmDescription, thingsDescription } from "./server-fixture.js";

const CREDENTIALS = { AKIDTHINGS: "s3cr3t/KEY+one", AKIDOTHER: "another-secret" };
const BODY = JSON.stringify({ ThingId: "signed-1" });

function signerFor(
  accessKeyId: string,
  secretAccessKey: string,
  options: { applyChecksum?: boolean; service?: string } = {},
) {
  return new SignatureV4({
    credentials: { accessKeyId, secretAccessKey },
    region: "eu-west-1",
    service: options.service ?? "things",
    sha256: Hash.bind(null, "sha256"),
    applyChecksum: options.applyChecksum ?? false,
  });
}

function unsigned(body: string = BODY, target = "Things.PutThing"): HttpRequest {
  return new HttpRequest({
    method: "POST",
    protocol: "http:",
    hostname: "127.0.0.1",
    port: 8080,
    path: "/",
    headers: {
      host: "127.0.0.1:8080",
      "content-type": "application/x-amz-json-1.0",
      "x-amz-target": target,
      "user-agent": "test/1.0",
    },
    body,
  });
}

describe("server: SigV4 verification", () => {
  let implementation: ThingsImplementation;
  let handler: JsonRpcHandler;

  beforeEach(() => {
    implementation = new ThingsImplementation();
    handler = createJsonRpcHandler(thingsDescription, implementation, {
      credentials: CREDENTIALS,
      logger: recordingLogger(),
    });
  });

  // What the signer returns: the @smithy/types request shape, which the handler takes as is.
  async function send(request: SmithyHttpRequest): Promise<{ status: number; json: Record<string, unknown> }> {
    const response = await handler(request);
    return { status: response.statusCode, json: JSON.parse(bodyText(response.body)) };
  }

  async function assertRejected(request: SmithyHttpRequest, type: string, message?: RegExp): Promise<void> {
    const { status, json } = await send(request);
    assert.equal(status, 400);
    assert.equal(json.__type, type, JSON.stringify(json));
    if (message) assert.match(json.message as string, message);
    assert.equal(implementation.calls.length, 0);
  }

  it("accepts a correctly signed request and exposes the caller's access key id", async () => {
    const { status } = await send(await signerFor("AKIDTHINGS", CREDENTIALS.AKIDTHINGS).sign(unsigned()));
    assert.equal(status, 200);
    assert.deepEqual(implementation.calls[0]!.context.identity, { accessKeyId: "AKIDTHINGS" });
  });

  it("rebuilds the canonical request from SignedHeaders only, whatever set the client signed", async () => {
    const signer = signerFor("AKIDOTHER", CREDENTIALS.AKIDOTHER);
    const minimal = await signer.sign(unsigned(), { unsignableHeaders: new Set(["content-type", "x-amz-target"]) });
    assert.match(String(minimal.headers.authorization), /SignedHeaders=host;x-amz-date,/);
    const everything = await signer.sign(unsigned(), { signableHeaders: new Set(["user-agent"]) });
    assert.match(
      String(everything.headers.authorization),
      /SignedHeaders=content-type;host;user-agent;x-amz-date;x-amz-target,/,
    );
    for (const request of [minimal, everything]) {
      request.headers["x-forwarded-for"] = "10.0.0.1";
      request.headers["X-Unsigned-Extra"] = "added by a proxy";
      assert.equal((await send(request)).status, 200);
    }
  });

  it("checks a signed x-amz-content-sha256 against the body received", async () => {
    const signer = signerFor("AKIDTHINGS", CREDENTIALS.AKIDTHINGS, { applyChecksum: true });
    const request = await signer.sign(unsigned());
    assert.match(String(request.headers.authorization), /x-amz-content-sha256/);
    assert.equal((await send(request)).status, 200);
    implementation.calls.length = 0;
    request.body = JSON.stringify({ ThingId: "tampered" });
    await assertRejected(request, "InvalidSignatureException", /x-amz-content-sha256/);
  });

  it("answers MissingAuthenticationTokenException without an Authorization header", async () => {
    await assertRejected(unsigned(), "MissingAuthenticationTokenException", /missing Authentication Token/);
  });

  it("answers IncompleteSignatureException to a malformed Authorization header", async () => {
    const good = String((await signerFor("AKIDTHINGS", CREDENTIALS.AKIDTHINGS).sign(unsigned())).headers.authorization);
    const malformed: [string, RegExp][] = [
      ["Bearer abc", /AWS4-HMAC-SHA256/],
      ["AWS4-HMAC-SHA256", /AWS4-HMAC-SHA256/],
      ["AWS4-HMAC-SHA256 Credential=AKIDTHINGS", /requires 'SignedHeaders'.*requires 'Signature'/],
      [good.replace(/\/aws4_request/, ""), /Credential must have the form/],
      [good.replace(/Credential=AKIDTHINGS\/\d{8}/, "Credential=AKIDTHINGS/2024-1-1"), /Credential must have the form/],
      [good.replace(/SignedHeaders=[^,]*/, "SignedHeaders=x-amz-date"), /'Host' must be a 'SignedHeader'/],
      [good.replace(/SignedHeaders=[^,]*/, "SignedHeaders=Host;X-Amz-Date"), /lower-case/],
    ];
    for (const [authorization, message] of malformed) {
      const request = await signerFor("AKIDTHINGS", CREDENTIALS.AKIDTHINGS).sign(unsigned());
      request.headers.authorization = authorization;
      await assertRejected(request, "IncompleteSignatureException", message);
    }
    const undated = await signerFor("AKIDTHINGS", CREDENTIALS.AKIDTHINGS).sign(unsigned());
    delete undated.headers["x-amz-date"];
    await assertRejected(undated, "IncompleteSignatureException", /X-Amz-Date/);
  });

  it("answers UnrecognizedClientException to an unknown access key id", async () => {
    await assertRejected(await signerFor("AKIDUNKNOWN", "whatever").sign(unsigned()), "UnrecognizedClientException");
  });

  it("answers InvalidSignatureException to a wrong secret", async () => {
    await assertRejected(
      await signerFor("AKIDTHINGS", "not-the-secret").sign(unsigned()),
      "InvalidSignatureException",
      /does not match the signature you provided/,
    );
  });

  it("answers InvalidSignatureException to a tampered body or signed header, or a mangled signature", async () => {
    const signer = signerFor("AKIDTHINGS", CREDENTIALS.AKIDTHINGS);
    const body = await signer.sign(unsigned());
    body.body = JSON.stringify({ ThingId: "signed-2" });
    await assertRejected(body, "InvalidSignatureException");
    const target = await signer.sign(unsigned());
    target.headers["x-amz-target"] = "Things.GetClock";
    await assertRejected(target, "InvalidSignatureException");
    const date = await signer.sign(unsigned());
    date.headers["x-amz-date"] = String(date.headers["x-amz-date"]).replace(/\d(?=Z$)/, (d) =>
      String((Number(d) + 1) % 10),
    );
    await assertRejected(date, "InvalidSignatureException");
    const dropped = await signer.sign(unsigned());
    delete dropped.headers["content-type"];
    dropped.headers["Content-Type"] = "application/x-amz-json-1.0 ";
    assert.equal((await send(dropped)).status, 200, "header values are trimmed and names are case-insensitive");
    implementation.calls.length = 0;
    for (const signature of ["0".repeat(64), "abc", "Z".repeat(64), ""]) {
      const request = await signer.sign(unsigned());
      request.headers.authorization = String(request.headers.authorization).replace(
        /Signature=\w+/,
        `Signature=${signature}`,
      );
      await assertRejected(request, signature === "" ? "IncompleteSignatureException" : "InvalidSignatureException");
    }
  });

  it("answers InvalidSignatureException to a credential scoped to another service", async () => {
    await assertRejected(
      await signerFor("AKIDTHINGS", CREDENTIALS.AKIDTHINGS, { service: "ssm" }).sign(unsigned()),
      "InvalidSignatureException",
      /scoped to correct service: 'things'/,
    );
  });

  it("answers InvalidSignatureException when X-Amz-Date is more than 15 minutes off", async () => {
    const signer = signerFor("AKIDTHINGS", CREDENTIALS.AKIDTHINGS);
    const minutes = (n: number) => new Date(Date.now() + n * 60_000);
    await assertRejected(
      await signer.sign(unsigned(), { signingDate: minutes(-16) }),
      "InvalidSignatureException",
      /^Signature expired: \d{8}T\d{6}Z is now earlier than/,
    );
    await assertRejected(
      await signer.sign(unsigned(), { signingDate: minutes(16) }),
      "InvalidSignatureException",
      /^Signature not yet current/,
    );
    assert.equal((await send(await signer.sign(unsigned(), { signingDate: minutes(-14) }))).status, 200);
    assert.equal((await send(await signer.sign(unsigned(), { signingDate: minutes(14) }))).status, 200);
  });

  it("checks nothing, and gives no identity, without credentials", async () => {
    const open = createJsonRpcHandler(thingsDescription, implementation);
    const response = await open(unsigned());
    assert.equal(response.statusCode, 200);
    assert.equal(implementation.calls[0]!.context.identity, undefined);
  });
});

describe("server: SigV4 with @aws-sdk/client-ssm over HTTP", () => {
  const WINDOW = "6f3215cf-4101-4fa0-9b7b-9523269599c7";
  const contexts: RequestContext[] = [];
  let server: Server;
  let endpoint: string;

  before(async () => {
    const handler = createJsonRpcHandler(
      ssmDescription,
      {
        async DescribeMaintenanceWindowExecutionTasks(input: { WindowExecutionId: string }, context: RequestContext) {
          contexts.push(context);
          return {
            WindowExecutionTaskIdentities: [
              { WindowExecutionId: input.WindowExecutionId, StartTime: new Date(1_700_000_000_500) },
            ],
            NextToken: "next",
          };
        },
      },
      { credentials: parseCredentialsSpec("AKIDSSM:ssm-secret, AKIDSSM2:other") },
    );
    server = createNodeServer(handler).listen(0, "127.0.0.1");
    await once(server, "listening");
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  after(() => closeGracefully(server, 1000));

  function client(accessKeyId: string, secretAccessKey: string, systemClockOffset = 0): SSMClient {
    return new SSMClient({
      endpoint,
      region: "us-east-1",
      credentials: { accessKeyId, secretAccessKey },
      maxAttempts: 1,
      systemClockOffset,
    });
  }

  async function failure(
    ssm: SSMClient,
    input = { WindowExecutionId: WINDOW },
  ): Promise<{ name: string; message: string; status?: number }> {
    try {
      await ssm.send(new DescribeMaintenanceWindowExecutionTasksCommand(input));
    } catch (error) {
      const e = error as { name: string; message: string; $metadata?: { httpStatusCode?: number } };
      return { name: e.name, message: e.message, status: e.$metadata?.httpStatusCode };
    } finally {
      ssm.destroy();
    }
    assert.fail("the call should have failed");
  }

  it("serves a call signed by the AWS SDK with the right keys", async () => {
    const ssm = client("AKIDSSM2", "other");
    const output = await ssm.send(new DescribeMaintenanceWindowExecutionTasksCommand({ WindowExecutionId: WINDOW }));
    ssm.destroy();
    assert.equal(output.NextToken, "next");
    assert.deepEqual(output.WindowExecutionTaskIdentities, [
      { WindowExecutionId: WINDOW, StartTime: new Date(1_700_000_000_500) },
    ]);
    assert.match(output.$metadata.requestId!, /^[0-9a-f-]{36}$/);
    assert.deepEqual(contexts.at(-1)!.identity, { accessKeyId: "AKIDSSM2" });
  });

  it("delivers validation errors in the AWS wording to the SDK", async () => {
    const error = await failure(client("AKIDSSM", "ssm-secret"), { WindowExecutionId: "abc" });
    assert.deepEqual(error, {
      name: "ValidationException",
      status: 400,
      message:
        "1 validation error detected: Value 'abc' at 'windowExecutionId' failed to satisfy constraint: Member must have length greater than or equal to 36",
    });
  });

  it("rejects a wrong secret, an unknown key and an expired date as the SDK expects", async () => {
    assert.equal((await failure(client("AKIDSSM", "wrong"))).name, "InvalidSignatureException");
    assert.equal((await failure(client("AKIDNOPE", "ssm-secret"))).name, "UnrecognizedClientException");
    const expired = await failure(client("AKIDSSM", "ssm-secret", -20 * 60_000));
    assert.equal(expired.name, "InvalidSignatureException");
    assert.match(expired.message, /^Signature expired/);
    assert.equal(expired.status, 400);
  });
});

describe("server: credentials helpers", () => {
  let dir: string;
  before(() => (dir = mkdtempSync(join(tmpdir(), "sjc-credentials-"))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("parses AKID:SECRET lists, keeping colons in secrets", () => {
    assert.deepEqual(
      { ...parseCredentialsSpec("A:1, B:two:parts\n# comment\nC:x/y+z") },
      { A: "1", B: "two:parts", C: "x/y+z" },
    );
    assert.deepEqual({ ...parseCredentialsSpec("") }, {});
  });

  it("refuses malformed entries and duplicates without echoing secrets", () => {
    assert.throws(() => parseCredentialsSpec("A:1,justakey"), /entry 2 must have the form/);
    assert.throws(
      () => parseCredentialsSpec(":secret"),
      (e: Error) => !e.message.includes("secret"),
    );
    assert.throws(() => parseCredentialsSpec("A:1,A:2"), /A is listed twice/);
  });

  it("loads a JSON or text credentials file", () => {
    const json = join(dir, "credentials.json");
    writeFileSync(json, JSON.stringify({ AKID1: "one", __proto__x: "two" }));
    assert.deepEqual({ ...loadCredentialsFile(json) }, { AKID1: "one", __proto__x: "two" });
    const text = join(dir, "credentials.txt");
    writeFileSync(text, "AKID1:one\nAKID2:two\n");
    assert.deepEqual({ ...loadCredentialsFile(text) }, { AKID1: "one", AKID2: "two" });
    const bad = join(dir, "bad.json");
    writeFileSync(bad, JSON.stringify({ AKID1: 5 }));
    assert.throws(() => loadCredentialsFile(bad), /secret of AKID1 must be a non-empty string/);
  });

  it("keeps a __proto__ access key id as data", () => {
    const credentials = parseCredentialsSpec("__proto__:evil");
    assert.equal(Object.hasOwn(credentials, "__proto__"), true);
    assert.equal(({} as Record<string, unknown>).evil, undefined);
  });
});
