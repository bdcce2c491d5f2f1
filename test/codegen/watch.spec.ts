/** `--watch` regenerates when the model file changes, including when an editor replaces it. */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { ROOT, projectTempDir } from "./helpers.js";

const TSX = join(ROOT, "node_modules/tsx/dist/cli.mjs");

describe("--watch", function () {
  this.timeout(60_000);

  it("regenerates on every save until stopped, then exits 0", async () => {
    const dir = await projectTempDir("watch");
    const modelFile = join(dir, "ssm.json");
    const out = join(dir, "ssm");
    const model = JSON.parse(await readFile(join(ROOT, "model/ssm.json"), "utf8"));
    const range = model.shapes["com.amazonaws.ssm#MaintenanceWindowMaxResults"].traits["smithy.api#range"];
    await writeFile(modelFile, JSON.stringify(model));

    const child = spawn(
      process.execPath,
      [TSX, join(ROOT, "codegen/cli.ts"), "generate", "--watch", "--model", modelFile, "--out", out],
      {
        cwd: ROOT,
        stdio: ["ignore", "ignore", "pipe"],
      },
    );
    let log = "";
    child.stderr.on("data", (chunk: Buffer) => (log += chunk.toString()));
    const maximum = async () =>
      JSON.parse(await readFile(join(out, "schemas/shapes.schema.json"), "utf8")).definitions
        .MaintenanceWindowMaxResults.maximum;
    /** Polls until the output says `want` (or the exit code says the watcher died). */
    const regenerated = async (want: number) => {
      for (let waited = 0; waited < 30_000; waited += 100) {
        if (child.exitCode !== null) throw new Error(`watcher exited early:\n${log}`);
        if ((await maximum().catch(() => undefined)) === want) return;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`no regeneration with maximum ${want}:\n${log}`);
    };

    try {
      await regenerated(100);

      range.max = 60; // saved in place
      await writeFile(modelFile, JSON.stringify(model));
      await regenerated(60);

      range.max = 40; // saved the way many editors do: a new file renamed over the old one
      await writeFile(`${modelFile}.swp`, JSON.stringify(model));
      await rename(`${modelFile}.swp`, modelFile);
      await regenerated(40);
      assert.match(log, /watching .*ssm\.json/);
    } finally {
      const exit = new Promise<number | null>((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      assert.equal(await exit, 0);
    }
  });
});
