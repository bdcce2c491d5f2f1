/**
 * How protocol tests compare what they got with what a case expects: bodies
 * by media type, headers by case-insensitive name, typed values structurally.
 */
import assert from "node:assert/strict";

const decoder = new TextDecoder();

/** `application/json` and `application/*+json`. */
function isJsonMediaType(mediaType: string | undefined): boolean {
  if (mediaType === undefined) return false;
  const type = mediaType.split(";")[0]!.trim().toLowerCase();
  return type === "application/json" || (type.startsWith("application/") && type.endsWith("+json"));
}

/** A request or response body as text: string, bytes, or nothing. */
export function bodyText(body: unknown): string {
  if (body == null) return "";
  if (typeof body === "string") return body;
  if (ArrayBuffer.isView(body)) return decoder.decode(body);
  if (body instanceof ArrayBuffer) return decoder.decode(new Uint8Array(body));
  throw new TypeError(`Cannot read a body of type ${Object.prototype.toString.call(body)} in a protocol test`);
}

interface BodyComparison {
  /** What is compared, for messages: "request body", "response body". */
  readonly what: string;
  /**
   * awsJson lets an error name its shape bare (`FooError`) or absolute
   * (`ns#FooError`), optionally with a `:uri` suffix: compare top-level
   * `__type` values by shape name.
   */
  readonly errorType?: boolean;
}

/**
 * JSON bodies (by media type) are parsed and compared as values; any other
 * body, and an expected empty body, is compared as text.
 */
export function assertBody(actual: string, expected: string, mediaType: string | undefined, how: BodyComparison): void {
  if (!isJsonMediaType(mediaType) || expected.trim() === "") {
    assert.equal(actual, expected, `${how.what} differs`);
    return;
  }
  let actualValue: unknown;
  try {
    actualValue = JSON.parse(actual);
  } catch {
    assert.fail(`${how.what} is not JSON: ${JSON.stringify(actual.slice(0, 200))}`);
  }
  const expectedValue: unknown = JSON.parse(expected);
  if (how.errorType) {
    assert.deepEqual(withShapeNameType(actualValue), withShapeNameType(expectedValue), `${how.what} differs`);
  } else {
    assert.deepEqual(actualValue, expectedValue, `${how.what} differs`);
  }
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
