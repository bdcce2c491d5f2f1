/** The one prettier configuration of generated code. */
import type { Options } from "prettier";

export const PRETTIER_OPTIONS: Options = { printWidth: 100, trailingComma: "all" };

/**
 * The parser that formats generated TypeScript: prettier's Babel one. On the
 * generated code it gives the bytes that the `typescript` parser (the one
 * prettier's CLI picks for `.ts` files) gives, in about two thirds of the time
 * and with a tenth of the code to load; the tests check every generated file
 * with the `typescript` parser.
 */
export const TYPESCRIPT_PARSER = "babel-ts";
