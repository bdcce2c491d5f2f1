/**
 * Minimal reproductions of what the fuzzer found, one per finding, kept as
 * plain tests: each states the invariant of test/fuzz/invariants.ts it breaks.
 */
import assert from "node:assert/strict";
import { createSSMHandler } from "@sjc/ssm/server";
import { createReferenceService } from "../../reference-service/reference-service.js";
import { BIG_ID, bundledStore } from "../../harness/reference-fixtures.js";
import { CONTENT_TYPE, TARGET, maxResponseBytes } from "../../harness/fuzz/invariants.js";

describe("fuzz: reproductions", () => {
  const handler = createSSMHandler(createReferenceService(bundledStore()));

  // Found by the "mutations" property (seed 20241125). Every item of an unbounded
  // list fails validation on its own, and the ValidationException lists every
  // failure: ~110 bytes of message per 3 bytes of request. 300 000 empty values
  // (900 KB, under the node adapter's 1 MiB limit) give a 40 MB answer after
  // ~4 s of blocked event loop.
  it("answers a ValidationException no larger than 4 × the request + 64 KiB", async () => {
    const body = JSON.stringify({
      WindowExecutionId: BIG_ID,
      Filters: [{ Key: "STATUS", Values: Array<string>(5_000).fill("") }],
    });
    const response = await handler({
      method: "POST",
      headers: { "x-amz-target": TARGET, "content-type": CONTENT_TYPE },
      body,
    });
    assert.equal(response.statusCode, 400);
    const size = Buffer.byteLength(response.body);
    assert.ok(
      size <= maxResponseBytes(body.length),
      `${size} bytes answer ${body.length} bytes of request (${(size / body.length).toFixed(0)}×): ${response.body.slice(0, 160)}…`,
    );
  });
});
