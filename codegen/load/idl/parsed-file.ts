/**
 * What the IDL parser reads from one file, before relative shape ids are
 * resolved (that needs every file of the model, as ids may point forward or
 * into other files of the namespace).
 */

/** A shape id as written, not yet resolved, and where it was written. */
export class ShapeIdText {
  constructor(
    readonly text: string,
    readonly offset: number,
  ) {}
}

/** A node value as parsed: unquoted shape ids are kept as `ShapeIdText`. */
export type IdlNode = null | boolean | number | string | ShapeIdText | IdlNode[] | { [key: string]: IdlNode };

export interface ParsedTrait {
  readonly name: ShapeIdText;
  readonly value: IdlNode;
  /** Written without a value (`@foo`, `@foo()`): read as `{}`, or `[]` for a list trait. */
  readonly annotation: boolean;
}

export interface ParsedMember {
  readonly name: string;
  /** Absent when elided (`$name`): the target comes from the `for` resource or a mixin. */
  readonly target?: ShapeIdText;
  readonly traits: ParsedTrait[];
  readonly offset: number;
}

export interface ParsedShape {
  /** Absolute: shapes are defined in the file's namespace. */
  readonly id: string;
  readonly type: string;
  readonly offset: number;
  readonly traits: ParsedTrait[];
  readonly mixins: ShapeIdText[];
  readonly members: ParsedMember[];
  /** `structure X for Resource`. */
  forResource?: ShapeIdText;
  /** Service, resource and operation properties that name one shape (`input`, `read`, …). */
  readonly references: Record<string, ShapeIdText>;
  /** … that name a list of shapes (`operations`, `errors`, …). */
  readonly referenceLists: Record<string, ShapeIdText[]>;
  /** … that name shapes by name (`identifiers`, `properties`). */
  readonly referenceMaps: Record<string, Record<string, ShapeIdText>>;
  version?: string;
  rename?: Record<string, string>;
}

export interface ParsedApply {
  readonly target: ShapeIdText;
  readonly traits: ParsedTrait[];
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
  readonly shapes: readonly ParsedShape[];
  /** The type of each shape the file defines, by absolute id. */
  readonly types: ReadonlyMap<string, string>;
  readonly applies: readonly ParsedApply[];
  readonly metadata: readonly ParsedMetadata[];
}

export function emptyShape(id: string, type: string, offset: number, traits: ParsedTrait[]): ParsedShape {
  return { id, type, offset, traits, mixins: [], members: [], references: {}, referenceLists: {}, referenceMaps: {} };
}
