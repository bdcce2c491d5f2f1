/** The base of every generated `<Operation>Command`. */
import type { MetadataBearer } from "@smithy/types";

/** Names one call of an operation: which operation, with which input. */
export class Command<Input extends object, Output extends MetadataBearer> {
  /** Type-only: carries `Output`, so `client.send(command)` can infer it. Never set. */
  declare readonly $output?: Output;

  constructor(
    /** The operation's shape name, as in `X-Amz-Target`. */
    readonly operationName: string,
    readonly input: Input,
  ) {}
}
