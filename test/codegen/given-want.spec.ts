/**
 * Given/want, one folder per feature under test/codegen/given-want/: a tiny
 * model (`model.smithy`) in, and under `want/` the exact text of the
 * generated files that show the feature (by their path in the package, e.g.
 * `want/src/models.ts`, `want/schemas/shapes.schema.json`). Each case
 * generates in-process and compares file by file.
 *
 * After a deliberate generator change, refresh the expected files with
 * `SJC_UPDATE_GIVEN_WANT=1 npx mocha test/codegen/given-want.spec.ts`, and
 * review the diff before committing it.
 */
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { loadModel } from "../../codegen/load/load-model.js";
import { validateModel } from "../../codegen/validate/validate-model.js";
import { formatIssue, hasErrors } from "../../codegen/validate/issue.js";
import { buildShapeIndex } from "../../codegen/index/shape-index.js";
import { emitTypes } from "../../codegen/emit/emit-types.js";
import { emitSchema } from "../../codegen/emit/emit-schema.js";
import { emitValidators } from "../../codegen/emit/emit-validators.js";
import { renderFiles } from "../../codegen/render/render-files.js";
import { REGENERATE_COMMAND } from "../../codegen/commands/usage.js";
import { ROOT } from "./helpers.js";

const CASES = join(ROOT, "test/codegen/given-want");
const UPDATE = process.env.SJC_UPDATE_GIVEN_WANT === "1";
/** Written for a new case that has no `want/` yet, when refreshing. */
const DEFAULT_WANT = ["src/models.ts"];

/** The features covered, one folder each; a folder missing or unlisted fails. */
const FEATURES = [
  "structure",
  "union",
  "enum",
  "list-and-map",
  "simple-types",
  "length",
  "range",
  "pattern",
  "unique-items",
  "required",
  "sparse",
  "defaults",
  "errors",
  "deprecated",
  "name-clashes",
  "documentation-escapes",
];

/** The generated files of a model at `paths` (types, schema and validator modules), rendered, by path. */
async function generateFiles(modelPath: string, paths: readonly string[]): Promise<Map<string, string>> {
  const sources = [{ path: relative(ROOT, modelPath), text: readFileSync(modelPath, "utf8") }];
  const loaded = loadModel(sources, sources[0]!.path);
  assert.ok(loaded.ok, loaded.ok ? "" : loaded.issues.map(formatIssue).join("\n"));
  const { issues, serviceId } = validateModel(loaded.model, { file: sources[0]!.path });
  assert.ok(!hasErrors(issues) && serviceId, issues.map(formatIssue).join("\n"));
  const index = buildShapeIndex(loaded.model, serviceId);
  const files = [emitTypes(index), ...emitSchema(index), ...emitValidators(index)].filter((f) =>
    paths.includes(f.path),
  );
  const rendered = await renderFiles(files, { modelPath: sources[0]!.path, command: REGENERATE_COMMAND });
  return new Map(rendered.map((file) => [file.path, file.text]));
}

function wantedFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

describe("given/want: a tiny model per feature, the exact generated code", function () {
  this.timeout(60_000);

  it("has a folder for every listed feature and lists every folder", () => {
    const folders = readdirSync(CASES, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    assert.deepEqual(folders, [...FEATURES].sort());
  });

  for (const feature of FEATURES) {
    it(feature, async () => {
      const dir = join(CASES, feature);
      const wantDir = join(dir, "want");
      let wanted = wantedFiles(wantDir);
      if (UPDATE && wanted.length === 0) wanted = DEFAULT_WANT;
      const generated = await generateFiles(join(dir, "model.smithy"), wanted);
      if (UPDATE) {
        for (const path of wanted) {
          mkdirSync(dirname(join(wantDir, path)), { recursive: true });
          writeFileSync(join(wantDir, path), generated.get(path) ?? "");
        }
      }
      assert.ok(wanted.length > 0, `${feature}/want/ holds no expected file`);
      for (const path of wanted) {
        const text = generated.get(path);
        assert.ok(text !== undefined, `${feature}/want/${path}: the generator makes no such file`);
        assert.equal(text, readFileSync(join(wantDir, path), "utf8"), `${feature}: ${path} differs from want/${path}`);
      }
    });
  }
});
