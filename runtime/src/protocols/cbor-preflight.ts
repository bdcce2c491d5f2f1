/**
 * A linear pass over a CBOR body before `@smithy/core/cbor` decodes it. It
 * checks that the body is one well-formed CBOR item (heads, lengths, break
 * codes, text-string map keys, nothing after the item), bounds its nesting
 * (arrays, maps and tags), so that a depth bomb never reaches the recursive
 * decoder, and rewrites two kinds of map keys that `@smithy/core` 3.41 (the
 * newest) cannot read:
 * - indefinite-length (chunked) text strings, which RFC 8949 allows and the
 *   rpcv2Cbor suite sends: the decoder reads every key as a definite-length
 *   string and fails on a chunked one. They become definite-length strings.
 * - `__proto__`: the decoder assigns entries to plain objects, so that key
 *   sets the map's prototype and the entry is lost (JSON.parse keeps it). It
 *   becomes a stand-in key that occurs nowhere else in the body, which
 *   {@link restoreProtoKeys} turns back after decoding.
 * Bodies without such keys are returned as they are.
 */

const BREAK = 0xff;
const MAJOR_BYTES = 2;
const MAJOR_TEXT = 3;
const MAJOR_MAP = 5;
const MAJOR_TAG = 6;
const MAJOR_SIMPLE = 7;
const INDEFINITE = 31;

/** Why a body is not a CBOR item sjc reads. */
export class CborFormatError extends Error {}

/** A key to rewrite: where it lies and the byte ranges of its text (its chunks, for a chunked key). */
interface KeyRewrite {
  readonly start: number;
  readonly end: number;
  readonly chunks: readonly (readonly [number, number])[];
  /** `__proto__`: written as the stand-in instead. */
  readonly proto: boolean;
}

/** A body ready for the decoder. */
export interface PreparedCbor {
  /** The body itself, or a copy with its keys rewritten. */
  readonly bytes: Uint8Array;
  /** The key that stands in for `__proto__` keys; undefined when the body has none. */
  readonly protoStandIn?: string;
}

const PROTO = "__proto__";
const PROTO_BYTES = new TextEncoder().encode(PROTO);
const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function preflightCbor(bytes: Uint8Array, maxDepth: number): PreparedCbor {
  const rewrites: KeyRewrite[] = [];
  /** Keys that start with NUL, the stand-in's first character: the stand-in must differ from each. */
  const nulKeys = new Set<string>();
  const fail = (at: number, what: string): never => {
    throw new CborFormatError(`${what} at byte ${at}`);
  };

  /** The head at `at`: its major type, argument and length; `argument` is -1 for indefinite lengths. */
  function head(at: number): { major: number; argument: number; size: number } {
    if (at >= bytes.length) fail(at, "unexpected end of the body");
    const initial = bytes[at]!;
    const major = initial >> 5;
    const minor = initial & 0x1f;
    if (minor < 24) return { major, argument: minor, size: 1 };
    if (minor === INDEFINITE) return { major, argument: -1, size: 1 };
    if (minor > 27) fail(at, `reserved additional information ${minor}`);
    const size = 1 << (minor - 24);
    if (at + 1 + size > bytes.length) fail(at, "unexpected end of the body");
    let argument = 0;
    for (let i = 1; i <= size; i++) argument = argument * 256 + bytes[at + i]!;
    return { major, argument, size: size + 1 };
  }

  /** Checks the item at `at` and returns where it ends. */
  function item(at: number, depth: number, isKey: boolean): number {
    const { major, argument, size } = head(at);
    if (isKey && major !== MAJOR_TEXT) fail(at, "a map key that is not a text string");
    if (major === MAJOR_SIMPLE) {
      if (argument === -1) fail(at, "a break code outside an indefinite-length item");
      return at + size;
    }
    if (major < MAJOR_BYTES) {
      if (argument === -1) fail(at, "an integer of indefinite length");
      return at + size;
    }
    if (major === MAJOR_BYTES || major === MAJOR_TEXT) {
      if (argument === -1) return chunkedString(at, major, isKey);
      const end = within(at + size + argument, at);
      if (isKey) definiteKey(at, at + size, end);
      return end;
    }
    if (depth >= maxDepth) fail(at, `nesting deeper than ${maxDepth} levels`);
    if (major === MAJOR_TAG) {
      if (argument === -1) fail(at, "a tag of indefinite length");
      return item(at + size, depth + 1, false);
    }
    const perEntry = major === MAJOR_MAP ? 2 : 1;
    let next = at + size;
    if (argument === -1) {
      for (let entry = 0; bytes[next] !== BREAK; entry++) {
        if (next >= bytes.length) fail(next, "unexpected end of the body (no break code)");
        next = item(next, depth + 1, perEntry === 2 && entry % 2 === 0);
      }
      return next + 1;
    }
    // Every item takes a byte at least: a count beyond the bytes left is a lie, refused before any work.
    if (argument * perEntry > bytes.length - next) fail(at, `a count of ${argument} beyond the end of the body`);
    for (let entry = 0; entry < argument * perEntry; entry++) {
      next = item(next, depth + 1, perEntry === 2 && entry % 2 === 0);
    }
    return next;
  }

  function chunkedString(at: number, major: number, isKey: boolean): number {
    const chunks: [number, number][] = [];
    let next = at + 1;
    while (bytes[next] !== BREAK) {
      const chunk = head(next);
      if (chunk.major !== major || chunk.argument === -1) {
        fail(next, "a chunk of an indefinite-length string that is not a definite string of its type");
      }
      const start = next + chunk.size;
      next = within(start + chunk.argument, next);
      chunks.push([start, next]);
    }
    if (isKey) {
      const text = concat(chunks.map(([start, end]) => bytes.subarray(start, end)));
      rewrites.push({ start: at, end: next + 1, chunks, proto: equalBytes(text, PROTO_BYTES) });
      if (text[0] === 0) nulKeys.add(decoder.decode(text));
    }
    return next + 1;
  }

  function definiteKey(at: number, start: number, end: number): void {
    if (end > start && bytes[start] === 0) nulKeys.add(decoder.decode(bytes.subarray(start, end)));
    if (end - start === PROTO_BYTES.length && equalBytes(bytes.subarray(start, end), PROTO_BYTES)) {
      rewrites.push({ start: at, end, chunks: [], proto: true });
    }
  }

  function within(end: number, at: number): number {
    if (end > bytes.length) fail(at, "a string longer than the rest of the body");
    return end;
  }

  const end = item(0, 0, false);
  if (end !== bytes.length) fail(end, `${bytes.length - end} bytes after the CBOR item`);
  if (rewrites.length === 0) return { bytes };
  const protoStandIn = rewrites.some((key) => key.proto) ? standIn(nulKeys) : undefined;
  return { bytes: withKeysRewritten(bytes, rewrites, protoStandIn), protoStandIn };
}

/** NULs then `__proto__`: the shortest such key that is not one of the body's keys. */
function standIn(taken: ReadonlySet<string>): string {
  let key = `\0${PROTO}`;
  while (taken.has(key)) key = `\0${key}`;
  return key;
}

/** `bytes` with each key rewritten as one definite-length text string: its chunks joined, or the stand-in. */
function withKeysRewritten(
  bytes: Uint8Array,
  keys: readonly KeyRewrite[],
  protoStandIn: string | undefined,
): Uint8Array {
  const standInBytes = protoStandIn === undefined ? undefined : encoder.encode(protoStandIn);
  const parts: Uint8Array[] = [];
  let copied = 0;
  for (const key of keys) {
    const text = key.proto ? standInBytes! : concat(key.chunks.map(([start, end]) => bytes.subarray(start, end)));
    parts.push(bytes.subarray(copied, key.start), textHead(text.length), text);
    copied = key.end;
  }
  parts.push(bytes.subarray(copied));
  return concat(parts);
}

/**
 * `value` (as the decoder read a body that {@link preflightCbor} prepared)
 * with each `protoStandIn` key renamed `__proto__`, an own property.
 */
export function restoreProtoKeys(value: unknown, protoStandIn: string): unknown {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = restoreProtoKeys(value[i], protoStandIn);
    return value;
  }
  if (typeof value !== "object" || value === null || ArrayBuffer.isView(value)) return value;
  const object = value as Record<string, unknown>;
  for (const key of Object.keys(object)) object[key] = restoreProtoKeys(object[key], protoStandIn);
  if (!Object.hasOwn(object, protoStandIn)) return object;
  const renamed: Record<string, unknown> = {};
  for (const key of Object.keys(object)) {
    const name = key === protoStandIn ? PROTO : key;
    Object.defineProperty(renamed, name, { value: object[key], enumerable: true, writable: true, configurable: true });
  }
  return renamed;
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** The head of a definite-length text string of `length` bytes. */
function textHead(length: number): Uint8Array {
  const type = MAJOR_TEXT << 5;
  if (length < 24) return Uint8Array.of(type | length);
  if (length < 0x100) return Uint8Array.of(type | 24, length);
  if (length < 0x10000) return Uint8Array.of(type | 25, length >> 8, length & 0xff);
  return Uint8Array.of(type | 26, length >>> 24, (length >> 16) & 0xff, (length >> 8) & 0xff, length & 0xff);
}
