/**
 * Everything around the body: method, path, headers (names in any case,
 * repeated, missing), for in-process calls, node's HTTP client, and raw bytes
 * on a socket.
 */
import fc from "fast-check";
import {
  type BodySpec,
  type Fixture,
  ODD_UNICODE,
  anyText,
  bodyOf,
  mutatedBody,
  randomBytes,
  randomJsonBody,
  randomText,
  validBody,
} from "./bodies.js";
import { CONTENT_TYPE, TARGET } from "./invariants.js";

export type HeaderPairs = ReadonlyArray<readonly [string, string]>;

const BAD_TARGETS = [
  "",
  "AmazonSSM",
  "AmazonSSM.",
  ".DescribeMaintenanceWindowExecutionTasks",
  "DescribeMaintenanceWindowExecutionTasks",
  "amazonssm.describemaintenancewindowexecutiontasks",
  "AmazonSSM.describeMaintenanceWindowExecutionTasks",
  `${TARGET} `,
  ` ${TARGET}`,
  `${TARGET}\t`,
  `${TARGET}.`,
  "AmazonSSM.DescribeMaintenanceWindowExecutions",
  "AmazonSSM_20141106.DescribeMaintenanceWindowExecutionTasks",
  "AmazonSSM.__proto__",
  "AmazonSSM.constructor",
  "AmazonSSM.toString",
  "AmazonSSM.hasOwnProperty",
  "__proto__",
  "constructor",
  "Things.PutThing",
];

const BAD_CONTENT_TYPES = [
  "",
  "application/json",
  "application/x-amz-json-1.0",
  "application/x-amz-json",
  "text/plain",
  "application/x-amz-json-1.1x",
  "application/x-amz-json-1.1; charset=latin1",
  "application/x-amz-json-1.1; charset=utf-16",
  "application/x-amz-json-1.1; charset=",
  "application/x-amz-json-1.1; charset=utf-8; charset=latin1",
  "application/x-amz-json-1.1,application/json",
  "multipart/form-data; boundary=x",
];

/** Spellings of the right media type the handler accepts. */
const GOOD_CONTENT_TYPES = [
  CONTENT_TYPE,
  `${CONTENT_TYPE}; charset=utf-8`,
  `${CONTENT_TYPE};charset=UTF-8`,
  `${CONTENT_TYPE}; charset="utf-8"`,
  `${CONTENT_TYPE}; charset=utf8`,
  "APPLICATION/X-AMZ-JSON-1.1",
  ` ${CONTENT_TYPE} `,
  `${CONTENT_TYPE}; foo=bar`,
  `${CONTENT_TYPE};`,
];

/** Mostly the good value, sometimes a near miss, rarely noise. */
function mostly(good: fc.Arbitrary<string>, near: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const odd = fc
    .tuple(good, fc.constantFrom(...ODD_UNICODE), fc.nat())
    .map(([text, insert, at]) => text.slice(0, at % (text.length + 1)) + insert + text.slice(at % (text.length + 1)));
  return fc.oneof(
    { weight: 12, arbitrary: good },
    { weight: 3, arbitrary: near },
    { weight: 1, arbitrary: odd },
    { weight: 1, arbitrary: anyText(60) },
  );
}

const target = mostly(fc.constant(TARGET), fc.constantFrom(...BAD_TARGETS));
const contentType = mostly(fc.constantFrom(...GOOD_CONTENT_TYPES), fc.constantFrom(...BAD_CONTENT_TYPES));

/** A header present once (in one of three spellings of its name), twice, or not at all. */
function header(names: readonly string[], value: fc.Arbitrary<string>): fc.Arbitrary<HeaderPairs> {
  const name = fc.constantFrom(...names);
  return fc.oneof(
    { weight: 12, arbitrary: fc.tuple(name, value).map((pair) => [pair]) },
    { weight: 1, arbitrary: fc.constant([]) },
    { weight: 1, arbitrary: fc.tuple(fc.tuple(name, value), fc.tuple(name, value)).map((pairs) => pairs) },
  );
}

const extraHeaders: fc.Arbitrary<HeaderPairs> = fc.array(
  fc.tuple(
    fc.oneof(
      fc.constantFrom(
        "x-amz-date",
        "authorization",
        "x-amz-security-token",
        "x-amzn-errortype",
        "content-encoding",
        "__proto__",
        "constructor",
      ),
      fc.stringMatching(/^[a-z][a-z0-9-]{0,12}$/),
    ),
    fc.string({ maxLength: 20 }),
  ),
  { maxLength: 3 },
);

function headers(): fc.Arbitrary<HeaderPairs> {
  return fc
    .tuple(
      header(["x-amz-target", "X-Amz-Target", "X-AMZ-TARGET"], target),
      header(["content-type", "Content-Type", "CONTENT-TYPE"], contentType),
      extraHeaders,
    )
    .map(([a, b, c]) => [...a, ...b, ...c]);
}

/** The request's `headers` as a caller would pass them: a repeated name becomes a list, as node makes it. */
export function headerObject(pairs: HeaderPairs, nullPrototype: boolean): Record<string, string | string[]> {
  const object: Record<string, string | string[]> = nullPrototype ? Object.create(null) : {};
  for (const [name, value] of pairs) {
    const previous = Object.hasOwn(object, name) ? object[name] : undefined;
    const next = previous === undefined ? value : [...(Array.isArray(previous) ? previous : [previous]), value];
    Object.defineProperty(object, name, { value: next, enumerable: true, writable: true, configurable: true });
  }
  return object;
}

// ---------------------------------------------------------------- in process

export interface InProcessSpec {
  readonly method: string;
  readonly path: string;
  readonly headers: HeaderPairs;
  readonly nullPrototypeHeaders: boolean;
  readonly body: BodySpec | { readonly text: string } | { readonly bytes: Uint8Array } | { readonly none: true };
}

export function inProcessBody(body: InProcessSpec["body"]): string | Uint8Array | undefined {
  if ("json" in body) return bodyOf(body);
  if ("text" in body) return body.text;
  if ("bytes" in body) return body.bytes;
  return undefined;
}

const method = fc.oneof(
  { weight: 12, arbitrary: fc.constant("POST") },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      "GET",
      "PUT",
      "DELETE",
      "PATCH",
      "HEAD",
      "OPTIONS",
      "post",
      "Post",
      "",
      "POST ",
      " POST",
    ),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
);

const path = fc.oneof(
  { weight: 8, arbitrary: fc.constant("/") },
  { weight: 1, arbitrary: fc.constantFrom("", "/x", "//", "/?a=b", "/%zz", "/%00", "/..%2f..", "*") },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
);

/** Method, path and headers all varied, with a valid, mutated, random or absent body. */
export function envelope(fixture: Fixture): fc.Arbitrary<InProcessSpec> {
  const body: fc.Arbitrary<InProcessSpec["body"]> = fc.oneof(
    { weight: 8, arbitrary: validBody(fixture) },
    { weight: 3, arbitrary: mutatedBody(fixture, { hugeString: 16 * 1024 }) },
    { weight: 1, arbitrary: randomText.map((text) => ({ text })) },
    { weight: 1, arbitrary: fc.constantFrom({ none: true as const }, { text: "" }, { bytes: new Uint8Array(0) }) },
  );
  return fc.record({ method, path, headers: headers(), nullPrototypeHeaders: fc.boolean(), body });
}

/** The right envelope around bodies of the given kind. */
export function wellAddressed(body: fc.Arbitrary<InProcessSpec["body"]>): fc.Arbitrary<InProcessSpec> {
  return fc.record({
    method: fc.constant("POST"),
    path: fc.constant("/"),
    headers: fc.constantFrom<HeaderPairs>([
      ["x-amz-target", TARGET],
      ["content-type", CONTENT_TYPE],
    ]),
    nullPrototypeHeaders: fc.constant(false),
    body,
  });
}

export function bytesOrText(fixture: Fixture): fc.Arbitrary<InProcessSpec["body"]> {
  return fc.oneof(
    { weight: 3, arbitrary: randomBytes(fixture).map((bytes) => ({ bytes })) },
    { weight: 1, arbitrary: randomText.map((text) => ({ text })) },
  );
}

export function jsonOrText(fixture: Fixture): fc.Arbitrary<InProcessSpec["body"]> {
  return fc.oneof(
    { weight: 4, arbitrary: randomJsonBody(fixture) },
    { weight: 1, arbitrary: fc.json({ maxDepth: 8 }).map((text) => ({ text })) },
  );
}

// ---------------------------------------------------------------- node:http

/** A body near or past the node adapter's 1 MiB limit, built at run time. */
export interface HugeBody {
  readonly bytes: number;
  readonly shape: "string member" | "token member" | "nesting" | "empty values" | "invalid utf-8";
}

export interface NodeSpec {
  readonly method: string;
  readonly path: string;
  readonly headers: HeaderPairs;
  readonly body: BodySpec | HugeBody | { readonly bytes: Uint8Array };
  readonly chunked: boolean;
}

export const MIB = 1024 * 1024;

/** Exactly `spec.bytes` bytes of the given shape. */
function hugeBody(spec: HugeBody, fixture: Fixture): Buffer {
  const n = spec.bytes;
  const pad = (head: string, fill: string, tail: string) => {
    const room = n - Buffer.byteLength(head) - Buffer.byteLength(tail);
    return Buffer.from(head + fill.repeat(Math.max(0, Math.floor(room / fill.length))) + tail).subarray(0, n);
  };
  switch (spec.shape) {
    case "string member":
      return padTo(pad('{"WindowExecutionId":"', "a", '"}'), n);
    case "token member":
      return padTo(pad(`{"WindowExecutionId":"${fixture.bigId}","NextToken":"`, "A", '"}'), n);
    case "nesting":
      return padTo(Buffer.from("[".repeat(Math.floor(n / 2)) + "]".repeat(Math.floor(n / 2))), n);
    case "empty values": {
      const head = `{"WindowExecutionId":"${fixture.bigId}","Filters":[{"Key":"STATUS","Values":[""`;
      return padTo(pad(head, ',""', "]}]}"), n);
    }
    case "invalid utf-8":
      return Buffer.alloc(n, 0xff);
  }
}

/** Appends JSON whitespace up to `n` bytes (a fill may leave a few bytes short). */
function padTo(buffer: Buffer, n: number): Buffer {
  return buffer.length >= n ? buffer.subarray(0, n) : Buffer.concat([buffer, Buffer.alloc(n - buffer.length, 0x20)]);
}

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** What node's client accepts: token names, values of latin1 without CR, LF or NUL. */
function sendableHeaders(pairs: HeaderPairs): HeaderPairs {
  return pairs
    .filter(
      ([name]) =>
        HEADER_NAME.test(name) &&
        !["content-length", "transfer-encoding", "connection", "host"].includes(name.toLowerCase()),
    )
    .map(([name, value]) => [name, value.replace(/[^\t\x20-\x7e\x80-\xff]/g, "?")] as const);
}

export function nodeRequest(fixture: Fixture): fc.Arbitrary<NodeSpec> {
  const huge: fc.Arbitrary<HugeBody> = fc.record({
    bytes: fc.oneof(fc.constantFrom(MIB - 1, MIB, MIB + 1, 2 * MIB), fc.integer({ min: MIB / 2, max: 2 * MIB })),
    shape: fc.constantFrom(
      "string member" as const,
      "token member" as const,
      "nesting" as const,
      "empty values" as const,
      "invalid utf-8" as const,
    ),
  });
  const body: fc.Arbitrary<NodeSpec["body"]> = fc.oneof(
    { weight: 4, arbitrary: validBody(fixture) },
    { weight: 6, arbitrary: mutatedBody(fixture, { hugeString: 64 * 1024 }) },
    { weight: 2, arbitrary: randomJsonBody(fixture) },
    { weight: 2, arbitrary: randomBytes(fixture).map((bytes) => ({ bytes })) },
    { weight: 2, arbitrary: huge },
  );
  return fc.record({
    method: fc.oneof(
      { weight: 10, arbitrary: fc.constant("POST") },
      { weight: 1, arbitrary: fc.constantFrom("GET", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS") },
    ),
    path: fc.oneof(
      { weight: 6, arbitrary: fc.constant("/") },
      { weight: 1, arbitrary: fc.constantFrom("/x?y=1", "/%zz", "//a", "/?a=%") },
    ),
    headers: headers().map(sendableHeaders),
    body,
    chunked: fc.boolean(),
  });
}

export function nodeBody(body: NodeSpec["body"], fixture: Fixture): Buffer {
  if ("shape" in body) return hugeBody(body, fixture);
  if ("bytes" in body) return Buffer.from(body.bytes);
  const made = bodyOf(body);
  return typeof made === "string" ? Buffer.from(made, "utf8") : Buffer.from(made);
}

// ---------------------------------------------------------------- raw bytes

/** A request written byte by byte: request line, header lines (any bytes), framing and body. */
export interface RawSpec {
  readonly requestLine: string;
  readonly eol: "\r\n" | "\n";
  /** Header lines without their line ends; not all are well-formed. */
  readonly lines: readonly string[];
  readonly framing: "length" | "chunked" | "bad chunks" | "none";
  /** Content-Length values written besides (or instead of) the right one. */
  readonly lengths: readonly string[];
  /** Latin-1 text: each character one byte. */
  readonly body: string;
}

export function rawRequest(fixture: Fixture): fc.Arbitrary<RawSpec> {
  const requestLine = fc.oneof(
    { weight: 10, arbitrary: fc.constant("POST / HTTP/1.1") },
    {
      weight: 3,
      arbitrary: fc
        .tuple(
          fc.constantFrom("POST", "GET", "PUT", "DELETE", "OPTIONS", "FOO", "post", "PRI", "POST\t"),
          fc.constantFrom("/", "*", "/a?b=%", "http://x/", "", "/\u00ff", "/a b"),
          fc.constantFrom("HTTP/1.1", "HTTP/1.0", "HTTP/1.2", "HTTP/2.0", "HTTP/0.9", "http/1.1", "HTTP/1.1x", ""),
        )
        .map((parts) => parts.join(" ")),
    },
    { weight: 1, arbitrary: fc.string({ unit: "binary-ascii", maxLength: 30 }) },
  );
  const latin1 = fc.string({
    unit: fc.integer({ min: 0, max: 255 }).map((code) => String.fromCharCode(code)),
    maxLength: 40,
  });
  const junk = fc.oneof(
    fc
      .tuple(fc.constantFrom("X Y", "X:Y", "é", "X\u0000", "", "(x)", "X-Ok"), latin1)
      .map(([name, value]) => `${name}: ${value}`),
    fc.constantFrom(
      " folded continuation",
      "\tfolded continuation",
      "NoColonHere",
      ": no name",
      "X-Nul: a\u0000b",
      "X-Del: a\u007fb",
      "X-High: a\u00ffb",
      "X-Cr: a\rb",
      `X-Long: ${"a".repeat(20_000)}`,
      "Expect: 100-continue",
      "Expect: something-else",
      "Upgrade: h2c",
      "Transfer-Encoding: gzip",
      "Transfer-Encoding: identity",
      "Transfer-Encoding: chunked, chunked",
      "Transfer-Encoding: xchunked",
      "Host: second.example",
    ),
  );
  const named = fc.tuple(
    fc.option(fc.constantFrom("Host: 127.0.0.1", "Host:", "host: a b"), { freq: 10, nil: undefined }),
    fc.option(
      target.map((value) => `X-Amz-Target: ${value}`),
      { freq: 10, nil: undefined },
    ),
    fc.option(
      contentType.map((value) => `Content-Type: ${value}`),
      { freq: 10, nil: undefined },
    ),
  );
  const body = fc.oneof(
    validBody(fixture).map((spec) => Buffer.from(bodyOf(spec)).toString("latin1")),
    mutatedBody(fixture, { hugeString: 8 * 1024 }).map((spec) => Buffer.from(bodyOf(spec)).toString("latin1")),
    latin1,
  );
  return fc
    .record({
      requestLine,
      eol: fc.oneof(
        { weight: 8, arbitrary: fc.constant("\r\n" as const) },
        { weight: 1, arbitrary: fc.constant("\n" as const) },
      ),
      named,
      // About a third of the requests are clean enough to reach the adapter.
      junk: fc.oneof(fc.constant([]), fc.array(junk, { minLength: 1, maxLength: 3 })),
      framing: fc.constantFrom(
        "length" as const,
        "length" as const,
        "chunked" as const,
        "bad chunks" as const,
        "none" as const,
      ),
      lengths: fc.oneof(
        { weight: 3, arbitrary: fc.constant([]) },
        {
          weight: 1,
          arbitrary: fc.array(fc.constantFrom("abc", "-1", "1e3", " 2", "99999999999999999999", "", "0x10", "0", "2"), {
            minLength: 1,
            maxLength: 2,
          }),
        },
      ),
      body,
    })
    .chain((spec) =>
      fc
        .shuffledSubarray([...spec.named.filter((line): line is string => line !== undefined), ...spec.junk], {
          minLength: spec.named.filter((line) => line !== undefined).length + spec.junk.length,
        })
        .map((lines) => ({
          requestLine: spec.requestLine,
          eol: spec.eol,
          lines,
          framing: spec.framing,
          lengths: spec.lengths,
          body: spec.body,
        })),
    );
}

/** The bytes on the wire; always asks the server to close the connection after answering. */
export function rawBytes(spec: RawSpec): Buffer {
  const lines = [...spec.lines];
  let body = spec.body;
  switch (spec.framing) {
    case "length":
      lines.push(`Content-Length: ${Buffer.byteLength(body, "latin1")}`);
      break;
    case "chunked":
      lines.push("Transfer-Encoding: chunked");
      body = `${body.length.toString(16)}\r\n${body}\r\n0\r\n\r\n`;
      break;
    case "bad chunks":
      lines.push("Transfer-Encoding: chunked");
      body = `${(body.length + 3).toString(16)}\r\n${body}\r\nzz\r\n`;
      break;
    case "none":
      break;
  }
  for (const length of spec.lengths) lines.push(`Content-Length: ${length}`);
  lines.push("Connection: close");
  const head = [spec.requestLine, ...lines].join(spec.eol) + spec.eol + spec.eol;
  return Buffer.from(head + body, "latin1");
}
