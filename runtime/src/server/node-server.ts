/** Serves a {@link JsonRpcHandler} over node:http, with the limits a public endpoint needs. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { QueryParameterBag } from "@smithy/types";
import { createCors } from "./cors.js";
import type { JsonRpcHandler, JsonRpcRequest } from "./handler.js";
import type { JsonRpcResponse } from "./responses.js";

export interface NodeServerOptions {
  /** Largest request body in bytes; a larger one is answered 413 at once. Default 1 MiB. */
  readonly maxBodyBytes?: number;
  /**
   * After a 413, the rest of the body is read and dropped up to this many bytes in all, so that
   * clients that send the whole body before they read (botocore, the AWS CLI, Python's http.client)
   * read the answer instead of a reset; a longer body (declared or sent) cuts the connection.
   * Default 8 MiB.
   */
  readonly maxDrainBytes?: number;
  /** Milliseconds the rest of a too-large body may take to arrive before the connection is cut. Default 5 000. */
  readonly drainTimeout?: number;
  /** Milliseconds to receive the request headers. Default 10 000. */
  readonly headersTimeout?: number;
  /** Milliseconds to receive the whole request. Default 30 000. */
  readonly requestTimeout?: number;
  /** Milliseconds an idle keep-alive connection stays open. Default 5 000. */
  readonly keepAliveTimeout?: number;
  /** Concurrent connections; further ones are refused. Default 1 024. */
  readonly maxConnections?: number;
  /**
   * Origins whose pages may call the server (`http://127.0.0.1:5173`, or `*`): preflight
   * requests are answered, and every answer carries the CORS headers. Default: none.
   */
  readonly cors?: readonly string[];
  /** Receives failures of the handler itself. Default `console`. */
  readonly logger?: Pick<Console, "error">;
}

/** A server running `handler`; call `listen` on it. */
export function createNodeServer(handler: JsonRpcHandler, options: NodeServerOptions = {}): Server {
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  const maxDrainBytes = options.maxDrainBytes ?? 8 * 1024 * 1024;
  const drainTimeout = options.drainTimeout ?? 5_000;
  const logger = options.logger ?? console;
  const server = createServer({
    headersTimeout: options.headersTimeout ?? 10_000,
    requestTimeout: options.requestTimeout ?? 30_000,
    keepAliveTimeout: options.keepAliveTimeout ?? 5_000,
  });
  server.maxConnections = options.maxConnections ?? 1024;
  const cors = options.cors?.length ? createCors(options.cors) : undefined;

  function send(res: ServerResponse, response: JsonRpcResponse): void {
    const headers = response.headers;
    if (cors) Object.assign(headers, cors.headers(res.req));
    headers["content-length"] = String(Buffer.byteLength(response.body));
    // Once closing (see closeGracefully), no connection is kept alive.
    if (!server.listening) headers.connection = "close";
    res.writeHead(response.statusCode, headers);
    res.end(response.body);
  }

  function respond(res: ServerResponse, response: JsonRpcResponse): void {
    try {
      send(res, response);
    } catch (error) {
      fail(res, error);
    }
  }

  function dispatch(req: IncomingMessage, res: ServerResponse, body: Buffer | undefined): void {
    try {
      handler(toRequest(req, body)).then(
        (response) => respond(res, response),
        (error: unknown) => fail(res, error),
      );
    } catch (error) {
      fail(res, error);
    }
  }

  /** The handler broke its contract (it rejected, threw or returned an unwritable response). */
  function fail(res: ServerResponse, error: unknown): void {
    logger.error("The request handler failed:", error);
    try {
      if (!res.headersSent) {
        send(res, handler.errorResponse(500, "InternalServerError", "An internal error occurred"));
        return;
      }
    } catch {
      // Nothing sensible can be written any more.
    }
    res.destroy();
  }

  /**
   * Answers 413 at once and closes the connection once the body is over: its rest (`received` bytes
   * came already) is read and dropped, up to the drain bound in bytes and time. A body declared
   * longer than the bound would be cut anyway, so its connection closes right after the answer.
   */
  function tooLarge(req: IncomingMessage, res: ServerResponse, received: number): void {
    const response = handler.errorResponse(
      413,
      "RequestEntityTooLargeException",
      `Request body must not exceed ${maxBodyBytes} bytes`,
    );
    response.headers.connection = "close";
    req.removeAllListeners("data").removeAllListeners("end");
    if (Number(req.headers["content-length"]) > maxDrainBytes) {
      req.pause();
      send(res, response);
      return;
    }
    response.headers["content-length"] = String(Buffer.byteLength(response.body));
    if (cors) Object.assign(response.headers, cors.headers(req));
    res.writeHead(413, response.headers);
    // The whole answer goes out now; ending the response, which lets node close the socket, waits for the body.
    res.write(response.body);
    let drained = received;
    const cut = () => {
      clearTimeout(timer);
      res.destroy();
    };
    const timer = setTimeout(cut, drainTimeout);
    res.once("close", () => clearTimeout(timer));
    req.on("data", (chunk: Buffer) => {
      drained += chunk.length;
      if (drained > maxDrainBytes) cut();
    });
    req.on("end", () => {
      clearTimeout(timer);
      res.end();
    });
    req.resume();
  }

  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    if (cors?.isPreflight(req)) {
      const headers = cors.preflightHeaders(req);
      res.writeHead(headers["access-control-allow-origin"] === undefined ? 403 : 204, headers).end();
      req.resume();
      return;
    }
    const declared = req.headers["content-length"];
    if (declared !== undefined && Number(declared) > maxBodyBytes) {
      tooLarge(req, res, 0);
      return;
    }
    let first: Buffer | undefined;
    let chunks: Buffer[] | undefined;
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBodyBytes) {
        tooLarge(req, res, size);
      } else if (first === undefined) {
        first = chunk;
      } else {
        (chunks ??= [first]).push(chunk);
      }
    });
    // No "error" listener: node then destroys an aborted request quietly, and "end" never comes.
    req.on("end", () => dispatch(req, res, chunks ? Buffer.concat(chunks, size) : first));
  });
  return server;
}

function toRequest(req: IncomingMessage, body: Buffer | undefined): JsonRpcRequest {
  const url = req.url ?? "/";
  const mark = url.indexOf("?");
  if (mark === -1) return { method: req.method ?? "", headers: req.headers, body, path: url };
  const query: QueryParameterBag = {};
  for (const [name, value] of new URLSearchParams(url.slice(mark + 1))) {
    const previous = query[name];
    query[name] = previous == null ? value : [...(Array.isArray(previous) ? previous : [previous]), value];
  }
  return { method: req.method ?? "", headers: req.headers, body, path: url.slice(0, mark), query };
}

/**
 * Stops accepting connections, closes idle keep-alive ones, lets in-flight
 * requests finish (their responses close their connections), and resolves
 * once all are gone. After `timeoutMs`, the remaining connections are cut.
 */
export function closeGracefully(server: Server, timeoutMs = 10_000): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => server.closeAllConnections(), timeoutMs);
    server.close(() => {
      clearTimeout(timer);
      resolve();
    });
    server.closeIdleConnections();
  });
}
