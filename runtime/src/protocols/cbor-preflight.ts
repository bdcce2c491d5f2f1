/**
 * A linear pass over a CBOR body before `@smithy/core/cbor` decodes it. It
 * checks that the body is one well-formed CBOR item (heads, lengths, break
 * codes, text-string map keys, nothing after the item), bounds its nesting
 * (arrays, maps and tags), so that a depth bomb never reaches the recursive
 * decoder, and rewrites indefinite-length text strings in map-key position as
 * definite-length ones: `@smithy/core` 3.41 reads every map key as a
 * definite-length string and fails on a chunked one, which RFC 8949 allows
 * and the rpcv2Cbor suite sends. Bodies without such keys are returned as
 * they are.
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

/** An indefinite-length key: where it lies and where its chunks' bytes are. */
interface ChunkedKey {
  readonly start: number;
  readonly end: number;
  readonly chunks: readonly (readonly [number, number])[];
  readonly length: number;
}

export function preflightCbor(bytes: Uint8Array, maxDepth: number): Uint8Array {
  const chunkedKeys: ChunkedKey[] = [];
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
      if (argument !== -1) return within(at + size + argument, at);
      return chunkedString(at, major, isKey);
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
    let length = 0;
    let next = at + 1;
    while (bytes[next] !== BREAK) {
      const chunk = head(next);
      if (chunk.major !== major || chunk.argument === -1) {
        fail(next, "a chunk of an indefinite-length string that is not a definite string of its type");
      }
      const start = next + chunk.size;
      next = within(start + chunk.argument, next);
      chunks.push([start, next]);
      length += chunk.argument;
    }
    if (isKey) chunkedKeys.push({ start: at, end: next + 1, chunks, length });
    return next + 1;
  }

  function within(end: number, at: number): number {
    if (end > bytes.length) fail(at, "a string longer than the rest of the body");
    return end;
  }

  const end = item(0, 0, false);
  if (end !== bytes.length) fail(end, `${bytes.length - end} bytes after the CBOR item`);
  return chunkedKeys.length === 0 ? bytes : withDefiniteKeys(bytes, chunkedKeys);
}

/** `bytes` with each chunked key replaced by one definite-length text string. */
function withDefiniteKeys(bytes: Uint8Array, keys: readonly ChunkedKey[]): Uint8Array {
  const parts: Uint8Array[] = [];
  let copied = 0;
  for (const key of keys) {
    parts.push(bytes.subarray(copied, key.start), textHead(key.length));
    for (const [start, end] of key.chunks) parts.push(bytes.subarray(start, end));
    copied = key.end;
  }
  parts.push(bytes.subarray(copied));
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
