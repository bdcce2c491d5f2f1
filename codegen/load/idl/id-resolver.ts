/**
 * Relative shape ids of one file, made absolute as they are read: a `use`,
 * then a shape of the namespace defined by any file of the model, then the
 * prelude, then the namespace. Which shapes the namespace has is known only
 * once every file is read; until then (no `typeOf`) a prelude name is taken
 * as the namespace's when a shape statement of the file seems to define it
 * (`preludeNamesDefinedIn`), else as the prelude's, and what was assumed is
 * noted, so that the file can be read again should it turn out wrong.
 * Likewise the value of an annotation trait (`{}`, or `[]` for list traits)
 * depends on the trait's definition.
 */
import type { NodeValue } from "../ast.js";
import type { PendingAnnotation, ResolveError, TraitRecord } from "./parsed-file.js";
import { PRELUDE_NAMESPACE, PRELUDE_SHAPE_TYPES } from "./prelude-names.js";

/** The type of a shape any source of the model defines, by absolute id. */
export type ShapeTypeOf = (id: string) => string | undefined;

const PRELUDE_PREFIX = `${PRELUDE_NAMESPACE}#`;

export class IdResolver {
  /** Resolved ids by text: a file names the same shapes many times. */
  private readonly resolved = new Map<string, string>();
  readonly assumedPrelude = new Set<string>();
  readonly assumedLocal = new Set<string>();
  readonly assumedPreludeTraits = new Set<string>();
  readonly pendingAnnotations: PendingAnnotation[] = [];
  readonly errors: ResolveError[] = [];

  /**
   * `typeOf` knows every file's shapes; without it, resolution assumes and
   * notes what it assumed, taking the prelude names in `localNames` as the
   * namespace's.
   */
  constructor(
    private readonly namespace: string | undefined,
    private readonly uses: ReadonlyMap<string, string>,
    private readonly typeOf: ShapeTypeOf | undefined,
    private readonly localNames: ReadonlySet<string> = new Set(),
  ) {}

  /** Whether the type of a trait is known while the file is read. */
  knowsTypeOf(traitId: string): boolean {
    return this.typeOf !== undefined || traitId.startsWith(PRELUDE_PREFIX);
  }

  /** A relative or absolute shape id, absolute; `offset` locates an id that does not resolve. */
  id(text: string, offset: number): string {
    if (text.includes("#")) return text;
    let id = this.resolved.get(text);
    if (id === undefined) {
      id = this.relative(text, offset);
      this.resolved.set(text, id);
    }
    return id;
  }

  private relative(text: string, offset: number): string {
    const dollar = text.indexOf("$");
    const name = dollar < 0 ? text : text.slice(0, dollar);
    const member = dollar < 0 ? "" : text.slice(dollar);
    const imported = this.uses.get(name);
    if (imported !== undefined) return imported + member;
    const { namespace } = this;
    if (PRELUDE_SHAPE_TYPES.has(name)) {
      if (namespace !== undefined) {
        const local =
          this.typeOf === undefined ? this.localNames.has(name) : this.typeOf(`${namespace}#${name}`) !== undefined;
        if (this.typeOf === undefined) (local ? this.assumedLocal : this.assumedPrelude).add(name);
        if (local) return `${namespace}#${name}${member}`;
      }
      return `${PRELUDE_PREFIX}${name}${member}`;
    }
    if (namespace !== undefined) return `${namespace}#${name}${member}`;
    this.errors.push({
      message: `Syntactic shape ID \`${text}\` does not resolve to a valid shape ID: \`${PRELUDE_PREFIX}${name}\`; quote the string if it is not a shape id`,
      offset,
      shapeId: "-",
    });
    return text;
  }

  /** The value of `@traitId` written without one, set in `traits` (or noted, to be set once the trait's type is known). */
  annotation(traits: TraitRecord, traitId: string): NodeValue {
    const value = {};
    if (this.typeOf === undefined && !traitId.startsWith(PRELUDE_PREFIX)) {
      this.pendingAnnotations.push({ traits, id: traitId, value });
      return value;
    }
    let type = this.typeOf?.(traitId);
    if (type === undefined && traitId.startsWith(PRELUDE_PREFIX)) {
      if (this.typeOf === undefined) this.assumedPreludeTraits.add(traitId);
      type = PRELUDE_SHAPE_TYPES.get(traitId.slice(PRELUDE_PREFIX.length));
    }
    return type === "list" || type === "set" ? [] : value;
  }
}

/** Sets the value of each pending annotation trait whose definition turned out to be a list. */
export function settleAnnotations(pending: readonly PendingAnnotation[], typeOf: ShapeTypeOf): void {
  for (const { traits, id, value } of pending) {
    const type = typeOf(id);
    if ((type === "list" || type === "set") && traits[id] === value) traits[id] = [];
  }
}

const SHAPE_KEYWORDS: ReadonlySet<string> = new Set([
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

const isSpace = (c: number) => c === 32 || c === 9;
const isWordPart = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;

/**
 * The prelude names a file seems to define: lines that read like a shape
 * statement naming one (`string String`). A text block may fool the scan;
 * reading checks the guess.
 */
export function preludeNamesDefinedIn(text: string): Set<string> {
  const names = new Set<string>();
  for (let line = 0; line < text.length;) {
    let pos = line;
    while (isSpace(text.charCodeAt(pos))) pos++;
    const keyword = pos;
    const first = text.charCodeAt(pos);
    // Shape keywords start with a lower-case letter; members and doc comments mostly do not.
    while (first >= 97 && first <= 122 && isWordPart(text.charCodeAt(pos))) pos++;
    if (pos > keyword && isSpace(text.charCodeAt(pos)) && SHAPE_KEYWORDS.has(text.slice(keyword, pos))) {
      while (isSpace(text.charCodeAt(pos))) pos++;
      const name = pos;
      while (isWordPart(text.charCodeAt(pos))) pos++;
      const word = text.slice(name, pos);
      if (PRELUDE_SHAPE_TYPES.has(word)) names.add(word);
    }
    const newline = text.indexOf("\n", pos);
    line = newline < 0 ? text.length : newline + 1;
  }
  return names;
}
