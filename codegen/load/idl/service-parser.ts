/**
 * Service and resource bodies (node objects whose values name shapes) and
 * operation bodies (`input`, `output`, `errors`, with inline `:=` structures).
 */
import type { AstReference } from "../ast.js";
import { type IdlNode, ShapeIdText } from "./parsed-file.js";
import { claimConflicts, type ParseContext, type ShapeInProgress } from "./parse-context.js";
import { parseNode } from "./node-parser.js";
import { parseShapeId } from "./shape-id-parser.js";
import { addTrait, parseDocsAndTraits } from "./trait-parser.js";
import { finishShape, parseForResource, parseMembers, parseMixins, startShape } from "./shape-parser.js";
import type { IdlSyntaxError } from "./token-stream.js";

const SERVICE_LISTS = ["operations", "resources", "errors"];
const RESOURCE_REFERENCES = ["create", "put", "read", "update", "delete", "list"];
const RESOURCE_LISTS = ["operations", "resources", "collectionOperations"];
const RESOURCE_MAPS = ["identifiers", "properties"];

type Fail = (message: string) => IdlSyntaxError;
type Ids = (value: IdlNode) => string;

export function parseService(ctx: ParseContext, shape: ShapeInProgress): void {
  const body = parseBody(ctx, shape);
  const fail = (message: string) => ctx.stream.syntax(message, shape.id, shape.offset);
  const id = idOf(ctx, fail);
  for (const [key, value] of Object.entries(body)) {
    if (key === "version") {
      if (typeof value !== "string") throw fail("service `version` must be a string");
      shape.ast.version = value;
    } else if (SERVICE_LISTS.includes(key)) shape.ast[key] = idList(value, id, fail);
    else if (key === "rename") shape.ast.rename = renames(value, fail);
    else throw fail(`Unknown property ${key} for ${shape.id}`);
  }
}

export function parseResource(ctx: ParseContext, shape: ShapeInProgress): void {
  const body = parseBody(ctx, shape);
  const fail = (message: string) => ctx.stream.syntax(message, shape.id, shape.offset);
  const id = idOf(ctx, fail);
  for (const [key, value] of Object.entries(body)) {
    if (RESOURCE_REFERENCES.includes(key)) shape.ast[key] = { target: id(value) };
    else if (RESOURCE_LISTS.includes(key)) shape.ast[key] = idList(value, id, fail);
    else if (RESOURCE_MAPS.includes(key)) {
      if (key === "properties" && ctx.version === "1.0") {
        throw fail(
          "Resource properties can only be used with Smithy version 2 or later. Attempted to use resource properties with version `1.0`.",
        );
      }
      const targets: Record<string, AstReference> = {};
      for (const [name, target] of Object.entries(nodeObject(value, fail))) targets[name] = { target: id(target) };
      shape.ast[key] = targets;
    } else throw fail(`Unknown property ${key} for ${shape.id}`);
  }
}

/** The body as a node object, its unquoted ids kept as written: `rename` values are names, not ids. */
function parseBody(ctx: ParseContext, shape: ShapeInProgress): { [key: string]: IdlNode } {
  parseMixins(ctx, shape);
  ctx.stream.skipWsAndDocs();
  ctx.stream.expect("LBRACE");
  return parseNode(ctx.stream, (text, offset) => new ShapeIdText(text, offset)) as { [key: string]: IdlNode };
}

/** A body value naming a shape (unquoted or quoted), resolved. */
function idOf(ctx: ParseContext, fail: Fail): Ids {
  return (value) => {
    if (value instanceof ShapeIdText) return ctx.ids.id(value.text, value.offset);
    if (typeof value === "string") return ctx.ids.id(value, -1);
    throw fail(`expected a shape id, found ${JSON.stringify(value)}`);
  };
}

function idList(value: IdlNode, id: Ids, fail: Fail): AstReference[] {
  if (!Array.isArray(value)) throw fail(`expected a list of shape ids, found ${JSON.stringify(value)}`);
  return value.map((item) => ({ target: id(item) }));
}

function nodeObject(value: IdlNode, fail: Fail): { [key: string]: IdlNode } {
  if (typeof value !== "object" || value === null || Array.isArray(value) || value instanceof ShapeIdText) {
    throw fail(`expected an object of shape ids, found ${JSON.stringify(value)}`);
  }
  return value;
}

function renames(value: IdlNode, fail: Fail): Record<string, string> {
  const names: Record<string, string> = {};
  for (const [id, name] of Object.entries(nodeObject(value, fail))) {
    if (name instanceof ShapeIdText) names[id] = name.text;
    else if (typeof name === "string") names[id] = name;
    else throw fail(`expected a shape id, found ${JSON.stringify(name)}`);
  }
  return names;
}

export function parseOperation(ctx: ParseContext, shape: ShapeInProgress): void {
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
      shape.ast[key] = { target: walrus ? parseInlineStructure(ctx, shape, key) : parseReference(ctx) };
    } else if (key === "errors") {
      stream.expect("COLON");
      stream.next();
      shape.ast[key] = parseIdList(ctx);
    } else {
      throw stream.syntax(`Unknown property ${key} for ${shape.id}`, shape.id);
    }
    stream.expectAndSkipWhitespace();
    stream.skipWsAndDocs();
  }
  stream.expect("RBRACE");
  stream.next();
}

function parseReference(ctx: ParseContext): string {
  ctx.stream.skipWsAndDocs();
  const offset = ctx.stream.offset;
  return ctx.ids.id(parseShapeId(ctx.stream), offset);
}

function parseIdList(ctx: ParseContext): AstReference[] {
  const { stream } = ctx;
  stream.skipWsAndDocs();
  stream.expect("LBRACKET");
  stream.next();
  stream.skipWsAndDocs();
  const ids: AstReference[] = [];
  while (stream.kind() !== "RBRACKET" && stream.kind() !== "EOF") {
    stream.expect("IDENTIFIER");
    ids.push({ target: parseReference(ctx) });
    stream.skipWsAndDocs();
  }
  stream.expect("RBRACKET");
  stream.next();
  return ids;
}

/** `input := [traits] [with […]] { members }`, named after the operation and the file's suffix. */
function parseInlineStructure(ctx: ParseContext, operation: ShapeInProgress, key: "input" | "output"): string {
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
  const traits = parseDocsAndTraits(ctx) ?? {};
  addTrait(ctx, traits, `smithy.api#${key}`, {}, offset);
  const suffix = key === "input" ? ctx.inputSuffix : ctx.outputSuffix;
  const shape = startShape(`${operation.id}${suffix}`, "structure", stream.offset);
  claimConflicts(ctx, shape.id);
  parseForResource(ctx, shape);
  parseMixins(ctx, shape);
  parseMembers(ctx, shape, true);
  finishShape(ctx, shape, traits);
  return shape.id;
}
