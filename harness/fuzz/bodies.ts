/**
 * Request bodies for DescribeMaintenanceWindowExecutionTasks: random bytes,
 * random JSON, and valid requests (first pages, and continuations with a
 * NextToken from a real first page) put through mutations.
 */
import fc from "fast-check";
import { MaintenanceWindowExecutionStatus } from "@sjc/ssm";
import { JsonObject, Many, Nest, RawNumber, Repeat, type JsonNode, writeJson } from "./json-text.js";

/** The ids and tokens of the bundled data that valid requests start from. */
export interface Fixture {
  readonly bigId: string;
  readonly smallId: string;
  readonly emptyId: string;
  readonly unknownId: string;
  /** NextToken of the first page of bigId, MaxResults 10, no filter. */
  readonly unfilteredToken: string;
  /** NextToken of the first page of bigId, MaxResults 10, filtered on STATUS SUCCESS. */
  readonly successToken: string;
}

/** A body as described (small enough to print), turned into what the server receives by {@link bodyOf}. */
export interface BodySpec {
  readonly json: JsonNode;
  /** Lone surrogates and control characters written raw rather than escaped. */
  readonly rawUnicode: boolean;
  /** A text edit after writing: often breaks the JSON. */
  readonly edit?: TextEdit;
  /** A string body (the in-process handler takes one), or UTF-8 bytes (what node gives it). */
  readonly as: "string" | "utf8";
  /** Bytes spliced into the UTF-8 form; most make it invalid UTF-8. */
  readonly splice?: ByteSplice;
}

export interface TextEdit {
  readonly at: number;
  readonly cut: number;
  readonly insert: string;
}

export interface ByteSplice {
  readonly at: number;
  readonly bytes: readonly number[];
}

export function bodyOf(spec: BodySpec): string | Uint8Array {
  let text = writeJson(spec.json, { rawUnicode: spec.rawUnicode });
  if (spec.edit !== undefined) {
    const at = spec.edit.at % (text.length + 1);
    text = text.slice(0, at) + spec.edit.insert + text.slice(at + spec.edit.cut);
  }
  if (spec.splice === undefined) return spec.as === "string" ? text : Buffer.from(text, "utf8");
  const bytes = Buffer.from(text, "utf8");
  const at = spec.splice.at % (bytes.length + 1);
  return Buffer.concat([bytes.subarray(0, at), Buffer.from(spec.splice.bytes), bytes.subarray(at)]);
}

// ---------------------------------------------------------------- pools of odd values

/**
 * Strings of any code points, lone surrogates included. (fast-check's
 * `unit: "binary"` does the same but keeps a 58 MB table of every code point
 * alive for the rest of the process.)
 */
export function anyText(maxLength: number): fc.Arbitrary<string> {
  return fc.string({
    unit: fc.integer({ min: 0, max: 0x10ffff }).map((code) => String.fromCodePoint(code)),
    maxLength,
  });
}

const STATUSES: readonly string[] = Object.values(MaintenanceWindowExecutionStatus);

/** Code units and sequences that trip naive string handling. */
export const ODD_UNICODE: readonly string[] = [
  "\uD800", // lone high surrogate
  "\uDFFF", // lone low surrogate
  "\uDC00\uD800", // a pair in the wrong order
  "\u0000", // NUL
  "\u202E", // RIGHT-TO-LEFT OVERRIDE
  "\u200F", // RIGHT-TO-LEFT MARK
  "\u200B", // ZERO WIDTH SPACE
  "\uFEFF", // BOM
  "\u2028", // LINE SEPARATOR
  "\u0085", // NEXT LINE
  "\uFFFF", // a noncharacter
  "\u{10FFFF}",
  "😀",
  "👩‍👩‍👧", // a ZWJ sequence
  "e\u0301", // a combining accent
  "０", // FULLWIDTH DIGIT ZERO
  "\u007F",
  "\n",
];

/** Byte sequences that are not UTF-8 (and a BOM and a NUL, which are). */
const BAD_UTF8: readonly (readonly number[])[] = [
  [0x80], // lone continuation byte
  [0xc0, 0xaf], // overlong "/"
  [0xc3], // truncated two-byte sequence
  [0xe2, 0x82], // truncated three-byte sequence
  [0xed, 0xa0, 0x80], // an encoded surrogate (CESU-8)
  [0xf4, 0x90, 0x80, 0x80], // beyond U+10FFFF
  [0xf8, 0x88, 0x80, 0x80, 0x80], // a five-byte form
  [0xfe],
  [0xff],
  [0xef, 0xbb, 0xbf], // BOM: valid UTF-8, not valid at the start of JSON
  [0x00],
];

/** Lengths around the model's bounds: ids are 36, filter keys 1–128, values 1–256. */
const BOUNDARY_LENGTHS = [0, 1, 35, 36, 37, 128, 129, 256, 257];

const boundaryString: fc.Arbitrary<JsonNode> = fc
  .tuple(
    fc.constantFrom(...BOUNDARY_LENGTHS),
    fc.constantFrom("a", "0", "f", "-", "é", "😀", "\u0000", "\uD800", "\u202E"),
  )
  .map(([length, unit]) => new Repeat(unit, length));

/** MaxResults allows 10 to 100; the rest probe the edges of JSON numbers. */
const boundaryNumber: fc.Arbitrary<JsonNode> = fc.constantFrom<JsonNode>(
  9,
  10,
  100,
  101,
  -1,
  0,
  2 ** 31,
  2 ** 53,
  -0,
  new RawNumber("-0"),
  new RawNumber("1e308"),
  new RawNumber("1e400"), // parses to Infinity
  new RawNumber("-1e400"),
  new RawNumber("1e-400"), // parses to 0
  new RawNumber("1.5"),
  new RawNumber("10.0"),
  new RawNumber("1E1"),
  new RawNumber("9007199254740993"),
  new RawNumber("10.000000000000000001"),
  new RawNumber("010"), // not JSON
  new RawNumber("+10"), // not JSON
  new RawNumber("0x10"), // not JSON
  new RawNumber("NaN"), // not JSON
  new RawNumber("Infinity"), // not JSON
  "10",
  "NaN",
);

/** One value of each JSON type, for type swaps. */
const typeSwap: fc.Arbitrary<JsonNode> = fc.constantFrom<JsonNode>(
  "x",
  "",
  "STATUS",
  10,
  0,
  true,
  false,
  null,
  [],
  ["STATUS"],
  [null],
  new JsonObject([]),
  new JsonObject([["Key", "STATUS"]]),
);

/** Ids a pattern check must refuse, and one it must accept. */
function nearIds(id: string): fc.Arbitrary<JsonNode> {
  return fc.constantFrom<JsonNode>(
    id.toUpperCase(),
    `${id}\n`,
    `${id}\u0000`,
    ` ${id}`,
    id.replace(/[0-9]/, "０"),
    id.replace(/-/g, ""),
    id.slice(0, 35) + "g",
    id.replace(/-/g, "\u2010"),
  );
}

const hostileKey = fc.constantFrom(
  "__proto__",
  "constructor",
  "prototype",
  "__type",
  "toString",
  "hasOwnProperty",
  "valueOf",
  "__defineGetter__",
  "windowExecutionId",
  "WINDOWEXECUTIONID",
  "WindowExecutionId ",
  "",
);

/** Values aimed at prototype pollution through the keys above. */
const pollutingValue: fc.Arbitrary<JsonNode> = fc.constantFrom<JsonNode>(
  new JsonObject([["polluted", true]]),
  new JsonObject([["prototype", new JsonObject([["polluted", true]])]]),
  new JsonObject([["WindowExecutionId", "25b3420a-6338-4e24-8039-225f0c75b728"]]),
  new JsonObject([["MaxResults", 1000]]),
);

/** A plain JSON value (as fast-check builds it) as a node; own `__proto__` keys stay keys. */
function toNode(value: unknown): JsonNode {
  if (Array.isArray(value)) return value.map(toNode);
  if (typeof value === "object" && value !== null) {
    return new JsonObject(Object.entries(value).map(([key, item]) => [key, toNode(item)] as const));
  }
  return value as JsonNode;
}

const smallJson: fc.Arbitrary<JsonNode> = fc.jsonValue({ maxDepth: 3 }).map(toNode);

const depth: fc.Arbitrary<number> = fc.oneof(
  fc.integer({ min: 1, max: 8 }),
  fc.integer({ min: 60, max: 68 }), // around the guard of 64 levels
  fc.constantFrom(200, 5_000, 100_000),
);

const nested: fc.Arbitrary<JsonNode> = fc
  .tuple(
    depth,
    fc.constantFrom("array" as const, "object" as const),
    fc.constantFrom<JsonNode>(null, 1, "x", [], new JsonObject([])),
  )
  .map(([levels, kind, inner]) => new Nest(levels, kind, inner));

const oddText: fc.Arbitrary<string> = fc.oneof(fc.constantFrom(...ODD_UNICODE), anyText(8));

// ---------------------------------------------------------------- valid requests

/** Valid DescribeMaintenanceWindowExecutionTasks bodies: first pages, and continuations of real first pages. */
function validRequest(fixture: Fixture): fc.Arbitrary<JsonObject> {
  const maxResults = fc.option(fc.integer({ min: 10, max: 100 }), { nil: undefined });
  const filter = fc.tuple(fc.subarray([...STATUSES], { minLength: 1 }), fc.boolean()).map(([values, keyFirst]) => {
    const entries: Array<readonly [string, JsonNode]> = [
      ["Key", "STATUS"],
      ["Values", values],
    ];
    return new JsonObject(keyFirst ? entries : entries.reverse());
  });
  const firstPage = fc
    .record({
      id: fc.constantFrom(fixture.bigId, fixture.bigId, fixture.smallId, fixture.emptyId, fixture.unknownId),
      maxResults,
      filters: fc.option(fc.array(filter, { maxLength: 5 }), { nil: undefined }),
    })
    .map(({ id, maxResults: max, filters }) =>
      entries([
        ["WindowExecutionId", id],
        ["MaxResults", max],
        ["Filters", filters],
      ]),
    );
  const nextPage = fc.record({ maxResults, filtered: fc.boolean() }).map(({ maxResults: max, filtered }) =>
    entries([
      ["WindowExecutionId", fixture.bigId],
      [
        "Filters",
        filtered
          ? [
              new JsonObject([
                ["Key", "STATUS"],
                ["Values", ["SUCCESS"]],
              ]),
            ]
          : undefined,
      ],
      ["MaxResults", max],
      ["NextToken", filtered ? fixture.successToken : fixture.unfilteredToken],
    ]),
  );
  return fc.oneof({ weight: 3, arbitrary: firstPage }, { weight: 2, arbitrary: nextPage });
}

function entries(list: ReadonlyArray<readonly [string, JsonNode | undefined]>): JsonObject {
  return new JsonObject(list.filter((entry): entry is readonly [string, JsonNode] => entry[1] !== undefined));
}

// ---------------------------------------------------------------- mutations

/**
 * One change to a request tree. `pick` chooses among the tree's nodes
 * (modulo their count), so any mutation applies to any tree.
 */
type Mutation =
  | { readonly kind: "delete"; readonly pick: number }
  | { readonly kind: "replace"; readonly pick: number; readonly value: JsonNode }
  | {
      readonly kind: "unicode";
      readonly pick: number;
      readonly text: string;
      readonly where: "replace" | "start" | "end";
    }
  | { readonly kind: "insert key"; readonly pick: number; readonly key: string; readonly value: JsonNode }
  | { readonly kind: "duplicate key"; readonly pick: number; readonly value: JsonNode; readonly before: boolean };

export interface MutationOptions {
  /** Largest string a mutation writes, in code units. */
  readonly hugeString: number;
}

function mutation(fixture: Fixture, options: MutationOptions): fc.Arbitrary<Mutation> {
  const pick = fc.nat();
  const huge = fc
    .tuple(fc.constantFrom("a", "0", "😀", "\uD800"), fc.integer({ min: 4096, max: options.hugeString }))
    .map(([unit, count]) => new Repeat(unit, Math.floor(count / unit.length)));
  /** Long lists of bad items: every item fails validation on its own. */
  const longList = fc
    .tuple(
      fc.integer({ min: 0, max: 3_000 }),
      fc.constantFrom<JsonNode>(
        "",
        "x",
        new Repeat("a", 257),
        null,
        new JsonObject([
          ["Key", ""],
          ["Values", [""]],
        ]),
      ),
    )
    .map(([count, item]) => new Many(item, count));
  const value: fc.Arbitrary<JsonNode> = fc.oneof(
    { weight: 4, arbitrary: typeSwap },
    { weight: 4, arbitrary: boundaryString },
    { weight: 4, arbitrary: boundaryNumber },
    { weight: 2, arbitrary: nearIds(fixture.bigId) },
    { weight: 2, arbitrary: smallJson },
    { weight: 2, arbitrary: nested },
    { weight: 1, arbitrary: huge },
    { weight: 1, arbitrary: longList },
    { weight: 1, arbitrary: fc.constantFrom<JsonNode>(fixture.unfilteredToken, fixture.successToken, fixture.smallId) },
  );
  return fc.oneof(
    { weight: 3, arbitrary: fc.record({ kind: fc.constant("delete" as const), pick }) },
    { weight: 8, arbitrary: fc.record({ kind: fc.constant("replace" as const), pick, value }) },
    {
      weight: 3,
      arbitrary: fc.record({
        kind: fc.constant("unicode" as const),
        pick,
        text: oddText,
        where: fc.constantFrom("replace" as const, "start" as const, "end" as const),
      }),
    },
    {
      weight: 3,
      arbitrary: fc.record({
        kind: fc.constant("insert key" as const),
        pick,
        key: fc.oneof(hostileKey, fc.string({ maxLength: 6 })),
        value: fc.oneof(pollutingValue, value),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({ kind: fc.constant("duplicate key" as const), pick, value, before: fc.boolean() }),
    },
  );
}

type Path = readonly number[];

/** Every node below the root, as entry / item indexes. */
function pathsOf(node: JsonNode, prefix: Path = []): Path[] {
  const children =
    node instanceof JsonObject ? node.entries.map(([, value]) => value) : Array.isArray(node) ? node : [];
  return children.flatMap((child, index) => [[...prefix, index], ...pathsOf(child, [...prefix, index])]);
}

function get(node: JsonNode, path: Path): JsonNode {
  return path.reduce<JsonNode>(
    (at, index) => (at instanceof JsonObject ? at.entries[index]![1] : (at as JsonNode[])[index]!),
    node,
  );
}

/** A copy of `node` with the node at `path` replaced by `change(old)`, or removed when it returns undefined. */
function update(node: JsonNode, path: Path, change: (old: JsonNode) => JsonNode | undefined): JsonNode {
  if (path.length === 0) return change(node) ?? null;
  const [index, ...rest] = path as [number, ...number[]];
  if (node instanceof JsonObject) {
    const list = node.entries.flatMap(([key, value], at): Array<readonly [string, JsonNode]> => {
      if (at !== index) return [[key, value]];
      if (rest.length > 0) return [[key, update(value, rest, change)]];
      const next = change(value);
      return next === undefined ? [] : [[key, next]];
    });
    return new JsonObject(list);
  }
  const items = node as JsonNode[];
  return items.flatMap((value, at) => {
    if (at !== index) return [value];
    if (rest.length > 0) return [update(value, rest, change)];
    const next = change(value);
    return next === undefined ? [] : [next];
  });
}

/** Applies `mutation` to the request tree `root` (an object). */
function mutate(root: JsonNode, change: Mutation): JsonNode {
  const paths = pathsOf(root);
  const path = paths.length === 0 ? [] : paths[change.pick % paths.length]!;
  switch (change.kind) {
    case "delete":
      return path.length === 0 ? new JsonObject([]) : update(root, path, () => undefined);
    case "replace":
      return update(root, path, () => change.value);
    case "unicode":
      return update(root, path, (old) => {
        if (typeof old !== "string" || change.where === "replace") return change.text;
        return change.where === "start" ? change.text + old : old + change.text;
      });
    case "insert key": {
      // Into the object picked, or else the innermost object holding it.
      let at: Path = path;
      while (at.length > 0 && !(get(root, at) instanceof JsonObject)) at = at.slice(0, -1);
      return update(root, at, (object) =>
        object instanceof JsonObject ? new JsonObject([...object.entries, [change.key, change.value]]) : object,
      );
    }
    case "duplicate key": {
      // The entry picked, or its innermost enclosing entry, appears twice.
      let at: Path = path;
      while (at.length > 0 && !(get(root, at.slice(0, -1)) instanceof JsonObject)) at = at.slice(0, -1);
      if (at.length === 0) return root;
      const index = at.at(-1)!;
      return update(root, at.slice(0, -1), (object) => {
        const list = [...(object as JsonObject).entries];
        const [key] = list[index]!;
        list.splice(change.before ? index : index + 1, 0, [key, change.value]);
        return new JsonObject(list);
      });
    }
  }
}

// ---------------------------------------------------------------- bodies

const encoding = fc.record({
  rawUnicode: fc.boolean(),
  as: fc.constantFrom("string" as const, "utf8" as const),
});

const textEdit: fc.Arbitrary<TextEdit> = fc.record({
  at: fc.nat(),
  cut: fc.nat({ max: 4 }),
  insert: fc.oneof(
    fc.constantFrom('"', "\\", "{", "}", "[", "]", ",", ":", "\u0000", "\\u", "\\ud800"),
    fc.string({ maxLength: 4 }),
  ),
});

const splice: fc.Arbitrary<ByteSplice> = fc.record({ at: fc.nat(), bytes: fc.constantFrom(...BAD_UTF8) });

/** Undefined seven times in eight. */
function rarely<T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> {
  return fc.oneof({ weight: 7, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary });
}

/** Valid requests after one to three mutations; sometimes a text edit or bad bytes on top. */
export function mutatedBody(fixture: Fixture, options: MutationOptions): fc.Arbitrary<BodySpec> {
  return fc
    .record({
      request: validRequest(fixture),
      mutations: fc.array(mutation(fixture, options), { minLength: 1, maxLength: 3 }),
      encoding,
      edit: rarely(textEdit),
      splice: rarely(splice),
    })
    .map(({ request, mutations, encoding: { rawUnicode, as }, edit, splice: bytes }) => ({
      json: mutations.reduce<JsonNode>(mutate, request),
      rawUnicode,
      as: bytes === undefined ? as : "utf8",
      ...(edit && { edit }),
      ...(bytes && { splice: bytes }),
    }));
}

/** Valid requests as they are: most answers are 200. */
export function validBody(fixture: Fixture): fc.Arbitrary<BodySpec> {
  return fc.record({
    json: validRequest(fixture),
    rawUnicode: fc.constant(false),
    as: fc.constantFrom("string" as const, "utf8" as const),
  });
}

/** Random JSON: documents of any type, objects mixing random and real members, nesting around and far past the guard. */
export function randomJsonBody(fixture: Fixture): fc.Arbitrary<BodySpec> {
  const document = fc.jsonValue({ maxDepth: 8 }).map(toNode);
  const mixed = fc
    .tuple(
      fc.dictionary(fc.oneof(hostileKey, fc.string({ maxLength: 8 })), smallJson, { maxKeys: 5 }),
      validRequest(fixture),
      fc.boolean(),
    )
    .map(([extra, request, extraFirst]) => {
      const more = Object.entries(extra);
      return new JsonObject(extraFirst ? [...more, ...request.entries] : [...request.entries, ...more]);
    });
  const deepMember = fc
    .tuple(
      nested,
      fc.constantFrom("WindowExecutionId", "Filters", "Unknown", "__proto__"),
      fc.constantFrom(fixture.bigId, fixture.unknownId),
    )
    .map(
      ([value, key, id]) =>
        new JsonObject([
          ["WindowExecutionId", id],
          [key === "WindowExecutionId" ? "Filters" : key, value],
        ]),
    );
  const deepFilters = fc.tuple(depth, fc.constantFrom("array" as const, "object" as const)).map(
    ([levels, kind]) =>
      new JsonObject([
        ["WindowExecutionId", fixture.bigId],
        [
          "Filters",
          [
            new JsonObject([
              ["Key", "STATUS"],
              ["Values", [new Nest(levels, kind, "SUCCESS")]],
            ]),
          ],
        ],
      ]),
  );
  const json = fc.oneof(
    { weight: 3, arbitrary: document },
    { weight: 3, arbitrary: mixed },
    { weight: 2, arbitrary: nested },
    { weight: 2, arbitrary: deepMember },
    { weight: 1, arbitrary: deepFilters },
  );
  return fc.record({ json, rawUnicode: fc.boolean(), as: fc.constantFrom("string" as const, "utf8" as const) });
}

/** Text that is rarely JSON: fast-check's JSON with edits, arbitrary strings, whitespace. */
export const randomText: fc.Arbitrary<string> = fc.oneof(
  fc.json({ maxDepth: 6 }),
  anyText(200),
  fc.constantFrom(
    "",
    " ",
    "\n{}\n",
    "\uFEFF{}",
    "{}{}",
    "{} x",
    "null",
    "[]",
    "1",
    '"x"',
    "{",
    "}",
    '{"a":}',
    "{'a':1}",
    "{a:1}",
    '{"a":1,}',
  ),
);

/** Arbitrary bytes, and JSON with bytes that are not UTF-8 in it. */
export function randomBytes(fixture: Fixture): fc.Arbitrary<Uint8Array> {
  return fc.oneof(
    fc.uint8Array({ maxLength: 2048 }),
    fc
      .tuple(validRequest(fixture), splice)
      .map(([request, bytes]) => bodyOf({ json: request, rawUnicode: false, as: "utf8", splice: bytes }) as Uint8Array),
    fc
      .tuple(fc.uint8Array({ minLength: 1, maxLength: 64 }), validRequest(fixture), fc.nat())
      .map(
        ([noise, request, at]) =>
          bodyOf({ json: request, rawUnicode: false, as: "utf8", splice: { at, bytes: [...noise] } }) as Uint8Array,
      ),
  );
}
