#!/usr/bin/env node
/** The `sjc` command: dispatches to a subcommand; exit code 3 marks a generator bug. */
import { availableParallelism } from "node:os";
import { setFlagsFromString } from "node:v8";
import { FormatPool } from "./render/format-pool.js";
import { MAIN_USAGE, USAGES } from "./commands/usage.js";

const [command, ...rest] = process.argv.slice(2);

try {
  process.exitCode = await dispatch(command, rest);
} catch (error) {
  console.error("sjc: generator bug, please file an issue with the model that caused it:");
  console.error(error);
  process.exitCode = 3;
}

async function dispatch(name: string | undefined, argv: string[]): Promise<number> {
  switch (name) {
    case "generate":
      return generate(argv);
    case "diff": {
      const { runDiff } = await import("./commands/diff.js");
      return runDiff(argv);
    }
    case "conformance": {
      const { runConformance } = await import("./commands/conformance.js");
      return runConformance(argv);
    }
    case "ast": {
      const { runAst } = await import("./commands/ast.js");
      return runAst(argv);
    }
    case "idl": {
      const { runIdl } = await import("./commands/idl.js");
      return runIdl(argv);
    }
    case "--version":
    case "-v": {
      const { generatorVersion } = await import("./package-info.js");
      console.log(generatorVersion());
      return 0;
    }
    case "help":
    case "--help":
    case "-h": {
      const topic = argv[0];
      if (topic !== undefined && !(topic in USAGES)) {
        console.error(`sjc: no help for ${JSON.stringify(topic)}\n\n${MAIN_USAGE}`);
        return 2;
      }
      console.log(USAGES[topic ?? "help"]);
      return 0;
    }
    case undefined:
      console.error(MAIN_USAGE);
      return 2;
    default:
      console.error(`sjc: unknown command ${JSON.stringify(name)}\n\n${MAIN_USAGE}`);
      return 2;
  }
}

async function generate(argv: string[]): Promise<number> {
  // A generation is a short process: V8's optimizing compiler (TurboFan) spends more time
  // compiling than its code saves before the process ends (about a tenth of the CPU time on
  // model/ssm.json; a few percent slower on the whole SSM model). Set before any worker starts,
  // as the flag holds for the whole process. `--watch` runs for long, and keeps it.
  if (!argv.includes("--watch")) setFlagsFromString("--no-opt");
  // The formatter starts before the generator loads: its workers load prettier on other cores
  // while this thread loads ts-morph, and format each file as soon as it is printed.
  const formatter = new FormatPool(Math.min(availableParallelism(), 2));
  try {
    const { runGenerate } = await import("./commands/generate.js");
    return await runGenerate(argv, undefined, formatter);
  } finally {
    await formatter.close();
  }
}
