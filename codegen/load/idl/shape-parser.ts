/**
 * Shape statements after their traits: `type Name`, then `for`, `with` and
 * the body each kind has. Services, resources and operations are in
 * `service-parser.ts`.
 */
import { emptyShape, type ParsedMember, type ParsedShape, type ParsedTrait, ShapeIdText } from "./parsed-file.js";
import type { ParseContext } from "./parse-context.js";
import { parseNode } from "./node-parser.js";
import { parseShapeId } from "./shape-id-parser.js";
import { parseDocsAndTraits } from "./trait-parser.js";
import { parseOperation, parseResource, parseService } from "./service-parser.js";

const SIMPLE_TYPES = new Set([
  "blob",
  "boolean",
  "document",
  "string",
  "byte",
  "short",
  "integer",
  "long",
  "float",
  "double",
  "bigInteger",
  "bigDecimal",
  "timestamp",
]);

const DEFAULT = "smithy.api#default";
const ENUM_VALUE = "smithy.api#enumValue";

/** A shape statement, its type keyword current. */
export function parseShapeStatement(ctx: ParseContext, traits: ParsedTrait[]): void {
  const { stream } = ctx;
  const offset = stream.offset;
  const type = stream.lexeme();
  if (!isShapeType(type)) throw stream.syntax(`Unknown shape type: ${type}`);
  if (type === "set" && ctx.version !== "1.0") throw stream.syntax("set shapes cannot be used in Smithy version 2.0");
  if ((type === "enum" || type === "intEnum") && ctx.version === "1.0") {
    throw stream.syntax(`${type} shapes cannot be used in Smithy version 1.0`);
  }
  stream.next();
  stream.expectAndSkipSpaces();
  const shape = emptyShape(parseShapeName(ctx), type, offset, traits);
  if (SIMPLE_TYPES.has(type)) parseMixins(ctx, shape);
  else if (type === "list" || type === "set") parseMembersOf(ctx, shape, ["member"]);
  else if (type === "map") parseMembersOf(ctx, shape, ["key", "value"]);
  else if (type === "enum" || type === "intEnum") parseEnum(ctx, shape);
  else if (type === "structure") parseStructure(ctx, shape);
  else if (type === "union") {
    parseForResource(ctx, shape);
    parseMixins(ctx, shape);
    parseMembers(ctx, shape, false);
  } else if (type === "service") parseService(ctx, shape);
  else if (type === "resource") parseResource(ctx, shape);
  else parseOperation(ctx, shape);
  ctx.addShape(shape);
  stream.expectAndSkipBr();
}

const SHAPE_TYPES = new Set([
  ...SIMPLE_TYPES,
  "list",
  "set",
  "map",
  "enum",
  "intEnum",
  "structure",
  "union",
  "service",
  "resource",
  "operation",
]);
const isShapeType = (word: string): boolean => SHAPE_TYPES.has(word);

function parseShapeName(ctx: ParseContext): string {
  const { stream } = ctx;
  stream.expect("IDENTIFIER");
  const name = stream.lexeme();
  const imported = ctx.uses.get(name);
  if (imported !== undefined)
    throw stream.syntax(`Shape name \`${name}\` conflicts with imported shape \`${imported}\``);
  stream.next();
  return `${ctx.namespace}#${name}`;
}

/** `with [A, B]` after a shape name, on the same line. */
export function parseMixins(ctx: ParseContext, shape: ParsedShape): void {
  const { stream } = ctx;
  stream.skipSpaces();
  if (!stream.isIdentifier("with")) return;
  if (ctx.version === "1.0") {
    throw stream.syntax(
      "Mixins can only be used with Smithy version 2 or later. Attempted to use mixins with version `1.0`.",
      shape.id,
    );
  }
  stream.next();
  stream.skipWsAndDocs();
  stream.expect("LBRACKET");
  stream.next();
  stream.skipWsAndDocs();
  do {
    const offset = stream.offset;
    shape.mixins.push(new ShapeIdText(parseShapeId(stream), offset));
    stream.skipWsAndDocs();
  } while (stream.kind() !== "RBRACKET");
  stream.next();
}

/** `for Resource` after the name of a shape with members. */
export function parseForResource(ctx: ParseContext, shape: ParsedShape): void {
  const { stream } = ctx;
  stream.skipSpaces();
  if (!stream.isIdentifier("for")) return;
  if (ctx.version === "1.0") {
    throw stream.syntax(
      "Structures can only be bound to resources with Smithy version 2 or later. Attempted to bind a structure to a resource with version `1.0`.",
      shape.id,
    );
  }
  stream.next();
  stream.expectAndSkipSpaces();
  const offset = stream.offset;
  shape.forResource = new ShapeIdText(parseShapeId(stream), offset);
}

function parseStructure(ctx: ParseContext, shape: ParsedShape): void {
  parseForResource(ctx, shape);
  parseMixins(ctx, shape);
  parseMembers(ctx, shape, true);
}

/** The fixed members of a list (`member`) or map (`key`, `value`), each optional. */
function parseMembersOf(ctx: ParseContext, shape: ParsedShape, names: readonly string[]): void {
  const { stream } = ctx;
  parseForResource(ctx, shape);
  parseMixins(ctx, shape);
  stream.skipWsAndDocs();
  stream.expectAndSkipBodyStart();
  stream.skipWs();
  for (const name of names) {
    const traits = parseDocsAndTraits(stream);
    const offset = stream.offset;
    const elided = stream.kind() === "DOLLAR";
    if (elided) {
      checkElision(ctx, `${shape.id}$${name}`);
      stream.next();
      stream.expect("IDENTIFIER");
    } else if (!stream.isIdentifier(name)) {
      if (traits.length > 0) stream.expectIdentifier(name);
      continue;
    }
    stream.expectIdentifier(name);
    stream.next();
    shape.members.push({ name, traits, offset, ...(elided ? {} : { target: parseTarget(ctx, true) }) });
    stream.skipWs();
  }
  stream.skipWsAndDocs();
  stream.expect("RBRACE");
  stream.next();
}

/** `: Target` after a member name. */
function parseTarget(ctx: ParseContext, anyWhitespace: boolean): ShapeIdText {
  const { stream } = ctx;
  if (anyWhitespace) stream.skipWsAndDocs();
  else stream.skipSpaces();
  stream.expect("COLON");
  stream.next();
  if (anyWhitespace) stream.skipWsAndDocs();
  else stream.skipSpaces();
  const offset = stream.offset;
  return new ShapeIdText(parseShapeId(stream), offset);
}

/** Members are few: a scan is cheaper than a set per shape. */
const hasMember = (shape: ParsedShape, name: string): boolean => shape.members.some((m) => m.name === name);

function checkElision(ctx: ParseContext, memberId: string): void {
  if (ctx.version === "1.0") {
    throw ctx.stream.syntax("Members can only elide targets in IDL version 2 or later", memberId);
  }
}

/** `{ member: Target = default … }` of structures (`defaults`) and unions. */
export function parseMembers(ctx: ParseContext, shape: ParsedShape, defaults: boolean): void {
  const { stream } = ctx;
  stream.skipWsAndDocs();
  stream.expectAndSkipBodyStart();
  stream.skipWs();
  while (stream.kind() !== "RBRACE" && stream.kind() !== "EOF") {
    const member = parseMember(ctx, shape, defaults);
    if (member !== undefined) shape.members.push(member);
    stream.skipWs();
  }
  stream.expect("RBRACE");
  stream.next();
}

function parseMember(ctx: ParseContext, shape: ParsedShape, defaults: boolean): ParsedMember | undefined {
  const { stream } = ctx;
  const traits = parseDocsAndTraits(stream);
  if (stream.kind() === "RBRACE" && traits.length === 1 && traits[0]!.name.text.endsWith("#documentation")) {
    return undefined;
  }
  const offset = stream.offset;
  const elided = stream.kind() === "DOLLAR";
  if (elided) stream.next();
  stream.expect("IDENTIFIER");
  const name = stream.lexeme();
  const memberId = `${shape.id}$${name}`;
  if (hasMember(shape, name)) throw stream.syntax(`Duplicate member of \`${shape.id}\`: '${name}'`, shape.id);
  if (elided) checkElision(ctx, memberId);
  stream.next();
  const target = elided ? undefined : parseTarget(ctx, false);
  stream.skipSpaces();
  if (defaults && stream.kind() === "EQUAL") {
    if (ctx.version === "1.0") throw stream.syntax("@default assignment is only supported in IDL version 2 or later");
    stream.next();
    stream.skipSpaces();
    traits.push({ name: new ShapeIdText(DEFAULT, stream.offset), value: parseNode(stream), annotation: false });
    stream.expectAndSkipBr();
  }
  return { name, traits, offset, ...(target ? { target } : {}) };
}

/** `{ NAME = value … }`; a value becomes `smithy.api#enumValue`. */
function parseEnum(ctx: ParseContext, shape: ParsedShape): void {
  const { stream } = ctx;
  parseMixins(ctx, shape);
  stream.skipWsAndDocs();
  stream.expectAndSkipBodyStart();
  stream.skipWs();
  while (stream.kind() !== "RBRACE" && stream.kind() !== "EOF") {
    const traits = parseDocsAndTraits(stream);
    const offset = stream.offset;
    stream.expect("IDENTIFIER");
    const name = stream.lexeme();
    if (hasMember(shape, name)) throw stream.syntax(`Found conflicting member name, \`${name}\``, shape.id);
    stream.next();
    stream.skipSpaces();
    if (stream.kind() === "EQUAL") {
      stream.next();
      stream.skipSpaces();
      const valueOffset = stream.offset;
      if (shape.type === "intEnum" && stream.kind() === "NUMBER" && /[.eE]/.test(stream.lexeme())) {
        throw stream.syntax("intEnum members do not support floating point values", `${shape.id}$${name}`);
      }
      traits.push({ name: new ShapeIdText(ENUM_VALUE, valueOffset), value: parseNode(stream), annotation: false });
      stream.expectAndSkipBr();
    } else {
      stream.skipWs();
    }
    shape.members.push({ name, traits, offset, target: new ShapeIdText("smithy.api#Unit", offset) });
  }
  stream.expect("RBRACE");
  stream.next();
}
