/** Node values as IDL text: strings quoted (text blocks for multi-line text), objects and arrays. */
import type { NodeValue } from "../load/ast.js";

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const KEYWORDS = new Set(["true", "false", "null"]);

/** An object key as written: bare when it is an identifier (not a keyword), else quoted. */
export function objectKey(key: string): string {
  return IDENTIFIER.test(key) && !KEYWORDS.has(key) ? key : quoted(key);
}

export function quoted(text: string): string {
  return JSON.stringify(text);
}

/** A node value; `indent` is the indentation of the line the value starts on. */
export function nodeText(value: NodeValue, indent: string): string {
  if (value === null || typeof value === "boolean" || typeof value === "number") return String(value);
  if (typeof value === "string") return stringText(value, indent);
  const inner = `${indent}    `;
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    const items = value.map((item) => nodeText(item, inner));
    const flat = `[${items.join(", ")}]`;
    if (flat.length <= 80 && !flat.includes("\n")) return flat;
    return `[\n${items.map((item) => `${inner}${item}`).join("\n")}\n${indent}]`;
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return "{}";
  return `{\n${entries.map(([key, item]) => `${inner}${objectKey(key)}: ${nodeText(item, inner)}`).join("\n")}\n${indent}}`;
}

/** A string: a text block when it spans lines and a text block keeps it exactly, else quoted. */
function stringText(text: string, indent: string): string {
  if (!text.includes("\n") || !textBlockKeeps(text)) return quoted(text);
  const inner = `${indent}    `;
  const escaped = text.replaceAll("\\", "\\\\").replaceAll('"""', '\\"""');
  const lines = escaped.split("\n").map((line) => (line === "" ? "" : `${inner}${line}`));
  // A final newline is the closing line's; without one, the quotes close the last line.
  const body = text.endsWith("\n") ? `${lines.slice(0, -1).join("\n")}\n${inner}"""` : `${lines.join("\n")}"""`;
  return `"""\n${body}`;
}

/**
 * Text blocks drop trailing whitespace, whitespace-only lines and carriage
 * returns, and strip the indentation all lines share unless the closing line
 * (on its own when the text ends with a newline) anchors it.
 */
function textBlockKeeps(text: string): boolean {
  const lines = text.split("\n");
  if (text.includes("\r") || text.endsWith('"')) return false;
  if (lines.some((line) => /[ \t]$/.test(line))) return false;
  return text.endsWith("\n") || lines.some((line) => line !== "" && !/^[ \t]/.test(line));
}
