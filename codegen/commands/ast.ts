/**
 * `sjc ast SOURCES… [--out FILE] [--flatten]`: the merged model as Smithy 2.0
 * JSON AST, shapes sorted by id, mixins kept as written unless `--flatten`.
 */
import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import type { AstModel, AstShape } from "../load/ast.js";
import { loadSources } from "../load/load-sources.js";
import { flattenModel } from "../index/flatten.js";
import { formatIssue, hasErrors } from "../validate/issue.js";
import { readSources } from "./read-sources.js";
import { AST_USAGE } from "./usage.js";

/** `log` receives every line meant for standard error. */
export async function runAst(argv: readonly string[], log: (line: string) => void = console.error): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { out: { type: "string" }, flatten: { type: "boolean", default: false }, help: { type: "boolean" } },
    });
  } catch (error) {
    log(`sjc ast: ${(error as Error).message}\n\n${AST_USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(AST_USAGE);
    return 0;
  }
  if (positionals.length === 0) {
    log(`sjc ast: name at least one model file or folder\n\n${AST_USAGE}`);
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
  let model = merged.model;
  if (values.flatten) {
    const flat = flattenModel(model.shapes, read.sources[0]!.path);
    for (const issue of flat.issues) log(formatIssue(issue));
    if (hasErrors(flat.issues)) return 1;
    model = { ...model, shapes: Object.fromEntries(flat.model.own.map((id) => [id, flat.model.shapes.get(id)!])) };
  }
  const text = `${JSON.stringify(sortedModel(model), null, 4)}\n`;
  if (values.out === undefined) process.stdout.write(text);
  else await writeFile(values.out, text);
  return 0;
}

/** `smithy`, `metadata` (sorted keys), then `shapes` sorted by id. */
function sortedModel(model: AstModel): AstModel {
  const shapes: Record<string, AstShape> = {};
  for (const id of Object.keys(model.shapes).sort()) shapes[id] = model.shapes[id]!;
  const metadata =
    model.metadata && Object.fromEntries(Object.entries(model.metadata).sort(([a], [b]) => (a < b ? -1 : 1)));
  return { smithy: "2.0", ...(metadata ? { metadata } : {}), shapes };
}
