/**
 * Operations with `smithy.api#streaming` members (event streams, streaming
 * blobs) cannot be carried as plain awsJson bodies; the generator skips them
 * with a warning rather than emit code that cannot work.
 */
import type { AstShape } from "../load/ast.js";
import type { FlatModel } from "./flatten.js";

/** The first `Structure$member` of the operation's input or output that streams, if any. */
export function streamingMember(model: FlatModel, operation: AstShape): string | undefined {
  for (const ref of [operation.input, operation.output]) {
    const structure = ref ? model.shapes.get(ref.target) : undefined;
    for (const [name, member] of Object.entries(structure?.members ?? {})) {
      if (model.shapes.get(member.target)?.traits?.["smithy.api#streaming"] !== undefined)
        return `${ref!.target}$${name}`;
    }
  }
  return undefined;
}
