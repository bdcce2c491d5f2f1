/** Node values: strings, text blocks, numbers, keywords, shape ids, arrays and objects. */
import type { IdlNode } from "./parsed-file.js";
import { quotedStringValue, textBlockValue, TextValueError } from "./text-values.js";
import type { TokenStream } from "./token-stream.js";
import { parseShapeId } from "./shape-id-parser.js";

/** What an unquoted shape id becomes: resolved (in shape statements), or kept to resolve later (metadata). */
export type IdValue = (text: string, offset: number) => IdlNode;

export function parseNode(stream: TokenStream, idValue: IdValue): IdlNode {
  switch (stream.expectOneOf("STRING", "TEXT_BLOCK", "NUMBER", "IDENTIFIER", "LBRACE", "LBRACKET")) {
    case "LBRACE":
      return parseObject(stream, idValue);
    case "LBRACKET":
      return parseArray(stream, idValue);
    case "IDENTIFIER":
      return parseUnquoted(stream, idValue);
    case "NUMBER": {
      const value = Number(stream.lexeme());
      stream.next();
      return value;
    }
    default:
      return parseText(stream);
  }
}

/** A string or text block token's value; the stream moves past it. */
export function parseText(stream: TokenStream): string {
  const offset = stream.offset;
  try {
    const value = stream.kind() === "TEXT_BLOCK" ? textBlockValue(stream.lexeme()) : quotedStringValue(stream.lexeme());
    stream.next();
    return value;
  } catch (error) {
    if (error instanceof TextValueError) throw stream.syntax(error.message, undefined, offset);
    throw error;
  }
}

/** `true`, `false`, `null`, or a shape id. */
export function parseUnquoted(stream: TokenStream, idValue: IdValue): IdlNode {
  const offset = stream.offset;
  return unquotedValue(parseShapeId(stream), offset, idValue);
}

/** The value of an unquoted word already read. */
export function unquotedValue(text: string, offset: number, idValue: IdValue): IdlNode {
  if (text === "true") return true;
  if (text === "false") return false;
  if (text === "null") return null;
  return idValue(text, offset);
}

function parseObject(stream: TokenStream, idValue: IdValue): { [key: string]: IdlNode } {
  const object: { [key: string]: IdlNode } = {};
  stream.next();
  stream.skipWsAndDocs();
  while (stream.kind() !== "RBRACE") {
    const offset = stream.offset;
    stream.expectOneOf("RBRACE", "STRING", "IDENTIFIER");
    const key = parseObjectKey(stream);
    stream.skipWsAndDocs();
    stream.expect("COLON");
    stream.next();
    stream.skipWsAndDocs();
    if (Object.hasOwn(object, key)) throw stream.syntax(`Duplicate member of object node: '${key}'`, undefined, offset);
    object[key] = parseNode(stream, idValue);
    stream.skipWsAndDocs();
  }
  stream.next();
  return object;
}

export function parseObjectKey(stream: TokenStream): string {
  if (stream.expectOneOf("IDENTIFIER", "STRING") === "STRING") return parseText(stream);
  const key = stream.lexeme();
  stream.next();
  return key;
}

function parseArray(stream: TokenStream, idValue: IdValue): IdlNode[] {
  const array: IdlNode[] = [];
  stream.next();
  stream.skipWsAndDocs();
  while (stream.kind() !== "RBRACKET") {
    array.push(parseNode(stream, idValue));
    stream.skipWsAndDocs();
  }
  stream.next();
  return array;
}
