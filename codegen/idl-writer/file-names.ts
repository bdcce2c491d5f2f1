/**
 * How one IDL file names shapes: its own namespace's shapes by name, shapes of
 * other namespaces through `use` when their name is free, prelude shapes by
 * name when no shape of the file's takes it; any other id in full. The loader
 * resolves a name in that order (use, namespace, prelude), so each name written
 * reads back as the same id.
 */
import { PRELUDE_NAMESPACE, PRELUDE_SHAPE_TYPES } from "../load/idl/prelude-names.js";

export class FileNames {
  /** Name → the absolute id it stands for in this file. */
  private readonly bound = new Map<string, string>();
  readonly uses: string[] = [];

  constructor(
    readonly namespace: string,
    ownNames: Iterable<string>,
    /** Every absolute id the file refers to, in the order met. */
    referenced: Iterable<string>,
  ) {
    for (const name of ownNames) this.bound.set(name, `${namespace}#${name}`);
    const foreign = [...new Set(referenced)].filter(
      (id) => namespaceOf(id) !== namespace && namespaceOf(id) !== PRELUDE_NAMESPACE,
    );
    for (const id of foreign.sort()) {
      const name = nameOf(id);
      if (this.bound.has(name) || PRELUDE_SHAPE_TYPES.has(name)) continue;
      this.bound.set(name, id);
      this.uses.push(id);
    }
    for (const name of PRELUDE_SHAPE_TYPES.keys()) {
      if (!this.bound.has(name)) this.bound.set(name, `${PRELUDE_NAMESPACE}#${name}`);
    }
  }

  /** How the file writes a shape id (members as `Shape$member`). */
  ref(id: string): string {
    const dollar = id.indexOf("$");
    const shape = dollar < 0 ? id : id.slice(0, dollar);
    const member = dollar < 0 ? "" : id.slice(dollar);
    const name = nameOf(shape);
    return this.bound.get(name) === shape ? name + member : id;
  }
}

export const namespaceOf = (id: string): string => id.slice(0, id.indexOf("#"));
const nameOf = (id: string): string => id.slice(id.indexOf("#") + 1);
