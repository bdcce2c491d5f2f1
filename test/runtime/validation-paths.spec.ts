/** AWS-style member paths: structure members lower-camel, list items 1-based, map keys as written. */
import assert from "node:assert/strict";
import { Ajv } from "ajv";
import { fromCompiled, memberPath, type ServiceSchema } from "@sjc/runtime";

const schema: ServiceSchema = {
  id: "t#S",
  name: "S",
  version: "1",
  protocol: "awsJson1_1",
  operations: {},
  shapes: {
    "t#In": { type: "structure", members: { Tags: { target: "t#Tags" }, Items: { target: "t#Items" } } },
    "t#Tags": { type: "map", value: { target: "t#Values" } },
    "t#Values": { type: "list", member: { target: "t#Value" } },
    "t#Items": { type: "list", member: { target: "t#Item" } },
    "t#Item": { type: "structure", members: { Name: { target: "t#Value" } } },
    "t#Value": { type: "string" },
  },
};

const short = { type: "string", minLength: 2 };
const compiled = new Ajv({ allErrors: true, messages: false }).compile({
  type: "object",
  properties: {
    Tags: { type: "object", additionalProperties: { type: "array", items: short } },
    Items: { type: "array", items: { type: "object", properties: { Name: short } } },
  },
});

describe("validation member paths", () => {
  const validate = fromCompiled(compiled, { schema, shape: "t#In" });

  it("keeps map keys as written, digits and capitals included", () => {
    const failures = validate({ Tags: { "0": ["ok", "x"], Env: ["y"] } });
    assert.deepEqual(
      failures.map((f) => f.path),
      ["tags.0.2.member", "tags.Env.1.member"],
    );
  });

  it("lower-cases member names and counts list items from 1", () => {
    assert.deepEqual(
      validate({ Items: [{ Name: "ok" }, { Name: "x" }] }).map((f) => f.path),
      ["items.2.member.name"],
    );
  });

  it("falls back to a shape-blind path without a schema", () => {
    assert.equal(memberPath("/Filters/0/Key"), "filters.1.member.key");
  });
});

describe("validation message size", () => {
  it("lists the first 10 failures, counts them all, and shortens long values", async () => {
    const { formatValidationMessage } = await import("@sjc/runtime");
    const failures = Array.from({ length: 5000 }, (_, i) => ({
      path: `values.${i + 1}.member`,
      value: "x".repeat(1000),
      constraint: "Member must have length less than or equal to 256",
    }));
    const message = formatValidationMessage(failures);
    assert.match(message, /^5000 validation errors detected: /);
    assert.equal(message.match(/failed to satisfy constraint/g)!.length, 10);
    assert.match(message, /; and 4990 more$/);
    assert.match(message, new RegExp(`Value 'x{256}…' at 'values.1.member'`));
    assert.ok(message.length < 4000);
  });
});
