/**
 * The committed package generated from model/ssm.json carries the model's
 * protocol tests: one `it()` per case and side, named after the case id.
 * (Running them is the job of the package's own spec.)
 */
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "../..");
const SPEC = join(ROOT, "generated/ssm/test/protocol.spec.ts");
const KINDS = [
  "smithy.test#httpRequestTests",
  "smithy.test#httpResponseTests",
  "smithy.test#httpMalformedRequestTests",
];

interface Case {
  readonly id: string;
  readonly protocol: string;
  readonly appliesTo?: "client" | "server";
}

/** Each case id of the model's awsJson1_1 cases, with the number of tests (sides) it should have. */
async function modelCases(): Promise<Map<string, number>> {
  const model = JSON.parse(await readFile(join(ROOT, "model/ssm.json"), "utf8")) as {
    shapes: Record<string, { traits?: Record<string, unknown> }>;
  };
  const cases = new Map<string, number>();
  for (const shape of Object.values(model.shapes)) {
    for (const kind of KINDS) {
      for (const c of (shape.traits?.[kind] ?? []) as Case[]) {
        if (c.protocol !== "aws.protocols#awsJson1_1") continue;
        const sides = kind.endsWith("MalformedRequestTests") || c.appliesTo ? 1 : 2;
        cases.set(c.id, (cases.get(c.id) ?? 0) + sides);
      }
    }
  }
  return cases;
}

describe("conformance: generated/ssm protocol tests", () => {
  it("exist", () => {
    assert.ok(existsSync(SPEC), `${SPEC} is missing: run npm run generate`);
  });

  it("name each of the model's case ids, once per side the case applies to", async () => {
    const cases = await modelCases();
    assert.equal(cases.size, 63, "model/ssm.json has 63 protocol test cases");
    const text = await readFile(SPEC, "utf8");
    const titles = [...text.matchAll(/^\s*it(?:\.skip)?\(\s*"([^" ]+)/gm)].map((m) => m[1]!);
    const counted = new Map<string, number>();
    for (const id of titles) counted.set(id, (counted.get(id) ?? 0) + 1);
    assert.deepEqual(Object.fromEntries([...counted].sort()), Object.fromEntries([...cases].sort()));
  });
});
