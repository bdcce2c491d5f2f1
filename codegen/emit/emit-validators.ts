/**
 * Validators, compiled by ajv at generation time into standalone code: no
 * schema is compiled at run time. Emits the compiled module (a plain ES
 * module, so browsers and bundlers load it as they are), its declarations,
 * a typed wrapper with one validator per operation input and output, and the
 * schemas themselves as a JSON data file.
 */
import { createRequire } from "node:module";
import type { StatementStructures } from "ts-morph";
import { tsMorph } from "../ts-morph.js";
import type { ShapeIndex } from "../index/shape-index.js";
import { type GeneratedModule, importSpecifier } from "../index/names.js";
import type { GeneratedFile } from "./generated-file.js";
import { Imports } from "./imports.js";
import { buildDefinitions, definitionRef, rewrittenPatterns, type JsonSchema } from "./json-schema.js";
import { RT } from "./runtime-symbols.js";
import { tsDoc } from "./docs.js";

const { StructureKind, VariableDeclarationKind } = tsMorph();

/** Where the serde schema lives; the validators read it to word member paths. */

interface AjvModules {
  readonly Ajv: typeof import("ajv").Ajv;
  readonly standaloneCode: typeof import("ajv/dist/standalone/index.js").default;
}
let ajvModules: AjvModules | undefined;

/**
 * ajv, loaded on first use rather than with this module: the pipeline hands
 * the protocol tests to the formatter before it emits validators, so ajv's
 * load overlaps with formatting instead of delaying it. (`require`, as ajv is
 * CommonJS: its default exports need no unwrapping.)
 */
function loadAjv(): AjvModules {
  const require = createRequire(import.meta.url);
  return (ajvModules ??= {
    Ajv: (require("ajv") as typeof import("ajv")).Ajv,
    standaloneCode: (require("ajv/dist/standalone/index.js") as typeof import("ajv/dist/standalone/index.js")).default,
  });
}

/**
 * Hack, on purpose: ajv's standalone code counts code points with a helper
 * that walks every string character by character (most of a validation's
 * time). It is swapped for one with the same result that lets the regex
 * engine find surrogate pairs, and is plain `.length` without them. ajv has no
 * option for this; the textual swap is checked by the validator tests.
 */
const AJV_UCS2LENGTH = 'require("ajv/dist/runtime/ucs2length").default';
const CODE_POINT_LENGTH = "((s) => s.length - (s.match(/[\\uD800-\\uDBFF][\\uDC00-\\uDFFF]/g)?.length ?? 0))";

/**
 * ajv's standalone code `require`s its runtime helpers even as an ES module.
 * Its deep equality (enums and unique items of non-scalars) is ajv's own
 * dependency, fast-deep-equal, which @sjc/runtime exports as `deepEqual`.
 */
const AJV_EQUAL = 'require("ajv/dist/runtime/equal").default';
const DEEP_EQUAL = "$deepEqual";
const DEEP_EQUAL_IMPORT = 'import { deepEqual as $deepEqual } from "@sjc/runtime";';

/** ajv's standalone ES module, with its helpers as imports or inline code; throws on a helper it cannot place. */
function compiledModule(code: string): string {
  const esm = code.replaceAll(AJV_UCS2LENGTH, CODE_POINT_LENGTH).replaceAll(AJV_EQUAL, DEEP_EQUAL);
  const leftover = /require\("[^"]*"\)/.exec(esm);
  if (leftover) throw new Error(`ajv's standalone code needs ${leftover[0]}, which emit-validators cannot place`);
  return esm.includes(DEEP_EQUAL) ? `${DEEP_EQUAL_IMPORT}\n${esm}` : esm;
}

export function emitValidators(index: ShapeIndex): GeneratedFile[] {
  const schemaId = `https://sjc.local/${index.names.service.folder}/shapes.schema.json`;
  const root: JsonSchema = {
    $schema: "http://json-schema.org/draft-07/schema#",
    $id: schemaId,
    title: `${index.service.sdkId} shapes`,
    definitions: buildDefinitions(index),
  };
  // Error objects stay lean (no messages, no schema copies): the runtime words
  // the messages and reads values from the validated data itself.
  // ownProperties: a member named like an Object.prototype property (`constructor`) is absent unless set.
  // strictTypes off: a member's own constraints sit in an `allOf` beside the `$ref` that gives its type,
  // which ajv's strict mode would log as a missing type on every such member.
  const { Ajv, standaloneCode } = loadAjv();
  const ajv = new Ajv({
    allErrors: true,
    strictTypes: false,
    messages: false,
    strictNumbers: false,
    ownProperties: true,
    code: { source: true, lines: true, esm: true },
  });
  ajv.addSchema(root);
  const exports: Record<string, string> = {};
  for (const op of index.operations) {
    const names = index.names.operation(op.name);
    for (const [id, name] of [
      [op.input, names.validateInput],
      [op.output, names.validateOutput],
    ] as const) {
      if (id) exports[name] = `${schemaId}${definitionRef(index.names.shape(id)).$ref}`;
    }
  }
  const { modules } = index.names;
  const schemaFile: GeneratedFile = {
    kind: "json",
    path: modules.jsonSchema.path,
    value: root,
  };
  // A service whose operations all take and return Unit has nothing to compile.
  if (Object.keys(exports).length === 0) return [schemaFile, wrapper(index, [], {})];
  const compiled = compiledModule(standaloneOnce(exports, (unique) => standaloneCode(ajv, unique)));
  return [
    schemaFile,
    {
      kind: "text",
      path: modules.compiledValidators.path,
      text: `// Compiled by ajv from ${modules.jsonSchema.path}: machine output, not formatted.\n${compiled}\n`,
    },
    {
      kind: "text",
      path: modules.compiledValidatorTypes.path,
      text: [
        "// Types of the ajv standalone validators beside this file.",
        'type CompiledValidator = import("@sjc/runtime").CompiledValidator;',
        ...Object.keys(exports).map((name) => `export declare const ${name}: CompiledValidator;`),
        "",
      ].join("\n"),
    },
    wrapper(index, Object.keys(exports), rewrittenPatterns(index)),
  ];
}

/**
 * ajv writes a validator's function once per export that names it, so two
 * exports of one schema (an operation whose input and output are the same
 * shape) would declare it twice, which an ES module refuses. The first
 * export of each schema is compiled; the others alias it.
 */
function standaloneOnce(
  exports: Readonly<Record<string, string>>,
  compile: (unique: Record<string, string>) => string,
): string {
  const firstOfSchema = new Map<string, string>();
  const unique: Record<string, string> = {};
  const aliases: string[] = [];
  for (const [name, ref] of Object.entries(exports)) {
    const first = firstOfSchema.get(ref);
    if (first === undefined) {
      firstOfSchema.set(ref, name);
      unique[name] = ref;
    } else aliases.push(`export const ${name} = ${first};`);
  }
  return [compile(unique), ...aliases].join("\n");
}

function wrapper(
  index: ShapeIndex,
  compiledNames: readonly string[],
  patterns: Readonly<Record<string, string>>,
): GeneratedFile {
  const { service, modules } = index.names;
  const imports = new Imports(modules.validators);
  const available = new Set(compiledNames);
  const fromCompiled = available.size ? imports.use(RT.fromCompiled) : "";
  const description = imports.use(RT.ServiceDescription);
  const statements: StatementStructures[] = [];
  const entries: string[] = [];
  const hasPatterns = Object.keys(patterns).length > 0;
  if (hasPatterns) {
    statements.push({
      kind: StructureKind.VariableStatement,
      declarationKind: VariableDeclarationKind.Const,
      docs: tsDoc({}, ["Patterns rewritten for ECMAScript, mapped back to the model's spelling for messages."]),
      declarations: [{ name: "modelPatterns", initializer: JSON.stringify(patterns, null, 2) }],
    });
  }
  for (const op of index.operations) {
    const { validateInput, validateOutput } = index.names.operation(op.name);
    const names = [validateInput, validateOutput];
    for (const [i, name] of names.entries()) {
      const side = i === 0 ? "input" : "output";
      statements.push({
        kind: StructureKind.VariableStatement,
        isExported: true,
        declarationKind: VariableDeclarationKind.Const,
        docs: tsDoc({}, [
          `Checks a typed ${side} of ${op.name} against the model's constraints; returns the failures (empty when valid).`,
        ]),
        declarations: [
          {
            name,
            initializer: available.has(name)
              ? `${fromCompiled}(compiled.${name}, { schema: ${imports.from(modules.schema, service.serviceSchema)}, shape: ${JSON.stringify(op[side])}${hasPatterns ? ", patterns: modelPatterns" : ""} })`
              : "() => []",
          },
        ],
      });
    }
    entries.push(`${op.name}: { input: ${names[0]}, output: ${names[1]} },`);
  }
  statements.push({
    kind: StructureKind.VariableStatement,
    isExported: true,
    declarationKind: VariableDeclarationKind.Const,
    docs: tsDoc({}, ["Validators of every operation, keyed by operation name."]),
    declarations: [
      { name: service.validators, type: `${description}["validators"]`, initializer: `{\n${entries.join("\n")}\n}` },
    ],
  });
  return {
    kind: "typescript",
    path: modules.validators.path,
    statements: [
      ...imports.declarations(),
      ...(available.size ? [importCompiled(modules.validators, modules.compiledValidators)] : []),
      ...statements,
    ],
  };
}

/** `import * as compiled from "../validators/compiled.js"`. */
function importCompiled(from: GeneratedModule, compiled: GeneratedModule): StatementStructures {
  return {
    kind: StructureKind.ImportDeclaration,
    moduleSpecifier: importSpecifier(from, compiled),
    namespaceImport: "compiled",
  };
}
