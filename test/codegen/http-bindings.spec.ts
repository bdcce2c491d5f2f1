/** The HTTP binding traits in the index: URI patterns, member bindings, the route order and conflicts. */
import assert from "node:assert/strict";
import fc from "fast-check";
import type { AstMember, AstShape, Traits } from "../../codegen/load/ast.js";
import { flattenModel } from "../../codegen/index/flatten.js";
import {
  type HttpBinding,
  type UriSegment,
  compareRoutes,
  parseUriPattern,
  routesConflict,
} from "../../codegen/index/http-bindings.js";
import { buildShapeIndex } from "../../codegen/index/shape-index.js";

const binding = (method: string, uri: string): HttpBinding => {
  const parsed = parseUriPattern(uri);
  assert.ok(parsed.ok, uri);
  return { method, uri: parsed.pattern, code: 200 };
};

describe("HTTP bindings", () => {
  describe("URI patterns", () => {
    it("reads literals, labels, a greedy label and query literals", () => {
      const parsed = parseUriPattern("/buckets/{Bucket}/objects/{Key+}?list&format=json&empty=");
      assert.ok(parsed.ok);
      assert.deepEqual(parsed.pattern.segments, [
        { kind: "literal", value: "buckets" },
        { kind: "label", name: "Bucket", greedy: false },
        { kind: "literal", value: "objects" },
        { kind: "label", name: "Key", greedy: true },
      ]);
      assert.deepEqual(parsed.pattern.queryLiterals, [
        { key: "list" },
        { key: "format", value: "json" },
        { key: "empty", value: "" },
      ]);
    });

    it("reads the root and a trailing slash as no segment", () => {
      for (const uri of ["/", "/a/"]) {
        const parsed = parseUriPattern(uri);
        assert.ok(parsed.ok, uri);
        assert.equal(parsed.pattern.segments.length, uri.length - 1 === 0 ? 0 : 1);
      }
    });

    for (const [uri, words] of [
      ["forecast", 'must start with "/"'],
      ["/a#frag", "fragment"],
      ["/a?", 'must not end with "?"'],
      ["/a//b", "empty segment"],
      ["/a/{b}c", "a label must be a whole segment"],
      ["/a/{b}/{B}", "label {B} appears twice"],
      ["/{a+}/{b+}", "more than one greedy label"],
      ["/a?x={y}", "labels must not appear in the query string"],
      ["/a?x&x=1", 'query literal "x" appears twice'],
      ["/a?=1", "without a key"],
    ] as const) {
      it(`refuses ${uri}: ${words}`, () => {
        const parsed = parseUriPattern(uri);
        assert.equal(parsed.ok, false);
        assert.ok(!parsed.ok && parsed.message.includes(words), !parsed.ok ? parsed.message : "");
      });
    }

    it("reads back every pattern it can write (property)", () => {
      const name = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,6}$/);
      const segment = fc
        .oneof(
          fc.record({ kind: fc.constant("literal" as const), value: fc.stringMatching(/^[a-z0-9.-]{1,6}$/) }),
          fc.record({ kind: fc.constant("label" as const), name, greedy: fc.constant(false) }),
        )
        .map((s): UriSegment => ({ ...s }));
      fc.assert(
        fc.property(fc.array(segment, { maxLength: 6 }), (segments: UriSegment[]) => {
          const unique = new Set(segments.flatMap((s) => (s.kind === "label" ? [s.name.toLowerCase()] : [])));
          fc.pre(unique.size === segments.filter((s) => s.kind === "label").length);
          const text = `/${segments.map((s) => (s.kind === "literal" ? s.value : `{${s.name}}`)).join("/")}`;
          const parsed = parseUriPattern(text);
          assert.ok(parsed.ok, text);
          assert.deepEqual(parsed.pattern.segments, segments);
        }),
        { numRuns: 200 },
      );
    });
  });

  describe("routes", () => {
    it("orders routes most specific first: literal, label, greedy label; more query literals first", () => {
      const uris = ["/{Id}", "/a/{Key+}", "/a/{Id}", "/a/b?x", "/a/b?x&y", "/a/b", "/a"];
      const order = uris
        .map((uri) => binding("GET", uri))
        .sort(compareRoutes)
        .map((b) => b.uri.text);
      assert.deepEqual(order, ["/a", "/a/b?x&y", "/a/b?x", "/a/b", "/a/{Id}", "/a/{Key+}", "/{Id}"]);
    });

    it("compares as a total order (property: antisymmetric, reflexive)", () => {
      const uri = fc
        .array(fc.constantFrom("a", "b", "{X}", "{Y+}"), { maxLength: 4 })
        .map((parts) => `/${parts.filter((p, i) => !p.startsWith("{") || parts.indexOf(p) === i).join("/")}`);
      fc.assert(
        fc.property(fc.constantFrom("GET", "PUT"), uri, fc.constantFrom("GET", "PUT"), uri, (m1, u1, m2, u2) => {
          const a = binding(m1, u1);
          const b = binding(m2, u2);
          assert.equal(compareRoutes(a, a), 0);
          assert.equal(Math.sign(compareRoutes(a, b)) + Math.sign(compareRoutes(b, a)), 0);
        }),
        { numRuns: 300 },
      );
    });

    it("finds routes no request could tell apart", () => {
      assert.equal(routesConflict(binding("GET", "/a/{X}"), binding("GET", "/a/{Y}")), true);
      assert.equal(routesConflict(binding("GET", "/a"), binding("GET", "/a/")), true);
      assert.equal(routesConflict(binding("GET", "/a?x=1&y"), binding("GET", "/a?y&x=1")), true);
      assert.equal(routesConflict(binding("GET", "/a/{X}"), binding("GET", "/a/b")), false);
      assert.equal(routesConflict(binding("GET", "/a/{X}"), binding("PUT", "/a/{X}")), false);
      assert.equal(routesConflict(binding("GET", "/a/{X}"), binding("GET", "/a/{X+}")), false);
      assert.equal(routesConflict(binding("GET", "/a?x"), binding("GET", "/a")), false);
    });
  });

  it("decodes @http and every member binding into the index", () => {
    const NS = "test.rest#";
    const member = (target: string, traits: Traits = {}): AstMember => ({ target, traits });
    const shapes: Record<string, AstShape> = {
      [`${NS}Svc`]: {
        type: "service",
        version: "1",
        operations: [{ target: `${NS}PutThing` }, { target: `${NS}ListThings` }],
        // The bindings are decoded whatever the protocol; the index takes only the ones sjc generates.
        traits: { "aws.protocols#awsJson1_1": {} },
      },
      [`${NS}PutThing`]: {
        type: "operation",
        input: { target: `${NS}PutThingInput` },
        output: { target: `${NS}PutThingOutput` },
        traits: {
          "smithy.api#http": { method: "PUT", uri: "/things/{Id}?v=2", code: 201 },
          "smithy.api#httpChecksumRequired": {},
        },
      },
      [`${NS}ListThings`]: {
        type: "operation",
        traits: { "smithy.api#http": { method: "GET", uri: "/things" } },
      },
      [`${NS}PutThingInput`]: {
        type: "structure",
        members: {
          Id: member("smithy.api#String", { "smithy.api#httpLabel": {}, "smithy.api#required": {} }),
          Mode: member("smithy.api#String", { "smithy.api#httpQuery": "mode" }),
          Rest: member(`${NS}StringMap`, { "smithy.api#httpQueryParams": {} }),
          Tag: member("smithy.api#String", { "smithy.api#httpHeader": "X-Tag" }),
          Meta: member(`${NS}StringMap`, { "smithy.api#httpPrefixHeaders": "X-Meta-" }),
          Body: member(`${NS}Image`, { "smithy.api#httpPayload": {} }),
        },
      },
      [`${NS}PutThingOutput`]: {
        type: "structure",
        members: {
          Status: member("smithy.api#Integer", { "smithy.api#httpResponseCode": {} }),
          Name: member("smithy.api#String"),
        },
      },
      [`${NS}StringMap`]: { type: "map", key: { target: "smithy.api#String" }, value: { target: "smithy.api#String" } },
      [`${NS}Image`]: { type: "blob", traits: { "smithy.api#mediaType": "image/png" } },
    };
    const index = buildShapeIndex(flattenModel(shapes, "test.json").model, `${NS}Svc`);
    const put = index.operations.find((op) => op.name === "PutThing")!;
    assert.equal(put.http?.method, "PUT");
    assert.equal(put.http?.code, 201);
    assert.deepEqual(put.http?.uri.queryLiterals, [{ key: "v", value: "2" }]);
    assert.equal(put.checksumRequired, true);
    const bindings = Object.fromEntries(index.shape(`${NS}PutThingInput`).members.map((m) => [m.name, m.binding]));
    assert.deepEqual(bindings, {
      Id: { location: "label" },
      Mode: { location: "query", name: "mode" },
      Rest: { location: "queryParams" },
      Tag: { location: "header", name: "X-Tag" },
      Meta: { location: "prefixHeaders", prefix: "X-Meta-" },
      Body: { location: "payload" },
    });
    const output = index.shape(`${NS}PutThingOutput`).members;
    assert.deepEqual(
      output.map((m) => m.binding),
      [{ location: "responseCode" }, undefined],
    );
    const image = index.shape(`${NS}Image`);
    assert.equal(image.mediaType, "image/png");
    assert.deepEqual(image.otherTraits, {}, "decoded traits leave otherTraits");
    assert.deepEqual(
      index.routes.map((op) => op.name),
      ["ListThings", "PutThing"],
    );
  });
});
