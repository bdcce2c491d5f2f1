/** Node values: strings, text blocks, numbers, keywords, shape ids, arrays and objects. */
import { type IdlNode, ShapeIdText } from "./parsed-file.js";
import { quotedStringValue, textBlockValue, TextValueError } from "./text-values.js";
import type { TokenStream } from "./token-stream.js";
import { parseShapeId } from "./shape-id-parser.js";

const KEYWORDS: Readonly<Record<string, IdlNode>> = { true: true, false: false, null: null };

export function parseNode(stream: TokenStream): IdlNode {
  switch (stream.expectOneOf("STRING", "TEXT_BLOCK", "NUMBER", "IDENTIFIER", "LBRACE", "LBRACKET")) {
    case "LBRACE":
      return parseObject(stream);
    case "LBRACKET":
      return parseArray(stream);
    case "IDENTIFIER":
      return parseUnquoted(stream);
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

/** `true`, `false`, `null`, or a shape id to resolve once the model is known. */
export function parseUnquoted(stream: TokenStream): IdlNode {
  const offset = stream.offset;
  const text = parseShapeId(stream);
  return text in KEYWORDS ? KEYWORDS[text]! : new ShapeIdText(text, offset);
}

function parseObject(stream: TokenStream): { [key: string]: IdlNode } {
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
    object[key] = parseNode(stream);
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

function parseArray(stream: TokenStream): IdlNode[] {
  const array: IdlNode[] = [];
  stream.next();
  stream.skipWsAndDocs();
  while (stream.kind() !== "RBRACKET") {
    array.push(parseNode(stream));
    stream.skipWsAndDocs();
  }
  stream.next();
  return array;
}
