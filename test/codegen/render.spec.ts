/**
 * Rendering: ts-morph's structure printer gives the text a ts-morph source
 * file would have, and formatting on worker threads gives the bytes that
 * formatting in this thread gives, whatever the order the jobs finish in.
 */
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { Project, StructureKind, printStructure } from "ts-morph";
import { generate } from "../../codegen/pipeline.js";
import { emitTypes } from "../../codegen/emit/emit-types.js";
import { emitSchema } from "../../codegen/emit/emit-schema.js";
import { emitValidators } from "../../codegen/emit/emit-validators.js";
import { emitServer } from "../../codegen/emit/emit-server.js";
import { emitProtocolTests } from "../../codegen/emit/emit-protocol-tests.js";
import type { GeneratedFile } from "../../codegen/emit/generated-file.js";
import { FormatPool } from "../../codegen/render/format-pool.js";
import { renderFiles } from "../../codegen/render/render-files.js";
import { parseModel } from "../../codegen/load/parse-model.js";
import { flattenModel } from "../../codegen/index/flatten.js";
import { buildShapeIndex } from "../../codegen/index/shape-index.js";
import { ROOT } from "./helpers.js";

const INFO = { modelPath: "model/ssm.json", command: "npm run generate" };

async function ssmFiles(): Promise<GeneratedFile[]> {
  const parsed = parseModel(await readFile(join(ROOT, "model/ssm.json"), "utf8"), "model/ssm.json");
  const { model } = flattenModel(parsed.model.shapes, "model/ssm.json");
  const index = buildShapeIndex(model, "com.amazonaws.ssm#AmazonSSM");
  return [
    emitTypes(index),
    ...emitSchema(index),
    ...emitValidators(index),
    emitServer(index),
    ...emitProtocolTests(index, {}),
  ];
}

describe("rendering", function () {
  this.timeout(60_000);

  it("prints each structure as the text of a ts-morph source file made from it", async () => {
    const project = new Project({ useInMemoryFileSystem: true, skipLoadingLibFiles: true });
    let compared = 0;
    for (const file of await ssmFiles()) {
      if (file.kind !== "typescript") continue;
      const structure = { statements: [...file.statements] };
      const parsed = project.createSourceFile(file.path, structure, { overwrite: true }).getFullText();
      assert.equal(printStructure({ kind: StructureKind.SourceFile, ...structure }), parsed, file.path);
      compared++;
    }
    assert.ok(compared >= 4);
  });

  it("formats on worker threads (and this thread, when a core is spare) exactly as in this thread alone, and returns the files in the order given", async () => {
    const files = await ssmFiles();
    const here = await renderFiles(files, INFO);
    assert.deepEqual(
      here.map((f) => f.path),
      files.map((f) => f.path),
    );
    for (const threads of [1, 2]) {
      const pool = new FormatPool(threads);
      try {
        assert.deepEqual(await renderFiles(files, INFO, pool), here, `${threads} worker(s)`);
      } finally {
        await pool.close();
      }
    }
  });

  it("a pipeline run on a shared formatter gives the bytes of a run on its own", async () => {
    const text = await readFile(join(ROOT, "model/ssm.json"), "utf8");
    const options = {
      modelPath: "model/ssm.json",
      command: "npx sjc generate",
    };
    const own = await generate(text, options);
    const pool = new FormatPool(2);
    try {
      const shared = await generate(text, { ...options, formatter: pool });
      assert.ok(own.ok && shared.ok);
      assert.deepEqual(shared.files, own.files);
    } finally {
      await pool.close();
    }
  });

  it("reports what prettier cannot format, naming the file, and fails jobs left when closed", async () => {
    const pool = new FormatPool(1);
    try {
      await assert.rejects(
        pool.format({ path: "src/broken.ts", text: "export const = ;\n", parser: "babel-ts" }),
        /prettier failed on src\/broken\.ts/,
      );
      const ok = await pool.format({ path: "a.json", text: '{"a":1}', parser: "json" });
      assert.equal(ok, '{ "a": 1 }\n');
      const pending = assert.rejects(
        pool.format({ path: "late.ts", text: "export {};\n", parser: "babel-ts" }),
        /closed/,
      );
      const queued = assert.rejects(
        pool.format({ path: "later.ts", text: "export {};\n", parser: "babel-ts" }),
        /closed/,
      );
      await pool.close();
      await pending;
      await queued;
      await assert.rejects(pool.format({ path: "after.ts", text: "export {};\n", parser: "babel-ts" }), /closed/);
    } finally {
      await pool.close();
    }
  });
});
