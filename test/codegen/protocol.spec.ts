/** Unit tests of the protocol decoding: which protocol trait a service gets, and the refusal of others. */
import assert from "node:assert/strict";
import type { AstShape, Traits } from "../../codegen/load/ast.js";
import { flattenModel } from "../../codegen/index/flatten.js";
import { decodeProtocol } from "../../codegen/index/protocol.js";
import { buildShapeIndex } from "../../codegen/index/shape-index.js";
import { validateModel } from "../../codegen/validate/validate-model.js";

const NS = "test.ns#";

function modelWith(traits: Traits) {
  const shapes: Record<string, AstShape> = {
    [`${NS}Svc`]: { type: "service", version: "1", operations: [{ target: `${NS}Op` }], traits },
    [`${NS}Op`]: { type: "operation" },
  };
  return flattenModel(shapes, "test.json").model;
}

describe("protocol decoding", () => {
  for (const [trait, name, family, bodyMediaType] of [
    ["aws.protocols#awsJson1_0", "awsJson1_0", "awsJson", "application/json"],
    ["aws.protocols#awsJson1_1", "awsJson1_1", "awsJson", "application/json"],
    ["smithy.protocols#rpcv2Cbor", "rpcv2Cbor", "rpcv2Cbor", "application/cbor"],
  ] as const) {
    it(`reads ${trait} into the index`, () => {
      const model = modelWith({ [trait]: {} });
      assert.deepEqual(validateModel(model, { file: "test.json" }), { issues: [], serviceId: `${NS}Svc` });
      const { protocol } = buildShapeIndex(model, `${NS}Svc`).service;
      assert.deepEqual(protocol, { name, traitId: trait, family, bodyMediaType });
    });
  }

  it("prefers awsJson1_0 when a service has several protocol traits", () => {
    assert.equal(
      decodeProtocol({ "smithy.protocols#rpcv2Cbor": {}, "aws.protocols#awsJson1_0": {} })?.name,
      "awsJson1_0",
    );
  });

  it("reports a service without a supported protocol, naming the trait and the supported ones", () => {
    const { issues } = validateModel(modelWith({ "aws.protocols#restJson1": {} }), { file: "test.json" });
    assert.equal(issues.length, 1);
    assert.match(issues[0]!.message, /unsupported protocol aws\.protocols#restJson1/);
    assert.match(issues[0]!.hint ?? "", /smithy\.protocols#rpcv2Cbor/);
  });
});
