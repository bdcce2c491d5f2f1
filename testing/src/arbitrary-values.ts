/**
 * fast-check arbitraries of valid typed values, one builder per shape kind,
 * driven by the serde schema (what a value is) and the JSON Schema
 * definitions (what the model allows). Values stay small: nesting is bounded
 * by depth and every list, map and string gets only a few more items or code
 * points than its minimum.
 */
import fc from "fast-check";
import type { ShapeSchema, TimestampFormat } from "@sjc/runtime";
import type { Facets, ShapeFacets, Site } from "./arbitrary-facets.js";
import { contradiction, samplePassing, validString } from "./arbitrary-strings.js";

export interface ArbitraryOptions {
  /** Below this nesting, structures get only their required members and lists and maps their minimum size (default 5). */
  readonly maxDepth?: number;
  /** Items or entries added to a list's or map's minimum size, at most (default 3). */
  readonly extraItems?: number;
  /** Code points added to a string's minimum length, at most (default 12). */
  readonly extraLength?: number;
}

export type ResolvedOptions = Required<ArbitraryOptions>;

export function resolveOptions(options: ArbitraryOptions = {}): ResolvedOptions {
  return {
    maxDepth: options.maxDepth ?? 5,
    extraItems: options.extraItems ?? 3,
    extraLength: options.extraLength ?? 12,
  };
}

/** Inclusive bounds of the integer types, as the generated validators enforce them. */
const INTEGER_BOUNDS: Readonly<Record<string, readonly [number, number]>> = {
  byte: [-128, 127],
  short: [-32768, 32767],
  integer: [-2147483648, 2147483647],
  intEnum: [-2147483648, 2147483647],
  long: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
  bigInteger: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
};

/** A structure member, union member, list item or map key, leading from a value to a nested one. */
export type PathSegment = { readonly member: string } | { readonly index: number } | { readonly key: string };

/** Beyond this many levels past `maxDepth` a cycle of required members is given up on. */
const RECURSION_SLACK = 8;

/** The date range whose every millisecond survives every timestamp format but http-date. */
const MIN_DATE = new Date("0001-01-01T00:00:00.000Z");
const MAX_DATE = new Date("9999-12-31T23:59:59.999Z");
/** http-date carries whole seconds; keep to years it spells with four digits. */
const MIN_HTTP_DATE_S = Date.UTC(1970, 0, 1) / 1000;
const MAX_HTTP_DATE_S = Date.UTC(2199, 11, 31, 23, 59, 59) / 1000;

/** Sets an own enumerable property, even `__proto__`. */
export function setOwn(object: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
}

export class ValueArbitraries {
  private readonly cache = new Map<string, fc.Arbitrary<unknown> | null>();
  /** Why some strings could not be built, when the model's constraints certainly admit none. */
  readonly contradictions = new Set<string>();

  constructor(
    readonly facets: ShapeFacets,
    readonly options: ResolvedOptions,
  ) {}

  private string(id: string, facets: Facets): fc.Arbitrary<string> | undefined {
    const arbitrary = validString(facets, this.options);
    const why = arbitrary === undefined ? contradiction(facets) : undefined;
    if (why !== undefined) this.contradictions.add(`${id}: ${why}`);
    return arbitrary;
  }

  /** Valid values for `site` at nesting `depth`; undefined when the model admits none we can build. */
  forSite(site: Site, depth: number): fc.Arbitrary<unknown> | undefined {
    if (depth > this.options.maxDepth + RECURSION_SLACK) return undefined;
    const key = `${site.id}|${formatOf(site)}|${depth}|${JSON.stringify(site.facets)}`;
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached ?? undefined;
    const built = this.build(site, depth) ?? null;
    this.cache.set(key, built);
    return built ?? undefined;
  }

  /** The number of items (or entries) a list (or map) may have at `depth`. */
  sizeRange(facets: Facets, depth: number): [number, number] {
    const min = facets.minItems ?? 0;
    const extra = depth >= this.options.maxDepth ? 0 : Math.max(1, this.options.extraItems - depth);
    return [min, Math.min(facets.maxItems ?? Number.POSITIVE_INFINITY, min + extra)];
  }

  /** A structure's members other than `skip`, each required one always set. */
  structure(site: Site, depth: number, skip?: string): fc.Arbitrary<Record<string, unknown>> | undefined {
    if (site.shape.type !== "structure") throw new Error(`${site.id} is not a structure`);
    const model: Record<string, fc.Arbitrary<unknown>> = {};
    const required: string[] = [];
    for (const name of Object.keys(site.shape.members)) {
      if (name === skip) continue;
      const isRequired = site.facets.required.includes(name);
      if (!isRequired && depth >= this.options.maxDepth) continue;
      const arbitrary = this.forSite(this.facets.memberSite(site, name), depth + 1);
      if (arbitrary === undefined) {
        if (isRequired) return undefined;
        continue;
      }
      model[name] = arbitrary;
      if (isRequired) required.push(name);
    }
    return fc.record(model, { requiredKeys: required }) as fc.Arbitrary<Record<string, unknown>>;
  }

  /** Map keys under the map's `propertyNames`. */
  mapKeys(site: Site): fc.Arbitrary<string> | undefined {
    const keyFacets = this.facets.keyFacets(site);
    if (keyFacets.enum !== undefined) {
      const keys = keyFacets.enum.filter((v): v is string => typeof v === "string");
      return keys.length === 0 ? undefined : fc.constantFrom(...keys);
    }
    return validString(keyFacets, this.options);
  }

  /** Maps of `min`–`max` entries; undefined when the keys cannot be that many distinct ones. */
  entries(
    keys: fc.Arbitrary<string>,
    values: fc.Arbitrary<unknown>,
    min: number,
    max: number,
  ): fc.Arbitrary<Record<string, unknown>> | undefined {
    return uniqueArrays(keys, (key) => key, min, max)?.chain((distinct) =>
      fc.tuple(...distinct.map((key) => values.map((value) => [key, value] as const))).map(toObject),
    );
  }

  private build(site: Site, depth: number): fc.Arbitrary<unknown> | undefined {
    const { shape, facets } = site;
    switch (shape.type) {
      case "structure":
        return this.structure(site, depth);
      case "union":
        return this.union(site, depth);
      case "list":
        return this.list(site, depth);
      case "map":
        return this.map(site, depth);
      case "string":
      case "enum":
        if (facets.enum !== undefined) return oneOf(facets.enum);
        return this.string(site.id, facets);
      case "boolean":
        return fc.boolean();
      case "byte":
      case "short":
      case "integer":
      case "intEnum":
      case "long":
      case "bigInteger":
        if (facets.enum !== undefined) return oneOf(facets.enum);
        return integers(shape.type, facets);
      case "float":
      case "double":
      case "bigDecimal":
        return numbers(shape, facets);
      case "timestamp":
        return timestamps(formatOf(site));
      case "blob":
        return fc.uint8Array({ maxLength: 16 });
      case "document":
        // A null document is an absent member, not a value.
        return fc
          .jsonValue({ maxDepth: 2 })
          .filter((value) => value !== null)
          .map(documentWithoutNegativeZero);
    }
  }

  private union(site: Site, depth: number): fc.Arbitrary<unknown> | undefined {
    if (site.shape.type !== "union") return undefined;
    const members = site.shape.members;
    const names = Object.keys(members);
    const leaves = names.filter((name) => isLeaf(this.facets.schema.shapes[members[name]!.target]));
    const chosen = depth >= this.options.maxDepth && leaves.length > 0 ? leaves : names;
    const options: fc.Arbitrary<unknown>[] = [];
    for (const name of chosen) {
      const arbitrary = this.forSite(this.facets.memberSite(site, name), depth + 1);
      if (arbitrary !== undefined) options.push(arbitrary.map((value) => single(name, value)));
    }
    return options.length === 0 ? undefined : fc.oneof(...options);
  }

  private list(site: Site, depth: number): fc.Arbitrary<unknown> | undefined {
    if (site.shape.type !== "list") return undefined;
    const [min, max] = this.sizeRange(site.facets, depth);
    if (min > max) return undefined;
    if (max === 0) return fc.constant([]);
    const item = this.forSite(this.facets.itemSite(site), depth + 1);
    if (item === undefined) return min === 0 ? fc.constant([]) : undefined;
    const items = site.shape.sparse ? fc.option(item, { nil: null, freq: 4 }) : item;
    return site.facets.uniqueItems
      ? uniqueArrays(items, uniqueKey, min, max)
      : fc.array(items, { minLength: min, maxLength: max });
  }

  private map(site: Site, depth: number): fc.Arbitrary<unknown> | undefined {
    if (site.shape.type !== "map") return undefined;
    const [min, max] = this.sizeRange(site.facets, depth);
    if (min > max) return undefined;
    if (max === 0) return fc.constant({});
    const keys = this.mapKeys(site);
    const value = this.forSite(this.facets.valueSite(site), depth + 1);
    if (keys === undefined || value === undefined) return min === 0 ? fc.constant({}) : undefined;
    const values = site.shape.sparse ? fc.option(value, { nil: null, freq: 4 }) : value;
    return this.entries(keys, values, min, max);
  }
}

export function toObject(entries: readonly (readonly [string, unknown])[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of entries) setOwn(out, key, value);
  return out;
}

/** `{ [name]: value }`, as an own property whatever the name. */
export function single(name: string, value: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  setOwn(out, name, value);
  return out;
}

function oneOf(values: readonly unknown[]): fc.Arbitrary<unknown> | undefined {
  return values.length === 0 ? undefined : fc.constantFrom(...values);
}

/** The timestamp format in force at `site`: the member's, the shape's, else epoch seconds. */
export function formatOf(site: Site): TimestampFormat | "" {
  if (site.shape.type !== "timestamp") return "";
  return site.member?.timestampFormat ?? site.shape.format ?? "epoch-seconds";
}

/** The bounds of an integer site: its type's, narrowed by `minimum`/`maximum`. */
export function integerBounds(type: string, facets: Facets): [number, number] {
  const [low, high] = INTEGER_BOUNDS[type] ?? INTEGER_BOUNDS.bigInteger!;
  return [Math.max(low, Math.ceil(facets.minimum ?? low)), Math.min(high, Math.floor(facets.maximum ?? high))];
}

function integers(type: string, facets: Facets): fc.Arbitrary<number> | undefined {
  const [min, max] = integerBounds(type, facets);
  return min > max ? undefined : fc.integer({ min, max });
}

/** -0 reads back as 0 (JSON has no negative zero), so it is never generated. */
const noNegativeZero = (value: number) => (Object.is(value, -0) ? 0 : value);

/** JSON spells -0 as 0, so documents hold no -0 either. */
function documentWithoutNegativeZero(value: unknown): unknown {
  if (typeof value === "number") return noNegativeZero(value);
  if (Array.isArray(value)) return value.map(documentWithoutNegativeZero);
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) setOwn(out, key, documentWithoutNegativeZero(item));
  return out;
}

function numbers(shape: ShapeSchema, facets: Facets): fc.Arbitrary<number> | undefined {
  const { minimum, maximum } = facets;
  if (minimum === undefined && maximum === undefined) {
    if (shape.type === "bigDecimal") return fc.double({ noNaN: true, noDefaultInfinity: true }).map(noNegativeZero);
    // Unbounded floats include NaN and ±Infinity, which awsJson spells as strings.
    return (shape.type === "float" ? fc.float() : fc.double()).map(noNegativeZero);
  }
  if (minimum !== undefined && maximum !== undefined && minimum > maximum) return undefined;
  return fc
    .double({ min: minimum, max: maximum, noNaN: true, noDefaultInfinity: true })
    .map(noNegativeZero)
    .filter((value) => (minimum === undefined || value >= minimum) && (maximum === undefined || value <= maximum));
}

function timestamps(format: TimestampFormat | ""): fc.Arbitrary<Date> {
  if (format === "http-date") {
    return fc.integer({ min: MIN_HTTP_DATE_S, max: MAX_HTTP_DATE_S }).map((seconds) => new Date(seconds * 1000));
  }
  return fc.date({ min: MIN_DATE, max: MAX_DATE, noInvalidDate: true });
}

function isLeaf(shape: ShapeSchema | undefined): boolean {
  return shape !== undefined && !["structure", "union", "list", "map"].includes(shape.type);
}

/**
 * Arrays of `min`–`max` items, distinct by `selector`; undefined when a
 * sample of `items` has fewer than `min` distinct values (`fc.uniqueArray`
 * would search for them forever).
 */
export function uniqueArrays<T>(
  items: fc.Arbitrary<T>,
  selector: (value: T) => unknown,
  min: number,
  max: number,
): fc.Arbitrary<T[]> | undefined {
  if (min > 0 && new Set(samplePassing(items, () => true, 200).map(selector)).size < min) return undefined;
  return fc.uniqueArray(items, { selector, minLength: min, maxLength: max });
}

/** A key that tells list items apart as `uniqueItems` does. */
export function uniqueKey(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => {
    if (item instanceof Uint8Array) return `bytes:${Array.from(item).join(",")}`;
    if (typeof item === "number" && !Number.isFinite(item)) return `number:${item}`;
    return item;
  });
}
