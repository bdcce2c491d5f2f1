/** Shape ids and namespaces as token sequences: `a.b#Name$member`. */
import type { TokenStream } from "./token-stream.js";

/** `identifier (. identifier)*` */
export function parseNamespace(stream: TokenStream): string {
  stream.expect("IDENTIFIER");
  let text = stream.lexeme();
  stream.next();
  while (stream.kind() === "DOT") {
    stream.next();
    stream.expect("IDENTIFIER");
    text += `.${stream.lexeme()}`;
    stream.next();
  }
  return text;
}

/** A relative or absolute shape id, optionally with a member. */
export function parseShapeId(stream: TokenStream): string {
  let text = parseNamespace(stream);
  if (stream.kind() === "POUND") {
    stream.next();
    stream.expect("IDENTIFIER");
    text += `#${stream.lexeme()}`;
    stream.next();
  } else if (text.includes(".")) {
    stream.expect("POUND");
  }
  return text + parseMemberSuffix(stream);
}

/** An absolute shape id: the namespace and `#` are required. */
export function parseAbsoluteShapeId(stream: TokenStream): string {
  const namespace = parseNamespace(stream);
  stream.expect("POUND");
  stream.next();
  stream.expect("IDENTIFIER");
  const text = `${namespace}#${stream.lexeme()}`;
  stream.next();
  return text + parseMemberSuffix(stream);
}

function parseMemberSuffix(stream: TokenStream): string {
  if (stream.kind() !== "DOLLAR") return "";
  stream.next();
  stream.expect("IDENTIFIER");
  const member = stream.lexeme();
  stream.next();
  return `$${member}`;
}
