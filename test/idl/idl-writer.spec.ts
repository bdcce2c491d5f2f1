/** The IDL writer (`sjc idl`): what it writes reads back as the same model. */
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { AstModel } from "../../codegen/load/ast.js";
import { loadSources } from "../../codegen/load/load-sources.js";
import { modelDifferences } from "../../codegen/load/compare-models.js";
import { modelToIdl } from "../../codegen/idl-writer/write-idl.js";
import { formatIssue } from "../../codegen/validate/issue.js";
import { ROOT } from "../codegen/helpers.js";

function roundTrip(model: AstModel): { texts: string[]; differences: string[] } {
  const files = modelToIdl(model);
  const back = loadSources(files);
  assert.deepEqual(back.issues.map(formatIssue), [], files.map((f) => f.text).join("\n"));
  return { texts: files.map((f) => f.text), differences: modelDifferences(back.model, model) };
}

describe("IDL writer", () => {
  it("writes model/ssm.json as IDL that loads back to the same model", async () => {
    const text = await readFile(join(ROOT, "model/ssm.json"), "utf8");
    const { model } = loadSources([{ path: "model/ssm.json", text }]);
    assert.deepEqual(roundTrip(model).differences, []);
  });

  it("keeps strings exact, as text blocks when a text block can hold them, else quoted", () => {
    const strings = [
      "one line",
      "two\nlines",
      "ends in a newline\n",
      "  indented\nfirst line",
      "trailing space \nnext",
      'ends with a quote"',
      'holds """ three quotes\n',
      "back\\slash\nand \\n",
      "carriage\r\nreturn",
      "\n\nblank lines first",
    ];
    const shapes: AstModel["shapes"] = Object.fromEntries(
      strings.map((value, i) => [`ex.a#S${i}`, { type: "string", traits: { "smithy.api#pattern": value } }]),
    );
    const { texts, differences } = roundTrip({ smithy: "2.0", shapes });
    assert.deepEqual(differences, []);
    assert.match(texts[0]!, /@pattern\("""\n {4}two\n {4}lines"""\)/);
    assert.match(texts[0]!, /@pattern\("trailing space \\nnext"\)/);
  });

  it("names shapes so that they resolve back: own names, use for other namespaces, the prelude unless shadowed", () => {
    const model: AstModel = {
      smithy: "2.0",
      shapes: {
        "ex.a#String": { type: "string" },
        "ex.a#S": {
          type: "structure",
          members: {
            own: { target: "ex.a#String" },
            prelude: { target: "smithy.api#String" },
            other: { target: "ex.b#Thing" },
            clash: { target: "ex.c#S" },
          },
        },
        "ex.b#Thing": { type: "string" },
        "ex.c#S": { type: "string" },
      },
    };
    const { texts, differences } = roundTrip(model);
    assert.deepEqual(differences, []);
    const a = texts[0]!;
    assert.match(a, /^use ex\.b#Thing$/m);
    assert.match(a, /own: String\n {4}prelude: smithy\.api#String\n {4}other: Thing\n {4}clash: ex\.c#S/);
  });

  it("writes docs as /// lines, defaults and enum values with =, services, resources and operations", () => {
    const source = `$version: "2.0"
namespace ex.a

/// A service.
service Weather {
    version: "2024-01-01"
    operations: [GetCity]
    resources: [City]
}

resource City {
    identifiers: { cityId: String }
    read: GetCity
}

@readonly
operation GetCity {
    input := for City {
        @required
        $cityId
        size: Integer = 3
    }
    output: Unit
    errors: [Oops]
}

@error("client")
structure Oops {}

enum Color {
    RED
    GREEN = "green"
}

intEnum Level {
    LOW = 1
}
`;
    const { model, issues } = loadSources([{ path: "w.smithy", text: source }]);
    assert.deepEqual(issues, []);
    const { texts, differences } = roundTrip(model);
    assert.deepEqual(differences, []);
    assert.match(texts[0]!, /\/\/\/ A service\.\nservice Weather \{/);
    assert.match(texts[0]!, /size: Integer = 3/);
    assert.match(texts[0]!, /RED\n {4}GREEN = "green"/);
  });
});
