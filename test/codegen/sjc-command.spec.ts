/** The `sjc` command as installed: subcommands, help, version, and usage errors that write nothing. */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { ROOT, projectTempDir, snapshot } from "./helpers.js";

/** The built command (npm test builds it first), run in `cwd`. */
function sjc(args: string[], cwd = ROOT): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [join(ROOT, "codegen/dist/cli.js"), ...args], { cwd, encoding: "utf8" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("the sjc command", () => {
  it("--version prints the generator package's version", async () => {
    const { version } = JSON.parse(await readFile(join(ROOT, "codegen/package.json"), "utf8"));
    assert.deepEqual(sjc(["--version"]), { code: 0, stdout: `${version}\n`, stderr: "" });
  });

  it("help lists the commands; help COMMAND shows that command's options", () => {
    const main = sjc(["help"]);
    assert.equal(main.code, 0);
    assert.match(main.stdout, /^Usage: sjc <command>/);
    assert.match(main.stdout, /^ {2}generate {9}/m);
    assert.match(main.stdout, /^ {2}conformance {6}/m);
    assert.match(main.stdout, /^ {2}diff {13}/m);
    const generate = sjc(["help", "generate"]);
    assert.equal(generate.code, 0);
    assert.match(generate.stdout, /--projection NAME/);
    assert.match(sjc(["help", "conformance"]).stdout, /^Usage: sjc conformance <model>/);
    assert.match(sjc(["help", "diff"]).stdout, /^Usage: sjc diff \[OLD NEW\]/);
    assert.equal(sjc(["help", "nope"]).code, 2);
  });

  it("no command, an unknown command or an unknown flag: exit 2 with the usage, nothing written", async () => {
    const dir = await projectTempDir("sjc-usage");
    const before = await snapshot(dir);
    for (const args of [[], ["generat"], ["generate", "--modle", "x.json"], ["conformance", "--frob", "x.json"]]) {
      const { code, stdout, stderr } = sjc(args, dir);
      assert.equal(code, 2, args.join(" "));
      assert.equal(stdout, "");
      assert.match(stderr, /Usage: sjc/, args.join(" "));
    }
    assert.deepEqual(await snapshot(dir), before);
  });

  it("generate reads smithy-build.json from the working folder", async () => {
    const { code, stderr } = sjc(["generate", "--check"]);
    assert.equal(code, 0, stderr);
    assert.match(stderr, /check +generated\/ssm is up to date/);
  });
});
