/**
 * How protocol tests compare what they got with what a case expects: bodies
 * by media type, headers by case-insensitive name, typed values structurally.
 */
import assert from "node:assert/strict";
import { fromBase64, toBase64 } from "@smithy/util-base64";
import { decodeCbor, isTagged } from "@sjc/runtime";

const decoder = new TextDecoder();
const encoder = new TextEncoder();

const mediaTypeOf = (mediaType: string | undefined) => (mediaType ?? "").split(";")[0]!.trim().toLowerCase();

/** `application/json` and `application/*+json`. */
function isJsonMediaType(mediaType: string | undefined): boolean {
  const type = mediaTypeOf(mediaType);
  return type === "application/json" || (type.startsWith("application/") && type.endsWith("+json"));
}

/** `application/cbor`: a case gives such a body in base64, as Smithy's protocol tests write binary bodies. */
export function isCborMediaType(mediaType: string | undefined): boolean {
  return mediaTypeOf(mediaType) === "application/cbor";
}

/** A case's body as the bytes on the wire: base64 for CBOR, else UTF-8 text. */
export function caseBodyBytes(body: string, mediaType: string | undefined): Uint8Array {
  return isCborMediaType(mediaType) ? fromBase64(body) : encoder.encode(body);
}

/** A request or response body as it was sent: text, bytes, or nothing (""). */
export function bodyOf(body: unknown): string | Uint8Array {
  if (body == null) return "";
  if (typeof body === "string") return body;
  if (ArrayBuffer.isView(body)) return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  throw new TypeError(`Cannot read a body of type ${Object.prototype.toString.call(body)} in a protocol test`);
}

/** A request or response body as text: string, bytes, or nothing. */
export function bodyText(body: unknown): string {
  const value = bodyOf(body);
  return typeof value === "string" ? value : decoder.decode(value);
}

/** A body for messages: its text, or bytes in base64. */
export function bodyPreview(body: string | Uint8Array, length = 300): string {
  return typeof body === "string" ? body.slice(0, length) : `base64:${toBase64(body).slice(0, length)}`;
}

interface BodyComparison {
  /** What is compared, for messages: "request body", "response body". */
  readonly what: string;
  /**
   * Errors may name their shape bare (`FooError`) or absolute
   * (`ns#FooError`), optionally with a `:uri` suffix: compare top-level
   * `__type` values by shape name.
   */
  readonly errorType?: boolean;
}

/**
 * JSON and CBOR bodies (by media type) are decoded and compared as values
 * (the expected CBOR body given in base64); any other body, and an expected
 * empty body, is compared as text.
 */
export function assertBody(
  actual: string | Uint8Array,
  expected: string,
  mediaType: string | undefined,
  how: BodyComparison,
): void {
  const text = () => (typeof actual === "string" ? actual : decoder.decode(actual));
  if (expected.trim() === "" || !(isJsonMediaType(mediaType) || isCborMediaType(mediaType))) {
    assert.equal(text(), expected, `${how.what} differs`);
    return;
  }
  let actualValue: unknown;
  let expectedValue: unknown;
  if (isCborMediaType(mediaType)) {
    const bytes = typeof actual === "string" ? encoder.encode(actual) : actual;
    try {
      actualValue = cborValue(decodeCbor(bytes));
    } catch (error) {
      assert.fail(`${how.what} is not CBOR (${(error as Error).message}): ${bodyPreview(bytes, 200)}`);
    }
    expectedValue = cborValue(decodeCbor(fromBase64(expected)));
  } else {
    try {
      actualValue = JSON.parse(text());
    } catch {
      assert.fail(`${how.what} is not JSON: ${JSON.stringify(text().slice(0, 200))}`);
    }
    expectedValue = JSON.parse(expected);
  }
  if (how.errorType) {
    assert.deepEqual(withShapeNameType(actualValue), withShapeNameType(expectedValue), `${how.what} differs`);
  } else {
    assert.deepEqual(actualValue, expectedValue, `${how.what} differs`);
  }
}

/**
 * A decoded CBOR item in a form that compares by value, whatever the encoding
 * chose (lengths definite or not, float widths): tags as `{ tag, value }`,
 * byte strings as plain Uint8Arrays, decimal fractions as their digits.
 */
export function cborValue(value: unknown): unknown {
  if (value === null || typeof value !== "object") return value;
  if (value instanceof Uint8Array) return new Uint8Array(value);
  if (Array.isArray(value)) return value.map(cborValue);
  if (isTagged(value)) {
    const { tag, value: content } = value as { tag: number | bigint; value: unknown };
    return { tag: Number(tag), value: cborValue(content) };
  }
  if ((value as { type?: unknown }).type === "bigDecimal") return { decimal: String(value) };
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    Object.defineProperty(out, key, { value: cborValue(item), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** A decoded error body (JSON or CBOR, by the body's type and media type) as an object. */
export function decodeErrorBody(body: string | Uint8Array, mediaType: string | undefined): Record<string, unknown> {
  const value =
    typeof body !== "string" || isCborMediaType(mediaType)
      ? decodeCbor(typeof body === "string" ? encoder.encode(body) : body)
      : JSON.parse(body);
  return (typeof value === "object" && value !== null ? value : {}) as Record<string, unknown>;
}

function withShapeNameType(value: unknown): unknown {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
  const object = value as Record<string, unknown>;
  if (typeof object.__type !== "string") return value;
  return { ...object, __type: shapeNameOf(object.__type) };
}

/** `ns#Name:uri` → `Name`. */
function shapeNameOf(type: string): string {
  const colon = type.indexOf(":");
  const id = colon < 0 ? type : type.slice(0, colon);
  return id.slice(id.indexOf("#") + 1);
}

/** Finds a header by case-insensitive name. */
export function headerOf(
  headers: Readonly<Record<string, string | readonly string[] | undefined>>,
  name: string,
): string | undefined {
  const lower = name.toLowerCase();
  for (const key of Object.keys(headers)) {
    if (key.toLowerCase() !== lower) continue;
    const value = headers[key];
    return typeof value === "string" || value === undefined ? value : value.join(", ");
  }
  return undefined;
}

export interface HeaderExpectations {
  readonly headers?: Readonly<Record<string, string>>;
  readonly requireHeaders?: readonly string[];
  readonly forbidHeaders?: readonly string[];
}

export function assertHeaders(
  actual: Readonly<Record<string, string | readonly string[] | undefined>>,
  expected: HeaderExpectations,
): void {
  for (const [name, value] of Object.entries(expected.headers ?? {})) {
    assert.equal(headerOf(actual, name), value, `header ${name}`);
  }
  for (const name of expected.requireHeaders ?? []) {
    assert.notEqual(headerOf(actual, name), undefined, `header ${name} is required`);
  }
  for (const name of expected.forbidHeaders ?? []) {
    assert.equal(headerOf(actual, name), undefined, `header ${name} is forbidden`);
  }
}

/**
 * A typed value in the form that compares structurally: bytes as plain
 * `Uint8Array` (a `Buffer` is one too, but of another prototype), and object
 * keys whose value is `undefined` dropped, as they mean "absent".
 */
export function comparable(value: unknown): unknown {
  if (value === null || typeof value !== "object" || value instanceof Date) return value;
  if (ArrayBuffer.isView(value)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength).slice();
  if (Array.isArray(value)) return value.map(comparable);
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (item !== undefined) {
      Object.defineProperty(out, key, {
        value: comparable(item),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
  }
  return out;
}
