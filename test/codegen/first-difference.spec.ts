/** The golden test's diff of a stale file: where it differs, with a little context. */
import assert from "node:assert/strict";
import { firstDifference } from "./helpers.js";

describe("golden output: the diff of a stale file", () => {
  it("is undefined for equal texts", () => {
    assert.equal(firstDifference("a\nb\n", "a\nb\n"), undefined);
  });

  it("shows the changed lines of each side between common context", () => {
    const committed = ["1", "2", "3", "4", "old", "6", "7", "8", "9"].join("\n");
    const regenerated = ["1", "2", "3", "4", "new", "extra", "6", "7", "8", "9"].join("\n");
    assert.equal(
      firstDifference(committed, regenerated),
      ["@@ line 5 @@", " 2", " 3", " 4", "-old", "+new", "+extra", " 6", " 7", " 8"].join("\n"),
    );
  });

  it("shows lines added at the end", () => {
    assert.equal(firstDifference("a\n", "a\nb\n"), ["@@ line 2 @@", " a", "+b", " "].join("\n"));
  });
});
