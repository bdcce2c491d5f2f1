/**
 * The generated SSMClient against a scripted loopback server: retries,
 * timeouts, abort, and malformed or truncated responses.
 */
import assert from "node:assert/strict";
import { type IncomingMessage, type Server, type ServerResponse, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import {
  DescribeMaintenanceWindowExecutionTasksCommand,
  DoesNotExistException,
  SSMClient,
  SSMServiceException,
} from "@sjc/ssm";

type Script = (request: IncomingMessage, response: ServerResponse, attempt: number) => void;

const ID = "a06e9f91-3b9c-4c3e-8bd4-246cc0123456";
const command = () => new DescribeMaintenanceWindowExecutionTasksCommand({ WindowExecutionId: ID });
const json = (response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  response.writeHead(status, { "content-type": "application/x-amz-json-1.1", "x-amzn-requestid": "req-1", ...headers });
  response.end(JSON.stringify(body));
};

describe("generated client against a scripted server", () => {
  let server: Server;
  let script: Script;
  let attempts: number;
  let endpoint: string;

  before(async () => {
    server = createServer((request, response) => {
      request.resume();
      request.on("end", () => script(request, response, ++attempts));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  beforeEach(() => (attempts = 0));
  after(() => {
    server.closeAllConnections();
    server.close();
  });

  const client = (extra: ConstructorParameters<typeof SSMClient>[0] = {}) =>
    new SSMClient({
      endpoint,
      region: "us-east-1",
      credentials: { accessKeyId: "AKID", secretAccessKey: "S" },
      ...extra,
    });

  it("retries 500, 503 and throttling, then returns the page with the attempt count", async () => {
    script = (_q, r, n) =>
      n === 1
        ? json(r, 500, { __type: "InternalServerError", message: "x" })
        : n === 2
          ? json(r, 503, { __type: "ServiceUnavailable" })
          : n === 3
            ? json(r, 400, { __type: "ThrottlingException" })
            : json(r, 200, { WindowExecutionTaskIdentities: [{ TaskExecutionId: ID, StartTime: 1722796535.145 }] });
    const out = await client({ maxAttempts: 4 }).send(command());
    assert.equal(out.$metadata.attempts, 4);
    assert.ok((out.$metadata.totalRetryDelay ?? 0) > 0);
    assert.equal(out.WindowExecutionTaskIdentities![0]!.StartTime!.toISOString(), "2024-08-04T18:35:35.145Z");
  });

  it("does not retry a modeled client error", async () => {
    script = (_q, r) =>
      json(r, 400, { __type: "com.amazonaws.ssm#DoesNotExistException:http://internal", Message: "gone" });
    const error = await client()
      .send(command())
      .catch((e: unknown) => e);
    assert.ok(error instanceof DoesNotExistException);
    assert.equal(error.Message, "gone");
    assert.equal(error.$metadata.httpStatusCode, 400);
    assert.equal(error.$metadata.requestId, "req-1");
    assert.equal(attempts, 1);
  });

  it("times out a server that never answers", async () => {
    script = () => {};
    const started = Date.now();
    const error = await client({ requestTimeout: 200, maxAttempts: 1 })
      .send(command())
      .catch((e: unknown) => e);
    assert.ok(error instanceof Error);
    assert.match(`${error.name} ${error.message}`, /timeout|timed out/i);
    assert.ok(Date.now() - started < 5_000);
  });

  it("aborts an in-flight call", async () => {
    script = () => {};
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const error = await client()
      .send(command(), { abortSignal: controller.signal })
      .catch((e: unknown) => e);
    assert.ok(error instanceof Error);
    assert.equal(error.name, "AbortError");
  });

  it("reports a body that is not JSON clearly, with the status", async () => {
    script = (_q, r) => {
      r.writeHead(200, { "content-type": "text/html" });
      r.end("<html>proxy error</html>");
    };
    const error = await client({ maxAttempts: 1 })
      .send(command())
      .catch((e: unknown) => e);
    assert.ok(error instanceof SSMServiceException);
    assert.match(error.message, /not valid JSON.*<html>proxy error/s);
    assert.equal(error.$metadata.httpStatusCode, 200);
  });

  it("fails a truncated response instead of hanging", async () => {
    script = (_q, r) => {
      r.writeHead(200, { "content-type": "application/x-amz-json-1.1", "content-length": "100" });
      r.write('{"WindowExecutionTaskIdentities":[');
      setTimeout(() => r.destroy(), 20);
    };
    const error = await client({ maxAttempts: 1, requestTimeout: 2_000 })
      .send(command())
      .catch((e: unknown) => e);
    assert.ok(error instanceof Error);
  });
});
