/** The TypeScript type of a value of a given shape, as a member refers to it. */
import type { ShapeIndex } from "../index/shape-index.js";
import type { Imports } from "./imports.js";
import { RT } from "./runtime-symbols.js";

export function typeReference(
  index: ShapeIndex,
  id: string,
  imports: Imports,
  local: (name: string) => string,
): string {
  const shape = index.shape(id);
  switch (shape.type) {
    case "string":
      return "string";
    case "boolean":
      return "boolean";
    case "byte":
    case "short":
    case "integer":
    case "long":
    case "float":
    case "double":
    case "bigInteger":
    case "bigDecimal":
      return "number";
    case "timestamp":
      return "Date";
    case "blob":
      return "Uint8Array";
    case "document":
      return imports.use(RT.DocumentType);
    case "list": {
      const item = typeReference(index, shape.members[0]!.target, imports, local);
      return shape.sparse ? `(${item} | null)[]` : `${item}[]`;
    }
    case "map": {
      const value = typeReference(index, shape.members[1]!.target, imports, local);
      return `Record<string, ${value}${shape.sparse ? " | null" : ""}>`;
    }
    default:
      return local(index.names.shape(id));
  }
}
