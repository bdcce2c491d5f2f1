#!/usr/bin/env node
/** `npm run generate [-- options]`; exit code 3 marks a generator bug. */
import { runCli } from "./main.js";

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error("sjc: generator bug, please file an issue with the model that caused it:");
    console.error(error);
    process.exitCode = 3;
  },
);
