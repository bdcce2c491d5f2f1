/**
 * `npm run example:browser [-- OUT_DIR]`: bundles examples/browser/main.ts with
 * esbuild for browsers (default into examples/browser/dist), beside a copy of
 * index.html. The browser platform makes a Node-only import in the client's
 * path fail the bundle.
 */
import { copyFile, mkdir } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const HERE = fileURLToPath(new URL(".", import.meta.url));

/** Writes index.html and main.js into `outDir`; returns the bundle's size in bytes. */
export async function buildExample(outDir: string): Promise<number> {
  await mkdir(outDir, { recursive: true });
  const result = await build({
    entryPoints: [join(HERE, "main.ts")],
    outfile: join(outDir, "main.js"),
    bundle: true,
    platform: "browser",
    format: "esm",
    target: "es2022",
    minify: true,
    metafile: true,
    logLevel: "warning",
  });
  await copyFile(join(HERE, "index.html"), join(outDir, "index.html"));
  return Object.values(result.metafile.outputs).reduce((sum, output) => sum + output.bytes, 0);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const outDir = process.argv[2] ?? join(HERE, "dist");
  const bytes = await buildExample(outDir);
  console.log(`examples/browser: ${outDir}/main.js (${Math.round(bytes / 1024)} kB) and index.html`);
}
