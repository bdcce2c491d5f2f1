import assert from "node:assert/strict";
import fc from "fast-check";
import {
  bodyText,
  createJsonRpcHandler,
  type JsonRpcHandler,
  type JsonRpcResponse,
} from "../../runtime/src/server/index.js";
import { ThingsImplementation, recordingLogger, thingsDescription } from "./server-fixture.js";

const CONTENT_TYPE = "application/x-amz-json-1.0";
const TARGETS = ["Things.PutThing", "Things.GetClock"];
const RUNS = { numRuns: 2000 };

const anyValue = fc.jsonValue({ maxDepth: 4 });

/** Mostly the right value for the member, sometimes anything. */
function member<T>(good: fc.Arbitrary<T>): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 6, arbitrary: good }, { weight: 1, arbitrary: anyValue });
}

/** PutThing bodies of the right JSON types (often but not always valid), with hostile or unknown keys mixed in. */
const validBody = fc
  .tuple(
    fc.record(
      {
        ThingId: member(fc.stringMatching(/^[a-zA-Z0-9-]{2,40}$/)),
        Count: member(fc.integer({ min: -5, max: 120 })),
        Tags: member(fc.array(fc.string({ maxLength: 3 }), { maxLength: 4 })),
        Attributes: member(fc.dictionary(fc.string({ maxLength: 10 }), fc.string({ maxLength: 5 }), { maxKeys: 4 })),
        Data: member(fc.base64String({ maxLength: 12 })),
        Extra: anyValue,
      },
      { requiredKeys: ["ThingId"] },
    ),
    fc.dictionary(fc.constantFrom("__proto__", "constructor", "prototype", "__type", "Unknown"), anyValue, {
      maxKeys: 2,
    }),
  )
  .map(([members, extra]) => JSON.stringify({ ...extra, ...members }));

/** Mutations of a valid request: the body's text or bytes, the method, the target, the content type. */
function mostly<T>(good: fc.Arbitrary<T>, ...bad: fc.Arbitrary<T>[]): fc.Arbitrary<T> {
  return fc.oneof({ weight: 4 * bad.length, arbitrary: good }, ...bad.map((arbitrary) => ({ weight: 1, arbitrary })));
}

const mutatedRequest = fc.record({
  method: mostly(fc.constant("POST"), fc.constantFrom("GET", "PUT", "post")),
  target: mostly(
    fc.constant("Things.PutThing"),
    fc.constantFrom("Things.GetClock", "Things.", "things.puthing"),
    fc.string(),
  ),
  contentType: mostly(
    fc.constantFrom(CONTENT_TYPE, `${CONTENT_TYPE}; charset=UTF-8`),
    fc.constantFrom("application/json", "", `${CONTENT_TYPE}; charset=latin1`),
  ),
  body: mostly<string | Uint8Array>(
    validBody,
    validBody.chain((body) =>
      fc
        .tuple(fc.nat({ max: body.length }), fc.nat({ max: 4 }), fc.string({ maxLength: 4 }))
        .map(([at, cut, insert]) => body.slice(0, at) + insert + body.slice(at + cut)),
    ),
    validBody.chain((body) =>
      fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })).map(([at, byte]) => {
        const bytes = new TextEncoder().encode(body);
        bytes[at % bytes.length] = byte;
        return bytes;
      }),
    ),
  ),
});

describe("server: fuzzing the handler", function () {
  this.timeout(30_000);
  let handler: JsonRpcHandler;
  let logger: ReturnType<typeof recordingLogger>;

  beforeEach(() => {
    logger = recordingLogger();
    handler = createJsonRpcHandler(thingsDescription, new ThingsImplementation(), { logger });
  });

  afterEach(() => {
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.deepEqual(logger.entries, [], "no request should reach the internal-error path");
  });

  const seen = new Map<string, number>();

  function assertWellFormed(response: JsonRpcResponse): void {
    assert.ok(response.statusCode < 500, `status ${response.statusCode}: ${response.body}`);
    assert.equal(response.headers["x-amzn-requestid"]?.length, 36);
    assert.ok(response.headers["content-type"]?.startsWith("application/x-amz-json-1.0"));
    const json = JSON.parse(bodyText(response.body)) as Record<string, unknown>;
    assert.equal(typeof json, "object");
    const outcome = String(json.__type ?? response.statusCode);
    seen.set(outcome, (seen.get(outcome) ?? 0) + 1);
    if (response.statusCode >= 400) {
      assert.equal(typeof json.__type, "string");
      assert.equal(response.headers["x-amzn-errortype"], json.__type);
    }
  }

  function send(body: unknown, overrides: { method?: string; target?: string; contentType?: string } = {}) {
    return handler({
      method: overrides.method ?? "POST",
      headers: {
        "x-amz-target": overrides.target ?? "Things.PutThing",
        "content-type": overrides.contentType ?? CONTENT_TYPE,
      },
      body,
    });
  }

  it("answers random bytes with a well-formed 2xx/4xx", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 200 }), fc.constantFrom(...TARGETS), async (bytes, target) =>
        assertWellFormed(await send(bytes, { target })),
      ),
      RUNS,
    );
  });

  it("answers random JSON documents with a well-formed 2xx/4xx", async () => {
    await fc.assert(
      fc.asyncProperty(fc.json({ maxDepth: 6 }), fc.constantFrom(...TARGETS), async (text, target) =>
        assertWellFormed(await send(text, { target })),
      ),
      RUNS,
    );
  });

  it("answers mutated valid requests with a well-formed 2xx/4xx", async () => {
    seen.clear();
    await fc.assert(
      fc.asyncProperty(mutatedRequest, async ({ body, ...overrides }) => assertWellFormed(await send(body, overrides))),
      RUNS,
    );
    // The generators reach every stage of the pipeline, not just the first check.
    for (const outcome of [
      "200",
      "MethodNotAllowedException",
      "UnknownOperationException",
      "UnsupportedMediaTypeException",
      "SerializationException",
      "ValidationException",
    ]) {
      assert.ok((seen.get(outcome) ?? 0) >= 10, `${outcome}: ${JSON.stringify([...seen])}`);
    }
  });

  it("answers hostile strings (depth, prototypes, escapes) with a well-formed 2xx/4xx", async () => {
    const hostile = fc
      .array(
        fc.constantFrom(
          "[",
          "]",
          "{",
          "}",
          '"',
          "\\",
          ":",
          ",",
          "__proto__",
          '"ThingId"',
          '"abc"',
          "1",
          "null",
          "\u0000",
        ),
        {
          maxLength: 300,
        },
      )
      .map((parts) => parts.join(""));
    await fc.assert(
      fc.asyncProperty(hostile, async (text) => assertWellFormed(await send(text))),
      RUNS,
    );
  });
});
