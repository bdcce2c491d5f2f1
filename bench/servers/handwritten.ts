/**
 * A peer of the generated server: DescribeMaintenanceWindowExecutionTasks as
 * a user would write it by hand on node:http, without sjc. JSON.parse and
 * JSON.stringify, the model's input constraints checked by hand
 * (peer-input.ts), and the store, filters, pages and NextTokens of the
 * reference service (peer-operation.ts). It answers with the generated
 * server's body bytes, status codes and awsJson headers.
 *
 * Usage: node --import tsx bench/servers/handwritten.ts DATA.json
 */
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { readPeerInput } from "./peer-input.js";
import { PeerError, createPeerOperation, errorBody, loadPeerStore } from "./peer-operation.js";

const CONTENT_TYPE = "application/x-amz-json-1.1";
const TARGET = "AmazonSSM.DescribeMaintenanceWindowExecutionTasks";
const MAX_BODY_BYTES = 1024 * 1024;

const file = process.argv[2];
if (file === undefined) {
  console.error("usage: node --import tsx bench/servers/handwritten.ts DATA.json");
  process.exit(2);
}
const operation = createPeerOperation(loadPeerStore(file));

function answer(res: ServerResponse, statusCode: number, body: string, errorType?: string): void {
  const headers: Record<string, string> = { "content-type": CONTENT_TYPE, "x-amzn-requestid": randomUUID() };
  if (errorType !== undefined) headers["x-amzn-errortype"] = errorType;
  headers["content-length"] = String(Buffer.byteLength(body));
  res.writeHead(statusCode, headers);
  res.end(body);
}

function fail(res: ServerResponse, error: PeerError): void {
  answer(res, error.statusCode, errorBody(error), error.type);
}

/** The checks that need no body, in the generated server's order: method, target, content type. */
function refusal(req: IncomingMessage): PeerError | undefined {
  if (req.method !== "POST") {
    return new PeerError(405, "MethodNotAllowedException", {
      message: `Method ${req.method} is not allowed; use POST`,
    });
  }
  const target = req.headers["x-amz-target"];
  if (target !== TARGET) {
    const message =
      target === undefined
        ? "Missing X-Amz-Target header; expected AmazonSSM.<Operation>"
        : `Operation '${target}' is not known to AmazonSSM`;
    return new PeerError(400, "UnknownOperationException", { message });
  }
  const type = req.headers["content-type"];
  if (type !== CONTENT_TYPE && type?.split(";")[0]!.trim().toLowerCase() !== CONTENT_TYPE) {
    const got = type === undefined ? "none" : `'${type}'`;
    return new PeerError(415, "UnsupportedMediaTypeException", {
      message: `Content-Type must be ${CONTENT_TYPE}, got ${got}`,
    });
  }
  return undefined;
}

function serve(res: ServerResponse, body: string): void {
  try {
    answer(res, 200, JSON.stringify(operation(readPeerInput(body))));
  } catch (error) {
    if (!(error instanceof PeerError)) throw error;
    fail(res, error);
  }
}

const server = createServer({ headersTimeout: 10_000, requestTimeout: 30_000, keepAliveTimeout: 5_000 }, (req, res) => {
  const refused = refusal(req);
  if (Number(req.headers["content-length"] ?? 0) > MAX_BODY_BYTES) {
    res.setHeader("connection", "close");
    fail(
      res,
      new PeerError(413, "RequestEntityTooLargeException", {
        message: `Request body must not exceed ${MAX_BODY_BYTES} bytes`,
      }),
    );
    return;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  req.on("data", (chunk: Buffer) => {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) req.destroy();
    else chunks.push(chunk);
  });
  req.on("end", () => {
    if (refused !== undefined) fail(res, refused);
    else serve(res, chunks.length === 1 ? chunks[0]!.toString("utf8") : Buffer.concat(chunks).toString("utf8"));
  });
});
server.listen(0, "127.0.0.1", () => {
  console.log(`handwritten server listening on http://127.0.0.1:${(server.address() as AddressInfo).port}`);
});
process.once("SIGTERM", () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
});
