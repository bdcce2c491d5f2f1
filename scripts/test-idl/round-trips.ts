/**
 * Round trips for `test:idl`: a JSON AST model, written as IDL by `sjc idl`'s
 * writer and loaded back, must be the same model.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { loadSources } from "../../codegen/load/load-sources.js";
import { modelDifferences } from "../../codegen/load/compare-models.js";
import { modelToIdl } from "../../codegen/idl-writer/write-idl.js";
import type { CaseResult } from "../test-idl.js";

export function roundTripCases(root: string): CaseResult[] {
  const shared = join(root, "../shared");
  const conformance = join(shared, "conformance");
  const models = [
    join(root, "model/ssm.json"),
    join(shared, "models/ssm-2014-11-06.json"),
    ...readdirSync(conformance)
      .filter((name) => name.endsWith(".json"))
      .sort()
      .map((name) => join(conformance, name)),
  ];
  return models.map((path) => roundTrip(relative(shared, path), readFileSync(path, "utf8")));
}

function roundTrip(name: string, text: string): CaseResult {
  const label = `round-trip ${name}`;
  const json = loadSources([{ path: name, text }]);
  if (json.issues.length > 0) return { name: label, failure: `the JSON does not load: ${json.issues[0]!.message}` };
  const files = modelToIdl(json.model);
  const idl = loadSources(files.map((file) => ({ path: file.path, text: file.text })));
  const errors = idl.issues.filter((issue) => issue.severity === "ERROR");
  if (errors.length > 0)
    return {
      name: label,
      failure: `the IDL does not load: ${errors
        .slice(0, 3)
        .map((e) => `${e.file} ${e.message}`)
        .join("; ")}`,
    };
  const differences = modelDifferences(idl.model, json.model);
  return differences.length === 0 ? { name: label } : { name: label, failure: differences.slice(0, 3).join("\n    ") };
}
