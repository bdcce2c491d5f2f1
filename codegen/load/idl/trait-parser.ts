/**
 * Traits: `@name`, `@name()`, `@name(value)` and `@name(key: value, …)`,
 * and the `///` lines before them, which become `smithy.api#documentation`;
 * read into the JSON AST record of their shape, member or `apply`.
 */
import type { NodeValue } from "../ast.js";
import { mergeTraitValues } from "../merge-traits.js";
import type { IdlNode, TraitRecord } from "./parsed-file.js";
import type { ParseContext } from "./parse-context.js";
import { parseNode, parseObjectKey, parseText, unquotedValue } from "./node-parser.js";
import { parseShapeId } from "./shape-id-parser.js";
import type { TokenStream } from "./token-stream.js";

export const DOCUMENTATION = "smithy.api#documentation";

/** The documentation comments and traits before a shape, member or statement; undefined when there are none. */
export function parseDocsAndTraits(ctx: ParseContext): TraitRecord | undefined {
  return parseTraitsAfterDocs(ctx, readDocs(ctx.stream));
}

/** The `///` lines up to the next token that is not whitespace. */
export function readDocs(stream: TokenStream): string | undefined {
  stream.skipWsAndDocs();
  return stream.takeDocumentation();
}

/** The traits after documentation comments already read (`docs`). */
export function parseTraitsAfterDocs(ctx: ParseContext, docs: string | undefined): TraitRecord | undefined {
  const { stream } = ctx;
  if (stream.kind() !== "AT") return docs === undefined ? undefined : { [DOCUMENTATION]: docs };
  const traits: TraitRecord = {};
  if (docs !== undefined) traits[DOCUMENTATION] = docs;
  do {
    parseTrait(ctx, traits);
    stream.skipWsAndDocs();
  } while (stream.kind() === "AT");
  // Documentation comments count only before the traits.
  stream.takeDocumentation();
  return traits;
}

/** Traits one after another (an `apply` block). */
export function parseTraits(ctx: ParseContext): TraitRecord {
  const traits: TraitRecord = {};
  while (ctx.stream.kind() === "AT") {
    parseTrait(ctx, traits);
    ctx.stream.skipWsAndDocs();
  }
  return traits;
}

/** One trait, added to `traits`. */
export function parseTrait(ctx: ParseContext, traits: TraitRecord): void {
  const { stream } = ctx;
  stream.expect("AT");
  stream.next();
  const offset = stream.offset;
  const id = ctx.ids.id(parseShapeId(stream), offset);
  if (stream.kind() === "LPAREN") {
    stream.next();
    stream.skipWsAndDocs();
    if (stream.kind() !== "RPAREN") {
      // Ids in the value are resolved as they are read: it holds no ShapeIdText.
      const value = parseTraitBody(ctx) as NodeValue;
      stream.skipWsAndDocs();
      stream.expect("RPAREN");
      stream.next();
      addTrait(ctx, traits, id, value, offset);
      return;
    }
    stream.next();
  }
  addTrait(ctx, traits, id, ctx.ids.annotation(traits, id), offset);
}

/** Adds a trait to its record; given twice, the values merge as Smithy merges them, or conflict. */
export function addTrait(ctx: ParseContext, traits: TraitRecord, id: string, value: NodeValue, offset: number): void {
  const earlier = traits[id];
  if (earlier === undefined) {
    traits[id] = value;
    return;
  }
  if (!ctx.ids.knowsTypeOf(id)) ctx.needsSecondReading = true;
  const merged = mergeTraitValues(earlier, value);
  if (merged.ok) traits[id] = merged.value;
  else ctx.conflicts.push({ traitId: id, offset });
}

/** A node value, or the members of a structure written without braces. */
function parseTraitBody(ctx: ParseContext): IdlNode {
  const { stream, idValue } = ctx;
  const offset = stream.offset;
  if (stream.kind() === "STRING") {
    const text = parseText(stream);
    stream.skipWsAndDocs();
    return stream.kind() === "COLON" ? parseStructure(ctx, text, offset) : text;
  }
  if (stream.kind() === "IDENTIFIER") {
    const text = parseShapeId(stream);
    stream.skipWsAndDocs();
    if (stream.kind() === "RPAREN" || !/^\w+$/.test(text)) return unquotedValue(text, offset, idValue);
    stream.expect("COLON");
    return parseStructure(ctx, text, offset);
  }
  return parseNode(stream, idValue);
}

function parseStructure(ctx: ParseContext, firstKey: string, offset: number): { [key: string]: IdlNode } {
  const { stream, idValue } = ctx;
  const structure: { [key: string]: IdlNode } = {};
  let key = firstKey;
  let keyOffset = offset;
  for (;;) {
    stream.expect("COLON");
    stream.next();
    stream.skipWsAndDocs();
    if (Object.hasOwn(structure, key)) throw stream.syntax(`Duplicate member of trait: '${key}'`, undefined, keyOffset);
    structure[key] = parseNode(stream, idValue);
    stream.skipWsAndDocs();
    if (stream.kind() === "RPAREN") return structure;
    keyOffset = stream.offset;
    key = parseObjectKey(stream);
    stream.skipWsAndDocs();
  }
}
