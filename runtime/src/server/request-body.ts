/** Turns a request body into the JSON object it must hold, defensively. */
import { serializationError } from "./responses.js";

const utf8 = new TextDecoder("utf-8", { fatal: true });
const EMPTY: Readonly<Record<string, unknown>> = Object.freeze({});

/**
 * Decodes (strict UTF-8), bounds the nesting depth, then parses once.
 * An empty body is `{}`. Duplicate keys: the last one wins (`JSON.parse`).
 * Keys such as `__proto__` become own properties and never reach a prototype.
 */
export function parseJsonObject(body: unknown, maxDepth: number): Readonly<Record<string, unknown>> {
  let text: string;
  if (typeof body === "string") {
    text = body;
  } else if (body instanceof Uint8Array) {
    try {
      text = utf8.decode(body);
    } catch {
      throw serializationError("Request body is not valid UTF-8");
    }
  } else if (body == null) {
    return EMPTY;
  } else {
    throw new TypeError(`Request body must be a string or a Uint8Array, got ${typeof body}`);
  }
  if (text.length === 0) return EMPTY;
  if (nestsDeeperThan(text, maxDepth)) {
    throw serializationError(`Request body nests objects or arrays deeper than ${maxDepth} levels`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw serializationError(`Request body is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    const found = value === null ? "null" : Array.isArray(value) ? "an array" : `a ${typeof value}`;
    throw serializationError(`Request body must be a JSON object, found ${found}`);
  }
  return value as Record<string, unknown>;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;

/**
 * A linear scan, run before `JSON.parse` so that a depth bomb never reaches
 * the recursive walkers after it. Exact for valid JSON; invalid JSON either
 * trips it or fails to parse.
 */
export function nestsDeeperThan(text: string, maxDepth: number): boolean {
  if (text.length <= maxDepth) return false;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === QUOTE) {
      i = closingQuote(text, i);
    } else if (code === OPEN_BRACE || code === OPEN_BRACKET) {
      if (++depth > maxDepth) return true;
    } else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
      depth--;
    }
  }
  return false;
}

/** Index of the quote closing the string opened at `open`, or the text length. */
function closingQuote(text: string, open: number): number {
  let from = open + 1;
  for (;;) {
    const quote = text.indexOf('"', from);
    if (quote === -1) return text.length;
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return quote;
    from = quote + 1;
  }
}
