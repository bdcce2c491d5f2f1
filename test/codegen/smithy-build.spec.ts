/** smithy-build.json: what it may say, how each problem is named, and what it generates. */
import assert from "node:assert/strict";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { parseSmithyBuild, type SmithyBuildConfig } from "../../codegen/build-config/smithy-build.js";
import { planBuild } from "../../codegen/build-config/build-plan.js";
import { runGenerate } from "../../codegen/commands/generate.js";
import { ROOT, projectTempDir, snapshot } from "./helpers.js";

function parsed(config: unknown, env: Record<string, string> = {}) {
  return parseSmithyBuild(typeof config === "string" ? config : JSON.stringify(config, null, 2), env);
}

function problems(config: unknown, env?: Record<string, string>): string[] {
  const result = parsed(config, env);
  assert.equal(result.ok, false, "expected problems");
  return result.ok ? [] : result.problems.map((p) => `${p.where}: ${p.message}`);
}

function config(value: unknown): SmithyBuildConfig {
  const result = parsed(value);
  assert.ok(result.ok, JSON.stringify(result));
  return result.config;
}

/** Runs `sjc generate` in `dir` (smithy-build.json is read from the working folder). */
async function generateIn(dir: string, args: string[] = []): Promise<{ code: number; output: string }> {
  const lines: string[] = [];
  const cwd = process.cwd();
  process.chdir(dir);
  try {
    const code = await runGenerate(["--quiet", ...args], (line) => lines.push(line));
    return { code, output: lines.join("\n") };
  } finally {
    process.chdir(cwd);
  }
}

describe("smithy-build.json", () => {
  it("names bad JSON by line and column", () => {
    assert.deepEqual(problems('{\n  "version": "1.0",\n  "sources": [,]\n}'), ["3:15: invalid JSON: ValueExpected"]);
  });

  it("names every unknown key and wrongly typed setting by its JSON pointer, all at once", () => {
    assert.deepEqual(
      problems({
        version: "1.0",
        sourcez: ["model"],
        imports: "model",
        projections: { slim: { transforms: [{ name: "excludeShapesByTag", args: {} }], extra: 1 } },
        plugins: { "typescript-codegen": { service: 7, packageJson: [], private: true } },
      }),
      [
        "/sourcez: unknown key; expected one of version, outputDirectory, sources, imports, projections, plugins, ignoreMissingPlugins, maven",
        '/imports: expected an array of strings, found string "model"',
        "/plugins/typescript-codegen/private: unknown key; expected one of service, package, packageVersion, packageDescription, outputDirectory, packageJson",
        "/plugins/typescript-codegen/service: expected a string, found number 7",
        "/plugins/typescript-codegen/packageJson: expected an object, found an array",
        "/projections/slim/extra: unknown key; expected one of abstract, imports, transforms, plugins",
        "/projections/slim/transforms: transforms are not supported by sjc; generate from the sources as they are",
      ],
    );
  });

  it("requires version 1.0 and refuses Maven dependencies it cannot resolve", () => {
    assert.deepEqual(problems({ maven: { dependencies: ["software.amazon.smithy:smithy-aws-traits:1.50.0"] } }), [
      '/version: required: "1.0"',
      "/maven/dependencies: Maven dependencies need a JVM to resolve; add the models they hold to `sources` or `imports` as files",
    ]);
  });

  it("expands ${NAME} from the environment, keeps \\${ literal, and names a variable that is not set", () => {
    const ok = parsed({ version: "1.0", sources: ["${MODELS}/a.json", "\\${MODELS}"] }, { MODELS: "m" });
    assert.ok(ok.ok);
    assert.deepEqual(ok.config.sources, ["m/a.json", "${MODELS}"]);
    assert.deepEqual(problems({ version: "1.0", sources: ["${NOPE}/a.json"] }), [
      "/sources/0: the environment variable NOPE is not set",
    ]);
  });

  it("plans the source projection and every non-abstract projection that uses the plugin, each in its own folder", async () => {
    const dir = await projectTempDir("plan");
    await writeFile(join(dir, "a.json"), "{}");
    await mkdir(join(dir, "more"));
    await writeFile(join(dir, "more", "b.json"), "{}");
    await writeFile(join(dir, "more", "notes.txt"), "");
    const result = planBuild(
      config({
        version: "1.0",
        sources: ["a.json"],
        plugins: { "typescript-codegen": { service: "ns#A" }, "build-info": {} },
        projections: {
          base: { abstract: true },
          wide: { imports: ["more"], plugins: { "typescript-codegen": { service: "ns#B", outputDirectory: "out/b" } } },
        },
      }),
      dir,
    );
    assert.ok(result.ok, JSON.stringify(result));
    assert.deepEqual(result.otherPlugins, ["build-info"]);
    assert.deepEqual(
      result.plans.map((p) => ({
        ...p,
        files: p.files.map((f) => f.slice(dir.length + 1)),
        roots: p.roots.map((f) => f.slice(dir.length + 1)),
        out: p.out?.slice(dir.length + 1),
      })),
      [
        {
          projection: "source",
          files: ["a.json"],
          roots: ["a.json"],
          service: "ns#A",
          package: {},
          out: "build/smithy/source/typescript-codegen",
        },
        {
          projection: "wide",
          files: ["a.json", "more/b.json"],
          roots: ["a.json", "more"],
          service: "ns#B",
          package: {},
          out: "out/b",
        },
      ],
    );
  });

  it("names a missing source, an empty folder, and a projection that is not there", async () => {
    const dir = await projectTempDir("plan-missing");
    await mkdir(join(dir, "empty"));
    const result = planBuild(
      config({ version: "1.0", sources: ["nope.json", "empty"], plugins: { "typescript-codegen": {} } }),
      dir,
      "other",
    );
    assert.ok(!result.ok);
    assert.deepEqual(
      result.problems.map((p) => `${p.where}: ${p.message.replaceAll(dir, "DIR")}`),
      [
        "/sources/0: no such file or folder: DIR/nope.json",
        "/sources/1: DIR/empty holds no .smithy or .json model files",
        "/projections: no projection other uses typescript-codegen; those that do: source",
      ],
    );
  });

  it("generates what it names: package name, version, description and packageJson, into build/smithy by default", async () => {
    const dir = await projectTempDir("build-json");
    await mkdir(join(dir, "model"));
    await writeFile(join(dir, "model", "ssm.json"), await readFile(join(ROOT, "model/ssm.json")));
    await writeFile(
      join(dir, "smithy-build.json"),
      JSON.stringify({
        version: "1.0",
        sources: ["model"],
        plugins: {
          "typescript-codegen": {
            package: "@acme/ssm-client",
            packageVersion: "3.1.4",
            packageDescription: "SSM for Acme",
            packageJson: { license: "MIT", scripts: { lint: "eslint ." }, dependencies: { "left-pad": "^1.3.0" } },
          },
        },
      }),
    );
    const { code, output } = await generateIn(dir);
    assert.equal(code, 0, output);
    const pkg = JSON.parse(await readFile(join(dir, "build/smithy/source/typescript-codegen/package.json"), "utf8"));
    assert.equal(pkg.name, "@acme/ssm-client");
    assert.equal(pkg.version, "3.1.4");
    assert.equal(pkg.description, "SSM for Acme");
    assert.equal(pkg.license, "MIT");
    assert.deepEqual(Object.keys(pkg.scripts), ["build", "test", "lint"], "scripts merge key by key");
    assert.deepEqual(pkg.dependencies, { "@sjc/runtime": "^0.2.0", "@smithy/types": "^4.20.0", "left-pad": "^1.3.0" });
    assert.match(pkg["//"], /Generated by sjc from model\/ssm\.json\./);
  });

  it("exits 2 with one line per problem, naming the file and pointer, and writes nothing", async () => {
    const dir = await projectTempDir("build-bad");
    await writeFile(
      join(dir, "smithy-build.json"),
      JSON.stringify({ version: "1.0", sources: ["missing.json"], plugins: { "typescript-codegen": { service: 1 } } }),
    );
    const before = await snapshot(dir);
    const { code, output } = await generateIn(dir);
    assert.equal(code, 2);
    assert.deepEqual(output.split("\n"), [
      "sjc: smithy-build.json /plugins/typescript-codegen/service: expected a string, found number 1",
    ]);
    assert.deepEqual(await snapshot(dir), before);
    await writeFile(
      join(dir, "smithy-build.json"),
      JSON.stringify({ version: "1.0", sources: ["missing.json"], plugins: { "typescript-codegen": {} } }),
    );
    const missing = await generateIn(dir);
    assert.equal(missing.code, 2);
    assert.match(missing.output, /^sjc: smithy-build\.json \/sources\/0: no such file or folder: .*missing\.json$/);
  });

  it("without --model or smithy-build.json, says what is missing (exit 2)", async () => {
    const dir = await projectTempDir("build-none");
    const { code, output } = await generateIn(dir);
    assert.equal(code, 2);
    assert.match(output, /no --model given and no smithy-build\.json in /);
  });
});

describe("several model files", () => {
  it("merge into one model, and an issue names the file of its shape", async () => {
    const dir = await projectTempDir("multi");
    const model = JSON.parse(await readFile(join(ROOT, "model/ssm.json"), "utf8"));
    const ids = Object.keys(model.shapes);
    const moved = "com.amazonaws.ssm#MaintenanceWindowMaxResults";
    const rest = {
      smithy: "2.0",
      shapes: Object.fromEntries(ids.filter((id) => id !== moved).map((id) => [id, model.shapes[id]])),
    };
    const one = { smithy: "2.0", shapes: { [moved]: model.shapes[moved] } };
    await writeFile(join(dir, "main.json"), JSON.stringify(rest));
    await writeFile(join(dir, "limits.json"), JSON.stringify(one));
    const out = join(dir, "out");
    const merged = await generateIn(dir, ["--model", "main.json", "--model", "limits.json", "--out", out]);
    assert.equal(merged.code, 0, merged.output);
    const whole = await generateIn(dir, ["--model", join(ROOT, "model/ssm.json"), "--out", join(dir, "whole")]);
    assert.equal(whole.code, 0, whole.output);
    const strip = (files: Record<string, string>) => Object.keys(files).sort();
    assert.deepEqual(strip(await snapshot(out)), strip(await snapshot(join(dir, "whole"))));

    one.shapes[moved].traits["smithy.api#range"] = { min: 100, max: 10 };
    await writeFile(join(dir, "limits.json"), JSON.stringify(one));
    const broken = await generateIn(dir, ["--model", "main.json", "--model", "limits.json", "--out", out]);
    assert.equal(broken.code, 1);
    assert.match(
      broken.output,
      /ERROR com\.amazonaws\.ssm#MaintenanceWindowMaxResults smithy\.api#range: .*\(limits\.json \/shapes\//,
    );
  });

  it("refuse a shape defined twice, differently, naming the second file", async () => {
    const dir = await projectTempDir("multi-clash");
    const model = await readFile(join(ROOT, "model/ssm.json"), "utf8");
    const clash = { smithy: "2.0", shapes: { "com.amazonaws.ssm#NextToken": { type: "integer" } } };
    await writeFile(join(dir, "main.json"), model);
    await writeFile(
      join(dir, "same.json"),
      JSON.stringify({
        smithy: "2.0",
        shapes: { "com.amazonaws.ssm#NextToken": JSON.parse(model).shapes["com.amazonaws.ssm#NextToken"] },
      }),
    );
    await writeFile(join(dir, "clash.json"), JSON.stringify(clash));
    const same = await generateIn(dir, [
      "--check",
      "--model",
      "main.json",
      "--model",
      "same.json",
      "--out",
      join(dir, "o"),
    ]);
    assert.equal(same.code, 1, "an identical definition is no clash (the check then finds no output)");
    assert.match(same.output, /is stale/);
    const { code, output } = await generateIn(dir, [
      "--model",
      "main.json",
      "--model",
      "clash.json",
      "--out",
      join(dir, "o"),
    ]);
    assert.equal(code, 1);
    assert.match(
      output,
      /ERROR com\.amazonaws\.ssm#NextToken -: the shape is defined again, differently, at clash\.json \/shapes\/com\.amazonaws\.ssm#NextToken; first at main\.json /,
    );
  });
});
