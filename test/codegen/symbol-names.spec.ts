/**
 * A model whose shapes are named after every symbol the generator makes for
 * its service (client, commands, paginators, validators, the schema, the test
 * locals, a union variant): the names table gives each shape a new name, so
 * the package type-checks with its tests, and the tests pass.
 */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { ROOT, cli, projectTempDir } from "./helpers.js";

const run = promisify(execFile);
const MODEL = join(ROOT, "test/fixtures/models/symbol-names.json");

describe("shapes named after generated symbols", function () {
  this.timeout(120_000);
  let out: string;

  before(async () => {
    out = join(await projectTempDir("symbols"), "clash");
    const result = await cli(["--quiet", "--model", MODEL, "--out", out]);
    assert.equal(result.code, 0, result.output);
  });

  it("renames each such shape once, deterministically, and exports every name once", async () => {
    const model = JSON.parse(await readFile(MODEL, "utf8")) as { shapes: Record<string, unknown> };
    const clashing = Object.keys(model.shapes)
      .filter((id) => id.startsWith("example.symbols#"))
      .map((id) => id.slice(id.indexOf("#") + 1));
    const index = await readFile(join(out, "src/index.ts"), "utf8");
    const exported = [...index.matchAll(/export \{([^}]*)\} from/g)].flatMap((m) =>
      m[1]!
        .split(",")
        .map((name) => name.replace(/^\s*type\s+/, "").trim())
        .filter(Boolean),
    );
    assert.equal(new Set(exported).size, exported.length, `no name is exported twice:\n${index}`);
    // The server entry (`<package>/server`) declares the service interface and its factories.
    const server = await readFile(join(out, "src/server.ts"), "utf8");
    exported.push(...[...server.matchAll(/^export (?:interface|function) (\w+)/gm)].map((m) => m[1]!));
    // Names the package does not export here: test locals, and endpointRules (the model has no rule set).
    const notExported = new Set(["client", "output", "endpointRules"]);
    for (const name of clashing.filter((n) => n !== "FooMember")) {
      assert.equal(exported.includes(name), !notExported.has(name), `the generated ${name} keeps its name`);
      assert.ok(exported.includes(`${name}_`), `the shape named ${name} becomes ${name}_`);
    }
    const models = await readFile(join(out, "src/models.ts"), "utf8");
    assert.match(models, /export type Choice = Choice\.FooMember_ \| Choice\.BarMember \| Choice\.\$UnknownMember;/);
    assert.match(models, /export interface FooMember_ \{\n\s+foo: FooMember;/, "the variant still refers to the shape");
  });

  it("type-checks strictly with its tests, and its generated protocol tests pass", async () => {
    const config = join(out, "tsconfig.test.json");
    await writeFile(
      config,
      JSON.stringify({
        extends: "./tsconfig.json",
        compilerOptions: { noEmit: true, rootDir: ".", types: ["node", "mocha"] },
        include: ["src", "test"],
      }),
    );
    await run(process.execPath, [join(ROOT, "node_modules/typescript/bin/tsc"), "-p", config], { cwd: ROOT });
    const mocha = join(ROOT, "node_modules/mocha/bin/mocha.js");
    const { stdout } = await run(
      process.execPath,
      [mocha, "--no-config", "--node-option", "import=tsx", join(out, "test/protocol.spec.ts")],
      { cwd: ROOT },
    );
    assert.match(stdout, /(\d+) passing/);
    assert.doesNotMatch(stdout, /failing|pending/);
  });
});
