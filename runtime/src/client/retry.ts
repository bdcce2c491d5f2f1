/**
 * Which failures are worth another attempt, in the vocabulary of
 * `RetryStrategyV2`. The lists follow `@smithy/core/retry`'s classification,
 * except that every 5xx is transient (the SDK leaves 501 and 505+ alone).
 */
import type { RetryErrorType } from "@smithy/types";

const THROTTLING_ERRORS = new Set([
  "BandwidthLimitExceeded",
  "EC2ThrottledException",
  "LimitExceededException",
  "PriorRequestNotComplete",
  "ProvisionedThroughputExceededException",
  "RequestLimitExceeded",
  "RequestThrottled",
  "RequestThrottledException",
  "SlowDown",
  "ThrottledException",
  "Throttling",
  "ThrottlingException",
  "TooManyRequestsException",
  "TransactionInProgressException",
]);

const TRANSIENT_ERRORS = new Set(["TimeoutError", "RequestTimeout", "RequestTimeoutException"]);

/** Node.js socket error codes: timeouts, resets, and name resolution or routing failures. */
const TRANSIENT_CODES = new Set([
  "ECONNRESET",
  "ECONNREFUSED",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ERR_STREAM_PREMATURE_CLOSE",
]);

interface FailureLike {
  readonly name?: unknown;
  readonly code?: unknown;
  readonly cause?: unknown;
  readonly $metadata?: { readonly httpStatusCode?: number };
}

export function retryErrorType(error: unknown): RetryErrorType {
  const failure = (error ?? {}) as FailureLike;
  if (failure.name === "AbortError") return "CLIENT_ERROR";
  const status = failure.$metadata?.httpStatusCode;
  if (status === 429 || THROTTLING_ERRORS.has(failure.name as string)) return "THROTTLING";
  if ((status !== undefined && status >= 500) || isTransient(failure, 0)) return "TRANSIENT";
  return "CLIENT_ERROR";
}

/** A timeout or network failure, possibly wrapped (fetch wraps them in `cause`). */
function isTransient(failure: FailureLike, depth: number): boolean {
  if (TRANSIENT_ERRORS.has(failure.name as string) || TRANSIENT_CODES.has(failure.code as string)) return true;
  const cause = failure.cause;
  return typeof cause === "object" && cause !== null && depth < 5 && isTransient(cause as FailureLike, depth + 1);
}
