/** The IDL loader on small models: what each statement becomes, and how mistakes are reported. */
import assert from "node:assert/strict";
import { loadSources } from "../../codegen/load/load-sources.js";
import { formatIssue } from "../../codegen/validate/issue.js";

const load = (...texts: string[]) => loadSources(texts.map((text, i) => ({ path: `m${i}.smithy`, text })));

function shapesOf(...texts: string[]) {
  const { model, issues } = load(...texts);
  assert.deepEqual(issues.map(formatIssue), []);
  return model.shapes;
}

describe("IDL loader", () => {
  it("reads shapes, members, traits, defaults and doc comments into the JSON AST", () => {
    const shapes = shapesOf(`$version: "2.0"
namespace ex.a

/// A city.
@length(min: 1, max: 3)
string CityId

structure City {
    @required
    id: CityId
    size: Integer = 3
    tags: Tags = []
}

list Tags { member: String }
`);
    assert.deepEqual(shapes["ex.a#CityId"], {
      type: "string",
      traits: { "smithy.api#documentation": "A city.", "smithy.api#length": { min: 1, max: 3 } },
    });
    assert.deepEqual(shapes["ex.a#City"], {
      type: "structure",
      members: {
        id: { target: "ex.a#CityId", traits: { "smithy.api#required": {} } },
        size: { target: "smithy.api#Integer", traits: { "smithy.api#default": 3 } },
        tags: { target: "ex.a#Tags", traits: { "smithy.api#default": [] } },
      },
    });
    assert.deepEqual(shapes["ex.a#Tags"], { type: "list", member: { target: "smithy.api#String" } });
  });

  it("resolves relative ids through use, the namespace (of any file) and the prelude, forward references included", () => {
    const shapes = shapesOf(
      `$version: "2.0"
namespace ex.a
use ex.b#Other
structure S { a: Other, b: String, c: Later, d: InB }
string Later
`,
      `$version: "2.0"
namespace ex.a
string InB
`,
    );
    const members = shapes["ex.a#S"]!.members!;
    assert.deepEqual(
      Object.values(members).map((m) => m.target),
      ["ex.b#Other", "smithy.api#String", "ex.a#Later", "ex.a#InB"],
    );
  });

  it("resolves prelude names the namespace defines, before or after use, in this file or another", () => {
    const shapes = shapesOf(
      `$version: "2.0"
namespace ex.a
structure S { a: String, b: Integer, c: Boolean, d: Long }
string String
`,
      `$version: "2.0"
namespace ex.a
integer Integer
`,
    );
    assert.deepEqual(
      Object.values(shapes["ex.a#S"]!.members!).map((m) => m.target),
      ["ex.a#String", "ex.a#Integer", "smithy.api#Boolean", "smithy.api#Long"],
    );
  });

  it("is not fooled by a text block line that looks like a shape statement", () => {
    const shapes = shapesOf(`$version: "2.0"
namespace ex.a
@documentation("""
    string String
    """)
structure S { a: String }
`);
    assert.equal(shapes["ex.a#S"]!.members!.a!.target, "smithy.api#String");
  });

  it("gives annotation traits [] when their shape, defined later or in another file, is a list", () => {
    const shapes = shapesOf(
      `$version: "2.0"
namespace ex.a
@later @elsewhere @struct @later
string S
@trait list later { member: String }
@trait structure struct {}
`,
      `$version: "2.0"
namespace ex.a
@trait list elsewhere { member: String }
`,
    );
    assert.deepEqual(shapes["ex.a#S"]!.traits, { "ex.a#later": [], "ex.a#elsewhere": [], "ex.a#struct": {} });
  });

  it("reads members named like Object.prototype properties, and still refuses a member given twice", () => {
    const shapes = shapesOf(`$version: "2.0"
namespace ex.a
structure S { constructor: String, toString: String }
enum E { constructor, valueOf }
`);
    assert.deepEqual(Object.keys(shapes["ex.a#S"]!.members!), ["constructor", "toString"]);
    assert.deepEqual(Object.keys(shapes["ex.a#E"]!.members!), ["constructor", "valueOf"]);
    const { issues } = load(`$version: "2.0"\nnamespace ex.a\nstructure S { a: String, a: String }\n`);
    assert.match(issues.map(formatIssue).join("\n"), /Duplicate member of `ex\.a#S`: 'a'/);
  });

  it("reads operations with inline input and output, and the suffix control statements", () => {
    const shapes = shapesOf(`$version: "2.0"
$operationInputSuffix: "Request"
namespace ex.a
operation Get {
    input := {
        id: String
    }
    output := @sensitive {}
    errors: [Oops]
}
@error("client")
structure Oops {}
`);
    assert.deepEqual(shapes["ex.a#Get"], {
      type: "operation",
      input: { target: "ex.a#GetRequest" },
      output: { target: "ex.a#GetOutput" },
      errors: [{ target: "ex.a#Oops" }],
    });
    assert.deepEqual(shapes["ex.a#GetOutput"]!.traits, { "smithy.api#sensitive": {}, "smithy.api#output": {} });
    assert.deepEqual(shapes["ex.a#GetRequest"]!.traits, { "smithy.api#input": {} });
  });

  it("gives elided members the target of the resource identifier or the mixin member", () => {
    const shapes = shapesOf(`$version: "2.0"
namespace ex.a
resource City { identifiers: { cityId: String } }
@mixin
structure Named { name: String }
structure CityName for City with [Named] {
    $cityId
    @required
    $name
}
`);
    assert.deepEqual(shapes["ex.a#CityName"]!.members, {
      cityId: { target: "smithy.api#String" },
      name: { target: "smithy.api#String", traits: { "smithy.api#required": {} } },
    });
  });

  it("strips text blocks of their incidental indentation and decodes escapes", () => {
    const shapes = shapesOf(`$version: "2.0"
namespace ex.a
@documentation("""
    Hello
      "world" \\u0041
    """)
string S
`);
    assert.equal(shapes["ex.a#S"]!.traits!["smithy.api#documentation"], 'Hello\n  "world" A\n');
  });

  it("applies traits across files, merging list traits", () => {
    const shapes = shapesOf(
      `$version: "2.0"
namespace ex.a
@tags(["a"])
structure S { m: String }
`,
      `$version: "2.0"
namespace ex.a
apply S @tags(["b"])
apply S$m {
    @required
    @documentation("M")
}
`,
    );
    assert.deepEqual(shapes["ex.a#S"]!.traits, { "smithy.api#tags": ["a", "b"] });
    assert.deepEqual(shapes["ex.a#S"]!.members!.m!.traits, {
      "smithy.api#required": {},
      "smithy.api#documentation": "M",
    });
  });

  it("merges metadata: lists concatenate, other differing values conflict", () => {
    const merged = load(`metadata list = [1]\nmetadata same = "x"\n`, `metadata list = [2]\nmetadata same = "x"\n`);
    assert.deepEqual(merged.issues, []);
    assert.deepEqual(merged.model.metadata, { list: [1, 2], same: "x" });
    const conflict = load(`metadata k = "a"\n`, `metadata k = "b"\n`);
    assert.match(
      conflict.issues.map(formatIssue).join("\n"),
      /metadata `k` conflicts: m1\.smithy:1:10 and m0\.smithy:1:10/,
    );
  });

  it("a shape defined twice, differently, names both places", () => {
    const { issues } = load(`namespace ex.a\nstring S\n`, `namespace ex.a\n\ninteger S\n`);
    assert.match(
      issues.map(formatIssue).join("\n"),
      /ex\.a#S .*defined again, differently, at m1\.smithy:3:1; first at m0\.smithy:2:1/,
    );
  });

  it("reports every syntax error of a file as FILE:LINE:COL with the line and a caret", () => {
    const { issues } = load(`$version: "2.0"
namespace ex.a
structure A { a: String
string B
structure C {
    c String
}
`);
    const lines = issues.map(formatIssue);
    assert.equal(lines.length, 2, lines.join("\n"));
    assert.equal(lines[0], "m0.smithy:4:8: Expected COLON(':') but found IDENTIFIER('B')\n  string B\n         ^");
    assert.match(
      lines[1]!,
      /^m0\.smithy:6:7: Expected COLON\(':'\) but found IDENTIFIER\('String'\)\n {6}c String\n {8}\^$/,
    );
  });

  it("applies the Smithy 1.0 rules to files without $version 2", () => {
    const { issues } = load(`namespace ex.a\nenum E { A }\n`);
    assert.match(
      issues.map(formatIssue).join("\n"),
      /m0\.smithy:2:1: enum shapes cannot be used in Smithy version 1\.0/,
    );
  });

  it("mixes IDL and JSON AST sources", () => {
    const merged = loadSources([
      { path: "a.json", text: JSON.stringify({ smithy: "2.0", shapes: { "ex.a#J": { type: "string" } } }) },
      { path: "b.smithy", text: `$version: "2.0"\nnamespace ex.a\nlist L { member: J }\n` },
    ]);
    assert.deepEqual(merged.issues, []);
    assert.deepEqual(merged.model.shapes["ex.a#L"], { type: "list", member: { target: "ex.a#J" } });
  });
});
