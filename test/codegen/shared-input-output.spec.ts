/**
 * An operation whose input and output are the same structure: both validators
 * check the one schema, and the compiled validators module (an ES module)
 * declares its function once.
 */
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { ROOT, cli, projectTempDir } from "./helpers.js";

type Compiled = (data: unknown) => boolean;

describe("an operation whose input and output are the same shape", () => {
  it("gets two validators of one compiled function, in a module that loads", async () => {
    const out = join(await projectTempDir("shared-io"), "echo");
    const model = join(ROOT, "test/fixtures/models/shared-input-output.json");
    const result = await cli(["--quiet", "--model", model, "--out", out]);
    assert.equal(result.code, 0, result.output);
    const source = await readFile(join(out, "validators/compiled.js"), "utf8");
    const declared = source.match(/^function (validate\d+)\(/gm) ?? [];
    assert.equal(new Set(declared).size, declared.length, "no function is declared twice");
    const compiled = (await import(pathToFileURL(join(out, "validators/compiled.js")).href)) as Record<
      string,
      Compiled
    >;
    for (const name of ["validateReflectInput", "validateReflectOutput"]) {
      assert.equal(compiled[name]!({ text: "hello" }), true, name);
      assert.equal(compiled[name]!({ text: "too long" }), false, name);
      assert.equal(compiled[name]!({}), false, name);
    }
  });
});
