/**
 * `smithy.waiters#waitable`, decoded: per operation, its named waiters with
 * their delays (the trait's, else Smithy's defaults of 2 and 120 seconds) and
 * acceptors in order. Matcher paths are compiled JMESPath (`./jmespath.ts`);
 * `errorType` keeps only the name part of a shape id, which is what an error
 * is matched on. Validation (`validate/validate-waiters.ts`) has checked the
 * trait's form, so decoding only reads.
 */
import type { NodeValue } from "../load/ast.js";
import { type PathExpression, compilePath } from "./jmespath.js";

export const WAITABLE = "smithy.waiters#waitable";

/** Smithy's delays, in seconds, when a waiter does not set them. */
export const DEFAULT_MIN_DELAY = 2;
export const DEFAULT_MAX_DELAY = 120;

export const ACCEPTOR_STATES = ["success", "failure", "retry"] as const;
export type AcceptorState = (typeof ACCEPTOR_STATES)[number];

export const PATH_COMPARATORS = ["stringEquals", "booleanEquals", "allStringEquals", "anyStringEquals"] as const;
export type PathComparator = (typeof PATH_COMPARATORS)[number];

export interface PathMatcher {
  /** The JMESPath expression as the model writes it (documentation quotes it). */
  readonly source: string;
  readonly path: PathExpression;
  readonly expected: string;
  readonly comparator: PathComparator;
}

/** Exactly one member, as in the trait's Matcher union. */
export type WaiterMatcher =
  | { readonly output: PathMatcher }
  | { readonly inputOutput: PathMatcher }
  | { readonly success: boolean }
  | { readonly errorType: string };

export interface WaiterAcceptor {
  readonly state: AcceptorState;
  readonly matcher: WaiterMatcher;
}

export interface Waiter {
  /** UpperCamelCase, unique in the service regardless of case. */
  readonly name: string;
  readonly documentation?: string;
  readonly deprecated: boolean;
  /** Seconds. */
  readonly minDelay: number;
  readonly maxDelay: number;
  /** In the order they are tried; the first that matches decides. */
  readonly acceptors: readonly WaiterAcceptor[];
}

interface RawPathMatcher {
  readonly path: string;
  readonly expected: string;
  readonly comparator: PathComparator;
}

interface RawWaiter {
  readonly documentation?: string;
  readonly deprecated?: boolean;
  readonly minDelay?: number;
  readonly maxDelay?: number;
  readonly acceptors: readonly { readonly state: AcceptorState; readonly matcher: Record<string, unknown> }[];
}

/** The waiters of an operation's `smithy.waiters#waitable` value, sorted by name; empty without the trait. */
export function waitersOf(trait: NodeValue | undefined): Waiter[] {
  if (trait === undefined) return [];
  const waiters = trait as unknown as Readonly<Record<string, RawWaiter>>;
  return Object.keys(waiters)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((name) => toWaiter(name, waiters[name]!));
}

function toWaiter(name: string, raw: RawWaiter): Waiter {
  return {
    name,
    ...(raw.documentation === undefined ? {} : { documentation: raw.documentation }),
    deprecated: raw.deprecated === true,
    minDelay: raw.minDelay ?? DEFAULT_MIN_DELAY,
    maxDelay: raw.maxDelay ?? DEFAULT_MAX_DELAY,
    acceptors: raw.acceptors.map(({ state, matcher }) => ({ state, matcher: toMatcher(matcher) })),
  };
}

function toMatcher(raw: Record<string, unknown>): WaiterMatcher {
  if (raw.output !== undefined) return { output: toPathMatcher(raw.output as RawPathMatcher) };
  if (raw.inputOutput !== undefined) return { inputOutput: toPathMatcher(raw.inputOutput as RawPathMatcher) };
  if (raw.success !== undefined) return { success: raw.success as boolean };
  return { errorType: errorName(raw.errorType as string) };
}

function toPathMatcher(raw: RawPathMatcher): PathMatcher {
  return { source: raw.path, path: compilePath(raw.path), expected: raw.expected, comparator: raw.comparator };
}

/** `ns#Name` → `Name`; a relative name stays as it is. */
const errorName = (errorType: string): string => errorType.slice(errorType.indexOf("#") + 1);
