/** How fuzzed requests reach the server: in process, over node:http, or as raw bytes on a socket. */
import { type Agent, request as httpRequest } from "node:http";
import { connect } from "node:net";
import type { ObservedResponse } from "./invariants.js";

/** Rejects when `promise` has not settled within `ms`: the server hung on this input. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export interface HttpRequestSpec {
  readonly method: string;
  readonly path: string;
  /** Names as sent; a repeated name is sent as repeated header lines. */
  readonly headers: ReadonlyArray<readonly [string, string]>;
  readonly body: Buffer;
  /** `Transfer-Encoding: chunked` in 64 KiB chunks instead of a Content-Length. */
  readonly chunked: boolean;
}

const CHUNK = 64 * 1024;

/** Sends one request through node's HTTP client; resolves with the whole response, rejects after `timeoutMs`. */
export function sendHttp(
  port: number,
  agent: Agent,
  spec: HttpRequestSpec,
  timeoutMs: number,
): Promise<ObservedResponse> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const timer = setTimeout(() => {
      req.destroy();
      reject(new Error(`no complete response within ${timeoutMs} ms`));
    }, timeoutMs);
    const req = httpRequest({ host: "127.0.0.1", port, method: spec.method, path: spec.path, agent }, (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => {
        clearTimeout(timer);
        resolve({
          statusCode: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString("utf8"),
        });
      });
      res.on("error", reject);
    });
    // After the answer, a write error (the server closed after an early 413) is no failure of the server.
    req.on("error", (error) => {
      if (answered) return;
      clearTimeout(timer);
      reject(new Error(`no response: ${(error as NodeJS.ErrnoException).code ?? error.message}`));
    });
    const grouped = new Map<string, string[]>();
    for (const [name, value] of spec.headers) {
      const key = [...grouped.keys()].find((known) => known.toLowerCase() === name.toLowerCase()) ?? name;
      grouped.set(key, [...(grouped.get(key) ?? []), value]);
    }
    for (const [name, values] of grouped) req.setHeader(name, values.length === 1 ? values[0]! : values);
    if (spec.chunked) {
      req.setHeader("transfer-encoding", "chunked");
      for (let at = 0; at < spec.body.length; at += CHUNK) req.write(spec.body.subarray(at, at + CHUNK));
      req.end();
    } else {
      req.setHeader("content-length", spec.body.length);
      req.end(spec.body);
    }
  });
}

/**
 * Writes `bytes`, half-closes, and resolves with everything the server sent
 * before closing the connection; rejects if it is still open after `timeoutMs`.
 */
export function sendRaw(port: number, bytes: Buffer, timeoutMs: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`the connection stayed open ${timeoutMs} ms after the request was sent`));
    }, timeoutMs);
    const chunks: Buffer[] = [];
    socket.on("data", (chunk: Buffer) => chunks.push(chunk));
    // A reset after the answer (the server closed with our bytes unread) changes nothing we check.
    socket.on("error", () => {});
    socket.on("close", () => {
      clearTimeout(timer);
      resolve(Buffer.concat(chunks));
    });
    socket.end(bytes);
  });
}

export interface RawResponse extends ObservedResponse {
  /** The header block as sent, for messages. */
  readonly head: string;
}

/**
 * Splits what a server sent on one connection into final responses (a
 * request the server misread may be answered twice; 1xx are skipped). Bodies are delimited by
 * Content-Length or chunked encoding; a response it cannot delimit throws.
 */
export function parseRawResponses(bytes: Buffer): RawResponse[] {
  const text = bytes.toString("latin1");
  const responses: RawResponse[] = [];
  let at = 0;
  while (at < text.length) {
    const end = text.indexOf("\r\n\r\n", at);
    if (end === -1) throw new Error(`an incomplete response head: ${JSON.stringify(text.slice(at, at + 300))}`);
    const head = text.slice(at, end);
    const [statusLine = "", ...lines] = head.split("\r\n");
    const status = /^HTTP\/1\.1 (\d{3}) /.exec(statusLine);
    if (status === null) throw new Error(`not an HTTP/1.1 status line: ${JSON.stringify(statusLine)}`);
    const headers: Record<string, string> = {};
    for (const line of lines) {
      const colon = line.indexOf(":");
      if (colon <= 0) throw new Error(`a malformed response header: ${JSON.stringify(line)}`);
      headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
    }
    at = end + 4;
    // An interim answer (100 Continue to `Expect: 100-continue`) has no body; the real one follows.
    if (status[1]!.startsWith("1")) continue;
    let body: string;
    if (headers["transfer-encoding"] === "chunked") {
      body = "";
      for (;;) {
        const lineEnd = text.indexOf("\r\n", at);
        const size = Number.parseInt(text.slice(at, lineEnd), 16);
        if (lineEnd === -1 || !Number.isInteger(size)) throw new Error(`bad chunked response: ${JSON.stringify(head)}`);
        body += text.slice(lineEnd + 2, lineEnd + 2 + size);
        at = lineEnd + 2 + size + 2;
        if (size === 0) break;
      }
    } else {
      const length = Number(headers["content-length"] ?? 0);
      if (at + length > text.length) throw new Error(`a truncated response body: ${JSON.stringify(head)}`);
      body = text.slice(at, at + length);
      at += length;
    }
    responses.push({
      statusCode: Number(status[1]),
      headers,
      head,
      body: Buffer.from(body, "latin1").toString("utf8"),
    });
  }
  return responses;
}
