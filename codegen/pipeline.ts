/**
 * The generator as a pure function of the model text: load (JSON AST or IDL) → flatten →
 * validate → index → emit → render. No file is read or written here.
 */
import { type ModelSource, loadModel } from "./load/load-model.js";
import { validateModel } from "./validate/validate-model.js";
import { type Issue, hasErrors, sortIssues } from "./validate/issue.js";
import { buildShapeIndex, type ShapeIndex } from "./index/shape-index.js";
import type { PackageOptions } from "./emit/emit-package.js";
import { emitProtocolTests } from "./emit/emit-protocol-tests.js";
import { emitModelRecord } from "./emit/emit-model-record.js";
import { emitEndpointTests } from "./emit/emit-endpoint-tests.js";
import { emitEndpoints } from "./emit/emit-endpoints.js";
import type { SkipList } from "./emit/protocol-tests/skips.js";
import type { GeneratedFile } from "./emit/generated-file.js";
import { type RenderedFile, Renderer } from "./render/render-files.js";
import type { FormatPool } from "./render/format-pool.js";

export interface GenerateOptions extends PackageOptions {
  /**
   * The model's path as the user named it, for headers; with several sources,
   * their paths joined. Issues name the file of the shape they concern.
   */
  readonly modelPath: string;
  /** Absolute id of the service, when the model has several. */
  readonly service?: string;
  /** Known conformance skips with their reasons (`codegen/conformance-skips.json`). */
  readonly skips?: SkipList;
  /**
   * Formats the output; the caller closes it. Without it, rendering starts
   * and closes a pool of its own, sized by how much there is to format.
   */
  readonly formatter?: FormatPool;
}

export type Progress = (step: string, detail: string) => void;

export type GenerateResult =
  | {
      readonly ok: true;
      readonly files: readonly RenderedFile[];
      readonly index: ShapeIndex;
      readonly issues: readonly Issue[];
    }
  | { readonly ok: false; readonly issues: readonly Issue[] };

export type { ModelSource };

/** One model file; `options.modelPath` names it. */
export function generate(text: string, options: GenerateOptions, progress?: Progress): Promise<GenerateResult> {
  return generateModels([{ path: options.modelPath, text }], options, progress);
}

/** Several model files as one model (smithy-build.json `sources` and `imports`). */
export async function generateModels(
  sources: readonly ModelSource[],
  options: GenerateOptions,
  progress: Progress = () => {},
): Promise<GenerateResult> {
  const loaded = loadModel(sources, options.modelPath);
  if (!loaded.ok) return { ok: false, issues: loaded.issues };
  const { model } = loaded;
  progress("load", `${model.own.length} shapes`);
  const located = (list: readonly Issue[]) =>
    list.map((issue) => (issue.file === options.modelPath ? { ...issue, file: loaded.fileOf(issue.shapeId) } : issue));
  const validation = validateModel(model, {
    file: options.modelPath,
    ...(options.service ? { service: options.service } : {}),
  });
  const issues = sortIssues([...loaded.issues, ...located(validation.issues)]);
  progress(
    "validate",
    `${issues.filter((i) => i.severity === "ERROR").length} errors, ${issues.length - issues.filter((i) => i.severity === "ERROR").length} warnings`,
  );
  if (hasErrors(issues)) return { ok: false, issues };
  const index = buildShapeIndex(model, validation.serviceId!);
  progress("index", `${index.operations.length} operations, ${index.shapes.length} shapes in the service closure`);
  const renderer = new Renderer({ modelPath: options.modelPath, command: options.command }, options.formatter);
  // Each file goes to the formatter as soon as it is emitted, and formats while the next are
  // emitted. The protocol tests go first: the largest file to format, and quick to emit.
  const add = (emitted: GeneratedFile | GeneratedFile[]): GeneratedFile[] => {
    const list = [emitted].flat();
    renderer.add(list);
    return list;
  };
  const record = emitModelRecord(model, loaded.metadata);
  let files: GeneratedFile[];
  try {
    const tests = add([...emitProtocolTests(index, options.skips ?? {}), ...emitEndpointTests(index)]);
    const [types, schema, validators, client, server, pkg] = await structureEmitters();
    files = [
      ...add(types.emitTypes(index)),
      ...add(schema.emitSchema(index)),
      ...add(emitEndpoints(index)),
      ...add(validators.emitValidators(index)),
      ...add(client.emitClient(index)),
      ...add(server.emitServer(index)),
      ...tests,
      ...add(record.file),
      ...add(pkg.emitPackage(index, options, tests.length > 0, record.sha256)),
    ];
  } catch (error) {
    await renderer.close();
    throw error;
  }
  progress("emit", `${files.length} files`);
  const rendered = await renderer.finish(files);
  progress("render", `${rendered.length} files formatted`);
  return { ok: true, files: rendered, index, issues };
}

/**
 * The emitters that build ts-morph structures, loaded (and ts-morph with
 * them) only once the protocol tests, written as text, are formatting.
 */
function structureEmitters() {
  return Promise.all([
    import("./emit/emit-types.js"),
    import("./emit/emit-schema.js"),
    import("./emit/emit-validators.js"),
    import("./emit/emit-client.js"),
    import("./emit/emit-server.js"),
    import("./emit/emit-package.js"),
  ]);
}
