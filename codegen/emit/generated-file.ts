/** A file an emitter produces, before rendering. */
import type { StatementStructures } from "ts-morph";

export type GeneratedFile =
  /** TypeScript built from ts-morph structures; rendered, formatted, headed. */
  | { readonly kind: "typescript"; readonly path: string; readonly statements: readonly StatementStructures[] }
  /** JavaScript or JSON text produced by a library (ajv), formatted and headed where the format allows. */
  | { readonly kind: "javascript" | "json" | "text"; readonly path: string; readonly text: string };
