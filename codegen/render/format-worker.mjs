// Worker thread of format-pool.ts: formats the texts it is sent with prettier.
// Plain JavaScript, so it loads the same way whether the generator runs from
// TypeScript source or from a build.
import { parentPort } from "node:worker_threads";
import { format } from "prettier";

parentPort.on("message", async ({ text, options }) => {
  try {
    parentPort.postMessage({ text: await format(text, options) });
  } catch (error) {
    parentPort.postMessage({ error: String(error?.stack ?? error) });
  }
});
