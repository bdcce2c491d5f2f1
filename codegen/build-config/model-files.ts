/**
 * The model files a path names: the file itself, or every `.smithy` and
 * `.json` file below a folder, in sorted order (as `--model` and
 * smithy-build.json `sources`/`imports` read them).
 */
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import type { ConfigProblem } from "./smithy-build.js";

const MODEL_EXTENSIONS = [".smithy", ".json"];

/** `at` says where the path was given, for problems (a JSON pointer, or a flag). */
export function modelFiles(path: string, at: string, problems: ConfigProblem[]): string[] {
  let stats;
  try {
    stats = statSync(path);
  } catch {
    problems.push({ where: at, message: `no such file or folder: ${path}` });
    return [];
  }
  if (stats.isFile()) return [path];
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (MODEL_EXTENSIONS.some((extension) => entry.name.endsWith(extension))) found.push(full);
    }
  };
  walk(path);
  if (found.length === 0) problems.push({ where: at, message: `${path} holds no .smithy or .json model files` });
  return found;
}
