/** IDL problems as issues: `file:line:col`, with the source line and a caret under the column. */
import { type Issue, modelIssue } from "../../validate/issue.js";

export function idlLocation(path: string, text: string, offset: number): string {
  const { line, column } = lineAndColumn(text, offset);
  return `${path}:${line}:${column}`;
}

export function idlIssue(path: string, text: string, offset: number, message: string, shapeId: string): Issue {
  const at = Math.max(0, Math.min(offset, text.length));
  const { line, column } = lineAndColumn(text, at);
  const start = at - (column - 1);
  const end = text.indexOf("\n", start);
  const source = text.slice(start, end < 0 ? text.length : end).replace(/\r$/, "");
  const caret = `${source.slice(0, column - 1).replace(/[^\t]/g, " ")}^`;
  return { ...modelIssue(shapeId, "-", message, `${path}:${line}:${column}`, ""), excerpt: `${source}\n${caret}` };
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i >= 0 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
