/** Types that both platforms (`./node.cts`, `./browser.ts`) share. */
import type { HttpRequest } from "@smithy/protocol-http";
import type { HttpHandlerOptions, HttpResponse, RequestHandler } from "@smithy/types";
import type { EndpointCache, EndpointError, customEndpointFunctions, resolveEndpoint } from "@smithy/util-endpoints";
import type { awsEndpointFunctions } from "@aws-sdk/util-endpoints";
import type { WaiterState, checkExceptions, createWaiter } from "@smithy/util-waiter";

/** What sends a signed request: the platform's default, `@smithy/fetch-http-handler`, or a stub. */
export type PlatformRequestHandler = RequestHandler<HttpRequest, HttpResponse, HttpHandlerOptions>;

export interface DefaultHandlerOptions {
  /** Milliseconds to establish a connection (ignored by fetch). */
  readonly connectionTimeout: number;
  /** Milliseconds until response headers, and of body inactivity. */
  readonly requestTimeout: number;
}

/** What evaluates endpoint rule sets: `@smithy/util-endpoints` and the `aws.*` functions. */
export interface EndpointModules {
  readonly resolveEndpoint: typeof resolveEndpoint;
  readonly EndpointCache: typeof EndpointCache;
  readonly EndpointError: typeof EndpointError;
  readonly customEndpointFunctions: typeof customEndpointFunctions;
  readonly awsEndpointFunctions: typeof awsEndpointFunctions;
}

/** What polls a waiter: `@smithy/util-waiter`. */
export interface WaiterModule {
  readonly createWaiter: typeof createWaiter;
  readonly checkExceptions: typeof checkExceptions;
  readonly WaiterState: typeof WaiterState;
}

/** `@smithy/core/cbor`, the CBOR encoder and decoder of SDK v3, as the rpcv2Cbor codec uses it. */
export interface CborLibrary {
  readonly serialize: (input: unknown) => Uint8Array;
  readonly deserialize: (payload: Uint8Array) => unknown;
  /** Marks `{ tag, value }` as a CBOR tag for the encoder. */
  readonly tag: (data: { tag: number; value: unknown }) => unknown;
  /** The key that marks a decoded (or to be encoded) `{ tag, value }` as a tag. */
  readonly tagSymbol: symbol;
}
