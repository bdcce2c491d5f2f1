/** Unit tests of the shape index: resolution, mixins, defaults, nullability, names. */
import assert from "node:assert/strict";
import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import type { AstShape } from "../../codegen/load/ast.js";
import { flattenModel } from "../../codegen/index/flatten.js";
import { buildShapeIndex } from "../../codegen/index/shape-index.js";
import { validateModel } from "../../codegen/validate/validate-model.js";
import { ROOT } from "./helpers.js";

const NS = "test.ns#";

function indexOf(shapes: Record<string, AstShape>) {
  const all: Record<string, AstShape> = {
    [`${NS}Svc`]: {
      type: "service",
      version: "1",
      operations: [{ target: `${NS}Op` }],
      traits: { "aws.protocols#awsJson1_0": {}, "aws.api#service": { sdkId: "Test Svc" } },
    },
    [`${NS}Op`]: { type: "operation", input: { target: `${NS}OpInput` }, output: { target: `${NS}OpOutput` } },
    [`${NS}OpOutput`]: { type: "structure", members: {} },
    ...shapes,
  };
  const { model, issues } = flattenModel(all, "test.json");
  const problems = [...issues, ...validateModel(model, { file: "test.json" }).issues].filter(
    (i) => i.severity === "ERROR",
  );
  assert.deepEqual(problems, []);
  return buildShapeIndex(model, `${NS}Svc`);
}

describe("shape index", () => {
  it("resolves prelude targets and keeps the traits it does not decode under otherTraits", () => {
    const index = indexOf({
      [`${NS}OpInput`]: {
        type: "structure",
        traits: { "smithy.api#input": {}, "vendor.x#custom": { any: ["thing"] } },
        members: { Count: { target: "smithy.api#PrimitiveInteger" }, Name: { target: "smithy.api#String" } },
      },
    });
    const input = index.shape(`${NS}OpInput`);
    assert.deepEqual(input.otherTraits, { "vendor.x#custom": { any: ["thing"] } });
    assert.equal(index.shape("smithy.api#PrimitiveInteger").type, "integer");
    assert.deepEqual(
      index.shapes.map((s) => s.id),
      ["smithy.api#PrimitiveInteger", "smithy.api#String", `${NS}OpInput`, `${NS}OpOutput`],
    );
  });

  it("flattens mixins: mixin members first, local traits dropped, mixin shapes not generated", () => {
    const index = indexOf({
      [`${NS}Common`]: {
        type: "structure",
        traits: {
          "smithy.api#mixin": { localTraits: ["smithy.api#documentation"] },
          "smithy.api#documentation": "mixin only",
          "smithy.api#sensitive": {},
        },
        members: { Id: { target: "smithy.api#String", traits: { "smithy.api#required": {} } } },
      },
      [`${NS}OpInput`]: {
        type: "structure",
        mixins: [{ target: `${NS}Common` }],
        traits: { "smithy.api#input": {} },
        members: { Extra: { target: "smithy.api#String" } },
      },
    });
    const input = index.shape(`${NS}OpInput`);
    assert.deepEqual(
      input.members.map((m) => m.name),
      ["Id", "Extra"],
    );
    assert.ok(input.otherTraits["smithy.api#sensitive"]);
    assert.equal(input.documentation, undefined);
    assert.ok(!index.shapes.some((s) => s.id === `${NS}Common`));
  });

  it("decides nullability by Smithy 2.0 rules", () => {
    const index = indexOf({
      [`${NS}OpInput`]: {
        type: "structure",
        traits: { "smithy.api#input": {} },
        members: {
          Required: { target: "smithy.api#String", traits: { "smithy.api#required": {} } },
          Defaulted: { target: "smithy.api#Integer", traits: { "smithy.api#default": 3 } },
          Inner: { target: `${NS}Inner` },
        },
      },
      [`${NS}Inner`]: {
        type: "structure",
        members: {
          Required: { target: "smithy.api#String", traits: { "smithy.api#required": {} } },
          ClientOptional: {
            target: "smithy.api#String",
            traits: { "smithy.api#required": {}, "smithy.api#clientOptional": {} },
          },
          NullDefault: { target: "smithy.api#PrimitiveInteger", traits: { "smithy.api#default": null } },
          Plain: { target: "smithy.api#String" },
        },
      },
    });
    const nullable = (id: string) => Object.fromEntries(index.shape(id).members.map((m) => [m.name, m.nullable]));
    // @input structures: every member is optional to callers (validation and defaults take over).
    assert.deepEqual(nullable(`${NS}OpInput`), { Required: true, Defaulted: true, Inner: true });
    assert.deepEqual(nullable(`${NS}Inner`), { Required: false, ClientOptional: true, NullDefault: true, Plain: true });
    const nullDefault = index.shape(`${NS}Inner`).members.find((m) => m.name === "NullDefault")!;
    assert.equal(nullDefault.default, undefined, "default: null removes the default");
  });

  it("follows recursive shapes without looping", () => {
    const index = indexOf({
      [`${NS}OpInput`]: {
        type: "structure",
        traits: { "smithy.api#input": {} },
        members: { Tree: { target: `${NS}Node` } },
      },
      [`${NS}Node`]: { type: "structure", members: { Children: { target: `${NS}Nodes` } } },
      [`${NS}Nodes`]: { type: "list", member: { target: `${NS}Node` } },
    });
    assert.ok(index.shape(`${NS}Node`));
    assert.ok(index.shape(`${NS}Nodes`));
  });

  it("names shapes that collide with reserved words, globals and generated symbols", () => {
    const index = indexOf({
      [`${NS}OpInput`]: {
        type: "structure",
        traits: { "smithy.api#input": {} },
        members: {
          A: { target: `${NS}Object` },
          B: { target: `${NS}Promise` },
          C: { target: `${NS}OpCommand` },
          D: { target: `${NS}TestSvcClient` },
        },
      },
      [`${NS}Object`]: { type: "structure", members: {} },
      [`${NS}Promise`]: { type: "structure", members: {} },
      [`${NS}OpCommand`]: { type: "structure", members: {} },
      [`${NS}TestSvcClient`]: { type: "structure", members: {} },
    });
    assert.equal(index.names.shape(`${NS}Object`), "Object_");
    assert.equal(index.names.shape(`${NS}Promise`), "Promise_");
    assert.equal(index.names.shape(`${NS}OpCommand`), "OpCommand_");
    assert.equal(index.names.shape(`${NS}TestSvcClient`), "TestSvcClient_");
    assert.equal(index.names.service.client, "TestSvcClient");
    assert.equal(index.names.service.packageName, "@sjc/test-svc");
    assert.equal(index.service.protocol.name, "awsJson1_0");
  });

  it("sorts operations by name and shapes by id, whatever the file order", () => {
    const shapes = {
      [`${NS}OpInput`]: {
        type: "structure",
        traits: { "smithy.api#input": {} },
        members: { Z: { target: `${NS}Z` }, A: { target: `${NS}A` } },
      },
      [`${NS}Z`]: { type: "string" },
      [`${NS}A`]: { type: "string" },
    };
    const index = indexOf(shapes);
    const ids = index.shapes.map((s) => s.id);
    assert.deepEqual(ids, [...ids].sort());
    assert.deepEqual(
      index.shape(`${NS}OpInput`).members.map((m) => m.name),
      ["Z", "A"],
      "members keep model order",
    );
  });

  it("decodes every trait the emitters need into fields of its kind", () => {
    const index = indexOf({
      [`${NS}OpInput`]: {
        type: "structure",
        traits: { "smithy.api#input": {} },
        members: {
          Tags: { target: `${NS}Tags` },
          Labels: { target: `${NS}Labels` },
          When: { target: `${NS}When`, traits: { "smithy.api#timestampFormat": "http-date" } },
          Token: {
            target: "smithy.api#String",
            traits: { "smithy.api#idempotencyToken": {}, "smithy.api#jsonName": "token" },
          },
          Code: {
            target: "smithy.api#String",
            traits: { "smithy.api#pattern": "^[\\p{L}-_]+$", "smithy.api#length": { max: 3 } },
          },
          Size: { target: `${NS}Size` },
          Color: { target: `${NS}Color` },
          Problem: { target: `${NS}Oops` },
        },
      },
      [`${NS}Tags`]: {
        type: "list",
        member: { target: "smithy.api#String" },
        traits: { "smithy.api#sparse": {}, "smithy.api#uniqueItems": {}, "smithy.api#length": { min: 1 } },
      },
      [`${NS}Labels`]: { type: "map", key: { target: "smithy.api#String" }, value: { target: "smithy.api#String" } },
      [`${NS}When`]: { type: "timestamp", traits: { "smithy.api#timestampFormat": "epoch-seconds" } },
      [`${NS}Size`]: { type: "integer", traits: { "smithy.api#range": { min: 0, max: 9 } } },
      [`${NS}Color`]: {
        type: "enum",
        members: {
          RED: { target: "smithy.api#Unit", traits: { "smithy.api#enumValue": "red" } },
          BLUE: { target: "smithy.api#Unit" },
        },
      },
      [`${NS}Oops`]: {
        type: "structure",
        traits: {
          "smithy.api#error": "client",
          "smithy.api#httpError": 429,
          "aws.protocols#awsQueryError": { code: "Throttled", httpResponseCode: 429 },
        },
        members: {},
      },
    });
    const shape = <T extends string>(name: string, type: T) => {
      const found = index.shape(`${NS}${name}`);
      assert.equal(found.type, type);
      return found as typeof found & { type: T };
    };
    const tags = shape("Tags", "list");
    assert.deepEqual([tags.sparse, tags.uniqueItems, tags.constraints], [true, true, { length: { min: 1 } }]);
    assert.equal(shape("Labels", "map").sparse, false);
    assert.equal(shape("When", "timestamp").timestampFormat, "epoch-seconds");
    assert.deepEqual(shape("Size", "integer").constraints, { range: { min: 0, max: 9 } });
    assert.deepEqual(
      shape("Color", "enum").members.map((m) => m.value),
      ["red", "BLUE"],
    );
    const members = new Map(shape("OpInput", "structure").members.map((m) => [m.name, m]));
    assert.equal(members.get("When")!.timestampFormat, "http-date");
    assert.deepEqual([members.get("Token")!.idempotencyToken, members.get("Token")!.jsonName], [true, "token"]);
    assert.deepEqual(members.get("Code")!.constraints, {
      length: { max: 3 },
      pattern: { model: "^[\\p{L}-_]+$", ecmascript: "^[\\p{L}\\-_]+$" },
    });
    assert.deepEqual(shape("Oops", "structure").error, {
      fault: "client",
      httpStatus: 429,
      queryErrorCode: "Throttled",
    });
    assert.deepEqual(
      index.errors.map((e) => e.id),
      [`${NS}Oops`],
    );
  });

  it("is the only reader of traits: no emitter touches a traits field", async () => {
    const emitDir = join(ROOT, "codegen/emit");
    const files = (await readdir(emitDir, { recursive: true })).filter((f) => f.endsWith(".ts"));
    assert.ok(files.length > 10, "emitters found");
    const readers: string[] = [];
    for (const file of files) {
      const text = await readFile(join(emitDir, file), "utf8");
      text.split("\n").forEach((line, i) => {
        if (/\btraits\b/.test(line.replace(/\/\/.*|^\s*\*.*/, ""))) readers.push(`${file}:${i + 1}: ${line.trim()}`);
      });
    }
    assert.deepEqual(readers, []);
  });
});
