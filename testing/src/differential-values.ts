/**
 * What a differential test compares, and how: requests reduced to what
 * carries meaning, values walked in parallel into a list of differences, each
 * named by a JSON-pointer-like path that a list of known differences can match.
 */
import { gunzipSync } from "node:zlib";
import type { HttpRequest } from "@smithy/protocol-http";
import type { ServiceSchema, ShapeId } from "@sjc/runtime";
import { comparableValue } from "./roundtrip-expected.js";

/** One place where our client and the SDK's disagree. */
export interface Difference {
  readonly operation: string;
  /** What was compared: the request sent, the output returned, or the error thrown. */
  readonly case: "request" | "output" | "error";
  /** `/headers/x-amz-target`, `/body/Items/0/Name`, `/outcome`, `/error/$fault`… */
  readonly path: string;
  readonly ours: unknown;
  readonly sdk: unknown;
  /** Set when the SDK left out a member that ours filled with the model's default. */
  readonly modelDefault?: true;
}

/** Stands for a value that either side generates at random (an idempotency token). */
export const GENERATED = "<generated>";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A request as compared: the parts that carry meaning, the body parsed. */
export interface ComparableRequest {
  readonly method: string;
  readonly path: string;
  readonly query: Record<string, unknown>;
  readonly headers: Record<string, string>;
  readonly body: unknown;
}

/**
 * `request` reduced to what is compared. Header names are lower-cased and
 * `ignoredHeaders` dropped; `authorization` keeps only its algorithm and
 * credential scope without the date (`AWS4-HMAC-SHA256 AKID/us-east-1/sqs/aws4_request`),
 * since signatures and signed-header lists differ with every extra header.
 */
export function comparableRequest(request: HttpRequest, ignoredHeaders: ReadonlySet<string>): ComparableRequest {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    const key = name.toLowerCase();
    if (ignoredHeaders.has(key)) continue;
    headers[key] = key === "authorization" ? credentialScope(value) : value;
  }
  return {
    method: request.method,
    path: request.path,
    query: { ...request.query },
    headers,
    body: parseBody(request.body, headers["content-encoding"]),
  };
}

function credentialScope(authorization: string): string {
  const match = /^(\S+) Credential=([^/,]+)\/\d{8}\/([^,]+)/.exec(authorization);
  return match === null ? authorization : `${match[1]} ${match[2]}/${match[3]}`;
}

function parseBody(body: unknown, encoding: string | undefined): unknown {
  if (body == null) return undefined;
  let bytes: Uint8Array;
  if (typeof body === "string") bytes = new TextEncoder().encode(body);
  else if (ArrayBuffer.isView(body)) bytes = new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  else return `<a body of type ${Object.prototype.toString.call(body)}>`;
  if (encoding === "gzip") bytes = gunzipSync(bytes);
  const text = new TextDecoder().decode(bytes);
  if (text === "") return "";
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return `<not JSON> ${text}`;
  }
}

/**
 * `wire` (a request body of shape `id`) with every idempotency token that the
 * typed `input` left out, and that the client filled with a UUID, replaced by
 * {@link GENERATED}: both sides make one up, and they cannot agree on which.
 */
export function maskGeneratedTokens(schema: ServiceSchema, id: ShapeId, wire: unknown, input: unknown): unknown {
  const shape = schema.shapes[id];
  if (wire === null || typeof wire !== "object" || shape === undefined) return wire;
  const typed = (input ?? {}) as Record<string, unknown>;
  switch (shape.type) {
    case "structure": {
      const out: Record<string, unknown> = { ...(wire as Record<string, unknown>) };
      for (const [name, member] of Object.entries(shape.members)) {
        if (!Object.hasOwn(out, name)) continue;
        const given = Object.hasOwn(typed, name) ? typed[name] : undefined;
        const value = out[name];
        if (member.idempotencyToken && given == null && typeof value === "string" && UUID.test(value)) {
          out[name] = GENERATED;
        } else {
          out[name] = maskGeneratedTokens(schema, member.target, value, given);
        }
      }
      return out;
    }
    case "list":
      if (!Array.isArray(wire) || !Array.isArray(input)) return wire;
      return wire.map((item, index) => maskGeneratedTokens(schema, shape.member.target, item, input[index]));
    case "map": {
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(wire)) {
        own(out, key, maskGeneratedTokens(schema, shape.value.target, item, typed[key]));
      }
      return out;
    }
    case "union": {
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(wire)) {
        const member = Object.hasOwn(shape.members, key) ? shape.members[key] : undefined;
        own(out, key, member === undefined ? item : maskGeneratedTokens(schema, member.target, item, typed[key]));
      }
      return out;
    }
    default:
      return wire;
  }
}

/**
 * Every place where `ours` and `sdk` differ, walked in parallel after
 * {@link comparableValue}: `undefined` members count as absent, dates compare
 * by time, bytes by content, `NaN` equals `NaN`.
 */
export function differencesBetween(
  ours: unknown,
  sdk: unknown,
  path = "",
): { path: string; ours: unknown; sdk: unknown }[] {
  const out: { path: string; ours: unknown; sdk: unknown }[] = [];
  walk(comparableValue(ours), comparableValue(sdk), path, out);
  return out;
}

function walk(a: unknown, b: unknown, path: string, out: { path: string; ours: unknown; sdk: unknown }[]): void {
  if (same(a, b)) return;
  const kind = kindOf(a);
  if (kind !== kindOf(b) || kind === "scalar" || kind === "date" || kind === "bytes") {
    out.push({ path: path || "/", ours: a, sdk: b });
    return;
  }
  if (kind === "array") {
    const [x, y] = [a as unknown[], b as unknown[]];
    for (let i = 0; i < Math.max(x.length, y.length); i++) walk(x[i], y[i], `${path}/${i}`, out);
    return;
  }
  const [x, y] = [a as Record<string, unknown>, b as Record<string, unknown>];
  const keys = [...new Set([...Object.keys(x), ...Object.keys(y)])].sort();
  for (const key of keys) {
    walk(
      Object.hasOwn(x, key) ? x[key] : undefined,
      Object.hasOwn(y, key) ? y[key] : undefined,
      `${path}/${escape(key)}`,
      out,
    );
  }
}

function kindOf(value: unknown): "scalar" | "date" | "bytes" | "array" | "object" {
  if (value === null || typeof value !== "object") return "scalar";
  if (value instanceof Date) return "date";
  if (ArrayBuffer.isView(value)) return "bytes";
  return Array.isArray(value) ? "array" : "object";
}

function same(a: unknown, b: unknown): boolean {
  if (a === b || (Number.isNaN(a) && Number.isNaN(b))) return true;
  if (a instanceof Date && b instanceof Date) return Object.is(a.getTime(), b.getTime());
  if (ArrayBuffer.isView(a) && ArrayBuffer.isView(b)) {
    return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
  }
  return false;
}

/** A path segment as in a JSON pointer: `~` and `/` escaped. */
function escape(segment: string): string {
  return segment.replace(/~/g, "~0").replace(/\//g, "~1");
}

/**
 * Whether `path` matches `pattern`, both `/`-separated: `*` in the pattern
 * matches one whole segment, a final `**` any number of them (none included).
 */
export function pathMatches(pattern: string, path: string): boolean {
  const want = pattern.split("/");
  const have = path.split("/");
  for (let i = 0; i < want.length; i++) {
    if (want[i] === "**" && i === want.length - 1) return true;
    if (i >= have.length || (want[i] !== "*" && want[i] !== have[i])) return false;
  }
  return want.length === have.length;
}

function own(object: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
}
