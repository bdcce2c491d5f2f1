import assert from "node:assert/strict";
import { Readable } from "node:stream";
import { JsonRpcClient, type ServiceDescription } from "../../runtime/src/index.js";
import {
  CREDENTIALS,
  GetWidgetCommand,
  ListWidgetsCommand,
  PingCommand,
  ThrottlingException,
  WidgetNotFound,
  WidgetsClient,
  WidgetsServiceException,
  rejection,
  stubHandler,
  widgetsDescription,
  type StubReply,
} from "./client-fixture.js";

/** A client that answers every call with `reply`, making one attempt only. */
function answering(reply: StubReply, description: ServiceDescription = widgetsDescription) {
  const stub = stubHandler(reply);
  const client = new JsonRpcClient(description, {
    region: "us-west-2",
    credentials: CREDENTIALS,
    requestHandler: stub,
    maxAttempts: 1,
  });
  return { client, stub };
}

async function failure(reply: StubReply, description?: ServiceDescription) {
  const { client } = answering(reply, description);
  return rejection(client.send(new GetWidgetCommand({ Name: "w1" })));
}

describe("client: responses", () => {
  it("deserialises the output: timestamps to Dates, unknown members dropped, unknown enum values kept", async () => {
    const body = {
      Widget: {
        Name: "w1",
        Color: "ULTRAVIOLET",
        CreatedAt: 1_700_000_000.25,
        UpdatedAt: "2024-01-02T03:04:05.678Z",
        Tags: { team: "core", "": "empty key" },
        Weight: 12,
      },
      Unmodeled: { deep: [1, 2] },
    };
    const { client } = answering({ body: JSON.stringify(body), headers: { "x-amzn-requestid": "req-1" } });
    const output = await client.send(new GetWidgetCommand({ Name: "w1" }));
    assert.deepEqual(output, {
      Widget: {
        Name: "w1",
        Color: "ULTRAVIOLET",
        CreatedAt: new Date(1_700_000_000_250),
        UpdatedAt: new Date("2024-01-02T03:04:05.678Z"),
        Tags: { team: "core", "": "empty key" },
      },
      $metadata: { httpStatusCode: 200, requestId: "req-1", attempts: 1, totalRetryDelay: 0 },
    });
    assert.ok(output.Widget?.CreatedAt instanceof Date);
  });

  it("deserialises lists of structures", async () => {
    const body = { Widgets: [{ Name: "a", CreatedAt: 0 }, { Name: "b" }], NextToken: "t" };
    const { client } = answering({ body: JSON.stringify(body) });
    const output = await client.send(new ListWidgetsCommand({}));
    assert.deepEqual(output.Widgets, [{ Name: "a", CreatedAt: new Date(0) }, { Name: "b" }]);
    assert.equal(output.NextToken, "t");
  });

  it("reads an empty body, and an operation without output, as {}", async () => {
    const { client } = answering({ body: "" });
    assert.deepEqual(await client.send(new GetWidgetCommand({ Name: "w1" })), {
      $metadata: { httpStatusCode: 200, requestId: undefined, attempts: 1, totalRetryDelay: 0 },
    });
    const { client: ping } = answering({ body: '{"Ignored":true}', headers: { "X-Amzn-RequestId": "r" } });
    assert.deepEqual(await ping.send(new PingCommand()), {
      $metadata: { httpStatusCode: 200, requestId: "r", attempts: 1, totalRetryDelay: 0 },
    });
  });

  describe("reads every kind of body", () => {
    const json = '{"Widget":{"Name":"ü-€"}}';
    const bytes = new TextEncoder().encode(json);
    const split = json.indexOf("ü") + 1; // between the two bytes of "ü" (all before it is ASCII)
    const kinds: Record<string, () => unknown> = {
      string: () => json,
      Uint8Array: () => bytes,
      ArrayBuffer: () => bytes.slice().buffer,
      "Node.js Readable, split inside a character": () =>
        Readable.from([Buffer.from(bytes.subarray(0, split)), Buffer.from(bytes.subarray(split))]),
      "web ReadableStream": () =>
        new ReadableStream({
          start(controller) {
            controller.enqueue(bytes.subarray(0, 3));
            controller.enqueue(bytes.subarray(3));
            controller.close();
          },
        }),
      Blob: () => new Blob([bytes]),
    };
    for (const [kind, body] of Object.entries(kinds)) {
      it(kind, async () => {
        const { client } = answering({ body: body() });
        const output = await client.send(new GetWidgetCommand({ Name: "w1" }));
        assert.deepEqual(output.Widget, { Name: "ü-€" });
      });
    }

    it("a stream that fails", async () => {
      const body = new Readable({
        read() {
          this.destroy(Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }));
        },
      });
      const error = await failure({ body });
      assert.equal(error.message, "socket hang up");
      assert.equal(error.code, "ECONNRESET");
    });
  });

  describe("a body the client cannot read", () => {
    it("is a SerializationException quoting the start of a non-JSON body", async () => {
      const error = await failure({
        status: 200,
        body: "<html><body>Service Unavailable" + " ".repeat(500) + "</html>",
      });
      assert.ok(error instanceof WidgetsServiceException);
      assert.equal(error.name, "SerializationException");
      assert.equal(error.$fault, "server");
      assert.match(
        error.message,
        /^HTTP 200: The response body is not valid JSON: "<html><body>Service Unavailable {30,}/,
      );
      assert.ok(error.message.length < 200, error.message);
      assert.deepEqual(error.$metadata, { httpStatusCode: 200, requestId: undefined, attempts: 1, totalRetryDelay: 0 });
    });

    it("is a SerializationException for truncated JSON or a non-object", async () => {
      for (const body of ['{"Widget":{"Na', "[1,2]", "null", '"text"']) {
        const error = await failure({ body });
        assert.equal(error.name, "SerializationException", body);
      }
    });

    it("is a SerializationException naming the member of the wrong type", async () => {
      const error = await failure({ body: '{"Widget":{"CreatedAt":"yesterday"}}' });
      assert.equal(error.name, "SerializationException");
      assert.match(error.message, /Widget\.CreatedAt/);
    });

    it("is a SerializationException for a non-JSON error body, with the error's status", async () => {
      const error = await failure({ status: 403, body: "Forbidden" });
      assert.equal(error.name, "SerializationException");
      assert.equal(error.$fault, "client");
      assert.match(error.message, /^HTTP 403: The response body is not valid JSON: "Forbidden"$/);
      assert.equal(error.$metadata.httpStatusCode, 403);
    });
  });
});

describe("client: errors", () => {
  const members = { message: "no such widget", Name: "w1" };
  const sources: Record<string, StubReply> = {
    "x-amzn-errortype header with a :suffix": {
      headers: { "x-amzn-errortype": "WidgetNotFound:http://internal.amazon.com/coral/com.amazon.coral.validate/" },
      body: JSON.stringify(members),
    },
    "x-amzn-errortype header in other casing, padded": {
      headers: { "X-Amzn-ErrorType": " WidgetNotFound " },
      body: JSON.stringify(members),
    },
    "bare __type": { body: JSON.stringify({ __type: "WidgetNotFound", ...members }) },
    "namespaced __type": { body: JSON.stringify({ __type: "com.example.widgets#WidgetNotFound", ...members }) },
    "namespaced __type with a :suffix": {
      body: JSON.stringify({
        __type: "com.example.widgets#WidgetNotFound:http://internal.amazon.com/coral/com.amazon.coral.validate/",
        ...members,
      }),
    },
    "code member": { body: JSON.stringify({ code: "WidgetNotFound", ...members }) },
    "header, over a body __type": {
      headers: { "x-amzn-errortype": "WidgetNotFound" },
      body: JSON.stringify({ __type: "ThrottlingException", ...members }),
    },
  };
  for (const [source, reply] of Object.entries(sources)) {
    it(`finds the modeled error from the ${source}`, async () => {
      const error = await failure({
        status: 400,
        headers: { "x-amzn-requestid": "req-9", ...reply.headers },
        body: reply.body,
      });
      assert.ok(error instanceof WidgetNotFound, String(error));
      assert.ok(error instanceof WidgetsServiceException);
      assert.equal(error.name, "WidgetNotFound");
      assert.equal(error.$fault, "client");
      assert.equal(error.message, "no such widget");
      assert.equal(error.Name, "w1");
      assert.deepEqual(error.$metadata, { httpStatusCode: 400, requestId: "req-9", attempts: 1, totalRetryDelay: 0 });
    });
  }

  it("takes the message from message, Message or errorMessage", async () => {
    for (const key of ["message", "Message", "errorMessage"]) {
      const error = await failure({
        status: 400,
        body: JSON.stringify({ __type: "ThrottlingException", [key]: "slow down" }),
      });
      assert.ok(error instanceof ThrottlingException);
      assert.equal(error.message, "slow down", key);
    }
    const modeled = await failure({
      status: 400,
      body: JSON.stringify({ __type: "ThrottlingException", Message: "slow" }),
    });
    assert.equal((modeled as unknown as ThrottlingException).Message, "slow");
  });

  it("throws the base exception, by status fault, for a type the operation does not model", async () => {
    const client = await failure({
      status: 400,
      body: JSON.stringify({ __type: "AccessDeniedException", Message: "no" }),
    });
    assert.ok(client instanceof WidgetsServiceException);
    assert.equal(client.constructor, WidgetsServiceException);
    assert.equal(client.name, "AccessDeniedException");
    assert.equal(client.$fault, "client");
    assert.equal(client.message, "no");

    const server = await failure({ status: 503, body: JSON.stringify({ __type: "aws#ServiceUnavailable" }) });
    assert.equal(server.constructor, WidgetsServiceException);
    assert.equal(server.name, "ServiceUnavailable");
    assert.equal(server.$fault, "server");
    assert.equal(server.message, "ServiceUnavailable (HTTP 503)");
  });

  it("does not match an error modeled on another operation", async () => {
    const { client } = answering({ status: 400, body: JSON.stringify({ __type: "WidgetNotFound", message: "x" }) });
    const error = await rejection(client.send(new ListWidgetsCommand({})));
    assert.equal(error.constructor, WidgetsServiceException);
    assert.equal(error.name, "WidgetNotFound");
  });

  it("names an error without any type UnknownError", async () => {
    for (const body of ["", "{}", '{"message":"broken"}']) {
      const error = await failure({ status: 400, body });
      assert.equal(error.constructor, WidgetsServiceException);
      assert.equal(error.name, "UnknownError");
      assert.equal(error.message, body.includes("broken") ? "broken" : "UnknownError (HTTP 400)");
    }
  });

  it("exposes the awsQuery error code of a query-compatible service as Code", async () => {
    const description: ServiceDescription = {
      ...widgetsDescription,
      schema: { ...widgetsDescription.schema, queryCompatible: true },
    };
    const error = await failure(
      {
        status: 400,
        headers: { "x-amzn-query-error": "AWS.Widgets.NoSuchWidget;Sender" },
        body: JSON.stringify({ __type: "com.example.widgets#WidgetNotFound", message: "gone" }),
      },
      description,
    );
    assert.ok(error instanceof WidgetNotFound);
    assert.equal(error.Code, "AWS.Widgets.NoSuchWidget");

    const plain = await failure({
      status: 400,
      headers: { "x-amzn-query-error": "AWS.Widgets.NoSuchWidget;Sender" },
      body: JSON.stringify({ __type: "WidgetNotFound" }),
    });
    assert.equal(plain.Code, undefined);
  });
});

describe("client: validateInput", () => {
  it("rejects invalid input with an AWS-worded ValidationException, before any request", async () => {
    const stub = stubHandler({ body: "{}" });
    const client = new WidgetsClient({
      region: "us-west-2",
      credentials: CREDENTIALS,
      requestHandler: stub,
      validateInput: true,
    });
    const empty = await rejection(client.send(new GetWidgetCommand({ Name: "" })));
    assert.ok(empty instanceof WidgetsServiceException);
    assert.equal(empty.name, "ValidationException");
    assert.equal(empty.$fault, "client");
    assert.equal(
      empty.message,
      "1 validation error detected: Value '' at 'name' failed to satisfy constraint: Member must have length greater than or equal to 1",
    );
    const missing = await rejection(client.send(new GetWidgetCommand({ Name: undefined })));
    assert.equal(
      missing.message,
      "1 validation error detected: Value null at 'name' failed to satisfy constraint: Member must not be null",
    );
    assert.equal(stub.requests.length, 0);

    await client.send(new GetWidgetCommand({ Name: "w1" }));
    await client.send(new PingCommand());
    assert.equal(stub.requests.length, 2);
  });

  it("is off by default", async () => {
    const stub = stubHandler({ body: "{}" });
    const client = new WidgetsClient({ region: "us-west-2", credentials: CREDENTIALS, requestHandler: stub });
    await client.send(new GetWidgetCommand({ Name: "" }));
    assert.equal(stub.requests.length, 1);
  });
});
