/**
 * `smithy.api#idempotencyToken`: a client fills in an absent token with a
 * fresh UUID (the differential test against the AWS SDK found ours sent none);
 * a given token is sent as it is, and a server never makes one up.
 */
import assert from "node:assert/strict";
import { StructureKind, type VariableStatementStructure } from "ts-morph";
import { flattenModel } from "../../codegen/index/flatten.js";
import { buildShapeIndex } from "../../codegen/index/shape-index.js";
import { emitSchema } from "../../codegen/emit/emit-schema.js";
import { parseModel } from "../../codegen/load/parse-model.js";
import {
  Command,
  JsonRpcClient,
  ServiceException,
  compileWireWriters,
  serializeStructure,
  type ServiceDescription,
  type ServiceSchema,
  type StructureShapeSchema,
} from "../../runtime/src/index.js";
import { StubHttpHandler } from "../../testing/src/index.js";

const NS = "example.tokens#";
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const schema: ServiceSchema = {
  id: `${NS}Tokens`,
  name: "Tokens",
  version: "2024-01-01",
  protocol: "awsJson1_0",
  signingName: "tokens",
  endpointPrefix: "tokens",
  shapes: {
    "smithy.api#String": { type: "string" },
    [`${NS}Step`]: {
      type: "structure",
      members: {
        Name: { target: "smithy.api#String" },
        StepToken: { target: "smithy.api#String", idempotencyToken: true },
      },
    },
    [`${NS}Steps`]: { type: "list", member: { target: `${NS}Step` } },
    [`${NS}StartInput`]: {
      type: "structure",
      members: {
        Name: { target: "smithy.api#String" },
        ClientToken: { target: "smithy.api#String", idempotencyToken: true },
        Steps: { target: `${NS}Steps` },
      },
    },
  },
  operations: { Start: { name: "Start", input: `${NS}StartInput`, errors: [] } },
};

const description: ServiceDescription = {
  schema,
  validators: {},
  errors: {},
  baseException: ServiceException,
} as unknown as ServiceDescription;

async function sent(input: Record<string, unknown>): Promise<Record<string, unknown>> {
  const handler = new StubHttpHandler();
  const client = new JsonRpcClient(description, {
    region: "us-east-1",
    credentials: { accessKeyId: "AKID", secretAccessKey: "SECRET" },
    requestHandler: handler,
  });
  await client.send(new Command("Start", input));
  return JSON.parse(new TextDecoder().decode(handler.request().body as Uint8Array)) as Record<string, unknown>;
}

const members = (schema.shapes[`${NS}StartInput`] as StructureShapeSchema).members;

describe("idempotency tokens", () => {
  it("a client fills in an absent token with a fresh UUID, at the top level and nested", async () => {
    const first = await sent({ Name: "a", Steps: [{ Name: "s" }] });
    const second = await sent({ Name: "a", Steps: [{ Name: "s" }] });
    assert.match(String(first.ClientToken), UUID_V4);
    assert.match(String((first.Steps as { StepToken: string }[])[0]!.StepToken), UUID_V4);
    assert.notEqual(first.ClientToken, second.ClientToken, "each call gets its own token");
  });

  it("a client sends a given token unchanged", async () => {
    assert.deepEqual(await sent({ ClientToken: "mine" }), { ClientToken: "mine" });
  });

  it("a server writes no token; the compiled client writer fills one in as the walker does", () => {
    assert.deepEqual(serializeStructure(schema, members, { Name: "a" }, "server"), { Name: "a" });
    assert.equal(compileWireWriters(schema, "server").structure(members)({ Name: "a" }), '{"Name":"a"}');
    const written = JSON.parse(compileWireWriters(schema, "client").structure(members)({ Name: "a" }));
    assert.equal(written.Name, "a");
    assert.match(written.ClientToken, UUID_V4);
  });

  it("the generator marks the member in the serde schema", () => {
    const text = JSON.stringify({
      smithy: "2.0",
      shapes: {
        [`${NS}Tokens`]: {
          type: "service",
          version: "2024-01-01",
          operations: [{ target: `${NS}Start` }],
          traits: { "aws.api#service": { sdkId: "Tokens" }, "aws.protocols#awsJson1_0": {} },
        },
        [`${NS}Start`]: { type: "operation", input: { target: `${NS}StartInput` } },
        [`${NS}StartInput`]: {
          type: "structure",
          members: {
            Name: { target: "smithy.api#String" },
            ClientToken: { target: "smithy.api#String", traits: { "smithy.api#idempotencyToken": {} } },
          },
          traits: { "smithy.api#input": {} },
        },
      },
    });
    const { model } = flattenModel(parseModel(text, "tokens.json").model.shapes, "tokens.json");
    const file = emitSchema(buildShapeIndex(model, `${NS}Tokens`)).find((f) => f.path === "src/schema.ts");
    assert.ok(file !== undefined && file.kind === "typescript", "src/schema.ts from structures");
    const statement = file.statements.find((s) => s.kind === StructureKind.VariableStatement) as
      VariableStatementStructure | undefined;
    const emitted = JSON.parse(String(statement?.declarations[0]?.initializer)) as ServiceSchema;
    assert.deepEqual((emitted.shapes[`${NS}StartInput`] as { members: unknown }).members, {
      Name: { target: "smithy.api#String" },
      ClientToken: { target: "smithy.api#String", idempotencyToken: true },
    });
  });
});
