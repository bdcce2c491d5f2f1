/**
 * The transport floor of the server benchmark: @sjc/runtime's node adapter
 * (createNodeServer: body reading, limits, response writing) around a handler
 * that does no work and answers the precomputed response. What separates it
 * from the bare server is the adapter; what separates the generated server
 * from it is the handler's work (parsing, validation, the implementation,
 * serialisation).
 *
 * Usage: node --import tsx bench/servers/adapter.ts RESPONSE.json
 * where RESPONSE.json is `{ "statusCode", "headers", "body" }`.
 */
import { readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { closeGracefully, createNodeServer, type JsonRpcResponse } from "@sjc/runtime/server";

const file = process.argv[2];
if (file === undefined) {
  console.error("usage: node --import tsx bench/servers/adapter.ts RESPONSE.json");
  process.exit(2);
}
const captured = JSON.parse(readFileSync(file, "utf8")) as JsonRpcResponse;
const contentType = captured.headers["content-type"] ?? "application/x-amz-json-1.1";
const answer = async (): Promise<JsonRpcResponse> => ({ ...captured, headers: { ...captured.headers } });

// The answer is canned; a transport-written error (413, 500) would only come from a broken bench.
const errorResponse = (): JsonRpcResponse => {
  throw new Error("the adapter bench answers only its captured response");
};
const server = createNodeServer(Object.assign(answer, { contentType, errorResponse }));
server.listen(0, "127.0.0.1", () => {
  console.log(`adapter server listening on http://127.0.0.1:${(server.address() as AddressInfo).port}`);
});
process.once("SIGTERM", () => void closeGracefully(server).then(() => process.exit(0)));
