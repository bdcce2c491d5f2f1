import assert from "node:assert/strict";
import { HttpRequest } from "@smithy/protocol-http";
import { ServiceException, type ServiceSchema } from "../../runtime/src/index.js";
import { assertBody, comparable } from "../../testing/src/compare.js";
import {
  StubHttpHandler,
  assertHttpRequest,
  assertHttpResponse,
  assertMalformedResponse,
  assertModeledError,
  assertOutput,
  assertReceivedInput,
  expectError,
  recordInput,
  serverRequest,
} from "../../testing/src/index.js";

const schema: ServiceSchema = {
  id: "example.harness#Harness",
  name: "Harness",
  version: "1",
  protocol: "awsJson1_0",
  shapes: {},
  operations: {},
};

class TeapotError extends ServiceException {
  Reason?: string;
  constructor(options: { Reason?: string; message?: string }) {
    super({ name: "TeapotError", $fault: "client", message: options.message });
    Object.setPrototypeOf(this, TeapotError.prototype);
    this.Reason = options.Reason;
  }
}

describe("conformance: protocol test harness", () => {
  describe("bodies", () => {
    it("compares JSON bodies as values, other bodies and empty expectations as text", () => {
      assertBody('{"a":1,"b":[true]}', '{\n  "b": [true],\n  "a": 1\n}', "application/json", { what: "body" });
      assert.throws(() => assertBody('{"a":2}', '{"a":1}', "application/json", { what: "body" }), /body differs/);
      assert.throws(() => assertBody("{}", "", "application/json", { what: "body" }), /body differs/);
      assert.throws(() => assertBody("{ }", "{}", undefined, { what: "body" }), /body differs/);
      assert.throws(() => assertBody("nope", "{}", "application/json", { what: "body" }), /body is not JSON/);
    });

    it("compares an error's __type by shape name when asked to", () => {
      const expected = '{"__type":"aws.protocoltests.json10#ComplexError","TopLevel":"x"}';
      assertBody('{"__type":"ComplexError","TopLevel":"x"}', expected, "application/json", {
        what: "body",
        errorType: true,
      });
      assert.throws(() =>
        assertBody('{"__type":"ComplexError","TopLevel":"x"}', expected, "application/json", { what: "body" }),
      );
      assert.throws(() =>
        assertBody('{"__type":"OtherError","TopLevel":"x"}', expected, "application/json", {
          what: "body",
          errorType: true,
        }),
      );
    });
  });

  describe("typed values", () => {
    it("treats Buffers as bytes and undefined members as absent", () => {
      assert.deepEqual(comparable({ a: Buffer.from("hi"), b: undefined, c: [{ d: undefined }] }), {
        a: new TextEncoder().encode("hi"),
        c: [{}],
      });
    });

    it("compares outputs without their $metadata", () => {
      assertOutput({ $metadata: { httpStatusCode: 200 }, Name: "x", Gone: undefined }, { Name: "x" });
      assert.throws(() => assertOutput({ $metadata: {}, Name: "y" }, { Name: "x" }), /output/);
    });
  });

  describe("client side", () => {
    it("records the request and answers the canned response", async () => {
      const http = new StubHttpHandler({ code: 404, headers: { "X-Amzn-ErrorType": "Nope" }, body: "{}" });
      const request = new HttpRequest({
        method: "POST",
        hostname: "foo.example.com",
        path: "/",
        headers: {},
        body: "{}",
      });
      const { response } = await http.handle(request);
      assert.equal(response.statusCode, 404);
      assert.equal(response.headers["X-Amzn-ErrorType"], "Nope");
      assert.equal(http.request(), request);
    });

    it("checks method, uri, resolved host, headers and body of a request", () => {
      const request = new HttpRequest({
        method: "POST",
        hostname: "foo.example.com",
        path: "/custom/",
        headers: { "content-type": "application/x-amz-json-1.0", "content-length": "2" },
        body: new TextEncoder().encode("{}"),
      });
      const expected = {
        method: "POST",
        uri: "/custom/",
        host: "example.com/custom",
        resolvedHost: "foo.example.com",
        headers: { "Content-Type": "application/x-amz-json-1.0" },
        requireHeaders: ["Content-Length"],
        forbidHeaders: ["X-Amz-Query-Mode"],
        body: "{}",
        bodyMediaType: "application/json",
      };
      assertHttpRequest(request, expected);
      assert.throws(() => assertHttpRequest(request, { ...expected, uri: "/" }), /uri/);
      assert.throws(() => assertHttpRequest(request, { ...expected, resolvedHost: "example.com" }), /host/);
      assert.throws(() => assertHttpRequest(request, { ...expected, forbidHeaders: ["content-length"] }), /forbidden/);
      assert.throws(() => assertHttpRequest(request, { ...expected, requireHeaders: ["X-Amz-Target"] }), /required/);
    });

    it("checks a modeled error's class and members, and its message only when modeled", async () => {
      const thrown = await expectError(Promise.reject(new TeapotError({ Reason: "short", message: "from Message" })));
      assertModeledError(thrown, new TeapotError({ Reason: "short" }));
      assert.throws(() => assertModeledError(thrown, new TeapotError({ Reason: "tall" })), /error members/);
      assert.throws(
        () => assertModeledError(thrown, new TeapotError({ Reason: "short", message: "other" })),
        /error message/,
      );
      assert.throws(
        () => assertModeledError(new Error("boom"), new TeapotError({})),
        /Expected a TeapotError, got Error: boom/,
      );
      await assert.rejects(expectError(Promise.resolve({})), /succeeded/);
    });
  });

  describe("server side", () => {
    it("fills in only the routing headers a request leaves out, and sends its body as bytes", () => {
      const route = { schema, operation: "Brew" };
      const bare = serverRequest({ method: "POST", uri: "/", body: "{}" }, route);
      assert.deepEqual(bare.headers, { "content-type": "application/x-amz-json-1.0", "x-amz-target": "Harness.Brew" });
      assert.deepEqual(bare.body, new TextEncoder().encode("{}"));
      const given = serverRequest(
        { method: "POST", uri: "/?a=1&a=2", headers: { "X-Amz-Target": "Harness.Other" } },
        route,
      );
      assert.deepEqual(given.headers, {
        "content-type": "application/x-amz-json-1.0",
        "x-amz-target": "Harness.Other",
      });
      assert.equal(given.path, "/");
      assert.deepEqual(given.query, { a: ["1", "2"] });
      assert.deepEqual(serverRequest({ method: "POST", uri: "/" }).headers, {});
    });

    it("records inputs, and explains a call that never reached the implementation", async () => {
      const received: unknown[] = [];
      const operation = recordInput<{ Name: string }, { Ok: boolean }>(received, { Ok: true });
      assert.deepEqual(await operation({ Name: "x" }), { Ok: true });
      const response = { statusCode: 400, headers: {}, body: '{"__type":"ValidationException"}' };
      assertReceivedInput(received, response, { Name: "x" });
      assert.throws(() => assertReceivedInput([], response, {}), /called 0 times; the handler answered 400/);
    });

    it("checks responses and malformed-request rejections", () => {
      const response = {
        statusCode: 400,
        headers: { "content-type": "application/x-amz-json-1.0", "x-amzn-errortype": "ValidationException" },
        body: '{"__type":"ValidationException","message":"1 validation error detected: at \'name\'"}',
      };
      assertHttpResponse(response, {
        code: 400,
        headers: { "Content-Type": "application/x-amz-json-1.0" },
        body: '{"__type":"ns#ValidationException","message":"1 validation error detected: at \'name\'"}',
        bodyMediaType: "application/json",
      });
      assert.throws(() => assertHttpResponse(response, { code: 200 }), /status code/);
      const malformed = {
        code: 400,
        headers: { "X-Amzn-ErrorType": "ValidationException" },
        body: { mediaType: "application/json", assertion: { messageRegex: ".*at 'name'.*" } },
      };
      assertMalformedResponse(response, malformed);
      assert.throws(
        () =>
          assertMalformedResponse(response, {
            ...malformed,
            body: { ...malformed.body, assertion: { messageRegex: "^x$" } },
          }),
        /error message/,
      );
      assert.throws(() =>
        assertMalformedResponse(response, { ...malformed, headers: { "X-Amzn-ErrorType": "Other" } }),
      );
    });
  });
});
