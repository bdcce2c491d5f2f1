/** Parses model text into the JSON AST; syntax errors carry line and column. */
import { createRequire } from "node:module";
import type { ParseError } from "jsonc-parser";
import type { AstModel } from "./ast.js";
import { type Issue, modelIssue } from "../validate/issue.js";

export type ParseResult = { readonly model: AstModel; readonly issues: readonly Issue[] };

export function parseModel(text: string, file: string): ParseResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return failed(syntaxIssue(text, file));
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    return failed(modelIssue("-", "-", "the model must be a JSON object with `smithy` and `shapes`", file, ""));
  }
  const model = json as Partial<AstModel>;
  if (typeof model.smithy !== "string" || !/^2(\.0)?$/.test(model.smithy)) {
    return failed(
      modelIssue(
        "-",
        "-",
        `expected "smithy": "2.0", found ${JSON.stringify(model.smithy)}`,
        file,
        "/smithy",
        "convert Smithy 1.0 models to 2.0 first",
      ),
    );
  }
  if (typeof model.shapes !== "object" || model.shapes === null || Array.isArray(model.shapes)) {
    return failed(modelIssue("-", "-", "`shapes` must be an object keyed by absolute shape id", file, "/shapes"));
  }
  return { model: model as AstModel, issues: [] };
}

function failed(issue: Issue): ParseResult {
  return { model: { smithy: "2.0", shapes: {} }, issues: [issue] };
}

/**
 * Locates the first syntax error with a tolerant parser (JSON.parse does not
 * say where). The parser is loaded here, when a model is broken, not on every run.
 */
function syntaxIssue(text: string, file: string): Issue {
  const jsonc = createRequire(import.meta.url)("jsonc-parser") as typeof import("jsonc-parser");
  const { parse: parseTolerant, printParseErrorCode } = jsonc;
  const errors: ParseError[] = [];
  parseTolerant(text, errors, { disallowComments: true, allowTrailingComma: false });
  const first = errors[0];
  const offset = first?.offset ?? text.length;
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  const column = offset - before.lastIndexOf("\n");
  const what = first ? printParseErrorCode(first.error) : "unexpected end of input";
  return modelIssue(
    "-",
    "-",
    `invalid JSON: ${what} at line ${line}, column ${column}`,
    `${file}:${line}:${column}`,
    "",
  );
}
