/**
 * Inputs that break exactly one constraint of the model. Every place a
 * constraint applies (a site, reached from the input by member, item and
 * map-value steps) is listed once per operation; an invalid input forces the
 * path to one site into an otherwise valid value and puts a broken value
 * there, so the expected failure's member path is known.
 */
import fc from "fast-check";
import type { Facets, Site } from "./arbitrary-facets.js";
import { codePoints, lengthMisses, patternMisses, samplePassing, validString } from "./arbitrary-strings.js";
import {
  type PathSegment,
  type ValueArbitraries,
  integerBounds,
  setOwn,
  single,
  toObject,
  uniqueArrays,
  uniqueKey,
} from "./arbitrary-values.js";

export type MutationKind =
  | "missingRequired"
  | "tooShort"
  | "tooLong"
  | "pattern"
  | "enum"
  | "belowMinimum"
  | "aboveMaximum"
  | "tooFewItems"
  | "tooManyItems";

/** An input with one constraint broken, and what the service must say about it. */
export interface InvalidInput {
  readonly input: Record<string, unknown>;
  /**
   * AWS-style member path of the broken constraint, e.g. `filters.1.member.key`:
   * members lower-camel, list items `<1-based index>.member`, map keys verbatim.
   */
  readonly path: string;
  /** The same path, one segment per member, list item or map key. */
  readonly segments: readonly PathSegment[];
  readonly kind: MutationKind;
  /**
   * The constraint as AWS words it, e.g. `Member must have length less than
   * or equal to 128`. A pattern is quoted as the JSON Schema spells it, which
   * may differ from the model's spelling that a service quotes.
   */
  readonly constraint: string;
}

interface Located {
  readonly value: unknown;
  readonly path: readonly PathSegment[];
}

type Step = { readonly member: string } | "item" | "value";

interface Mutation {
  readonly kind: MutationKind;
  readonly constraint: string;
  readonly build: (site: Site, depth: number) => fc.Arbitrary<Located> | undefined;
}

/** Broken collections stay this small; larger `maxItems` are not exceeded. */
const MAX_BROKEN_SIZE = 100;

export class InvalidInputs {
  constructor(private readonly values: ValueArbitraries) {}

  /** Invalid inputs for the input structure at `root`; undefined when no constraint can be broken. */
  forInput(root: Site): fc.Arbitrary<InvalidInput> | undefined {
    const candidates: fc.Arbitrary<InvalidInput>[] = [];
    for (const { steps, mutation } of this.sites(root, [], 0, [])) {
      const located = this.forced(root, steps, mutation, 0);
      if (located === undefined) continue;
      candidates.push(
        located.map(({ value, path }) => ({
          input: value as Record<string, unknown>,
          path: awsPath(path),
          segments: path,
          kind: mutation.kind,
          constraint: mutation.constraint,
        })),
      );
    }
    return candidates.length === 0 ? undefined : fc.oneof(...candidates);
  }

  /** Every (path, mutation) below `site`; recursive shapes are entered once per path. */
  private sites(
    site: Site,
    steps: readonly Step[],
    depth: number,
    onPath: readonly string[],
  ): { steps: readonly Step[]; mutation: Mutation }[] {
    const out = this.mutations(site).map((mutation) => ({ steps, mutation }));
    if (depth >= this.values.options.maxDepth || onPath.includes(site.id)) return out;
    const below = [...onPath, site.id];
    const { shape } = site;
    const facets = this.values.facets;
    if (shape.type === "structure" || shape.type === "union") {
      for (const member of Object.keys(shape.members)) {
        out.push(...this.sites(facets.memberSite(site, member), [...steps, { member }], depth + 1, below));
      }
    } else if (shape.type === "list") {
      out.push(...this.sites(facets.itemSite(site), [...steps, "item"], depth + 1, below));
    } else if (shape.type === "map") {
      out.push(...this.sites(facets.valueSite(site), [...steps, "value"], depth + 1, below));
    }
    return out;
  }

  /** A valid value around `site`'s descendant at `steps`, with the mutation applied there. */
  private forced(
    site: Site,
    steps: readonly Step[],
    mutation: Mutation,
    depth: number,
  ): fc.Arbitrary<Located> | undefined {
    const [step, ...rest] = steps;
    if (step === undefined) return mutation.build(site, depth);
    const { facets } = this.values;
    if (step === "item") {
      const inner = this.forced(facets.itemSite(site), rest, mutation, depth + 1);
      return inner && this.forcedItem(site, depth, inner);
    }
    if (step === "value") {
      const inner = this.forced(facets.valueSite(site), rest, mutation, depth + 1);
      return inner && this.forcedValue(site, depth, inner);
    }
    const name = step.member;
    const inner = this.forced(facets.memberSite(site, name), rest, mutation, depth + 1);
    if (inner === undefined) return undefined;
    const segment: PathSegment = { member: name };
    if (site.shape.type === "union") {
      return inner.map(({ value, path }) => ({ value: single(name, value), path: [segment, ...path] }));
    }
    const others = this.values.structure(site, depth, name);
    if (others === undefined) return undefined;
    return fc.tuple(others, inner).map(([siblings, { value, path }]) => {
      const object = { ...siblings };
      setOwn(object, name, value);
      return { value: object, path: [segment, ...path] };
    });
  }

  private forcedItem(site: Site, depth: number, inner: fc.Arbitrary<Located>): fc.Arbitrary<Located> | undefined {
    const [min, max] = this.values.sizeRange(site.facets, depth);
    const low = Math.max(1, min);
    const high = Math.max(low, max);
    if (site.facets.maxItems !== undefined && site.facets.maxItems < low) return undefined;
    const item = this.values.forSite(this.values.facets.itemSite(site), depth + 1);
    if (item === undefined && low > 1) return undefined;
    // The broken item differs from the valid others, so uniqueness holds.
    const others =
      item === undefined
        ? fc.constant([] as unknown[])
        : site.facets.uniqueItems
          ? uniqueArrays(item, uniqueKey, low - 1, high - 1)
          : fc.array(item, { minLength: low - 1, maxLength: high - 1 });
    if (others === undefined) return undefined;
    return fc
      .tuple(others, inner)
      .chain(([items, located]) => fc.tuple(fc.constant(items), fc.nat(items.length), fc.constant(located)))
      .map(([items, index, { value, path }]) => {
        const list = [...items];
        list.splice(index, 0, value);
        return { value: list, path: [{ index }, ...path] };
      });
  }

  private forcedValue(site: Site, depth: number, inner: fc.Arbitrary<Located>): fc.Arbitrary<Located> | undefined {
    const [min, max] = this.values.sizeRange(site.facets, depth);
    const low = Math.max(1, min);
    const high = Math.max(low, max);
    if (site.facets.maxItems !== undefined && site.facets.maxItems < low) return undefined;
    const keys = this.values.mapKeys(site);
    const value = this.values.forSite(this.values.facets.valueSite(site), depth + 1);
    if (keys === undefined || (value === undefined && low > 1)) return undefined;
    const distinctKeys = uniqueArrays(keys, (key) => key, low, value === undefined ? low : high);
    if (distinctKeys === undefined) return undefined;
    return fc
      .tuple(distinctKeys, inner)
      .chain(([[forcedKey, ...otherKeys], located]) =>
        fc.tuple(
          fc.constant(forcedKey!),
          fc.tuple(...otherKeys.map((key) => value!.map((item) => [key, item] as const))),
          fc.constant(located),
        ),
      )
      .map(([forcedKey, others, { value, path }]) => {
        const object = toObject(others);
        setOwn(object, forcedKey, value);
        return { value: object, path: [{ key: forcedKey }, ...path] };
      });
  }

  /** The constraints that can be broken at `site` itself, each alone. */
  private mutations(site: Site): Mutation[] {
    const { shape, facets } = site;
    switch (shape.type) {
      case "structure":
        return facets.required
          .filter((name) => Object.hasOwn(shape.members, name))
          .map((name) => ({
            kind: "missingRequired",
            constraint: "Member must not be null",
            build: (s, d) => this.values.structure(s, d, name)?.map((value) => ({ value, path: [{ member: name }] })),
          }));
      case "string":
      case "enum":
        return facets.enum !== undefined ? enumMutations(facets, this.values) : stringMutations(facets, this.values);
      case "byte":
      case "short":
      case "integer":
      case "intEnum":
      case "long":
      case "bigInteger":
        return facets.enum !== undefined ? intEnumMutations(shape.type, facets) : rangeMutations(facets, true);
      case "float":
      case "double":
      case "bigDecimal":
        return rangeMutations(facets, false);
      case "list":
      case "map":
        return this.sizeMutations(site);
      default:
        return [];
    }
  }

  /** Too few or too many (valid) items or entries. */
  private sizeMutations(site: Site): Mutation[] {
    const { minItems, maxItems } = site.facets;
    const out: Mutation[] = [];
    if (minItems !== undefined && minItems > 0) {
      out.push({
        kind: "tooFewItems",
        constraint: `Member must have length greater than or equal to ${minItems}`,
        build: (s, d) => this.collection(s, d, 0, minItems - 1),
      });
    }
    if (maxItems !== undefined && maxItems < MAX_BROKEN_SIZE) {
      out.push({
        kind: "tooManyItems",
        constraint: `Member must have length less than or equal to ${maxItems}`,
        build: (s, d) => this.collection(s, d, maxItems + 1, maxItems + 2),
      });
    }
    return out;
  }

  /** A list or map of valid items with a size in [min, max]. */
  private collection(site: Site, depth: number, min: number, max: number): fc.Arbitrary<Located> | undefined {
    const { facets } = this.values;
    if (site.shape.type === "list") {
      if (max === 0) return fc.constant({ value: [], path: [] });
      const item = this.values.forSite(facets.itemSite(site), depth + 1);
      if (item === undefined) return min === 0 ? fc.constant({ value: [], path: [] }) : undefined;
      const list = site.facets.uniqueItems
        ? uniqueArrays(item, uniqueKey, min, max)
        : fc.array(item, { minLength: min, maxLength: max });
      return list?.map((value) => ({ value, path: [] }));
    }
    if (max === 0) return fc.constant({ value: {}, path: [] });
    const keys = this.values.mapKeys(site);
    const value = this.values.forSite(facets.valueSite(site), depth + 1);
    if (keys === undefined || value === undefined) return min === 0 ? fc.constant({ value: {}, path: [] }) : undefined;
    return this.values.entries(keys, value, min, max)?.map((object) => ({ value: object, path: [] }));
  }
}

const here = (values: readonly unknown[]): fc.Arbitrary<Located> | undefined =>
  values.length === 0 ? undefined : fc.constantFrom(...values).map((value) => ({ value, path: [] }));

function stringMutations(facets: Facets, values: ValueArbitraries): Mutation[] {
  const out: Mutation[] = [];
  const short = lengthMisses(facets, "short");
  if (short.length > 0) {
    out.push({
      kind: "tooShort",
      constraint: `Member must have length greater than or equal to ${facets.minLength}`,
      build: () => here(short),
    });
  }
  const long = lengthMisses(facets, "long");
  if (long.length > 0) {
    out.push({
      kind: "tooLong",
      constraint: `Member must have length less than or equal to ${facets.maxLength}`,
      build: () => here(long),
    });
  }
  const [first, ...others] = facets.patterns;
  if (first !== undefined) {
    const firstRe = new RegExp(first, "u");
    const otherRes = others.map((p) => new RegExp(p, "u"));
    const misses = patternMisses(facets).filter((text) => !firstRe.test(text) && otherRes.every((re) => re.test(text)));
    if (misses.length > 0) {
      out.push({
        kind: "pattern",
        constraint: `Member must satisfy regular expression pattern: ${first}`,
        build: () => here(misses),
      });
    }
  }
  return out;
}

function enumMutations(facets: Facets, values: ValueArbitraries): Mutation[] {
  const allowed = facets.enum!;
  const first = String(allowed[0] ?? "");
  const candidates = ["NOT_AN_ENUM_VALUE", "x", "", first.toLowerCase(), `${first}_`, ` ${first}`];
  const plain = validString({ ...facets, enum: undefined }, values.options);
  if (plain !== undefined) candidates.push(...samplePassing(plain, () => true, 10));
  const min = facets.minLength ?? 0;
  const max = facets.maxLength ?? Number.POSITIVE_INFINITY;
  const regexes = facets.patterns.map((p) => new RegExp(p, "u"));
  const outside = [...new Set(candidates)].filter((text) => {
    const length = codePoints(text);
    return !allowed.includes(text) && length >= min && length <= max && regexes.every((re) => re.test(text));
  });
  if (outside.length === 0) return [];
  return [{ kind: "enum", constraint: enumConstraint(allowed), build: () => here(outside) }];
}

function intEnumMutations(type: string, facets: Facets): Mutation[] {
  const allowed = facets.enum!.filter((v): v is number => typeof v === "number");
  const [low, high] = integerBounds(type, facets);
  const candidates = [Math.max(...allowed, 0) + 1, Math.min(...allowed, 0) - 1, 0, 7];
  const outside = candidates.filter((v) => !allowed.includes(v) && v >= low && v <= high);
  if (outside.length === 0) return [];
  return [{ kind: "enum", constraint: enumConstraint(facets.enum!), build: () => here(outside) }];
}

function enumConstraint(allowed: readonly unknown[]): string {
  return `Member must satisfy enum value set: [${allowed.join(", ")}]`;
}

/** Values just outside `minimum` and `maximum`, staying integers for integer shapes. */
function rangeMutations(facets: Facets, integer: boolean): Mutation[] {
  const out: Mutation[] = [];
  const { minimum, maximum } = facets;
  const step = (bound: number) => Math.max(1, Math.abs(bound));
  if (minimum !== undefined) {
    const edge = integer ? Math.ceil(minimum) - 1 : minimum - step(minimum);
    const below = [edge, edge - 9].filter((v) => v < minimum && Number.isFinite(v));
    if (below.length > 0) {
      out.push({
        kind: "belowMinimum",
        constraint: `Member must have value greater than or equal to ${minimum}`,
        build: () => here(below),
      });
    }
  }
  if (maximum !== undefined) {
    const edge = integer ? Math.floor(maximum) + 1 : maximum + step(maximum);
    const above = [edge, edge + 9].filter((v) => v > maximum && Number.isFinite(v));
    if (above.length > 0) {
      out.push({
        kind: "aboveMaximum",
        constraint: `Member must have value less than or equal to ${maximum}`,
        build: () => here(above),
      });
    }
  }
  return out;
}

/** `[{member: "Filters"}, {index: 0}, {member: "Key"}]` → `filters.1.member.key`. */
export function awsPath(path: readonly PathSegment[]): string {
  return path
    .map((segment) =>
      "member" in segment
        ? segment.member.charAt(0).toLowerCase() + segment.member.slice(1)
        : "index" in segment
          ? `${segment.index + 1}.member`
          : segment.key,
    )
    .join(".");
}
