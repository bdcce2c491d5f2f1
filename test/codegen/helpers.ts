/** Shared helpers of the generator's tests: run the CLI in-process, snapshot folders. */
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, readdir } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import { runGenerate } from "../../codegen/commands/generate.js";

export const ROOT = resolve(import.meta.dirname, "../..");

/** A fresh folder inside the project, so generated code resolves the root node_modules. */
export async function projectTempDir(prefix: string): Promise<string> {
  await mkdir(join(ROOT, ".tmp"), { recursive: true });
  return mkdtemp(join(ROOT, ".tmp", `${prefix}-`));
}

export async function cli(args: readonly string[]): Promise<{ code: number; output: string }> {
  const lines: string[] = [];
  const code = await runGenerate(args, (line) => lines.push(line));
  return { code, output: lines.join("\n") };
}

/** Path → sha256 of every file below `dir` (empty when it does not exist). */
export async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  if (!existsSync(dir)) return out;
  const walk = async (folder: string) => {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      const full = join(folder, entry.name);
      if (entry.isDirectory()) await walk(full);
      else
        out[relative(dir, full)] = createHash("sha256")
          .update(await readFile(full))
          .digest("hex");
    }
  };
  await walk(dir);
  return out;
}
