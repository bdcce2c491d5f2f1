/**
 * Reads model sources: files and folders (every `.smithy` and `.json`
 * below a folder) from disk, or the same paths at a git revision
 * (`git ls-tree` and `git show REV:path`), each named relative to `base`.
 */
import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { relative } from "node:path";
import { promisify } from "node:util";
import { modelFiles } from "../build-config/model-files.js";
import type { ConfigProblem } from "../build-config/smithy-build.js";
import type { ModelSource } from "../load/load-model.js";

const run = promisify(execFile);

export type SourcesResult = { readonly sources: ModelSource[] } | { readonly problems: string[] };

/** The model files at `paths` (absolute) as they are on disk. */
export async function sourcesOnDisk(paths: readonly string[], base: string): Promise<SourcesResult> {
  const problems: ConfigProblem[] = [];
  const files = [...new Set(paths.flatMap((path) => modelFiles(path, shown(base, path), problems)))];
  if (problems.length) return { problems: problems.map((p) => `${p.where}: ${p.message}`) };
  const sources: ModelSource[] = [];
  for (const file of files) {
    try {
      sources.push({ path: shown(base, file), text: await readFile(file, "utf8") });
    } catch (error) {
      return { problems: [`cannot read ${shown(base, file)}: ${(error as NodeJS.ErrnoException).code ?? error}`] };
    }
  }
  return { sources };
}

/** The model files at `paths` (absolute) as they were at git revision `revision`. */
export async function sourcesAtRevision(
  revision: string,
  paths: readonly string[],
  base: string,
): Promise<SourcesResult> {
  let top: string;
  try {
    top = (await run("git", ["rev-parse", "--show-toplevel"], { cwd: base })).stdout.trim();
    await run("git", ["rev-parse", "--verify", "--quiet", `${revision}^{commit}`], { cwd: base });
  } catch {
    return { problems: [`${revision} is not a git revision of the repository at ${base}`] };
  }
  const inRepo = paths.map((path) => relative(top, path).split("\\").join("/"));
  const listed = await run("git", ["ls-tree", "-r", "--name-only", revision, "--", ...inRepo], {
    cwd: top,
    maxBuffer: 64 * 1024 * 1024,
  });
  const files = listed.stdout
    .split("\n")
    .filter((name) => name.endsWith(".json") || name.endsWith(".smithy"))
    .sort();
  if (files.length === 0) return { problems: [`no model files at ${revision} under ${inRepo.join(", ")}`] };
  const sources: ModelSource[] = [];
  for (const file of files) {
    const { stdout } = await run("git", ["show", `${revision}:${file}`], { cwd: top, maxBuffer: 256 * 1024 * 1024 });
    sources.push({ path: `${revision}:${relative(base, `${top}/${file}`).split("\\").join("/")}`, text: stdout });
  }
  return { sources };
}

const shown = (base: string, path: string): string => relative(base, path).split("\\").join("/") || ".";
