/**
 * `tsx bench/generate-corpus.ts <out-root> <model.json>...`: generates each
 * model into `<out-root>/<name>/` in this one process, two at a time (one
 * emits while the other's files format), with one prettier pool for all, as
 * the CLI formats. The corpus bench times it as a cold process; exit 1 when
 * a model does not generate.
 */
import { availableParallelism } from "node:os";
import { basename, join } from "node:path";
import { runGenerate } from "../codegen/commands/generate.js";
import { FormatPool } from "../codegen/render/format-pool.js";

const [outRoot, ...models] = process.argv.slice(2);
const formatter = new FormatPool(Math.min(availableParallelism(), 2));
let failed = 0;
let next = 0;
const generateNext = async (): Promise<void> => {
  while (next < models.length) {
    const model = models[next++]!;
    const out = join(outRoot!, basename(model).replace(/\.json$/, ""));
    const code = await runGenerate(
      ["--quiet", "--model", model, "--out", out],
      (line) => console.error(line),
      formatter,
    );
    if (code !== 0) {
      console.error(`generate-corpus: ${model} exited ${code}`);
      failed++;
    }
  }
};
try {
  await Promise.all([generateNext(), generateNext()]);
} finally {
  await formatter.close();
}
process.exitCode = failed > 0 ? 1 : 0;
