/**
 * rpcv2Cbor's scalars: blobs as byte strings, timestamps as tag 1 (epoch
 * seconds), floats of any width with NaN and the infinities as themselves,
 * big numbers as CBOR integers, bignums (tags 2, 3) or decimal fractions (tag 4).
 */
import type { TimestampFormat } from "../schema.js";
import { type WireFormat, expect } from "../serde.js";
import { cborLibrary } from "../platform/node.cjs";

const encoder = new TextEncoder();

/** `@smithy/core/cbor` reads tags as `{ tag, value }` objects. */
interface Tagged {
  readonly tag: number | bigint;
  readonly value: unknown;
}

export const isTagged = (value: unknown): value is Tagged =>
  typeof value === "object" && value !== null && cborLibrary().tagSymbol in value;

/** A decimal fraction (tag 4), which `@smithy/core/cbor` reads as a `NumericValue`. */
const isDecimal = (value: unknown): value is { readonly string: string } =>
  typeof value === "object" && value !== null && (value as { type?: unknown }).type === "bigDecimal";

export const CBOR_FORMAT: WireFormat = {
  writeBlob: (value) => (typeof value === "string" ? encoder.encode(value) : value),
  writeTimestamp(value: Date | number | string, _format: TimestampFormat) {
    const date = value instanceof Date ? value : new Date(typeof value === "number" ? value * 1000 : value);
    return cborLibrary().tag({ tag: 1, value: Math.round(date.getTime()) / 1000 });
  },
  writeFloat: (value) => value,
  writeBigNumber: (value) => value,
  readBlob: (value, path) => expect(value instanceof Uint8Array, value, "a byte string", path) as Uint8Array,
  readTimestamp(value, _format, path) {
    const seconds = isTagged(value) && Number(value.tag) === 1 ? value.value : value;
    const number = typeof seconds === "bigint" ? Number(seconds) : seconds;
    expect(typeof number === "number", value, "a timestamp (tag 1, epoch seconds)", path);
    return new Date(Math.round((number as number) * 1000));
  },
  readFloat: (value, path) => numberOf(value, path),
  readNumber: (value, path) => (isDecimal(value) ? Number(value.string) : numberOf(value, path)),
};

function numberOf(value: unknown, path: string): number {
  if (typeof value === "bigint") return Number(value);
  return expect(typeof value === "number", value, "a number", path) as number;
}
