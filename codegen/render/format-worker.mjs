// Worker thread of format-pool.ts: formats the texts it is sent with prettier.
// Plain JavaScript, so it loads the same way whether the generator runs from
// TypeScript source or from a build.
import { parentPort, workerData } from "node:worker_threads";
import { format } from "prettier";

// prettier loads a parser's plugin on first use: load the one of generated TypeScript now,
// while the thread that started this worker is still busy, then say so.
const ready = format("export const ready = { ok: true };\n", { parser: workerData.parser })
  .catch(() => {})
  .then(() => parentPort.postMessage({ ready: true }));

parentPort.on("message", async ({ text, options }) => {
  try {
    await ready;
    parentPort.postMessage({ text: await format(text, options) });
  } catch (error) {
    parentPort.postMessage({ error: String(error?.stack ?? error) });
  }
});
