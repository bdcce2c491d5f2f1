/** IDL problems as issues: `file:line:col`, with the source line and a caret under the column. */
import { type Issue, modelIssue } from "../../validate/issue.js";
import type { LineIndex } from "./line-index.js";

export function idlLocation(path: string, lines: LineIndex, offset: number): string {
  const { line, column } = lines.locate(Math.max(0, offset));
  return `${path}:${line}:${column}`;
}

export function idlIssue(path: string, lines: LineIndex, offset: number, message: string, shapeId: string): Issue {
  const text = lines.text;
  const at = Math.max(0, Math.min(offset, text.length));
  const { line, column, lineStart } = lines.locate(at);
  const end = text.indexOf("\n", lineStart);
  const source = text.slice(lineStart, end < 0 ? text.length : end).replace(/\r$/, "");
  const caret = `${source.slice(0, column - 1).replace(/[^\t]/g, " ")}^`;
  return { ...modelIssue(shapeId, "-", message, `${path}:${line}:${column}`, ""), excerpt: `${source}\n${caret}` };
}
