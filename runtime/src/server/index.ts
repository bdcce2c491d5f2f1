/**
 * `@sjc/runtime/server`: the awsJson server, apart from the package root so
 * that a client never loads it (nor node:http).
 */
export { createJsonRpcHandler } from "./handler.js";
export type { HandlerOptions, JsonRpcHandler, JsonRpcRequest, OperationHandler, RequestContext } from "./handler.js";
export { bodyText } from "./responses.js";
export type { JsonRpcResponse } from "./responses.js";
export type { CallerIdentity } from "./sigv4.js";
export { loadCredentialsFile, parseCredentialsSpec } from "./credentials.js";
export { checkOrigin } from "./cors.js";
export { closeGracefully, createNodeServer } from "./node-server.js";
export type { NodeServerOptions } from "./node-server.js";
