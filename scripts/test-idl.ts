/**
 * `npm run test:idl`: the IDL loader against Smithy's own loader tests
 * (`../shared/smithy-idl`): each valid `X.smithy` must load to the model of
 * `X.json` (both with `__shared.json`); each invalid file must be rejected, at
 * the line and column its first line states, or naming the shape id it states.
 * Known misses are listed, with reasons, in `expected-failures.json`; an entry
 * that passes is a failure. Ends with `N passed, M failed, K skipped`.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { loadSources, type ModelSource } from "../codegen/load/load-sources.js";
import { modelDifferences } from "../codegen/load/compare-models.js";
import type { Issue } from "../codegen/validate/issue.js";
import { roundTripCases } from "./test-idl/round-trips.js";

const ROOT = resolve(fileURLToPath(import.meta.url), "../..");
const CORPUS = resolve(ROOT, "../shared/smithy-idl");
const EXPECTED_FAILURES: Readonly<Record<string, string>> = JSON.parse(
  readFileSync(join(ROOT, "scripts/test-idl/expected-failures.json"), "utf8"),
);

export interface CaseResult {
  readonly name: string;
  /** Why it failed; undefined when it passed. */
  readonly failure?: string;
}

const results: CaseResult[] = [...validCases(), ...invalidCases(), ...roundTripCases(ROOT)];
let passed = 0;
let failed = 0;
let skipped = 0;
for (const { name, failure } of results) {
  const expected = EXPECTED_FAILURES[name];
  if (failure === undefined && expected === undefined) passed++;
  else if (failure !== undefined && expected !== undefined) skipped++;
  else {
    failed++;
    console.log(`FAIL ${name}: ${failure ?? `passes, but expected-failures.json lists it (${expected})`}`);
  }
}
for (const name of Object.keys(EXPECTED_FAILURES)) {
  if (!results.some((r) => r.name === name)) {
    failed++;
    console.log(`FAIL ${name}: listed in expected-failures.json, but no such case`);
  }
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exitCode = failed > 0 ? 1 : 0;

function source(path: string): ModelSource {
  return { path: relative(CORPUS, path), text: readFileSync(path, "utf8") };
}

/** A JSON AST file of the corpus, its Smithy 1.0 version read as 2.0 (the IDL side keeps its own rules). */
function jsonSource(path: string): ModelSource {
  const text = readFileSync(path, "utf8").replace(/"smithy"\s*:\s*"1(\.0)?"/, '"smithy": "2.0"');
  return {
    path: relative(CORPUS, path),
    text: /"shapes"\s*:/.test(text) ? text : text.replace(/\}\s*$/, ', "shapes": {} }'),
  };
}

function validCases(): CaseResult[] {
  const dir = join(CORPUS, "valid");
  const shared = jsonSource(join(dir, "__shared.json"));
  return files(dir)
    .filter((path) => path.endsWith(".smithy") && !path.endsWith(".flattened.smithy"))
    .map((path) => {
      const name = relative(CORPUS, path);
      const idl = loadSources([shared, source(path)]);
      const errors = idl.issues.filter((i) => i.severity === "ERROR");
      if (errors.length > 0) return { name, failure: `rejected: ${errors.map(brief).join("; ")}` };
      const jsonPath = path.replace(/\.smithy$/, ".json");
      if (!exists(jsonPath)) return { name };
      const json = loadSources([shared, jsonSource(jsonPath)]);
      if (json.issues.length > 0) return { name, failure: `the JSON side fails: ${json.issues.map(brief).join("; ")}` };
      const differences = modelDifferences(idl.model, json.model);
      return differences.length === 0 ? { name } : { name, failure: differences.slice(0, 3).join("\n    ") };
    });
}

function invalidCases(): CaseResult[] {
  return files(join(CORPUS, "invalid"))
    .filter((path) => path.endsWith(".smithy"))
    .map((path) => {
      const name = relative(CORPUS, path);
      const file = source(path);
      const statement = file.text.split("\n", 1)[0]!;
      const errors = loadSources([file]).issues.filter((i) => i.severity === "ERROR");
      if (errors.length === 0) return { name, failure: `accepted; expected ${statement}` };
      const position = /line (\d+), column (\d+)/.exec(statement);
      const shapeId = /[A-Za-z_][\w.]*#[\w$]+/.exec(statement)?.[0];
      const ok = position
        ? errors.some((i) => i.file === `${file.path}:${position[1]}:${position[2]}`)
        : shapeId
          ? errors.some((i) => i.shapeId === shapeId || i.message.includes(shapeId))
          : true;
      return ok ? { name } : { name, failure: `expected ${statement}; got ${errors.map(brief).join("; ")}` };
    });
}

function brief(issue: Issue): string {
  return `${issue.file} ${issue.shapeId} ${issue.message}`;
}

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((entry) => (entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)]));
}

function exists(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
