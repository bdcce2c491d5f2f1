/**
 * `npm run test:dist`: the packages as a user outside this repository gets them.
 *
 * 1. packs every workspace package (`npm pack --workspaces`) and checks each
 *    tarball with publint and, where it has types, @arethetypeswrong/cli;
 * 2. makes a project in the OS temp folder (no workspaces, nothing of this
 *    repository but the tarballs) and installs them there with `npm install`;
 * 3. writes its own model (test/consumer-project/: an awsJson1_0 service with two
 *    operations, an error and a paginated list) and a smithy-build.json, and
 *    runs `npx sjc generate`;
 * 4. builds the generated package and runs its protocol tests with its own
 *    `npm run build` and `npm test`, then with `npx sjc conformance`;
 * 5. packs the generated package and installs it; a TypeScript consumer
 *    (type-checked with moduleResolution node16, nodenext and bundler) and a
 *    CommonJS consumer each serve it in-process and call it with its client;
 * 6. installs the packed `@sjc/ssm` and calls `npm start`'s server with it.
 * A failing step is named, with the command's output. Prints the tarball sizes
 * and the install time.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(fileURLToPath(import.meta.url), "../..");
const FIXTURE = join(ROOT, "test/consumer-project");

/** The ESM-only packages are meant for `import`, and for `require()` of ES modules (Node >= 20.19). */
const ATTW_PROFILE = "esm-only";

/** What the temp project installs from the registry, besides the tarballs: the tools a TypeScript project has. */
const TOOLS = ["typescript@^7.0.2", "@types/node@^20.19.43", "@types/mocha@^10.0.10", "mocha@^11.8.0", "tsx@^4.23.15"];

class StepFailure extends Error {}

let stepName = "";

function step(name: string): void {
  stepName = name;
  console.log(`\n== ${name}`);
}

/** Runs a command to completion; a non-zero exit fails the current step with its output. */
function run(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): string {
  const started = performance.now();
  const result = spawnSync(command, args, {
    cwd,
    encoding: "utf8",
    env: { ...process.env, ...env, npm_config_update_notifier: "false", npm_config_fund: "false" },
    maxBuffer: 64 * 1024 * 1024,
  });
  const output = `${result.stdout ?? ""}${result.stderr ?? ""}`.trim();
  const shown = `${command} ${args.join(" ")}`.replaceAll(ROOT, ".").replaceAll(tmpdir(), "$TMPDIR");
  if (result.status !== 0) {
    throw new StepFailure(`${stepName}: \`${shown}\` exited ${result.status ?? result.signal} in ${cwd}\n${output}`);
  }
  console.log(`   ${shown} (${Math.round(performance.now() - started)} ms)`);
  return output;
}

function npm(args: readonly string[], cwd: string, env?: NodeJS.ProcessEnv): string {
  return run("npm", args, cwd, env);
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), "sjc-dist-"));
  const packs = join(work, "packs");
  const project = join(work, "project");
  mkdirSync(packs);
  mkdirSync(project);
  let server: ChildProcess | undefined;
  try {
    step("1. pack the workspace packages; publint and attw");
    npm(["pack", "--workspaces", "--pack-destination", packs, "--silent"], ROOT);
    const tarballs = readdirSync(packs)
      .filter((f) => f.endsWith(".tgz"))
      .sort();
    for (const tarball of tarballs) {
      const path = join(packs, tarball);
      console.log(`   ${tarball}: ${(statSync(path).size / 1024).toFixed(1)} KiB`);
      run(process.execPath, [join(ROOT, "node_modules/publint/src/cli.js"), path], ROOT);
      // The generator is a command with no importable entry: nothing for attw to resolve.
      if (!tarball.startsWith("sjc-codegen-")) {
        run(process.execPath, [attwCli(), "--pack", path, "--profile", ATTW_PROFILE, "--format", "ascii"], ROOT);
      }
    }
    const tarball = (name: string) =>
      join(
        packs,
        tarballs.find((t) => t.startsWith(`sjc-${name}-`))!,
      );

    step("2. a new project in the temp folder; install the tarballs");
    writeFileSync(join(project, "package.json"), json({ name: "sjc-user", private: true, type: "module" }));
    const installStarted = performance.now();
    npm(["install", "--save-dev", tarball("codegen"), tarball("runtime"), tarball("testing"), ...TOOLS], project);
    const installMs = Math.round(performance.now() - installStarted);
    console.log(`   installed in ${installMs} ms`);

    step("3. its own model and smithy-build.json; npx sjc generate");
    cpSync(join(FIXTURE, "model"), join(project, "model"), { recursive: true });
    cpSync(join(FIXTURE, "smithy-build.json"), join(project, "smithy-build.json"));
    console.log(`   ${run("npx", ["sjc", "--version"], project)}`);
    run("npx", ["sjc", "generate"], project);
    const generated = join(project, "build/smithy/source/typescript-codegen");

    step("4. build the generated package and run its protocol tests; sjc conformance");
    npm(["run", "build"], generated);
    const tests = npm(["test"], generated);
    console.log(`   ${/\d+ passing.*/.exec(tests)?.[0] ?? tests}`);
    const conformance = run("npx", ["sjc", "conformance", "model/notes.json"], project);
    console.log(`   sjc conformance: ${conformance.split("\n").at(-1)}`);

    step("5. install the packed package; TypeScript and CommonJS consumers");
    npm(["pack", "--pack-destination", packs, "--silent"], generated);
    npm(["install", join(packs, "example-notes-1.0.0.tgz")], project);
    cpSync(join(FIXTURE, "consumer.ts"), join(project, "consumer.ts"));
    cpSync(join(FIXTURE, "consumer.cjs"), join(project, "consumer.cjs"));
    const tsc = join(project, "node_modules/typescript/bin/tsc");
    for (const [module, moduleResolution] of [
      ["node16", "node16"],
      ["nodenext", "nodenext"],
      ["preserve", "bundler"],
    ] as const) {
      const config = `tsconfig.${moduleResolution}.json`;
      writeFileSync(
        join(project, config),
        json({
          compilerOptions: { target: "ES2022", module, moduleResolution, strict: true, noEmit: true, types: ["node"] },
          files: ["consumer.ts"],
        }),
      );
      run(process.execPath, [tsc, "-p", config], project);
    }
    run(
      process.execPath,
      [
        tsc,
        "consumer.ts",
        "--module",
        "nodenext",
        "--target",
        "ES2022",
        "--strict",
        "--types",
        "node",
        "--outDir",
        "out",
      ],
      project,
    );
    console.log(`   ${run(process.execPath, ["out/consumer.js"], project)}`);
    console.log(`   ${run(process.execPath, ["consumer.cjs"], project)}`);

    step("6. the packed @sjc/ssm against npm start's server");
    npm(["install", tarball("ssm")], project);
    cpSync(join(FIXTURE, "ssm-consumer.mjs"), join(project, "ssm-consumer.mjs"));
    const started = startServer();
    server = started.child;
    const endpoint = await started.url;
    console.log(`   ${run(process.execPath, ["ssm-consumer.mjs"], project, { SJC_SSM_ENDPOINT: endpoint })}`);

    console.log(`\ntest:dist passed: ${tarballs.length} packages, temp project installed in ${installMs} ms`);
  } finally {
    if (server?.pid) process.kill(-server.pid, "SIGTERM");
    rmSync(work, { recursive: true, force: true });
  }
}

function attwCli(): string {
  return join(ROOT, "node_modules/@arethetypeswrong/cli/dist/index.js");
}

interface StartedServer {
  readonly child: ChildProcess;
  readonly url: Promise<string>;
}

/** `npm start -- --port 0` in its own process group; resolves with the URL it prints. */
function startServer(): StartedServer {
  const child = spawn("npm", ["start", "--silent", "--", "--port", "0"], {
    cwd: ROOT,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const url = new Promise<string>((found, failed) => {
    const timer = setTimeout(
      () => failed(new StepFailure(`${stepName}: npm start printed no URL in 60 s\n${output}`)),
      60_000,
    );
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:\d+/.exec(output);
      if (match) {
        clearTimeout(timer);
        found(match[0]);
      }
    };
    child.stdout!.on("data", read);
    child.stderr!.on("data", read);
    child.on("exit", (code) => {
      clearTimeout(timer);
      failed(new StepFailure(`${stepName}: npm start exited ${code}\n${output}`));
    });
  });
  return { child, url };
}

main().catch((error: unknown) => {
  if (!(error instanceof StepFailure)) throw error;
  console.error(`\ntest:dist FAILED at ${error.message}`);
  process.exitCode = 1;
});
