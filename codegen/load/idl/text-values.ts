/**
 * The values of quoted strings and text blocks: escapes decoded, and text
 * blocks stripped of their incidental indentation as Smithy does. A mistake
 * throws a `TextValueError` with the message to report at the token.
 */

export class TextValueError extends Error {}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '"': '"',
  "\\": "\\",
  "/": "/",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
};

/** The value of a `"…"` token (quotes included in `lexeme`). */
export function quotedStringValue(lexeme: string): string {
  const inner = lexeme.slice(1, -1);
  if (!inner.includes("\\") && !inner.includes("\r")) return inner;
  return unescape(inner.replaceAll("\r\n", "\n"), "quoted string");
}

/** The value of a `"""…"""` token (quotes included in `lexeme`). */
export function textBlockValue(lexeme: string): string {
  const inner = lexeme.slice(3, -3).replaceAll("\r\n", "\n");
  if (inner === "") throw new TextValueError("Error parsing text block: Text block is empty");
  if (!inner.startsWith("\n"))
    throw new TextValueError("Error parsing text block: Text block must start with a new line");
  const lines = inner.slice(1).split("\n");
  const last = lines.length - 1;
  let indent = Infinity;
  lines.forEach((line, i) => {
    const blank = isBlank(line);
    if (blank && i !== last) return;
    indent = Math.min(indent, blank ? line.length : leadingWhitespace(line));
  });
  const dedented = lines.map((line) => (isBlank(line) ? "" : line.slice(indent).replace(/[ \t]+$/, "")));
  return unescape(dedented.join("\n"), "text block");
}

const isBlank = (line: string): boolean => /^[ \t]*$/.test(line);
const leadingWhitespace = (line: string): number => line.length - line.replace(/^[ \t]+/, "").length;

function unescape(text: string, what: string): string {
  let out = "";
  let from = 0;
  for (let i = text.indexOf("\\"); i >= 0; i = text.indexOf("\\", from)) {
    out += text.slice(from, i);
    const c = text[i + 1];
    if (c === "\n") {
      from = i + 2;
    } else if (c === "u") {
      out += String.fromCharCode(unicodeEscape(text.slice(i + 2, i + 6), what));
      from = i + 6;
    } else if (c !== undefined && c in SIMPLE_ESCAPES) {
      out += SIMPLE_ESCAPES[c];
      from = i + 2;
    } else {
      throw new TextValueError(`Error parsing ${what}: Invalid escape found in string: \`\\${c ?? ""}\``);
    }
  }
  return out + text.slice(from);
}

function unicodeEscape(hex: string, what: string): number {
  if (hex.length < 4)
    throw new TextValueError(`Error parsing ${what}: Invalid unclosed unicode escape found in string`);
  const bad = [...hex].find((c) => !/[0-9a-fA-F]/.test(c));
  if (bad !== undefined)
    throw new TextValueError(`Error parsing ${what}: Invalid unicode escape character: \`${bad}\``);
  return parseInt(hex, 16);
}
