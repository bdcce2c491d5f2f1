/**
 * The baseline of the server benchmark: a bare node:http server that answers
 * every request with one precomputed response (status, headers and body bytes
 * captured from the generated server), with node:http's defaults otherwise.
 *
 * Usage: node --import tsx bench/servers/bare.ts RESPONSE.json
 * where RESPONSE.json is `{ "statusCode", "headers", "body" }`.
 */
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

interface CapturedResponse {
  readonly statusCode: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

const file = process.argv[2];
if (file === undefined) {
  console.error("usage: node --import tsx bench/servers/bare.ts RESPONSE.json");
  process.exit(2);
}
const captured = JSON.parse(readFileSync(file, "utf8")) as CapturedResponse;
const body = Buffer.from(captured.body);
const headers = { ...captured.headers, "content-length": String(body.length) };

// The same timeouts as @sjc/runtime's createNodeServer, so node writes the same Keep-Alive header.
const server = createServer(
  { headersTimeout: 10_000, requestTimeout: 30_000, keepAliveTimeout: 5_000 },
  (_req, res) => {
    res.writeHead(captured.statusCode, headers);
    res.end(body);
  },
);
server.listen(0, "127.0.0.1", () => {
  console.log(`bare server listening on http://127.0.0.1:${(server.address() as AddressInfo).port}`);
});
process.once("SIGTERM", () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
});
