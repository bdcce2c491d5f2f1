/** The Smithy 2.0 JSON AST, as read from disk (before any resolution). */

export type NodeValue = null | boolean | number | string | NodeValue[] | { [key: string]: NodeValue };

export type Traits = Readonly<Record<string, NodeValue>>;

export interface AstReference {
  readonly target: string;
}

export interface AstMember {
  readonly target: string;
  readonly traits?: Traits;
}

export interface AstShape {
  readonly type: string;
  readonly traits?: Traits;
  readonly mixins?: readonly AstReference[];
  /** structure, union, enum, intEnum */
  readonly members?: Readonly<Record<string, AstMember>>;
  /** list, set */
  readonly member?: AstMember;
  /** map */
  readonly key?: AstMember;
  readonly value?: AstMember;
  /** service */
  readonly version?: string;
  readonly operations?: readonly AstReference[];
  readonly resources?: readonly AstReference[];
  readonly errors?: readonly AstReference[];
  readonly rename?: Readonly<Record<string, string>>;
  /** operation */
  readonly input?: AstReference;
  readonly output?: AstReference;
  /** resource */
  readonly identifiers?: Readonly<Record<string, AstReference>>;
  readonly properties?: Readonly<Record<string, AstReference>>;
  /** resource lifecycle operations */
  readonly create?: AstReference;
  readonly put?: AstReference;
  readonly read?: AstReference;
  readonly update?: AstReference;
  readonly delete?: AstReference;
  readonly list?: AstReference;
  readonly collectionOperations?: readonly AstReference[];
}

export interface AstModel {
  readonly smithy: string;
  readonly metadata?: Readonly<Record<string, NodeValue>>;
  readonly shapes: Readonly<Record<string, AstShape>>;
}
