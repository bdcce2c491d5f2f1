/** Java-flavoured patterns and HTML documentation, as real models carry them. */
import assert from "node:assert/strict";
import { compilePattern } from "../../codegen/index/patterns.js";
import { escapeDoc, htmlToText } from "../../codegen/emit/docs.js";

describe("patterns", () => {
  it("keeps ECMAScript patterns as they are", () => {
    assert.deepEqual(compilePattern("^[a-z]+$"), { kind: "ok", source: "^[a-z]+$" });
  });

  it("drops needless escapes that u-mode rejects", () => {
    assert.deepEqual(compilePattern("^[0-9a-f]{8}\\-[0-9a-f]{4}$"), {
      kind: "ok",
      source: "^[0-9a-f]{8}-[0-9a-f]{4}$",
    });
  });

  it("turns a leading (?i) into case-insensitive classes", () => {
    const compiled = compilePattern("^(?i)all|[0-9]{12}$");
    assert.equal(compiled.kind, "ok");
    const re = new RegExp((compiled as { source: string }).source, "u");
    for (const ok of ["all", "ALL", "aLl", "123456789012"]) assert.ok(re.test(ok), ok);
    assert.ok(!re.test("none"));
  });

  it("reads inline flags anywhere, reports what has no equivalent as unsupported, and nonsense as invalid", () => {
    assert.deepEqual(compilePattern("a(?i)b"), { kind: "ok", source: "a[bB]" });
    assert.equal(compilePattern("a(?U)b").kind, "unsupported");
    assert.equal(compilePattern("([a-z").kind, "invalid");
  });
});

describe("documentation", () => {
  it("turns HTML into readable text", () => {
    assert.equal(
      htmlToText(
        '<p>Lists <code>tasks</code> &amp; more.</p><ul><li>one</li><li>two</li></ul><p>See <a href="https://x.test/doc">the guide</a>.</p>',
      ),
      "Lists `tasks` & more.\n\n- one\n- two\n\nSee the guide (https://x.test/doc).",
    );
  });

  it("cannot close the comment or start a tag", () => {
    assert.equal(escapeDoc("ends */ here @param"), "ends *\\/ here \\@param");
    assert.equal(escapeDoc("role/*/Name and /*/"), "role/\\*\\/Name and /\\*\\/");
    assert.equal(escapeDoc(htmlToText("a *<b>/</b> b")), "a *\\/ b");
  });
});
