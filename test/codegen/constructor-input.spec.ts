/**
 * An input whose only member is optional but named `constructor`: `{}` already
 * has a `constructor` (a function), so `{}` is not a valid input. The command
 * then requires its input, and the generated protocol tests must pass one.
 */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { ROOT, cli, projectTempDir } from "./helpers.js";

const run = promisify(execFile);

describe("an input with an optional member named constructor", () => {
  it("its command requires the input, and the generated tests pass one (they type-check)", async () => {
    const out = join(await projectTempDir("ctor"), "ctor");
    const result = await cli([
      "--quiet",
      "--model",
      join(ROOT, "test/fixtures/models/constructor-input.json"),
      "--out",
      out,
    ]);
    assert.equal(result.code, 0, result.output);
    const command = await readFile(join(out, "src/commands/MakeCommand.ts"), "utf8");
    assert.match(command, /constructor\(input: MakeCommandInput\)/);
    const config = join(out, "tsconfig.test.json");
    await writeFile(
      config,
      JSON.stringify({
        extends: "./tsconfig.json",
        compilerOptions: { noEmit: true, rootDir: ".", types: ["node", "mocha"] },
        include: ["src", "test"],
      }),
    );
    await run(process.execPath, [join(ROOT, "node_modules/typescript/bin/tsc"), "-p", config], { cwd: ROOT });
  });
});
