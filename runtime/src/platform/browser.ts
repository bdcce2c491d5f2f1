/**
 * The platform of the runtime in browsers: the same names as `./node.cts`,
 * swapped in by bundlers through package.json's `browser` field. Requests go
 * through `@smithy/fetch-http-handler`, SHA-256 is `@aws-crypto/sha256-browser`;
 * there are no environment variables, config files or default credential chain,
 * and bodies are not compressed.
 */
import { Sha256 as BrowserSha256 } from "@aws-crypto/sha256-browser";
import { awsEndpointFunctions } from "@aws-sdk/util-endpoints";
import { cbor, tag, tagSymbol } from "@smithy/core/cbor";
import { FetchHttpHandler } from "@smithy/fetch-http-handler";
import { constructStack as smithyConstructStack } from "@smithy/middleware-stack";
import type { ChecksumConstructor } from "@smithy/types";
import { EndpointCache, EndpointError, customEndpointFunctions, resolveEndpoint } from "@smithy/util-endpoints";
import { AdaptiveRetryStrategy } from "@smithy/util-retry";
import { WaiterState, checkExceptions, createWaiter } from "@smithy/util-waiter";
import fastDeepEqual from "fast-deep-equal";
import type * as Node from "./node.cjs";

export { HttpRequest } from "@smithy/protocol-http";
export { SignatureV4 } from "@smithy/signature-v4";
export { StandardRetryStrategy } from "@smithy/util-retry";

export const Sha256: ChecksumConstructor = BrowserSha256;

export const deepEqual: typeof Node.deepEqual = fastDeepEqual;

export const randomUUID: typeof Node.randomUUID = () => globalThis.crypto.randomUUID();

export const environment: typeof Node.environment = () => ({});

export const userAgentPlatform: typeof Node.userAgentPlatform = () => "lang/js md/browser";

export const SETS_USER_AGENT_HEADER: typeof Node.SETS_USER_AGENT_HEADER = false;

export const gzip: typeof Node.gzip = () => undefined;

export const createAdaptiveRetryStrategy: typeof Node.createAdaptiveRetryStrategy = (maxAttempts) =>
  new AdaptiveRetryStrategy(async () => maxAttempts);

export const configLoader: typeof Node.configLoader = () => undefined;

export const defaultCredentialChain: typeof Node.defaultCredentialChain = () => () =>
  Promise.reject(new Error("No credentials: in a browser, give the client `credentials` (an identity or a provider)"));

export const createDefaultRequestHandler: typeof Node.createDefaultRequestHandler = (options) =>
  new FetchHttpHandler({ requestTimeout: options.requestTimeout });

export const constructStack: typeof Node.constructStack = smithyConstructStack;

export const endpointModules: typeof Node.endpointModules = () => ({
  resolveEndpoint,
  EndpointCache,
  EndpointError,
  customEndpointFunctions,
  awsEndpointFunctions,
});

export const waiterModule: typeof Node.waiterModule = () => ({ createWaiter, checkExceptions, WaiterState });

const cborModule = { serialize: cbor.serialize, deserialize: cbor.deserialize, tag, tagSymbol };

export const cborLibrary: typeof Node.cborLibrary = () => cborModule;
