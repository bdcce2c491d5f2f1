#!/usr/bin/env node
/** `npm run generate [-- options]`; exit code 3 marks a generator bug. */
import { availableParallelism } from "node:os";
import { setFlagsFromString } from "node:v8";
import { FormatPool } from "./render/format-pool.js";

// A generation is a short process: V8's optimizing compiler (TurboFan) spends more time
// compiling than its code saves before the process ends (about a tenth of the CPU time on
// model/ssm.json; a few percent slower on the whole SSM model). Set before any worker starts,
// as the flag holds for the whole process. `--watch` runs for long, and keeps it.
if (!process.argv.includes("--watch")) setFlagsFromString("--no-opt");

// The formatter starts before the generator loads: its workers load prettier on other cores
// while this thread loads ts-morph, and format each file as soon as it is printed.
const formatter = new FormatPool(Math.min(availableParallelism(), 2));
try {
  const { runCli } = await import("./main.js");
  process.exitCode = await runCli(process.argv.slice(2), undefined, formatter);
} catch (error) {
  console.error("sjc: generator bug, please file an issue with the model that caused it:");
  console.error(error);
  process.exitCode = 3;
} finally {
  await formatter.close();
}
