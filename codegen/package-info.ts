/**
 * The generator's own package (`@sjc/codegen`), found from this module's
 * location whether it runs from source or from `dist/`: its version and the
 * data files it ships. Nothing above the package is assumed.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const PACKAGE_NAME = "@sjc/codegen";

let root: string | undefined;

/** The folder that holds the generator's package.json. */
export function packageRoot(): string {
  if (root) return root;
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, "utf8")).name === PACKAGE_NAME) return (root = dir);
    if (dirname(dir) === dir) throw new Error(`${PACKAGE_NAME}: package.json not found above ${import.meta.url}`);
  }
}

export function generatorVersion(): string {
  return JSON.parse(readFileSync(join(packageRoot(), "package.json"), "utf8")).version;
}

/** A data file shipped with the generator (listed in its package.json `files`). */
export function packageFile(name: string): string {
  return join(packageRoot(), name);
}
