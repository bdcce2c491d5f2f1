/**
 * The values the generator takes from ts-morph, loaded with `require`; its
 * types come from "ts-morph" itself, with `import type`.
 *
 * ts-morph is CommonJS. An ESM `import` of it makes node scan its source for
 * export names (cjs-module-lexer) and detect its module format before running
 * it, about 0.3 s of every generator run; `require` loads the same module
 * without either. (A single `import ... from "ts-morph"` anywhere in the
 * generator brings that cost back.)
 */
import { createRequire } from "node:module";

const tsMorph = createRequire(import.meta.url)("ts-morph") as typeof import("ts-morph");

export const { Scope, StructureKind, VariableDeclarationKind, printStructure } = tsMorph;
