/** The base of every generated `<Operation>Command`. */
import type { MetadataBearer, MiddlewareStack } from "@smithy/types";
import { constructStack } from "../platform/node.cjs";

/** The key of a command's stack, set once `middlewareStack` is first read. */
const STACK = Symbol("sjc.commandStack");

/** Names one call of an operation: which operation, with which input. */
export class Command<Input extends object, Output extends MetadataBearer> {
  /** Type-only: carries `Output`, so `client.send(command)` can infer it. Never set. */
  declare readonly $output?: Output;
  [STACK]: MiddlewareStack<Input, Output> | undefined = undefined;

  constructor(
    /** The operation's shape name, as in `X-Amz-Target`. */
    readonly operationName: string,
    readonly input: Input,
  ) {}

  /**
   * Middleware for this command only (`@smithy/middleware-stack`), added after
   * the client's when it is sent. Created on first use.
   */
  get middlewareStack(): MiddlewareStack<Input, Output> {
    return (this[STACK] ??= constructStack<Input, Output>());
  }
}

/** The command's own stack, or undefined when nobody has asked for it. */
export function commandStackOf<Input extends object, Output extends MetadataBearer>(
  command: Command<Input, Output>,
): MiddlewareStack<Input, Output> | undefined {
  return command[STACK];
}
