/**
 * A JSON AST model as IDL files, one per namespace (`<namespace>.smithy`),
 * shapes sorted by id; metadata goes in the first file. Loading the files
 * gives the model back (the round trip `test:idl` checks).
 */
import type { AstMember, AstModel, AstReference, AstShape } from "../load/ast.js";
import { FileNames, namespaceOf } from "./file-names.js";
import { nodeText, objectKey } from "./idl-node.js";
import { shapeStatement } from "./shape-statements.js";

export interface IdlFile {
  readonly path: string;
  readonly text: string;
}

export function modelToIdl(model: AstModel): IdlFile[] {
  const byNamespace = new Map<string, string[]>();
  for (const id of Object.keys(model.shapes).sort()) {
    const namespace = namespaceOf(id);
    byNamespace.set(namespace, [...(byNamespace.get(namespace) ?? []), id]);
  }
  const namespaces = [...byNamespace.keys()].sort();
  if (namespaces.length === 0) return [{ path: "model.smithy", text: `$version: "2.0"\n${metadataText(model)}` }];
  return namespaces.map((namespace, index) => {
    const ids = byNamespace.get(namespace)!;
    const names = new FileNames(
      namespace,
      ids.map((id) => id.slice(id.indexOf("#") + 1)),
      ids.flatMap((id) => referencesOf(model.shapes[id]!)),
    );
    const uses = names.uses.map((id) => `use ${id}\n`).join("");
    const statements = ids.map((id) => `${shapeStatement(id, model.shapes[id]!, names)}\n`).join("\n");
    const metadata = index === 0 ? metadataText(model) : "";
    const text = `$version: "2.0"\n${metadata}\nnamespace ${namespace}\n${uses ? `\n${uses}` : ""}\n${statements}`;
    return { path: `${namespace}.smithy`, text };
  });
}

function metadataText(model: AstModel): string {
  const entries = Object.entries(model.metadata ?? {}).sort(([a], [b]) => (a < b ? -1 : 1));
  return entries.length
    ? `\n${entries.map(([key, value]) => `metadata ${objectKey(key)} = ${nodeText(value, "")}\n`).join("")}`
    : "";
}

/** Every shape id a shape names outside trait values: traits, mixins, members, properties. */
function referencesOf(shape: AstShape): string[] {
  const ids = [...Object.keys(shape.traits ?? {}), ...(shape.mixins ?? []).map((m) => m.target)];
  const member = (m: AstMember | undefined) => (m ? [m.target, ...Object.keys(m.traits ?? {})] : []);
  for (const m of Object.values(shape.members ?? {})) ids.push(...member(m));
  ids.push(...member(shape.member), ...member(shape.key), ...member(shape.value));
  for (const value of Object.values(shape)) {
    if (isReference(value)) ids.push(value.target);
    else if (Array.isArray(value)) ids.push(...value.filter(isReference).map((r) => r.target));
  }
  for (const map of [shape.identifiers, shape.properties]) ids.push(...Object.values(map ?? {}).map((r) => r.target));
  return ids;
}

const isReference = (value: unknown): value is AstReference =>
  typeof value === "object" && value !== null && typeof (value as AstReference).target === "string";
