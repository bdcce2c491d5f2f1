/**
 * Waiters (`smithy.waiters#waitable`): poll an operation until an acceptor
 * says success or failure, with `createWaiter` of `@smithy/util-waiter` doing
 * the polling (exponential backoff with jitter between the delays, the
 * caller's `maxWaitTime`, abort). `@smithy/util-waiter` is loaded on the
 * first wait, so a client that never waits does not load it.
 */
import type { MetadataBearer, WaiterConfiguration } from "@smithy/types";
import type { WaiterResult } from "@smithy/util-waiter";
import { waiterModule } from "../platform/node.cjs";
import { serializeBlob } from "../serde.js";
import type { JsonRpcClient } from "./client.js";
import type { Command } from "./command.js";
import { type PathExpression, PathEvaluationError, evaluatePath } from "./path-expression.js";

export type WaiterAcceptorState = "success" | "failure" | "retry";

export type WaiterPathComparator = "stringEquals" | "booleanEquals" | "allStringEquals" | "anyStringEquals";

export interface WaiterPathMatcher {
  /** Compiled by the generator from the model's JMESPath. */
  readonly path: PathExpression;
  readonly expected: string;
  readonly comparator: WaiterPathComparator;
}

/** One of the four matchers of the trait. */
export type WaiterMatcher =
  | { readonly output: WaiterPathMatcher }
  | { readonly inputOutput: WaiterPathMatcher }
  | { readonly success: boolean }
  | { readonly errorType: string };

export interface WaiterAcceptor {
  readonly state: WaiterAcceptorState;
  readonly matcher: WaiterMatcher;
}

/** The waiter's delays between calls, in seconds; the caller's configuration overrides them. */
export interface WaiterDelays {
  readonly minDelay: number;
  readonly maxDelay: number;
}

/** What one call of the operation gave. */
type Outcome<Input, Output> =
  | { readonly input: Input; readonly failed: false; readonly output: Output }
  | { readonly input: Input; readonly failed: true; readonly error: unknown };

/**
 * Makes a `waitUntil<Name>` function. It calls the operation, tries the
 * acceptors in order (the first that matches decides), fails on an error no
 * acceptor matched, and retries otherwise. It resolves with the result on
 * success and throws on failure, timeout (`TimeoutError`) and abort
 * (`AbortError`), as SDK v3's `waitUntil…` functions do.
 */
export function createWaiter<Client extends JsonRpcClient, Input extends object, Output extends MetadataBearer>(
  CommandCtor: new (input: Input) => Command<Input, Output>,
  delays: WaiterDelays,
  acceptors: readonly WaiterAcceptor[],
): (params: WaiterConfiguration<Client>, input: Input) => Promise<WaiterResult<Output | Error>> {
  return async function waitUntil(params, input) {
    const { createWaiter: poll, checkExceptions, WaiterState } = waiterModule();
    const signal = params.abortSignal ?? params.abortController?.signal;
    const sendOptions = signal instanceof AbortSignal ? { abortSignal: signal } : undefined;
    const check = async (client: Client, input: Input): Promise<WaiterResult<Output | Error>> => {
      let outcome: Outcome<Input, Output>;
      try {
        outcome = { input, failed: false, output: await client.send(new CommandCtor(input), sendOptions) };
      } catch (error) {
        outcome = { input, failed: true, error };
      }
      const reason = outcome.failed ? (outcome.error as Error) : outcome.output;
      const matched = acceptors.find((acceptor) => matches(acceptor.matcher, outcome));
      const state = matched?.state ?? (outcome.failed ? "failure" : "retry");
      const states = { success: WaiterState.SUCCESS, failure: WaiterState.FAILURE, retry: WaiterState.RETRY };
      return { state: states[state], reason };
    };
    const options = {
      ...params,
      minDelay: params.minDelay ?? delays.minDelay,
      maxDelay: params.maxDelay ?? delays.maxDelay,
    };
    return checkExceptions(await poll(options, input, check));
  };
}

function matches<Input, Output>(matcher: WaiterMatcher, outcome: Outcome<Input, Output>): boolean {
  if ("success" in matcher) return matcher.success === !outcome.failed;
  if ("errorType" in matcher) return outcome.failed && (outcome.error as Error | undefined)?.name === matcher.errorType;
  if (outcome.failed) return false;
  const output = jmespathData(withoutMetadata(outcome.output));
  return "output" in matcher
    ? compare(matcher.output, output)
    : compare(matcher.inputOutput, { input: jmespathData(outcome.input), output });
}

function compare(matcher: WaiterPathMatcher, data: unknown): boolean {
  let result: unknown;
  try {
    result = evaluatePath(matcher.path, data);
  } catch (error) {
    // A function given the wrong type (JMESPath's invalid-type error) matches nothing.
    if (error instanceof PathEvaluationError) return false;
    throw error;
  }
  const { expected } = matcher;
  switch (matcher.comparator) {
    case "stringEquals":
      return result === expected;
    case "booleanEquals":
      return typeof result === "boolean" && String(result) === expected;
    case "allStringEquals":
      return Array.isArray(result) && result.length > 0 && result.every((element) => element === expected);
    case "anyStringEquals":
      return Array.isArray(result) && result.some((element) => element === expected);
  }
}

/** The output's members, without the response metadata SDK v3 adds beside them. */
function withoutMetadata(output: unknown): unknown {
  if (typeof output !== "object" || output === null) return output;
  const { $metadata: _metadata, ...members } = output as Record<string, unknown>;
  return members;
}

/**
 * A value in Smithy's JMESPath data model for waiters: timestamps are epoch
 * seconds, blobs base64 strings, big integers numbers; absent members drop out.
 */
function jmespathData(value: unknown): unknown {
  if (value instanceof Date) return value.getTime() / 1000;
  if (value instanceof Uint8Array) return serializeBlob(value);
  if (typeof value === "bigint") return Number(value);
  if (Array.isArray(value)) return value.map(jmespathData);
  if (typeof value === "object" && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [key, member] of Object.entries(value)) if (member !== undefined) out[key] = jmespathData(member);
    return out;
  }
  return value;
}
