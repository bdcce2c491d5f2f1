/**
 * What real models carry: names that clash with globals and with each other,
 * documentation that would break a comment, Java-only patterns, event streams,
 * empty errors, enum values that are not identifiers, very long names.
 */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { ROOT, cli, projectTempDir } from "./helpers.js";

const run = promisify(execFile);

describe("model surprises", () => {
  let out: string;
  let output: string;
  let models: string;

  before(async () => {
    out = join(await projectTempDir("surprises"), "edge");
    const result = await cli(["--model", join(ROOT, "test/fixtures/models/surprises.json"), "--out", out]);
    assert.equal(result.code, 0, result.output);
    output = result.output;
    models = await readFile(join(out, "src/models.ts"), "utf8");
  });

  it("type-checks under tsc --strict", async () => {
    await run(process.execPath, [join(ROOT, "node_modules/typescript/bin/tsc"), "-p", out, "--noEmit"], { cwd: ROOT });
  });

  it("warns about a pattern with no ECMAScript equivalent and leaves only that constraint unchecked", async () => {
    assert.match(
      output,
      /^WARNING example\.edge#OddPattern smithy\.api#pattern: .*has no ECMAScript equivalent \(property \\p\{javaLowerCase\}\); the constraint is not checked/m,
    );
    const schema = JSON.parse(await readFile(join(out, "schemas/shapes.schema.json"), "utf8"));
    assert.deepEqual(schema.definitions.OddPattern, { type: "string" });
    assert.equal(schema.definitions.Answer.pattern, "^[yY][eE][sS]|[nN][oO]$", "(?i) becomes case-insensitive classes");
  });

  it("translates Java-only patterns instead of failing", async () => {
    assert.doesNotMatch(output, /CostCategory|TagValue/);
    const schema = JSON.parse(await readFile(join(out, "schemas/shapes.schema.json"), "utf8"));
    assert.equal(schema.definitions.CostCategory.pattern, "^(?! )[\\p{L}\\p{N}\\p{Z}\\-_]*(?<! )$");
    assert.equal(schema.definitions.TagValue.pattern, "^([\\p{L}\\p{Z}\\p{N}_.:\\/=+\\-@]*)$$");
  });

  it("keeps comment delimiters in documentation from ending or opening a comment", () => {
    // The wildcard ARN, the `*\/` split by tags and the `/\*` in code read as written, escaped.
    assert.match(
      models,
      /arn:aws:iam:::role\/\\\*\\\/Name_\?; a slash in bold ends nothing: \*\\\/, `\/\\\*` opens nothing, nor does \*\\\/ encoded\./,
    );
  });

  it("skips an event-stream operation with a warning", async () => {
    assert.match(
      output,
      /^WARNING example\.edge#Subscribe smithy\.api#streaming: example\.edge#SubscribeOutput\$Events streams, .*the operation is skipped/m,
    );
    const schema = await readFile(join(out, "src/schema.ts"), "utf8");
    assert.doesNotMatch(schema, /Subscribe/);
    assert.match(schema, /Echo:/);
  });

  it("renames shapes that shadow globals, keeps names that differ only by case", () => {
    assert.match(models, /export interface Object_ \{/);
    assert.match(models, /export interface Item \{/);
    assert.match(models, /item\?: string;/);
    assert.match(models, /constructor\?: string;/);
  });

  it("escapes documentation that would close the comment or start a tag", async () => {
    const aggregate = await readFile(join(out, "src/EdgeCases.ts"), "utf8");
    assert.match(aggregate, /Echoes its input\. Mentions \\@param and \*\\\/ and bold\./);
    assert.match(aggregate, /@deprecated use Echo2 \*\\\/ instead \(since 2025\)/);
  });

  it("quotes enum values that are not identifiers, keyed by member name", () => {
    assert.match(models, /HAPPY: "happy-ish",/);
    assert.match(models, /FIRST: "1st place",/);
    assert.match(models, /LOW: 1,/);
  });

  it("generates errors without members and very long shape names", async () => {
    assert.match(models, /export class Boom extends EdgeCasesServiceException \{/);
    const schema = JSON.parse(await readFile(join(out, "schemas/shapes.schema.json"), "utf8"));
    assert.ok(Object.keys(schema.definitions).some((name) => name.length > 120));
  });
});
