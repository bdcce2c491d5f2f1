/**
 * One shape as an IDL statement, in Smithy's conventional style: `///` docs,
 * then traits, then `type Name with [...] { ... }`; members likewise, with
 * `= value` for defaults and enum values.
 */
import type { AstMember, AstReference, AstShape, NodeValue, Traits } from "../load/ast.js";
import { nodeText, objectKey, quoted } from "./idl-node.js";
import type { FileNames } from "./file-names.js";

const DOCUMENTATION = "smithy.api#documentation";
const DEFAULT = "smithy.api#default";
const ENUM_VALUE = "smithy.api#enumValue";
const INDENT = "    ";
const MAX_LINE = 100;

const RESOURCE_REFERENCES = ["create", "put", "read", "update", "delete", "list"] as const;
const RESOURCE_LISTS = ["operations", "collectionOperations", "resources"] as const;

export function shapeStatement(id: string, shape: AstShape, names: FileNames): string {
  const head = `${traitLines(shape.traits, names, "", [])}${shape.type} ${names.ref(id)}${mixins(shape.mixins, names)}`;
  switch (shape.type) {
    case "list":
    case "set":
      return `${head} ${block(fixedMembers(shape, ["member"], names))}`;
    case "map":
      return `${head} ${block(fixedMembers(shape, ["key", "value"], names))}`;
    case "structure":
    case "union":
    case "enum":
    case "intEnum":
      return `${head} ${block(members(shape, names))}`;
    case "service":
      return `${head} ${block(serviceProperties(shape, names))}`;
    case "resource":
      return `${head} ${block(resourceProperties(shape, names))}`;
    case "operation":
      return `${head} ${block(operationProperties(shape, names))}`;
    default:
      return head;
  }
}

/** `///` lines for the documentation, then one `@trait` line per trait, each ending in a newline. */
function traitLines(traits: Traits | undefined, names: FileNames, indent: string, skip: readonly string[]): string {
  let text = "";
  const docs = traits?.[DOCUMENTATION];
  const docsAsComment = typeof docs === "string" && !docs.includes("\r");
  if (docsAsComment)
    text += docs
      .split("\n")
      .map((line) => `${indent}///${line === "" ? "" : ` ${line}`}\n`)
      .join("");
  for (const [traitId, value] of Object.entries(traits ?? {})) {
    if ((traitId === DOCUMENTATION && docsAsComment) || skip.includes(traitId)) continue;
    text += `${indent}${traitText(traitId, value, names, indent)}\n`;
  }
  return text;
}

function traitText(traitId: string, value: NodeValue, names: FileNames, indent: string): string {
  const name = `@${names.ref(traitId)}`;
  if (isObject(value)) {
    const entries = Object.entries(value);
    if (entries.length === 0) return name;
    const inner = indent + INDENT;
    const pairs = entries.map(([key, item]) => `${objectKey(key)}: ${nodeText(item, inner)}`);
    const oneLine = `${name}(${pairs.join(", ")})`;
    if (oneLine.length <= MAX_LINE - indent.length && !oneLine.includes("\n")) return oneLine;
    return `${name}(\n${pairs.map((pair) => `${inner}${pair}`).join("\n")}\n${indent})`;
  }
  return `${name}(${nodeText(value, indent)})`;
}

const isObject = (value: NodeValue): value is { [key: string]: NodeValue } =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function mixins(list: readonly AstReference[] | undefined, names: FileNames): string {
  return list?.length ? ` with [${list.map((m) => names.ref(m.target)).join(", ")}]` : "";
}

function block(lines: readonly string[]): string {
  return lines.length === 0 ? "{}" : `{\n${lines.join("\n")}\n}`;
}

function memberLine(name: string, member: AstMember, names: FileNames, shape: AstShape): string {
  const traits = member.traits ?? {};
  if (shape.type === "enum" || shape.type === "intEnum") {
    const value = traits[ENUM_VALUE];
    const implied = shape.type === "enum" && value === name && !shape.mixins?.length;
    const assigned = value === undefined || implied ? "" : ` = ${nodeText(value, INDENT)}`;
    return `${traitLines(traits, names, INDENT, [ENUM_VALUE])}${INDENT}${name}${assigned}`;
  }
  const sugar = shape.type === "structure" && DEFAULT in traits;
  const assigned = sugar ? ` = ${nodeText(traits[DEFAULT]!, INDENT)}` : "";
  return `${traitLines(traits, names, INDENT, sugar ? [DEFAULT] : [])}${INDENT}${name}: ${names.ref(member.target)}${assigned}`;
}

function members(shape: AstShape, names: FileNames): string[] {
  return Object.entries(shape.members ?? {}).map(([name, member]) => memberLine(name, member, names, shape));
}

function fixedMembers(shape: AstShape, keys: readonly ("member" | "key" | "value")[], names: FileNames): string[] {
  return keys.flatMap((key) => (shape[key] ? [memberLine(key, shape[key], names, shape)] : []));
}

function refList(key: string, list: readonly AstReference[] | undefined, names: FileNames): string[] {
  if (list === undefined) return [];
  if (list.length === 0) return [`${INDENT}${key}: []`];
  return [`${INDENT}${key}: [\n${list.map((r) => `${INDENT}${INDENT}${names.ref(r.target)}`).join("\n")}\n${INDENT}]`];
}

function refMap(key: string, map: Readonly<Record<string, AstReference>> | undefined, names: FileNames): string[] {
  if (map === undefined) return [];
  const entries = Object.entries(map).map(
    ([name, ref]) => `${INDENT}${INDENT}${objectKey(name)}: ${names.ref(ref.target)}`,
  );
  return [entries.length ? `${INDENT}${key}: {\n${entries.join("\n")}\n${INDENT}}` : `${INDENT}${key}: {}`];
}

function serviceProperties(shape: AstShape, names: FileNames): string[] {
  const rename = Object.entries(shape.rename ?? {}).map(
    ([id, name]) => `${INDENT}${INDENT}${quoted(id)}: ${quoted(name)}`,
  );
  return [
    ...(shape.version !== undefined ? [`${INDENT}version: ${quoted(shape.version)}`] : []),
    ...refList("operations", shape.operations, names),
    ...refList("resources", shape.resources, names),
    ...refList("errors", shape.errors, names),
    ...(shape.rename
      ? [rename.length ? `${INDENT}rename: {\n${rename.join("\n")}\n${INDENT}}` : `${INDENT}rename: {}`]
      : []),
  ];
}

function resourceProperties(shape: AstShape, names: FileNames): string[] {
  return [
    ...refMap("identifiers", shape.identifiers, names),
    ...refMap("properties", shape.properties, names),
    ...RESOURCE_REFERENCES.flatMap((key) => (shape[key] ? [`${INDENT}${key}: ${names.ref(shape[key].target)}`] : [])),
    ...RESOURCE_LISTS.flatMap((key) => refList(key, shape[key], names)),
  ];
}

function operationProperties(shape: AstShape, names: FileNames): string[] {
  return [
    ...(shape.input ? [`${INDENT}input: ${names.ref(shape.input.target)}`] : []),
    ...(shape.output ? [`${INDENT}output: ${names.ref(shape.output.target)}`] : []),
    ...refList("errors", shape.errors, names),
  ];
}
