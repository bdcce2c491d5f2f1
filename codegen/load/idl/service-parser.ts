/**
 * Service and resource bodies (node objects whose values name shapes) and
 * operation bodies (`input`, `output`, `errors`, with inline `:=` structures).
 */
import { emptyShape, type IdlNode, type ParsedShape, ShapeIdText } from "./parsed-file.js";
import type { ParseContext } from "./parse-context.js";
import { parseNode } from "./node-parser.js";
import { parseShapeId } from "./shape-id-parser.js";
import { parseDocsAndTraits } from "./trait-parser.js";
import { parseForResource, parseMembers, parseMixins } from "./shape-parser.js";
import type { IdlSyntaxError } from "./token-stream.js";

const SERVICE_LISTS = ["operations", "resources", "errors"];
const RESOURCE_REFERENCES = ["create", "put", "read", "update", "delete", "list"];
const RESOURCE_LISTS = ["operations", "resources", "collectionOperations"];
const RESOURCE_MAPS = ["identifiers", "properties"];

export function parseService(ctx: ParseContext, shape: ParsedShape): void {
  const body = parseBody(ctx, shape);
  const fail = (message: string) => ctx.stream.syntax(message, shape.id, shape.offset);
  for (const [key, value] of Object.entries(body)) {
    if (key === "version") {
      if (typeof value !== "string") throw fail("service `version` must be a string");
      shape.version = value;
    } else if (SERVICE_LISTS.includes(key)) shape.referenceLists[key] = idList(value, fail);
    else if (key === "rename") shape.rename = renames(value, fail);
    else throw fail(`Unknown property ${key} for ${shape.id}`);
  }
}

export function parseResource(ctx: ParseContext, shape: ParsedShape): void {
  const body = parseBody(ctx, shape);
  const fail = (message: string) => ctx.stream.syntax(message, shape.id, shape.offset);
  for (const [key, value] of Object.entries(body)) {
    if (RESOURCE_REFERENCES.includes(key)) shape.references[key] = idOf(value, fail);
    else if (RESOURCE_LISTS.includes(key)) shape.referenceLists[key] = idList(value, fail);
    else if (RESOURCE_MAPS.includes(key)) {
      if (key === "properties" && ctx.version === "1.0") {
        throw fail(
          "Resource properties can only be used with Smithy version 2 or later. Attempted to use resource properties with version `1.0`.",
        );
      }
      shape.referenceMaps[key] = idMap(value, fail);
    } else throw fail(`Unknown property ${key} for ${shape.id}`);
  }
}

function parseBody(ctx: ParseContext, shape: ParsedShape): { [key: string]: IdlNode } {
  parseMixins(ctx, shape);
  ctx.stream.skipWsAndDocs();
  ctx.stream.expect("LBRACE");
  return parseNode(ctx.stream) as { [key: string]: IdlNode };
}

type Fail = (message: string) => IdlSyntaxError;

function idOf(value: IdlNode, fail: Fail): ShapeIdText {
  if (value instanceof ShapeIdText) return value;
  if (typeof value === "string") return new ShapeIdText(value, -1);
  throw fail(`expected a shape id, found ${JSON.stringify(value)}`);
}

function idList(value: IdlNode, fail: Fail): ShapeIdText[] {
  if (!Array.isArray(value)) throw fail(`expected a list of shape ids, found ${JSON.stringify(value)}`);
  return value.map((item) => idOf(item, fail));
}

function idMap(value: IdlNode, fail: Fail): Record<string, ShapeIdText> {
  if (typeof value !== "object" || value === null || Array.isArray(value) || value instanceof ShapeIdText) {
    throw fail(`expected an object of shape ids, found ${JSON.stringify(value)}`);
  }
  return Object.fromEntries(Object.entries(value).map(([name, id]) => [name, idOf(id, fail)]));
}

function renames(value: IdlNode, fail: Fail): Record<string, string> {
  const map = idMap(value, fail);
  return Object.fromEntries(Object.entries(map).map(([id, name]) => [id, name.text]));
}

export function parseOperation(ctx: ParseContext, shape: ParsedShape): void {
  const { stream } = ctx;
  parseMixins(ctx, shape);
  stream.skipWsAndDocs();
  stream.expectAndSkipBodyStart();
  stream.skipWsAndDocs();
  const seen = new Set<string>();
  while (stream.kind() !== "RBRACE" && stream.kind() !== "EOF") {
    stream.expect("IDENTIFIER");
    const key = stream.lexeme();
    if (seen.has(key)) throw stream.syntax(`Duplicate operation ${key} property for \`${shape.id}\``, shape.id);
    seen.add(key);
    stream.next();
    stream.skipWsAndDocs();
    if (key === "input" || key === "output") {
      const walrus = stream.expectOneOf("COLON", "WALRUS") === "WALRUS";
      stream.next();
      shape.references[key] = walrus ? parseInlineStructure(ctx, shape, key) : parseReference(ctx);
    } else if (key === "errors") {
      stream.expect("COLON");
      stream.next();
      shape.referenceLists[key] = parseIdList(ctx);
    } else {
      throw stream.syntax(`Unknown property ${key} for ${shape.id}`, shape.id);
    }
    stream.expectAndSkipWhitespace();
    stream.skipWsAndDocs();
  }
  stream.expect("RBRACE");
  stream.next();
}

function parseReference(ctx: ParseContext): ShapeIdText {
  ctx.stream.skipWsAndDocs();
  const offset = ctx.stream.offset;
  return new ShapeIdText(parseShapeId(ctx.stream), offset);
}

function parseIdList(ctx: ParseContext): ShapeIdText[] {
  const { stream } = ctx;
  stream.skipWsAndDocs();
  stream.expect("LBRACKET");
  stream.next();
  stream.skipWsAndDocs();
  const ids: ShapeIdText[] = [];
  while (stream.kind() !== "RBRACKET" && stream.kind() !== "EOF") {
    stream.expect("IDENTIFIER");
    ids.push(parseReference(ctx));
    stream.skipWsAndDocs();
  }
  stream.expect("RBRACKET");
  stream.next();
  return ids;
}

/** `input := [traits] [with […]] { members }`, named after the operation and the file's suffix. */
function parseInlineStructure(ctx: ParseContext, operation: ParsedShape, key: "input" | "output"): ShapeIdText {
  const { stream } = ctx;
  if (ctx.version === "1.0") {
    throw stream.syntax(
      "Inlined operation inputs and outputs can only be used with Smithy version 2 or later. Attempted to use inlined IO with version `1.0`.",
      operation.id,
    );
  }
  stream.takeDocumentation();
  stream.skipWs();
  const offset = stream.offset;
  const traits = parseDocsAndTraits(stream);
  traits.push({ name: new ShapeIdText(`smithy.api#${key}`, offset), value: {}, annotation: true });
  const suffix = key === "input" ? ctx.inputSuffix : ctx.outputSuffix;
  const shape = emptyShape(`${operation.id}${suffix}`, "structure", stream.offset, traits);
  parseForResource(ctx, shape);
  parseMixins(ctx, shape);
  parseMembers(ctx, shape, true);
  ctx.addShape(shape);
  return new ShapeIdText(shape.id, offset);
}
