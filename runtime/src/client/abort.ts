/** Abort plumbing: the error an aborted call rejects with, and abortable waits. */

/** An `AbortError` (as `@smithy/node-http-handler` builds it), caused by the signal's reason. */
export function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  const error = new Error(
    reason instanceof Error || reason === undefined ? "Request aborted" : String(reason),
    reason instanceof Error ? { cause: reason } : undefined,
  );
  error.name = "AbortError";
  return error;
}

/**
 * A promise that rejects with an {@link abortError} once `signal` aborts, to
 * race against each step of a call; `dispose` removes its listener.
 */
export function whenAborted(signal: AbortSignal): { promise: Promise<never>; dispose: () => void } {
  let onAbort = (): void => {};
  const promise = new Promise<never>((_, reject) => {
    onAbort = () => reject(abortError(signal));
    signal.addEventListener("abort", onAbort, { once: true });
  });
  promise.catch(() => {}); // a rejection nobody races against is not an error
  return { promise, dispose: () => signal.removeEventListener("abort", onAbort) };
}

/** Resolves after `ms`; the timer is cleared when `aborted` settles first. */
export function sleep(ms: number, aborted: Promise<never> | undefined): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const slept = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
  });
  if (aborted === undefined) return slept;
  return Promise.race([slept, aborted]).finally(() => clearTimeout(timer));
}
