import assert from "node:assert/strict";
import { createJsonRpcHandler, type JsonRpcHandler } from "../../runtime/src/server/index.js";
import {
  CREATED_AT,
  ThingsImplementation,
  call,
  recordingLogger,
  ssmDescription,
  thingsDescription,
} from "./server-fixture.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const VALID = { ThingId: "thing-1", Count: 5, Tags: ["a", "b"] };

describe("server: createJsonRpcHandler", () => {
  let implementation: ThingsImplementation;
  let logger: ReturnType<typeof recordingLogger>;
  let handler: JsonRpcHandler;

  beforeEach(() => {
    implementation = new ThingsImplementation();
    logger = recordingLogger();
    handler = createJsonRpcHandler(thingsDescription, implementation, { logger });
  });

  function assertError(answer: Awaited<ReturnType<typeof call>>, status: number, type: string): void {
    assert.equal(answer.status, status, answer.body);
    assert.equal(answer.json.__type, type);
    assert.equal(answer.headers["x-amzn-errortype"], type);
    assert.equal(answer.headers["content-type"], "application/x-amz-json-1.0");
    assert.match(answer.headers["x-amzn-requestid"]!, UUID);
    assert.equal(typeof (answer.json.message ?? answer.json.Message), "string");
  }

  describe("success", () => {
    it("routes by X-Amz-Target, passes the typed input and a context, and encodes the output", async () => {
      const answer = await call(handler, { body: VALID });
      assert.equal(answer.status, 200);
      assert.deepEqual(answer.json, { ThingId: "thing-1", CreatedAt: 1_700_000_000.123, Tags: ["a", "b"] });
      assert.equal(answer.headers["content-type"], "application/x-amz-json-1.0");
      assert.match(answer.headers["x-amzn-requestid"]!, UUID);
      assert.equal(answer.headers["x-amzn-errortype"], undefined);
      const [{ input, context }] = implementation.calls as [(typeof implementation.calls)[0]];
      assert.deepEqual(input, VALID);
      assert.deepEqual(context, {
        requestId: answer.headers["x-amzn-requestid"],
        operation: "PutThing",
        identity: undefined,
      });
    });

    it("gives every response its own request id", async () => {
      const ids = new Set<string>();
      for (let i = 0; i < 5; i++) ids.add((await call(handler, { body: VALID })).headers["x-amzn-requestid"]!);
      ids.add((await call(handler, { method: "GET" })).headers["x-amzn-requestid"]!);
      assert.equal(ids.size, 6);
    });

    it("treats an empty body as {} for an operation without input", async () => {
      const answer = await call(handler, { target: "Things.GetClock", body: "" });
      assert.equal(answer.status, 200);
      assert.deepEqual(answer.json, { Now: CREATED_AT.getTime() / 1000 });
    });

    it("accepts bytes as well as text, and a Content-Type with a UTF-8 charset", async () => {
      const bytes = new TextEncoder().encode(JSON.stringify(VALID));
      assert.equal((await call(handler, { body: bytes })).status, 200);
      for (const contentType of [
        "application/x-amz-json-1.0; charset=utf-8",
        'Application/X-Amz-Json-1.0;charset="UTF-8"',
      ]) {
        assert.equal((await call(handler, { body: VALID, contentType })).status, 200, contentType);
      }
    });

    it("finds headers in any case", async () => {
      const response = await handler({
        method: "POST",
        headers: { "X-Amz-Target": "Things.PutThing", "Content-Type": "application/x-amz-json-1.0" },
        body: JSON.stringify(VALID),
      });
      assert.equal(response.statusCode, 200);
    });

    it("ignores unknown members and treats null members as absent", async () => {
      const answer = await call(handler, { body: { ...VALID, Unknown: { deep: [1] }, Count: null, Tags: null } });
      assert.equal(answer.status, 200);
      assert.deepEqual(implementation.calls[0]!.input, { ThingId: "thing-1" });
    });

    it("decodes blobs and lets the last of duplicate keys win", async () => {
      const answer = await call(handler, { body: '{"ThingId":"first","Data":"aGk=","ThingId":"last"}' });
      assert.equal(answer.status, 200);
      assert.equal(implementation.calls[0]!.input.ThingId, "last");
      assert.deepEqual(implementation.calls[0]!.input.Data, new Uint8Array([104, 105]));
    });

    it("accepts a plain object of functions as the implementation", async () => {
      const plain = createJsonRpcHandler(ssmDescription, {
        DescribeMaintenanceWindowExecutionTasks: async () => ({ NextToken: "n" }),
      });
      const answer = await call(plain, {
        target: "AmazonSSM.DescribeMaintenanceWindowExecutionTasks",
        body: { WindowExecutionId: "x".repeat(36) },
      });
      assert.equal(answer.status, 200);
      assert.equal(answer.headers["content-type"], "application/x-amz-json-1.1");
      assert.deepEqual(answer.json, { NextToken: "n" });
    });
  });

  describe("transport", () => {
    it("answers 405 MethodNotAllowedException to anything but POST", async () => {
      for (const method of ["GET", "PUT", "DELETE", "HEAD", "OPTIONS"]) {
        const answer = await call(handler, { method, body: VALID });
        assertError(answer, 405, "MethodNotAllowedException");
        assert.equal(answer.headers.allow, "POST");
      }
    });

    it("answers 400 UnknownOperationException to a missing, unknown or foreign target", async () => {
      const targets = [
        null,
        "",
        "Things.Nope",
        "Other.PutThing",
        "PutThing",
        "Things.constructor",
        "Things.__proto__",
        "Things.toString",
      ];
      for (const target of targets) {
        const answer = await call(handler, { target, body: VALID });
        assertError(answer, 400, "UnknownOperationException");
      }
      assert.match((await call(handler, { target: null })).json.message as string, /Missing X-Amz-Target/);
      assert.equal(implementation.calls.length, 0);
    });

    it("answers 415 UnsupportedMediaTypeException to a missing or wrong Content-Type", async () => {
      const types = [
        null,
        "application/json",
        "application/x-amz-json-1.1",
        "text/plain",
        "application/x-amz-json-1.0; charset=latin1",
      ];
      for (const contentType of types) {
        const answer = await call(handler, { contentType, body: VALID });
        assertError(answer, 415, "UnsupportedMediaTypeException");
        assert.match(answer.json.message as string, /application\/x-amz-json-1\.0/);
      }
    });

    it("answers 501 NotImplementedException naming an operation the implementation lacks", async () => {
      const answer = await call(handler, { target: "Things.Unimplemented", body: {} });
      assertError(answer, 501, "NotImplementedException");
      assert.match(answer.json.message as string, /Unimplemented/);
    });
  });

  describe("malformed bodies", () => {
    it("answers 400 SerializationException to invalid JSON", async () => {
      for (const body of ["{", '{"ThingId":}', "nope", '{"a":1}x', " ", "\uFEFF{}"]) {
        const answer = await call(handler, { body });
        assertError(answer, 400, "SerializationException");
        assert.match(answer.json.message as string, /not valid JSON/, body);
      }
    });

    it("answers 400 SerializationException to JSON that is not an object", async () => {
      const cases: [string, RegExp][] = [
        ["[]", /an array/],
        ["1", /a number/],
        ['"s"', /a string/],
        ["null", /null/],
        ["true", /a boolean/],
      ];
      for (const [body, found] of cases) {
        const answer = await call(handler, { body });
        assertError(answer, 400, "SerializationException");
        assert.match(answer.json.message as string, found);
      }
    });

    it("answers 400 SerializationException, naming the member, to values of the wrong JSON type", async () => {
      const cases: [unknown, string][] = [
        [{ ThingId: 5 }, "Expected a string at ThingId, found number 5"],
        [{ ThingId: "abc", Count: "5" }, 'Expected a number at Count, found string "5"'],
        [{ ThingId: "abc", Tags: "a" }, 'Expected a list at Tags, found string "a"'],
        [{ ThingId: "abc", Tags: ["a", 2] }, "Expected a string at Tags[1], found number 2"],
        [{ ThingId: "abc", Attributes: [] }, "Expected an object at Attributes, found a list"],
        [{ ThingId: "abc", Data: "not base64!" }, 'Expected a base64 string at Data, found string "not base64!"'],
      ];
      for (const [body, message] of cases) {
        const answer = await call(handler, { body });
        assertError(answer, 400, "SerializationException");
        assert.equal(answer.json.message, message);
      }
    });

    it("answers 400 SerializationException to invalid UTF-8", async () => {
      for (const bytes of [
        [0xff],
        [0x7b, 0xc3, 0x28, 0x7d],
        [0x22, 0xed, 0xa0, 0x80, 0x22],
        [0xf8, 0x88, 0x80, 0x80, 0x80],
      ]) {
        const answer = await call(handler, { body: new Uint8Array(bytes) });
        assertError(answer, 400, "SerializationException");
        assert.equal(answer.json.message, "Request body is not valid UTF-8");
      }
    });

    it("rejects a depth bomb before parsing it, at any size", async () => {
      for (const depth of [65, 1000, 500_000]) {
        const body = `{"Extra":${"[".repeat(depth)}${"]".repeat(depth)}}`;
        const answer = await call(handler, { body });
        assertError(answer, 400, "SerializationException");
        assert.match(answer.json.message as string, /deeper than 64 levels/);
      }
      const objects = `{"Extra":${'{"a":'.repeat(100_000)}1${"}".repeat(100_000)}}`;
      assertError(await call(handler, { body: objects }), 400, "SerializationException");
    });

    it("accepts nesting up to the limit, ignores brackets inside strings, and takes maxDepth", async () => {
      const deep = `{"ThingId":"ok-1","Extra":${"[".repeat(63)}${"]".repeat(63)}}`;
      assert.equal((await call(handler, { body: deep })).status, 200);
      const brackets = JSON.stringify({ ThingId: "ok-2", Extra: "[".repeat(200) + '\\"{'.repeat(100) });
      assert.equal((await call(handler, { body: brackets })).status, 200);
      const shallow = createJsonRpcHandler(thingsDescription, implementation, { maxDepth: 2 });
      assert.equal((await call(shallow, { body: { ThingId: "abc", Tags: ["a"] } })).status, 200);
      assertError(await call(shallow, { body: { ThingId: "abc", Extra: [[1]] } }), 400, "SerializationException");
    });

    it("never lets hostile keys pollute a prototype", async () => {
      const bodies = [
        '{"__proto__":{"polluted":"yes"},"ThingId":"abc"}',
        '{"constructor":{"prototype":{"polluted":"yes"}},"ThingId":"abc"}',
        '{"ThingId":"abc","Attributes":{"__proto__":"yes","constructor":"c","prototype":"p"}}',
        '{"ThingId":"abc","Extra":{"__proto__":{"polluted":"yes"}}}',
        '{"ThingId":"abc","Attributes":{"__proto__":{"polluted":"yes"}}}',
        '{"__proto__":[],"prototype":{"polluted":"yes"},"ThingId":"abc"}',
      ];
      for (const body of bodies) {
        const answer = await call(handler, { body });
        assert.ok(answer.status < 500, body);
        assert.equal(({} as Record<string, unknown>).polluted, undefined, body);
        assert.equal(Object.prototype.hasOwnProperty.call(Object.prototype, "polluted"), false);
      }
      const withMap = implementation.calls.find((c) => Object.hasOwn(c.input.Attributes ?? {}, "constructor"))!;
      assert.ok(withMap, "the map with hostile keys reached the implementation");
      assert.equal(Object.getPrototypeOf(withMap.input.Attributes), Object.prototype);
      assert.deepEqual(Object.keys(withMap.input.Attributes!), ["__proto__", "constructor", "prototype"]);
      assert.equal(Object.getPrototypeOf(implementation.calls[0]!.input), Object.prototype);
    });
  });

  describe("validation", () => {
    it("answers 400 ValidationException with one AWS-style message", async () => {
      const answer = await call(handler, { body: { ThingId: "ab" } });
      assertError(answer, 400, "ValidationException");
      assert.equal(
        answer.json.message,
        "1 validation error detected: Value 'ab' at 'thingId' failed to satisfy constraint: Member must have length greater than or equal to 3",
      );
      assert.equal(implementation.calls.length, 0);
    });

    it("reports every failure, with member paths, in one message", async () => {
      const answer = await call(handler, { body: { ThingId: "AB!", Count: 101, Tags: ["a", ""] } });
      assertError(answer, 400, "ValidationException");
      assert.equal(
        answer.json.message,
        "3 validation errors detected: " +
          "Value 'AB!' at 'thingId' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-z0-9-]+$; " +
          "Value '101' at 'count' failed to satisfy constraint: Member must have value less than or equal to 100; " +
          "Value '' at 'tags.2.member' failed to satisfy constraint: Member must have length greater than or equal to 1",
      );
    });

    it("reports a missing required member", async () => {
      const answer = await call(handler, { body: {} });
      assert.equal(
        answer.json.message,
        "1 validation error detected: Value null at 'thingId' failed to satisfy constraint: Member must not be null",
      );
    });

    it("reports non-integers and out-of-range integers as validation errors", async () => {
      for (const [count, constraint] of [
        ["1.5", "Member must be an integer"],
        ["0", "Member must have value greater than or equal to 1"],
        ["1e400", "Member must be an integer"],
        ["2147483648", "Member must have value less than or equal to 100"],
        ["-99999999999999999999", "Member must have value greater than or equal to 1"],
      ]) {
        const answer = await call(handler, { body: `{"ThingId":"abc","Count":${count}}` });
        assertError(answer, 400, "ValidationException");
        assert.match(
          answer.json.message as string,
          new RegExp(`at 'count' failed to satisfy constraint: ${constraint}$`),
          count,
        );
      }
    });
  });

  describe("errors of the implementation", () => {
    it("encodes a modeled client error with its httpError status, __type, header and members", async () => {
      const answer = await call(handler, { body: { ThingId: "conflict" } });
      assertError(answer, 409, "ThingConflictException");
      assert.deepEqual(answer.json, { __type: "ThingConflictException", message: "Thing exists", ThingId: "conflict" });
      assert.equal(answer.body.indexOf('"__type"'), 1);
    });

    it("encodes a modeled server error as 500, its message in the modeled Message member only", async () => {
      const answer = await call(handler, { body: { ThingId: "store-failure" } });
      assertError(answer, 500, "ThingStoreFailure");
      assert.deepEqual(answer.json, { __type: "ThingStoreFailure", Message: "The store is down" });
      assert.equal(logger.entries.length, 0);
    });

    it("hides any other exception behind the model's internal error, without a stack, and logs it", async () => {
      const answer = await call(handler, { body: { ThingId: "crash" } });
      assertError(answer, 500, "InternalServiceError");
      assert.deepEqual(answer.json, {
        __type: "InternalServiceError",
        message: "An internal error occurred",
        Message: "An internal error occurred",
      });
      assert.doesNotMatch(answer.body, /secret|\/srv|at /);
      assert.equal(logger.entries.length, 1);
      assert.match(
        String(logger.entries[0]![0]),
        new RegExp(`Things.PutThing failed \\(request ${answer.headers["x-amzn-requestid"]}\\)`),
      );
      assert.equal((logger.entries[0]![1] as Error).message, "secret detail at /srv/app/db.ts");
    });

    it("answers a client fault the operation does not list as a 400 of its own type", async () => {
      const answer = await call(handler, { body: { ThingId: "unlisted" } });
      assertError(answer, 400, "NotForThisOperation");
      assert.equal(logger.entries.length, 0);
    });

    it("treats output that fails to encode as internal", async () => {
      const answer = await call(handler, { body: { ThingId: "bad-output" } });
      assertError(answer, 500, "InternalServiceError");
      assert.equal(logger.entries.length, 1);
    });

    it("names the internal error InternalServerError when the model has none, and survives sync throws", async () => {
      const ssm = createJsonRpcHandler(
        ssmDescription,
        {
          DescribeMaintenanceWindowExecutionTasks: (() => {
            throw new TypeError("boom");
          }) as never,
        },
        { logger },
      );
      const answer = await call(ssm, {
        target: "AmazonSSM.DescribeMaintenanceWindowExecutionTasks",
        body: { WindowExecutionId: "x".repeat(36) },
      });
      assert.equal(answer.status, 500);
      assert.deepEqual(answer.json, { __type: "InternalServerError", message: "An internal error occurred" });
      assert.equal(logger.entries.length, 1);
    });

    it("turns a body of an unsupported type into a logged 500 instead of a rejection", async () => {
      const response = await handler({
        method: "POST",
        headers: { "x-amz-target": "Things.PutThing", "content-type": handler.contentType },
        body: { not: "bytes" },
      });
      assert.equal(response.statusCode, 500);
      assert.equal(logger.entries.length, 1);
    });
  });

  describe("construction", () => {
    it("refuses a description without validators for an operation", () => {
      const broken = { ...thingsDescription, validators: {} };
      assert.throws(() => createJsonRpcHandler(broken, {}), /no validators for operation PutThing/);
    });
  });
});
