/**
 * Traits: `@name`, `@name()`, `@name(value)` and `@name(key: value, …)`,
 * and the `///` lines before them, which become `smithy.api#documentation`.
 */
import { type IdlNode, type ParsedTrait, ShapeIdText } from "./parsed-file.js";
import { parseNode, parseObjectKey, parseText, parseUnquoted } from "./node-parser.js";
import { parseShapeId } from "./shape-id-parser.js";
import type { TokenStream } from "./token-stream.js";

export const DOCUMENTATION = "smithy.api#documentation";

/** The documentation comments and traits before a shape, member or statement. */
export function parseDocsAndTraits(stream: TokenStream): ParsedTrait[] {
  stream.skipWsAndDocs();
  const docsOffset = stream.offset;
  const docs = stream.takeDocumentation();
  const traits: ParsedTrait[] = docs === undefined ? [] : [documentationTrait(docs, docsOffset)];
  if (stream.kind() !== "AT") return traits;
  do {
    traits.push(parseTrait(stream));
    stream.skipWsAndDocs();
  } while (stream.kind() === "AT");
  // Documentation comments count only before the traits.
  stream.takeDocumentation();
  return traits;
}

function documentationTrait(docs: string, offset: number): ParsedTrait {
  return { name: new ShapeIdText(DOCUMENTATION, offset), value: docs, annotation: false };
}

/** Traits one after another (an `apply` block). */
export function parseTraits(stream: TokenStream): ParsedTrait[] {
  const traits: ParsedTrait[] = [];
  while (stream.kind() === "AT") {
    traits.push(parseTrait(stream));
    stream.skipWsAndDocs();
  }
  return traits;
}

export function parseTrait(stream: TokenStream): ParsedTrait {
  stream.expect("AT");
  stream.next();
  const offset = stream.offset;
  const name = new ShapeIdText(parseShapeId(stream), offset);
  if (stream.kind() !== "LPAREN") return { name, value: {}, annotation: true };
  stream.next();
  stream.skipWsAndDocs();
  if (stream.kind() === "RPAREN") {
    stream.next();
    return { name, value: {}, annotation: true };
  }
  const value = parseTraitBody(stream);
  stream.skipWsAndDocs();
  stream.expect("RPAREN");
  stream.next();
  return { name, value, annotation: false };
}

/** A node value, or the members of a structure written without braces. */
function parseTraitBody(stream: TokenStream): IdlNode {
  const offset = stream.offset;
  if (stream.kind() === "STRING") {
    const text = parseText(stream);
    stream.skipWsAndDocs();
    return stream.kind() === "COLON" ? parseStructure(stream, text, offset) : text;
  }
  if (stream.kind() === "IDENTIFIER") {
    const value = parseUnquoted(stream);
    stream.skipWsAndDocs();
    if (stream.kind() === "RPAREN" || !isSimpleKey(value)) return value;
    stream.expect("COLON");
    return parseStructure(stream, keyText(value), offset);
  }
  return parseNode(stream);
}

const isSimpleKey = (value: IdlNode): boolean =>
  typeof value === "boolean" || value === null || (value instanceof ShapeIdText && /^\w+$/.test(value.text));
const keyText = (value: IdlNode): string => (value instanceof ShapeIdText ? value.text : String(value));

function parseStructure(stream: TokenStream, firstKey: string, offset: number): { [key: string]: IdlNode } {
  const structure: { [key: string]: IdlNode } = {};
  let key = firstKey;
  let keyOffset = offset;
  for (;;) {
    stream.expect("COLON");
    stream.next();
    stream.skipWsAndDocs();
    if (Object.hasOwn(structure, key)) throw stream.syntax(`Duplicate member of trait: '${key}'`, undefined, keyOffset);
    structure[key] = parseNode(stream);
    stream.skipWsAndDocs();
    if (stream.kind() === "RPAREN") return structure;
    keyOffset = stream.offset;
    key = parseObjectKey(stream);
    stream.skipWsAndDocs();
  }
}
