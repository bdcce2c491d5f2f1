/** A file an emitter produces, before rendering. */
import type { StatementStructures } from "ts-morph";

export type GeneratedFile =
  /** TypeScript built from ts-morph structures; rendered, formatted, headed. */
  | { readonly kind: "typescript"; readonly path: string; readonly statements: readonly StatementStructures[] }
  /** TypeScript written as text (no ts-morph needed); formatted and headed like the above. */
  | { readonly kind: "typescript-text"; readonly path: string; readonly text: string }
  /** JSON data, laid out as prettier formats it. */
  | { readonly kind: "json"; readonly path: string; readonly value: unknown }
  /**
   * Text written as given, after the header: declarations written line by
   * line, and machine output (ajv's compiled validators, one statement per
   * line) that is not meant to be read or formatted.
   */
  | { readonly kind: "text"; readonly path: string; readonly text: string }
  /** Markdown, formatted by prettier, after the header as an HTML comment. */
  | { readonly kind: "markdown"; readonly path: string; readonly text: string }
  /** Data written exactly as given: no header, no formatting (the model record). */
  | { readonly kind: "data"; readonly path: string; readonly text: string };
