/**
 * What a read IDL file leaves until every file of the model is read: whether
 * it must be read again (it assumed a prelude shape the namespace defines, or
 * merged a trait of unknown type), the value of annotation traits defined
 * elsewhere, the types of its mixins, and the ids in its metadata.
 */
import type { NodeValue } from "../ast.js";
import { IdResolver, settleAnnotations, type ShapeTypeOf } from "./id-resolver.js";
import { type IdlNode, type ParsedIdlFile, type ResolveError, ShapeIdText } from "./parsed-file.js";

export interface SettledFile {
  readonly metadata: readonly { readonly key: string; readonly value: NodeValue; readonly offset: number }[];
  readonly errors: readonly ResolveError[];
}

/** Whether what the file assumed while read without the other files turned out wrong. */
export function needsSecondReading(file: ParsedIdlFile, typeOf: ShapeTypeOf): boolean {
  if (file.needsSecondReading) return true;
  for (const name of file.assumedPrelude) if (typeOf(`${file.namespace}#${name}`) !== undefined) return true;
  for (const name of file.assumedLocal) if (typeOf(`${file.namespace}#${name}`) === undefined) return true;
  for (const id of file.assumedPreludeTraits) if (typeOf(id) !== undefined) return true;
  return false;
}

export function settleFile(file: ParsedIdlFile, typeOf: ShapeTypeOf): SettledFile {
  settleAnnotations(file.pendingAnnotations, typeOf);
  const errors = [...file.problems, ...mixinTypeErrors(file, typeOf)];
  if (file.metadata.length === 0) return { metadata: [], errors };
  const ids = new IdResolver(file.namespace, file.uses, typeOf);
  const metadata = file.metadata.map(({ key, value, offset }) => ({ key, value: resolveNode(value, ids), offset }));
  return { metadata, errors: [...errors, ...ids.errors] };
}

/** Mixins must be shapes of the mixing shape's type. */
function mixinTypeErrors(file: ParsedIdlFile, typeOf: ShapeTypeOf): ResolveError[] {
  const errors: ResolveError[] = [];
  for (const { id, type, offset, mixins } of file.mixed) {
    const wrong = mixins.filter((mixin) => {
      const mixinType = typeOf(mixin);
      return mixinType !== undefined && mixinType !== type;
    });
    if (wrong.length === 0) continue;
    errors.push({
      message: `Mixins may only be mixed into shapes of the same type. The following mixins were applied to the ${type} shape \`${id}\` which are not ${type} shapes: [${wrong.map((m) => `\`${m}\``).join(", ")}]`,
      offset,
      shapeId: id,
    });
  }
  return errors;
}

/** A node value with its shape ids resolved, in place: parsed values belong to nobody else. */
function resolveNode(value: IdlNode, ids: IdResolver): NodeValue {
  if (typeof value !== "object" || value === null) return value;
  if (value instanceof ShapeIdText) return ids.id(value.text, value.offset);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = resolveNode(value[i]!, ids);
  } else {
    for (const key in value) value[key] = resolveNode(value[key]!, ids);
  }
  return value as NodeValue;
}
