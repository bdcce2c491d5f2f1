/**
 * ts-morph, required on first use. Its types come from "ts-morph" itself,
 * with `import type`.
 *
 * ts-morph is CommonJS. An ESM `import` of it makes node scan its source for
 * export names (cjs-module-lexer) and detect its module format before running
 * it, about 0.3 s of every generator run; `require` loads the same module
 * without either. Loading it on first use lets a run start formatting the
 * protocol tests, which are written as text, while ts-morph (and the
 * TypeScript compiler inside it) loads. (A single `import ... from "ts-morph"`
 * anywhere in the generator brings the load back to the start.)
 */
import { createRequire } from "node:module";

let loaded: typeof import("ts-morph") | undefined;

export function tsMorph(): typeof import("ts-morph") {
  return (loaded ??= createRequire(import.meta.url)("ts-morph") as typeof import("ts-morph"));
}
