/**
 * A generator killed at any moment leaves the package as it was or as it
 * should be, never a mix; a half-done swap is undone by the next run.
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { cp, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { REGENERATE_COMMAND } from "../../codegen/commands/usage.js";
import { ROOT, cli, projectTempDir, snapshot } from "./helpers.js";

/**
 * Starts the CLI and SIGKILLs it `ms` after it prints `after` (a progress line
 * prefix), or after `ms` from the start; resolves when it is gone.
 */
function generateAndKill(args: readonly string[], ms: number, after?: string): Promise<void> {
  return new Promise((resolve) => {
    const quiet = after === undefined ? ["--quiet"] : [];
    // One process (tsx as a loader, not its CLI, which would run the generator in a child that outlives the kill).
    const child = spawn(
      process.execPath,
      ["--import", "tsx", join(ROOT, "codegen/cli.ts"), "generate", ...quiet, ...args],
      {
        cwd: ROOT,
        stdio: ["ignore", "ignore", "pipe"],
      },
    );
    let timer: NodeJS.Timeout | undefined;
    if (after === undefined) timer = setTimeout(() => child.kill("SIGKILL"), ms);
    else {
      let log = "";
      child.stderr.on("data", (chunk: Buffer) => {
        log += chunk.toString();
        if (timer === undefined && log.split("\n").some((line) => line.startsWith(after))) {
          timer = setTimeout(() => child.kill("SIGKILL"), ms);
        }
      });
    }
    child.stderr.resume();
    child.on("exit", () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

describe("crash-safe regeneration", function () {
  this.timeout(90_000);
  let dir: string;
  let newModel: string;
  let oldSnapshot: Record<string, string>;
  let newSnapshot: Record<string, string>;

  before(async () => {
    const tmp = await projectTempDir("crash");
    dir = join(tmp, "ssm");
    // The old package comes from an edited model, so old and new differ.
    const model = JSON.parse(await readFile(join(ROOT, "model/ssm.json"), "utf8"));
    model.shapes["com.amazonaws.ssm#MaintenanceWindowMaxResults"].traits["smithy.api#range"].max = 77;
    await writeFile(join(tmp, "old.json"), JSON.stringify(model));
    newModel = join(ROOT, "model/ssm.json");
    assert.equal((await cli(["--quiet", "--model", join(tmp, "old.json"), "--out", dir])).code, 0);
    oldSnapshot = await snapshot(dir);
    await cp(dir, join(tmp, "old-copy"), { recursive: true });
    const fresh = join(tmp, "fresh");
    assert.equal((await cli(["--quiet", "--model", newModel, "--out", fresh])).code, 0);
    newSnapshot = await snapshot(fresh);
    assert.notDeepEqual(oldSnapshot, newSnapshot);
  });

  it("a failure at every single file-system step leaves the old or the new package", async () => {
    const { generate } = await import("../../codegen/pipeline.js");
    const { recoverInterrupted, writePackage } = await import("../../codegen/write/write-package.js");
    const fs = await import("node:fs/promises");
    const result = await generate(await readFile(newModel, "utf8"), {
      modelPath: "model/ssm.json",
      command: REGENERATE_COMMAND,
    });
    assert.ok(result.ok);
    let steps = 0;
    for (let failAt = 0; ; failAt++) {
      let calls = 0;
      const failing = Object.fromEntries(
        (["mkdir", "rename", "rm", "writeFile"] as const).map((name) => [
          name,
          (...args: unknown[]) => {
            if (calls++ === failAt) throw new Error(`injected failure at step ${failAt}`);
            return (fs[name] as (...a: unknown[]) => Promise<unknown>)(...args);
          },
        ]),
      ) as unknown as Parameters<typeof writePackage>[2];
      const completed = await writePackage(dir, result.files, failing).then(
        () => true,
        () => false,
      );
      await recoverInterrupted(dir);
      const now = JSON.stringify(await snapshot(dir));
      assert.ok(
        now === JSON.stringify(oldSnapshot) || now === JSON.stringify(newSnapshot),
        `mixed state after step ${failAt}`,
      );
      if (now !== JSON.stringify(oldSnapshot)) {
        await fs.rm(dir, { recursive: true });
        await fs.cp(join(dir, "..", "old-copy"), dir, { recursive: true });
      }
      if (completed) break;
      steps++;
    }
    assert.ok(steps > result.files.length, `every step was tried (${steps})`);
  });

  /** Where a kill landed: before the write, while files go to the staging folder, mid-swap, or after. */
  const landing = async (): Promise<string> => {
    if (existsSync(`${dir}.sjc-old`)) return "between the renames";
    if (existsSync(`${dir}.sjc-new`))
      return `while writing (${Object.keys(await snapshot(`${dir}.sjc-new`)).length} files staged)`;
    return JSON.stringify(await snapshot(dir)) === JSON.stringify(newSnapshot) ? "after the swap" : "before the write";
  };

  /** Kills once, checks the package is whole, and puts the old one back. */
  const killAndCheck = async (ms: number, trigger?: string): Promise<string> => {
    await generateAndKill(["--model", newModel, "--out", dir], ms, trigger);
    const where = await landing();
    if (!existsSync(dir)) {
      // Killed between the two renames: the old package waits beside it.
      assert.deepEqual(await snapshot(`${dir}.sjc-old`), oldSnapshot);
    } else {
      const now = await snapshot(dir);
      assert.ok(
        JSON.stringify(now) === JSON.stringify(oldSnapshot) || JSON.stringify(now) === JSON.stringify(newSnapshot),
        "package folder is neither the old nor the new output",
      );
    }
    // The next run (here: --check, which never writes the package) restores a half-done swap.
    await cli(["--quiet", "--check", "--model", newModel, "--out", dir]);
    const after = await snapshot(dir);
    assert.ok(
      JSON.stringify(after) === JSON.stringify(oldSnapshot) || JSON.stringify(after) === JSON.stringify(newSnapshot),
    );
    // Put the old package back for the next kill.
    if (JSON.stringify(after) !== JSON.stringify(oldSnapshot)) {
      assert.equal((await cli(["--quiet", "--model", join(dir, "..", "old.json"), "--out", dir])).code, 0);
    }
    // A killed run may leave its staging folder; the next write removes it, so do that here too.
    await rm(`${dir}.sjc-new`, { recursive: true, force: true });
    return where;
  };

  for (const ms of [300, 1000]) {
    it(`SIGKILL after ${ms} ms leaves the old or the new package, never a mix`, async () => {
      await killAndCheck(ms);
    });
  }

  it("SIGKILL while the files are written (just after the render step) leaves the old or the new package", async function () {
    this.timeout(180_000);
    // The write step takes a few milliseconds: kills at growing delays after the
    // last progress line before it land before, inside and after it.
    const landed: string[] = [];
    for (const ms of [0, 2, 5, 10, 20]) {
      landed.push(`${ms} ms: ${await killAndCheck(ms, "render")}`);
      if (/while writing|between the renames/.test(landed.at(-1)!)) break;
    }
    assert.ok(
      landed.some((l) => /while writing|between the renames/.test(l)),
      `no kill landed inside the write step:\n${landed.join("\n")}`,
    );
  });
});
