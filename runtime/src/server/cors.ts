/**
 * CORS for a node server that browsers call from other origins: preflight
 * `OPTIONS` requests are answered here, and every answer to an allowed origin
 * (errors included) carries the headers that let the page read it.
 */
import type { IncomingMessage } from "node:http";

/** What SDK-style clients send: SigV4, the awsJson target, user agent, retry and compression headers. */
const ALLOWED_HEADERS = [
  "amz-sdk-invocation-id",
  "amz-sdk-request",
  "authorization",
  "content-encoding",
  "content-type",
  "x-amz-content-sha256",
  "x-amz-date",
  "x-amz-security-token",
  "x-amz-target",
  "x-amz-user-agent",
  "x-amzn-query-mode",
].join(", ");

/** What the client reads from an answer besides the body. */
const EXPOSED_HEADERS = ["x-amzn-requestid", "x-amzn-errortype", "x-amzn-query-error", "date"].join(", ");

/** How long a browser may reuse a preflight answer, in seconds. */
const PREFLIGHT_MAX_AGE = "600";

export interface Cors {
  /** The CORS headers of an answer to `req`; empty when its origin is not allowed. */
  headers(req: IncomingMessage): Record<string, string>;
  /** A preflight request (`OPTIONS` with `Access-Control-Request-Method`). */
  isPreflight(req: IncomingMessage): boolean;
  /** The headers of the `204` answer to an allowed preflight. */
  preflightHeaders(req: IncomingMessage): Record<string, string>;
}

/** `origins`: exact origins (`http://127.0.0.1:5173`), or `*` for any. */
export function createCors(origins: readonly string[]): Cors {
  const any = origins.includes("*");
  const allowed = new Set(origins);
  const allowedOrigin = (req: IncomingMessage): string | undefined => {
    const origin = req.headers.origin;
    if (origin === undefined) return undefined;
    return any ? "*" : allowed.has(origin) ? origin : undefined;
  };
  const headers = (req: IncomingMessage): Record<string, string> => {
    const origin = allowedOrigin(req);
    if (origin === undefined) return {};
    return {
      "access-control-allow-origin": origin,
      "access-control-expose-headers": EXPOSED_HEADERS,
      ...(any ? {} : { vary: "Origin" }),
    };
  };
  return {
    headers,
    isPreflight: (req) => req.method === "OPTIONS" && req.headers["access-control-request-method"] !== undefined,
    preflightHeaders: (req) => {
      const base = headers(req);
      if (base["access-control-allow-origin"] === undefined) return base;
      return {
        ...base,
        "access-control-allow-methods": "POST, OPTIONS",
        "access-control-allow-headers": ALLOWED_HEADERS,
        "access-control-max-age": PREFLIGHT_MAX_AGE,
      };
    },
  };
}

/** An origin as browsers send it (`scheme://host[:port]`), or `*`; throws a message naming `text` otherwise. */
export function checkOrigin(text: string): string {
  if (text === "*") return text;
  let origin: string | undefined;
  try {
    origin = new URL(text).origin;
  } catch {
    origin = undefined;
  }
  if (origin !== text) {
    throw new Error(
      `${JSON.stringify(text)} is not an origin: write scheme://host[:port], e.g. http://127.0.0.1:5173, or *`,
    );
  }
  return text;
}
