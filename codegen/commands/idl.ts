/**
 * `sjc idl MODEL… [--out DIR]`: a model as IDL files, one per namespace
 * (`DIR/<namespace>.smithy`); without `--out`, a one-namespace model prints.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { loadSources } from "../load/load-sources.js";
import { modelToIdl } from "../idl-writer/write-idl.js";
import { formatIssue, hasErrors } from "../validate/issue.js";
import { readSources } from "./read-sources.js";
import { IDL_USAGE } from "./usage.js";

/** `log` receives every line meant for standard error. */
export async function runIdl(argv: readonly string[], log: (line: string) => void = console.error): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { out: { type: "string" }, help: { type: "boolean" } },
    });
  } catch (error) {
    log(`sjc idl: ${(error as Error).message}\n\n${IDL_USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(IDL_USAGE);
    return 0;
  }
  if (positionals.length === 0) {
    log(`sjc idl: name the model\n\n${IDL_USAGE}`);
    return 2;
  }
  const read = await readSources(positionals);
  if (!read.ok) {
    for (const problem of read.problems) log(problem);
    return 2;
  }
  const merged = loadSources(read.sources);
  for (const issue of merged.issues) log(formatIssue(issue));
  if (hasErrors(merged.issues)) return 1;
  const files = modelToIdl(merged.model);
  if (values.out === undefined) {
    if (files.length > 1) {
      log(`sjc idl: the model has ${files.length} namespaces; give --out DIR to write one file each`);
      return 2;
    }
    process.stdout.write(files[0]!.text);
    return 0;
  }
  await mkdir(values.out, { recursive: true });
  for (const file of files) await writeFile(join(values.out, file.path), file.text);
  log(`sjc idl: wrote ${files.map((f) => join(values.out!, f.path)).join(", ")}`);
  return 0;
}
