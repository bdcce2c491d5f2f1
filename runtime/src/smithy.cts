/**
 * The @smithy values the runtime uses, required from CommonJS.
 *
 * The @smithy packages ship CommonJS only. For each CommonJS file that an ES
 * module imports, Node 20 first runs cjs-module-lexer over its source to find
 * the named exports; on a cold start that costs tens of milliseconds for a
 * bundle such as @smithy/signature-v4 (24 kB) or @smithy/node-http-handler
 * (35 kB). Required from here, they load as plain CommonJS and only this small
 * file is lexed. So ES modules of the runtime import @smithy values from here,
 * not from the packages (type-only imports cost nothing).
 */
import type { NodeHttpHandler, NodeHttpHandlerOptions } from "@smithy/node-http-handler";

export { Hash } from "@smithy/hash-node";
export { HttpRequest } from "@smithy/protocol-http";
export { SignatureV4 } from "@smithy/signature-v4";
export { StandardRetryStrategy } from "@smithy/util-retry";

/** The default transport, loaded on first use: a client given a `requestHandler` never loads it. */
export function createNodeHttpHandler(options: NodeHttpHandlerOptions): NodeHttpHandler {
  const { NodeHttpHandler } = require("@smithy/node-http-handler") as typeof import("@smithy/node-http-handler");
  return new NodeHttpHandler(options);
}
