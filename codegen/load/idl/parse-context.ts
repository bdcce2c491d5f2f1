/** The state the statement parsers share while reading the shapes of one file. */
import type { AstShape } from "../ast.js";
import type { IdResolver } from "./id-resolver.js";
import type { IdValue } from "./node-parser.js";
import type { Elision, MixedShape, ResolveError } from "./parsed-file.js";
import type { TokenStream } from "./token-stream.js";

export interface ParseContext {
  readonly stream: TokenStream;
  readonly version: "1.0" | "2.0";
  readonly namespace: string;
  readonly uses: ReadonlyMap<string, string>;
  readonly inputSuffix: string;
  readonly outputSuffix: string;
  readonly ids: IdResolver;
  /** Unquoted shape ids in node values, resolved. */
  readonly idValue: IdValue;
  /** Problems that are not syntax errors: reported once the file is read, and reading goes on. */
  readonly problems: ResolveError[];
  readonly elisions: Elision[];
  readonly mixed: MixedShape[];
  /** Traits given twice with values that do not merge, until their owner is known (`claimConflicts`). */
  readonly conflicts: { readonly traitId: string; readonly offset: number }[];
  /** A trait of unknown type was given twice on one shape or member. */
  needsSecondReading: boolean;
  /** Records a shape; a second shape of the same id is a syntax error. */
  addShape(id: string, type: string, offset: number, shape: AstShape): void;
}

/** A shape statement being read: its id and kind, and the JSON AST shape it becomes. */
export interface ShapeInProgress {
  readonly id: string;
  readonly type: string;
  readonly offset: number;
  readonly ast: Record<string, unknown>;
  /** Resolved, as written after `with`. */
  mixins: readonly string[];
  /** Resolved, as written after `for`. */
  forResource?: string;
}

/** The pending trait conflicts, as problems of the shape or its `member`. */
export function claimConflicts(ctx: ParseContext, shapeId: string, member?: string): void {
  if (ctx.conflicts.length === 0) return;
  const owner = member === undefined ? shapeId : `${shapeId}$${member}`;
  for (const { traitId, offset } of ctx.conflicts) {
    ctx.problems.push({ message: `Conflicting \`${traitId}\` trait values`, offset, shapeId: owner });
  }
  ctx.conflicts.length = 0;
}
