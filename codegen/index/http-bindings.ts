/**
 * The HTTP binding traits, decoded once: an operation's `@http` (method, URI
 * pattern, code) and where each member of its input or output travels
 * (`@httpLabel`, `@httpQuery`, `@httpQueryParams`, `@httpHeader`,
 * `@httpPrefixHeaders`, `@httpPayload`, `@httpResponseCode`, `@hostLabel`).
 * Protocols with HTTP bindings (restJson1) read these; the awsJson and
 * rpcv2Cbor protocols ignore them. The route order that a server matches
 * requests in is decided here too, at generation time.
 */
import type { Traits } from "../load/ast.js";

export const HTTP_TRAIT = {
  http: "smithy.api#http",
  label: "smithy.api#httpLabel",
  query: "smithy.api#httpQuery",
  queryParams: "smithy.api#httpQueryParams",
  header: "smithy.api#httpHeader",
  prefixHeaders: "smithy.api#httpPrefixHeaders",
  payload: "smithy.api#httpPayload",
  responseCode: "smithy.api#httpResponseCode",
  hostLabel: "smithy.api#hostLabel",
  mediaType: "smithy.api#mediaType",
  checksumRequired: "smithy.api#httpChecksumRequired",
} as const;

export type UriSegment =
  | { readonly kind: "literal"; readonly value: string }
  | { readonly kind: "label"; readonly name: string; readonly greedy: boolean };

export interface QueryLiteral {
  readonly key: string;
  /** Absent for a bare key (`?list`); empty for `?key=`. */
  readonly value?: string;
}

export interface UriPattern {
  /** As the model writes it. */
  readonly text: string;
  readonly segments: readonly UriSegment[];
  readonly queryLiterals: readonly QueryLiteral[];
}

/** `@http`: the operation's method, URI pattern and success code. */
export interface HttpBinding {
  readonly method: string;
  readonly uri: UriPattern;
  readonly code: number;
}

/** Where a member of an operation's input or output travels; members without one go in the body. */
export type MemberBinding =
  | { readonly location: "label" }
  | { readonly location: "query"; readonly name: string }
  | { readonly location: "queryParams" }
  | { readonly location: "header"; readonly name: string }
  | { readonly location: "prefixHeaders"; readonly prefix: string }
  | { readonly location: "payload" }
  | { readonly location: "responseCode" }
  | { readonly location: "hostLabel" };

export type UriPatternResult =
  { readonly ok: true; readonly pattern: UriPattern } | { readonly ok: false; readonly message: string };

const LABEL = /^\{([A-Za-z_][A-Za-z0-9_]*)(\+?)\}$/;

/** Parses an `@http` URI pattern as Smithy defines it; the message says what is wrong. */
export function parseUriPattern(text: string): UriPatternResult {
  const fail = (message: string): UriPatternResult => ({
    ok: false,
    message: `URI pattern ${JSON.stringify(text)}: ${message}`,
  });
  if (!text.startsWith("/")) return fail('must start with "/"');
  if (text.includes("#")) return fail("must not contain a fragment (#)");
  if (text.endsWith("?")) return fail('must not end with "?"');
  const question = text.indexOf("?");
  const path = question < 0 ? text : text.slice(0, question);
  const query = question < 0 ? undefined : text.slice(question + 1);

  const parts = path.split("/").slice(1);
  if (parts.length > 1 && parts.at(-1) === "") parts.pop(); // a trailing slash
  const segments: UriSegment[] = [];
  const labels = new Set<string>();
  let greedy = 0;
  for (const part of parts) {
    if (part === "" && path !== "/") return fail("has an empty segment (//)");
    if (part === "") continue;
    const label = LABEL.exec(part);
    if (label) {
      const name = label[1]!;
      if (labels.has(name.toLowerCase())) return fail(`label {${name}} appears twice`);
      labels.add(name.toLowerCase());
      if (label[2]) greedy += 1;
      if (greedy > 1) return fail("has more than one greedy label");
      segments.push({ kind: "label", name, greedy: label[2] === "+" });
    } else if (part.includes("{") || part.includes("}")) {
      return fail(`segment ${JSON.stringify(part)}: a label must be a whole segment, {name} or {name+}`);
    } else segments.push({ kind: "literal", value: part });
  }

  const queryLiterals: QueryLiteral[] = [];
  if (query !== undefined) {
    if (query.includes("{") || query.includes("}")) return fail("labels must not appear in the query string");
    const keys = new Set<string>();
    for (const pair of query.split("&")) {
      const equals = pair.indexOf("=");
      const key = equals < 0 ? pair : pair.slice(0, equals);
      if (key === "") return fail("has a query literal without a key");
      if (keys.has(key)) return fail(`query literal ${JSON.stringify(key)} appears twice`);
      keys.add(key);
      queryLiterals.push(equals < 0 ? { key } : { key, value: pair.slice(equals + 1) });
    }
  }
  return { ok: true, pattern: { text, segments, queryLiterals } };
}

/** `@http` of an operation; validation has checked its form. */
export function httpBindingOf(traits: Traits): HttpBinding | undefined {
  const value = traits[HTTP_TRAIT.http] as { method?: string; uri?: string; code?: number } | undefined;
  if (value?.method === undefined || value.uri === undefined) return undefined;
  const parsed = parseUriPattern(value.uri);
  if (!parsed.ok) return undefined;
  return { method: value.method, uri: parsed.pattern, code: value.code ?? 200 };
}

/** The binding of a member of an input or output structure, if it has one. */
export function memberBindingOf(traits: Traits): MemberBinding | undefined {
  const text = (trait: string) => {
    const value = traits[trait];
    return typeof value === "string" ? value : undefined;
  };
  const query = text(HTTP_TRAIT.query);
  const header = text(HTTP_TRAIT.header);
  const prefix = text(HTTP_TRAIT.prefixHeaders);
  if (traits[HTTP_TRAIT.label] !== undefined) return { location: "label" };
  if (query !== undefined) return { location: "query", name: query };
  if (traits[HTTP_TRAIT.queryParams] !== undefined) return { location: "queryParams" };
  if (header !== undefined) return { location: "header", name: header };
  if (prefix !== undefined) return { location: "prefixHeaders", prefix };
  if (traits[HTTP_TRAIT.payload] !== undefined) return { location: "payload" };
  if (traits[HTTP_TRAIT.responseCode] !== undefined) return { location: "responseCode" };
  if (traits[HTTP_TRAIT.hostLabel] !== undefined) return { location: "hostLabel" };
  return undefined;
}

/**
 * The order a server tries routes in: at the first segment where two patterns
 * differ, a pattern that has ended comes first, then a literal, a label, a
 * greedy label; then more query literals; then method and text, so the order
 * is total and stable. A request then matches the most specific route.
 */
export function compareRoutes(a: HttpBinding, b: HttpBinding): number {
  const rank = (s: UriSegment | undefined) => (s === undefined ? 0 : s.kind === "literal" ? 1 : s.greedy ? 3 : 2);
  const length = Math.max(a.uri.segments.length, b.uri.segments.length);
  for (let i = 0; i < length; i++) {
    const x = a.uri.segments[i];
    const y = b.uri.segments[i];
    const byRank = rank(x) - rank(y);
    if (byRank !== 0) return byRank;
    if (x?.kind === "literal" && y?.kind === "literal" && x.value !== y.value) return x.value < y.value ? -1 : 1;
  }
  if (a.uri.queryLiterals.length !== b.uri.queryLiterals.length)
    return b.uri.queryLiterals.length - a.uri.queryLiterals.length;
  if (a.method !== b.method) return a.method < b.method ? -1 : 1;
  return a.uri.text < b.uri.text ? -1 : a.uri.text > b.uri.text ? 1 : 0;
}

/**
 * Two bindings that no request could tell apart: the same method, the same
 * literals and labels at the same places, the same query literals.
 */
export function routesConflict(a: HttpBinding, b: HttpBinding): boolean {
  if (a.method !== b.method || a.uri.segments.length !== b.uri.segments.length) return false;
  const sameSegments = a.uri.segments.every((x, i) => {
    const y = b.uri.segments[i]!;
    if (x.kind === "literal") return y.kind === "literal" && x.value === y.value;
    return y.kind === "label" && x.greedy === y.greedy;
  });
  const queryOf = (binding: HttpBinding) =>
    binding.uri.queryLiterals
      .map((q) => `${q.key}=${q.value ?? ""}`)
      .sort()
      .join("&");
  return sameSegments && queryOf(a) === queryOf(b);
}
