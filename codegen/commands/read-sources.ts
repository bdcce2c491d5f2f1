/** Reads the model files that paths name (folders expanded), for `sjc ast` and `sjc idl`. */
import { resolve } from "node:path";
import type { ModelSource } from "../load/load-sources.js";
import { sourcesOnDisk } from "./model-sources.js";

export type ReadResult =
  { readonly ok: true; readonly sources: ModelSource[] } | { readonly ok: false; readonly problems: string[] };

export async function readSources(paths: readonly string[]): Promise<ReadResult> {
  const read = await sourcesOnDisk(
    paths.map((path) => resolve(path)),
    process.cwd(),
  );
  return "sources" in read
    ? { ok: true, sources: read.sources }
    : { ok: false, problems: read.problems.map((p) => `sjc: ${p}`) };
}
