/**
 * Writes a rendered package, or compares it with what is on disk. Writing is
 * all or nothing: the files go to a sibling temporary folder, which then
 * replaces the package folder by rename. A run killed at any point leaves the
 * old package (or, after the first rename, the new one) and stray temporary
 * folders that the next run removes.
 */
import { existsSync } from "node:fs";
import * as nodeFs from "node:fs/promises";
import { readFile, readdir } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import type { RenderedFile } from "../render/render-files.js";

/** Folders inside a package that generation does not own (build output, installs). */
const UNOWNED = new Set(["dist", "node_modules"]);

export interface Difference {
  readonly path: string;
  readonly change: "added" | "changed" | "removed";
}

/** The file-system calls that change things; tests inject failures here. */
export type WriteOps = Pick<typeof nodeFs, "mkdir" | "rename" | "rm" | "writeFile">;

export async function writePackage(dir: string, files: readonly RenderedFile[], fs: WriteOps = nodeFs): Promise<void> {
  const { mkdir, rename, rm, writeFile } = fs;
  await recoverInterrupted(dir, fs);
  const staging = `${dir}.sjc-new`;
  const retired = `${dir}.sjc-old`;
  await rm(staging, { recursive: true, force: true });
  for (const file of files) {
    const target = join(staging, file.path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, file.text);
  }
  if (existsSync(dir)) {
    // Keep what generation does not own, so a rebuild is incremental.
    for (const name of UNOWNED) if (existsSync(join(dir, name))) await rename(join(dir, name), join(staging, name));
    await rename(dir, retired);
  }
  await rename(staging, dir);
  await rm(retired, { recursive: true, force: true });
}

/**
 * Undoes a swap that a killed run left halfway (between the two renames the
 * package folder is briefly absent and the old one waits beside it). Every
 * run, `--check` included, calls this first.
 */
export async function recoverInterrupted(dir: string, { rename, rm }: WriteOps = nodeFs): Promise<void> {
  const retired = `${dir}.sjc-old`;
  if (!existsSync(retired)) return;
  if (existsSync(dir)) await rm(retired, { recursive: true, force: true });
  else await rename(retired, dir);
}

export async function comparePackage(dir: string, files: readonly RenderedFile[]): Promise<Difference[]> {
  await recoverInterrupted(dir);
  const differences: Difference[] = [];
  const expected = new Map(files.map((f) => [f.path, f.text]));
  const present = existsSync(dir) ? await listFiles(dir) : [];
  for (const path of present) {
    const want = expected.get(path);
    if (want === undefined) differences.push({ path, change: "removed" });
    else if ((await readFile(join(dir, path), "utf8")) !== want) differences.push({ path, change: "changed" });
  }
  const presentSet = new Set(present);
  for (const path of expected.keys()) if (!presentSet.has(path)) differences.push({ path, change: "added" });
  return differences.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

async function listFiles(root: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string) => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!(dir === root && UNOWNED.has(entry.name))) await walk(full);
      } else out.push(relative(root, full).split("\\").join("/"));
    }
  };
  await walk(root);
  return out.sort();
}
