/** Reads the model files that paths name (folders expanded), for `sjc ast` and `sjc idl`. */
import { readFile } from "node:fs/promises";
import { relative, resolve } from "node:path";
import { modelFiles } from "../build-config/model-files.js";
import type { ConfigProblem } from "../build-config/smithy-build.js";
import type { ModelSource } from "../load/load-sources.js";

export type ReadResult =
  { readonly ok: true; readonly sources: ModelSource[] } | { readonly ok: false; readonly problems: string[] };

export async function readSources(paths: readonly string[]): Promise<ReadResult> {
  const problems: ConfigProblem[] = [];
  const files = [...new Set(paths.flatMap((path) => modelFiles(resolve(path), path, problems)))];
  if (problems.length) return { ok: false, problems: problems.map((p) => `sjc: ${p.where}: ${p.message}`) };
  const sources = await Promise.all(
    files.map(async (file) => ({
      path: relative(process.cwd(), file).split("\\").join("/"),
      text: await readFile(file, "utf8"),
    })),
  );
  return { ok: true, sources };
}
