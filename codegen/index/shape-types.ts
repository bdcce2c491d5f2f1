/** The Smithy 2.0 shape types, grouped the way the generator treats them. */

export const SIMPLE_TYPES = [
  "blob",
  "boolean",
  "string",
  "enum",
  "byte",
  "short",
  "integer",
  "intEnum",
  "long",
  "float",
  "double",
  "bigInteger",
  "bigDecimal",
  "timestamp",
  "document",
] as const;

export const AGGREGATE_TYPES = ["list", "set", "map", "structure", "union"] as const;
export const SERVICE_TYPES = ["service", "operation", "resource"] as const;

export type SimpleType = (typeof SIMPLE_TYPES)[number];
export type AggregateType = (typeof AGGREGATE_TYPES)[number];
export type ShapeType = SimpleType | AggregateType | (typeof SERVICE_TYPES)[number];

const ALL: ReadonlySet<string> = new Set([...SIMPLE_TYPES, ...AGGREGATE_TYPES, ...SERVICE_TYPES]);

export const isShapeType = (type: string): type is ShapeType => ALL.has(type);

export const isDataType = (type: string): boolean =>
  (SIMPLE_TYPES as readonly string[]).includes(type) || (AGGREGATE_TYPES as readonly string[]).includes(type);

/** Integer types and their inclusive bounds. */
export const INTEGER_BOUNDS: Readonly<Record<string, readonly [number, number]>> = {
  byte: [-128, 127],
  short: [-32768, 32767],
  integer: [-2147483648, 2147483647],
  intEnum: [-2147483648, 2147483647],
  long: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
};

export const NUMBER_TYPES: ReadonlySet<string> = new Set([
  "byte",
  "short",
  "integer",
  "intEnum",
  "long",
  "float",
  "double",
  "bigInteger",
  "bigDecimal",
]);
