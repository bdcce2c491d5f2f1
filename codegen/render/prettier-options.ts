/** The one prettier configuration of generated code. */
import type { Options } from "prettier";

export const PRETTIER_OPTIONS: Options = { printWidth: 100, trailingComma: "all" };
