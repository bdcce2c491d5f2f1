/** A generated package depends on what its code imports, at the ranges this repository builds and tests with. */
import assert from "node:assert/strict";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import {
  BUILD_DEPENDENCIES,
  RUNTIME_DEPENDENCIES,
  TEST_DEPENDENCIES,
} from "../../codegen/emit/package-dependencies.js";
import { ROOT } from "./helpers.js";

const readJson = async (path: string) => JSON.parse(await readFile(join(ROOT, path), "utf8"));

/** The packages (not node: built-ins, not relative paths) that the files below `dir` import. */
async function importedPackages(dir: string): Promise<Set<string>> {
  const found = new Set<string>();
  for (const entry of await readdir(join(ROOT, dir), { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/\.(ts|cjs)$/.test(entry.name)) continue;
    const text = await readFile(join(entry.parentPath, entry.name), "utf8");
    for (const [, specifier] of text.matchAll(/from "([^".][^"]*)"|require\("([^".][^"]*)"\)/g)) {
      if (!specifier || specifier.startsWith("node:")) continue;
      found.add(specifier.startsWith("@") ? specifier.split("/").slice(0, 2).join("/") : specifier.split("/")[0]!);
    }
  }
  return found;
}

describe("generated package dependencies", () => {
  it("ask for the runtime and test kit at a caret range of their current versions", async () => {
    assert.equal(RUNTIME_DEPENDENCIES["@sjc/runtime"], `^${(await readJson("runtime/package.json")).version}`);
    assert.equal(TEST_DEPENDENCIES["@sjc/testing"], `^${(await readJson("testing/package.json")).version}`);
  });

  it("use the ranges of the tools this repository builds and tests with", async () => {
    const root = await readJson("package.json");
    const runtime = await readJson("runtime/package.json");
    const known = { ...root.devDependencies, ...runtime.dependencies };
    for (const [name, range] of Object.entries({
      ...RUNTIME_DEPENDENCIES,
      ...BUILD_DEPENDENCIES,
      ...TEST_DEPENDENCIES,
    })) {
      if (name.startsWith("@sjc/")) continue;
      assert.equal(range, known[name], name);
    }
  });

  it("list exactly what the generated sources import, and the tests' imports as dev dependencies", async () => {
    const pkg = await readJson("generated/ssm/package.json");
    assert.deepEqual(new Set(Object.keys(pkg.dependencies)), await importedPackages("generated/ssm/src"));
    for (const name of await importedPackages("generated/ssm/test")) {
      assert.ok(name in pkg.dependencies || name in pkg.devDependencies, `${name} is imported by the tests`);
    }
  });
});
