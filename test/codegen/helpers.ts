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

/**
 * Where two texts first differ, as a short diff: up to `context` common lines
 * before, then the lines of each side that differ (`-` expected, `+` actual),
 * up to where they agree again or `context` more lines.
 */
export function firstDifference(expected: string, actual: string, context = 3): string | undefined {
  if (expected === actual) return undefined;
  const want = expected.split("\n");
  const got = actual.split("\n");
  let first = 0;
  while (first < want.length && first < got.length && want[first] === got[first]) first++;
  let wantEnd = want.length;
  let gotEnd = got.length;
  while (wantEnd > first && gotEnd > first && want[wantEnd - 1] === got[gotEnd - 1]) {
    wantEnd--;
    gotEnd--;
  }
  const clip = (lines: string[], from: number, to: number, mark: string) =>
    lines.slice(from, Math.min(to, from + context * 3)).map((line) => `${mark}${line}`);
  return [
    `@@ line ${first + 1} @@`,
    ...want.slice(Math.max(0, first - context), first).map((line) => ` ${line}`),
    ...clip(want, first, wantEnd, "-"),
    ...clip(got, first, gotEnd, "+"),
    ...want.slice(wantEnd, wantEnd + context).map((line) => ` ${line}`),
  ].join("\n");
}
