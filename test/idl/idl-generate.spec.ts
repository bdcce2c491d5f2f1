/** IDL models through the command line: same packages as JSON AST, model errors leave the output alone. */
import assert from "node:assert/strict";
import { mkdir, readFile, readdir, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { runIdl } from "../../codegen/commands/idl.js";
import { ROOT, cli, projectTempDir, snapshot } from "../codegen/helpers.js";

const quiet = () => {};

describe("IDL models on the command line", () => {
  it("model/ssm.json and its sjc idl rendering generate the same package, byte for byte, apart from the source name", async () => {
    const dir = await projectTempDir("idl-ssm");
    assert.equal(await runIdl([join(ROOT, "model/ssm.json"), "--out", join(dir, "model")], quiet), 0);
    const [fromJson, fromIdl] = [join(dir, "json"), join(dir, "idl")];
    for (const [model, out] of [
      [join(ROOT, "model/ssm.json"), fromJson],
      [join(dir, "model"), fromIdl],
    ] as const) {
      const { code, output } = await cli(["--quiet", "--model", model, "--out", out]);
      assert.equal(code, 0, output);
    }
    const jsonPath = relative(process.cwd(), join(ROOT, "model/ssm.json"));
    const idlPath = relative(process.cwd(), join(dir, "model/com.amazonaws.ssm.smithy"));
    const files = await filesBelow(fromJson);
    assert.deepEqual(await filesBelow(fromIdl), files);
    for (const file of files) {
      const want = await readFile(join(fromJson, file), "utf8");
      const got = await readFile(join(fromIdl, file), "utf8");
      assert.equal(got.replaceAll(idlPath, jsonPath), want, file);
    }
  });

  it("a syntax error exits 1 naming FILE:LINE:COL, with the line and a caret, and writes nothing", async () => {
    const dir = await projectTempDir("idl-bad");
    const model = join(dir, "bad.smithy");
    await writeFile(model, `$version: "2.0"\nnamespace ex.a\n\nstructure S {\n    a String\n}\n`);
    const out = join(dir, "out");
    await mkdir(out);
    await writeFile(join(out, "keep.txt"), "untouched\n");
    const before = await snapshot(out);
    const { code, output } = await cli(["--model", model, "--out", out]);
    assert.equal(code, 1);
    assert.match(
      output,
      /bad\.smithy:5:7: Expected COLON\(':'\) but found IDENTIFIER\('String'\)\n {6}a String\n {8}\^/,
    );
    assert.deepEqual(await snapshot(out), before);
  });
});

async function filesBelow(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}
