/**
 * A client's middleware stack (`@smithy/middleware-stack`), holding the call's
 * steps (`./call-steps.ts`) under the SDK's names, so middleware written for
 * SDK v3 works unchanged. The stack is built when a client's or a command's
 * `middlewareStack` is first used; until then the steps are composed directly,
 * in the order the stack would resolve them, which loads nothing and costs no
 * sorting per call.
 */
import type { Handler, HandlerExecutionContext, MetadataBearer, MiddlewareStack } from "@smithy/types";
import { constructStack } from "../platform/node.cjs";
import type { CallStep } from "./call-steps.js";

type Stack = MiddlewareStack<object, MetadataBearer>;
type AnyMiddleware = (
  next: Handler<object, MetadataBearer>,
  context: HandlerExecutionContext,
) => Handler<object, MetadataBearer>;

export class ClientMiddleware {
  private stack: Stack | undefined;

  constructor(private readonly steps: readonly CallStep[]) {}

  /** The client's stack, with the built-in steps on it. */
  get middlewareStack(): Stack {
    return (this.stack ??= stackOf(this.steps));
  }

  /** The handler of one call: the client's middleware, then the command's, then `terminal`. */
  resolve(
    commandStack: Stack | undefined,
    terminal: Handler<object, MetadataBearer>,
    context: HandlerExecutionContext,
  ): Handler<object, MetadataBearer> {
    if (this.stack === undefined && commandStack === undefined) {
      let handler = terminal;
      for (let i = this.steps.length - 1; i >= 0; i--) {
        handler = (this.steps[i]!.middleware as AnyMiddleware)(handler, context);
      }
      return handler;
    }
    const stack = commandStack === undefined ? this.middlewareStack : this.middlewareStack.concat(commandStack);
    return stack.resolve(terminal, context);
  }
}

/** A new stack holding `steps`. */
export function stackOf(steps: readonly CallStep[]): Stack {
  const stack = constructStack<object, MetadataBearer>();
  for (const step of steps) {
    const options = step.options;
    if ("relation" in options) stack.addRelativeTo(step.middleware as never, { ...options, override: true });
    else stack.add(step.middleware as never, { ...options, override: true } as never);
  }
  return stack;
}
