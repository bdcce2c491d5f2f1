/**
 * Shape statements after their traits: `type Name`, then `for`, `with` and
 * the body each kind has, read into the JSON AST shape. Services, resources
 * and operations are in `service-parser.ts`; the rules a shape is checked
 * against once read are in `shape-checks.ts`.
 */
import type { AstMember, NodeValue } from "../ast.js";
import type { TraitRecord } from "./parsed-file.js";
import { claimConflicts, type ParseContext, type ShapeInProgress } from "./parse-context.js";
import { parseNode } from "./node-parser.js";
import { parseShapeId } from "./shape-id-parser.js";
import { addTrait, parseDocsAndTraits, parseTraitsAfterDocs, readDocs } from "./trait-parser.js";
import { parseOperation, parseResource, parseService } from "./service-parser.js";
import { checkEnumValue, checkShape } from "./shape-checks.js";

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

const DEFAULT = "smithy.api#default";
const ENUM_VALUE = "smithy.api#enumValue";
const UNIT = "smithy.api#Unit";
const NO_MIXINS: readonly string[] = [];
const LIST_MEMBERS = ["member"] as const;
const MAP_MEMBERS = ["key", "value"] as const;

/** A shape statement, its type keyword current. */
export function parseShapeStatement(ctx: ParseContext, traits: TraitRecord | undefined): void {
  const { stream } = ctx;
  const offset = stream.offset;
  const type = stream.lexeme();
  if (!SHAPE_TYPES.has(type)) throw stream.syntax(`Unknown shape type: ${type}`);
  if (type === "set" && ctx.version !== "1.0") throw stream.syntax("set shapes cannot be used in Smithy version 2.0");
  if ((type === "enum" || type === "intEnum") && ctx.version === "1.0") {
    throw stream.syntax(`${type} shapes cannot be used in Smithy version 1.0`);
  }
  stream.next();
  stream.expectAndSkipSpaces();
  const id = parseShapeName(ctx);
  claimConflicts(ctx, id);
  const shape = startShape(id, type, offset);
  if (SIMPLE_TYPES.has(type)) parseMixins(ctx, shape);
  else if (type === "list" || type === "set") parseMembersOf(ctx, shape, LIST_MEMBERS);
  else if (type === "map") parseMembersOf(ctx, shape, MAP_MEMBERS);
  else if (type === "enum" || type === "intEnum") parseEnum(ctx, shape);
  else if (type === "structure" || type === "union") {
    parseForResource(ctx, shape);
    parseMixins(ctx, shape);
    parseMembers(ctx, shape, type === "structure");
  } else if (type === "service") parseService(ctx, shape);
  else if (type === "resource") parseResource(ctx, shape);
  else parseOperation(ctx, shape);
  finishShape(ctx, shape, traits);
  stream.expectAndSkipBr();
}

export function startShape(id: string, type: string, offset: number): ShapeInProgress {
  return { id, type, offset, ast: { type }, mixins: NO_MIXINS };
}

/** Checks a shape read to its end, gives it its traits and records it. */
export function finishShape(ctx: ParseContext, shape: ShapeInProgress, traits: TraitRecord | undefined): void {
  checkShape(ctx, shape, traits);
  if (shape.mixins.length > 0) {
    ctx.mixed.push({ id: shape.id, type: shape.type, offset: shape.offset, mixins: shape.mixins });
  }
  if (traits !== undefined) shape.ast.traits = traits;
  ctx.addShape(shape.id, shape.type, shape.offset, shape.ast as never);
}

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
export function parseMixins(ctx: ParseContext, shape: ShapeInProgress): void {
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
  const mixins: string[] = [];
  do {
    const offset = stream.offset;
    mixins.push(ctx.ids.id(parseShapeId(stream), offset));
    stream.skipWsAndDocs();
  } while (stream.kind() !== "RBRACKET");
  stream.next();
  shape.mixins = mixins;
  shape.ast.mixins = mixins.map((target) => ({ target }));
}

/** `for Resource` after the name of a shape with members. */
export function parseForResource(ctx: ParseContext, shape: ShapeInProgress): void {
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
  shape.forResource = ctx.ids.id(parseShapeId(stream), offset);
}

/** The fixed members of a list (`member`) or map (`key`, `value`), each optional; set on the shape itself. */
function parseMembersOf(ctx: ParseContext, shape: ShapeInProgress, names: readonly string[]): void {
  const { stream } = ctx;
  parseForResource(ctx, shape);
  parseMixins(ctx, shape);
  stream.skipWsAndDocs();
  stream.expectAndSkipBodyStart();
  stream.skipWs();
  for (const name of names) {
    const traits = parseDocsAndTraits(ctx);
    const offset = stream.offset;
    const elided = stream.kind() === "DOLLAR";
    if (elided) {
      checkElision(ctx, `${shape.id}$${name}`);
      stream.next();
      stream.expect("IDENTIFIER");
    } else if (!stream.isIdentifier(name)) {
      if (traits !== undefined) stream.expectIdentifier(name);
      continue;
    }
    stream.expectIdentifier(name);
    stream.next();
    claimConflicts(ctx, shape.id, name);
    const target = elided ? elision(ctx, shape, name, offset) : parseTarget(ctx, true);
    shape.ast[name] = member(target, traits);
    stream.skipWs();
  }
  stream.skipWsAndDocs();
  stream.expect("RBRACE");
  stream.next();
}

const member = (target: string, traits: TraitRecord | undefined): AstMember =>
  traits === undefined ? { target } : { target, traits };

/** An elided member's target, left empty until the resource or mixins it comes from are read. */
function elision(ctx: ParseContext, shape: ShapeInProgress, name: string, offset: number): string {
  const { forResource, mixins } = shape;
  ctx.elisions.push({
    shapeId: shape.id,
    member: name,
    ...(forResource !== undefined ? { resource: forResource } : {}),
    mixins,
    offset,
  });
  return "";
}

/** `: Target` after a member name. */
function parseTarget(ctx: ParseContext, anyWhitespace: boolean): string {
  const { stream } = ctx;
  if (anyWhitespace) stream.skipWsAndDocs();
  else stream.skipSpaces();
  stream.expect("COLON");
  stream.next();
  if (anyWhitespace) stream.skipWsAndDocs();
  else stream.skipSpaces();
  const offset = stream.offset;
  return ctx.ids.id(parseShapeId(stream), offset);
}

function checkElision(ctx: ParseContext, memberId: string): void {
  if (ctx.version === "1.0") {
    throw ctx.stream.syntax("Members can only elide targets in IDL version 2 or later", memberId);
  }
}

/** `{ member: Target = default … }` of structures (`defaults`) and unions, as the shape's `members`. */
export function parseMembers(ctx: ParseContext, shape: ShapeInProgress, defaults: boolean): void {
  const { stream } = ctx;
  const members: Record<string, AstMember> = {};
  stream.skipWsAndDocs();
  stream.expectAndSkipBodyStart();
  stream.skipWs();
  while (stream.kind() !== "RBRACE" && stream.kind() !== "EOF") {
    parseMember(ctx, shape, members, defaults);
    stream.skipWs();
  }
  stream.expect("RBRACE");
  stream.next();
  shape.ast.members = members;
}

function parseMember(
  ctx: ParseContext,
  shape: ShapeInProgress,
  members: Record<string, AstMember>,
  defaults: boolean,
): void {
  const { stream } = ctx;
  const docs = readDocs(stream);
  const written = stream.kind() === "AT";
  let traits = parseTraitsAfterDocs(ctx, docs);
  // Documentation comments before the closing brace document nothing.
  if (stream.kind() === "RBRACE" && !written && docs !== undefined) return;
  const offset = stream.offset;
  const elided = stream.kind() === "DOLLAR";
  if (elided) stream.next();
  stream.expect("IDENTIFIER");
  const name = stream.lexeme();
  if (Object.hasOwn(members, name)) throw stream.syntax(`Duplicate member of \`${shape.id}\`: '${name}'`, shape.id);
  if (elided) checkElision(ctx, `${shape.id}$${name}`);
  stream.next();
  claimConflicts(ctx, shape.id, name);
  const target = elided ? elision(ctx, shape, name, offset) : parseTarget(ctx, false);
  stream.skipSpaces();
  if (defaults && stream.kind() === "EQUAL") {
    if (ctx.version === "1.0") throw stream.syntax("@default assignment is only supported in IDL version 2 or later");
    stream.next();
    stream.skipSpaces();
    const valueOffset = stream.offset;
    traits ??= {};
    addTrait(ctx, traits, DEFAULT, parseNode(stream, ctx.idValue) as NodeValue, valueOffset);
    claimConflicts(ctx, shape.id, name);
    stream.expectAndSkipBr();
  }
  members[name] = member(target, traits);
}

/** `{ NAME = value … }`; a value becomes `smithy.api#enumValue` (an enum member without one: its name). */
function parseEnum(ctx: ParseContext, shape: ShapeInProgress): void {
  const { stream } = ctx;
  const members: Record<string, AstMember> = {};
  parseMixins(ctx, shape);
  stream.skipWsAndDocs();
  stream.expectAndSkipBodyStart();
  stream.skipWs();
  while (stream.kind() !== "RBRACE" && stream.kind() !== "EOF") {
    let traits = parseDocsAndTraits(ctx);
    stream.expect("IDENTIFIER");
    const name = stream.lexeme();
    if (Object.hasOwn(members, name)) throw stream.syntax(`Found conflicting member name, \`${name}\``, shape.id);
    stream.next();
    stream.skipSpaces();
    claimConflicts(ctx, shape.id, name);
    if (stream.kind() === "EQUAL") {
      stream.next();
      stream.skipSpaces();
      const valueOffset = stream.offset;
      if (shape.type === "intEnum" && stream.kind() === "NUMBER" && /[.eE]/.test(stream.lexeme())) {
        throw stream.syntax("intEnum members do not support floating point values", `${shape.id}$${name}`);
      }
      traits ??= {};
      addTrait(ctx, traits, ENUM_VALUE, parseNode(stream, ctx.idValue) as NodeValue, valueOffset);
      claimConflicts(ctx, shape.id, name);
      stream.expectAndSkipBr();
    } else {
      stream.skipWs();
    }
    traits = checkEnumValue(ctx, shape, name, traits);
    members[name] = member(UNIT, traits);
  }
  stream.expect("RBRACE");
  stream.next();
  shape.ast.members = members;
}
