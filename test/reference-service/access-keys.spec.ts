import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AccessKeysError, readAccessKeys } from "../../reference-service/access-keys.js";

describe("server: access keys", () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "sjc-keys-"));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("is off without a source", () => {
    assert.equal(readAccessKeys(undefined), undefined);
  });

  it("reads SSM_CREDENTIALS and credentials files, text or JSON", () => {
    assert.deepEqual({ ...readAccessKeys({ spec: "A:one, B:t:w:o" }) }, { A: "one", B: "t:w:o" });
    const text = join(dir, "keys.txt");
    writeFileSync(text, "# ops\nAKID:SECRET\n");
    assert.deepEqual({ ...readAccessKeys({ file: text }) }, { AKID: "SECRET" });
    const json = join(dir, "keys.json");
    writeFileSync(json, JSON.stringify({ AKID: "SECRET" }));
    assert.deepEqual({ ...readAccessKeys({ file: json }) }, { AKID: "SECRET" });
  });

  it("names the source of unusable keys, never a secret", () => {
    const empty = join(dir, "empty.txt");
    writeFileSync(empty, "# nobody yet\n");
    const cases: [Parameters<typeof readAccessKeys>[0], RegExp][] = [
      [
        { spec: "AKID=SECRET" },
        /^SSM_CREDENTIALS: Credentials entry 1 must have the form ACCESS_KEY_ID:SECRET_ACCESS_KEY$/,
      ],
      [{ file: empty }, new RegExp(`^credentials file ${empty}: lists no access keys$`)],
      [{ file: join(dir, "missing.txt") }, /^credentials file .*missing\.txt: ENOENT/],
    ];
    for (const [source, message] of cases) {
      assert.throws(
        () => readAccessKeys(source),
        (error: unknown) => {
          assert.ok(error instanceof AccessKeysError);
          assert.match(error.message, message);
          assert.ok(!error.message.includes("AKID=SECRET"), "the entry is not echoed");
          return true;
        },
      );
    }
  });
});
