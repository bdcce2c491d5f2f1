/**
 * What the IDL parser reads from one file: its shapes already as JSON AST,
 * their ids made absolute as they are read (`id-resolver.ts`), and what can
 * only be settled once every file of the model is read: metadata ids, the
 * targets of elided members, the types of mixins, and the value of
 * annotation traits the file does not define.
 */
import type { AstShape, NodeValue } from "../ast.js";

/** A shape id as written in metadata, resolved once the file's namespace is known. */
export class ShapeIdText {
  constructor(
    readonly text: string,
    readonly offset: number,
  ) {}
}

/** A node value as parsed: unquoted shape ids of metadata are kept as `ShapeIdText`. */
export type IdlNode = null | boolean | number | string | ShapeIdText | IdlNode[] | { [key: string]: IdlNode };

/** The traits of a shape, member or `apply` statement, as the JSON AST record they become. */
export type TraitRecord = Record<string, NodeValue>;

/** A problem found after the syntax was read, at an offset of the file or about a shape. */
export interface ResolveError {
  readonly message: string;
  readonly offset: number;
  readonly shapeId: string;
}

/**
 * What a member leaves to the mixins of its shape, known once every file is
 * read: the target of a member written `$name`, or the value of an enum
 * member written without one (inherited, or else its name).
 */
export interface Elision {
  readonly shapeId: string;
  readonly member: string;
  readonly resource?: string;
  readonly mixins: readonly string[];
  readonly offset: number;
  readonly enumValue?: true;
}

/** A shape with mixins, whose mixins' types and members are checked once every file is read. */
export interface MixedShape {
  readonly id: string;
  readonly type: string;
  readonly offset: number;
  readonly mixins: readonly string[];
}

/** An annotation trait (`@foo`) whose value (`{}`, or `[]` for a list trait) waits for its definition. */
export interface PendingAnnotation {
  readonly traits: TraitRecord;
  readonly id: string;
  readonly value: NodeValue;
}

export interface ParsedApply {
  readonly target: string;
  readonly traits: TraitRecord;
  readonly offset: number;
}

export interface ParsedMetadata {
  readonly key: string;
  readonly value: IdlNode;
  readonly offset: number;
}

export interface ParsedIdlFile {
  readonly version: "1.0" | "2.0";
  readonly namespace: string | undefined;
  /** `use` statements: shape name → absolute id. */
  readonly uses: ReadonlyMap<string, string>;
  /** The shapes the file defines, by absolute id. */
  readonly shapes: Record<string, AstShape>;
  /** Shape ids in order of definition, and the offset each is defined at. */
  readonly shapeIds: readonly string[];
  readonly shapeOffsets: readonly number[];
  readonly applies: readonly ParsedApply[];
  readonly metadata: readonly ParsedMetadata[];
  readonly elisions: readonly Elision[];
  readonly mixed: readonly MixedShape[];
  readonly pendingAnnotations: readonly PendingAnnotation[];
  readonly problems: readonly ResolveError[];
  /**
   * Prelude names that ids were resolved with before the namespace's shapes
   * were known: as the prelude's (`assumedPrelude`) or the namespace's
   * (`assumedLocal`); and prelude traits whose annotation value was taken
   * from the prelude. Should a guess be wrong, the file is read again with
   * every file's shapes known.
   */
  readonly assumedPrelude: ReadonlySet<string>;
  readonly assumedLocal: ReadonlySet<string>;
  readonly assumedPreludeTraits: ReadonlySet<string>;
  /** A trait of unknown type was given twice: only a second reading, with the types known, merges it right. */
  readonly needsSecondReading: boolean;
}
