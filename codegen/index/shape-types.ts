/** The Smithy 2.0 shape types, grouped the way the generator treats them. */

/** Number types: range-checked, and typed `number` in TypeScript. */
export const NUMBER_TYPE_LIST = [
  "byte",
  "short",
  "integer",
  "intEnum",
  "long",
  "float",
  "double",
  "bigInteger",
  "bigDecimal",
] as const;

export const SIMPLE_TYPES = [
  "blob",
  "boolean",
  "string",
  "enum",
  ...NUMBER_TYPE_LIST,
  "timestamp",
  "document",
] as const;

export const AGGREGATE_TYPES = ["list", "set", "map", "structure", "union"] as const;
export const SERVICE_TYPES = ["service", "operation", "resource"] as const;

export type SimpleType = (typeof SIMPLE_TYPES)[number];
export type AggregateType = (typeof AGGREGATE_TYPES)[number];
export type ShapeType = SimpleType | AggregateType | (typeof SERVICE_TYPES)[number];

const DATA: ReadonlySet<string> = new Set([...SIMPLE_TYPES, ...AGGREGATE_TYPES]);
const ALL: ReadonlySet<string> = new Set([...DATA, ...SERVICE_TYPES]);

export const isShapeType = (type: string): type is ShapeType => ALL.has(type);

export const isDataType = (type: string): boolean => DATA.has(type);

/** Integer types and their inclusive bounds. */
export const INTEGER_BOUNDS: Readonly<Record<string, readonly [number, number]>> = {
  byte: [-128, 127],
  short: [-32768, 32767],
  integer: [-2147483648, 2147483647],
  intEnum: [-2147483648, 2147483647],
  long: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
};

export const NUMBER_TYPES: ReadonlySet<string> = new Set(NUMBER_TYPE_LIST);
