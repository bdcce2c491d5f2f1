/** `sjc diff` as users run it: arguments, output formats, exit codes, --git, --semver, and `generate --check`. */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { runDiff } from "../../codegen/commands/diff.js";
import { bumpFor, nextVersion } from "../../codegen/diff/semver.js";
import { diffEvent } from "../../codegen/diff/event.js";
import { ROOT, cli, projectTempDir } from "../codegen/helpers.js";
import { NS } from "./model-pairs.js";

async function diff(args: readonly string[], cwd?: string) {
  const out: string[] = [];
  const err: string[] = [];
  const before = process.cwd();
  if (cwd) process.chdir(cwd);
  try {
    const code = await runDiff(
      args,
      (l) => out.push(l),
      (l) => err.push(l),
    );
    return { code, out: out.join("\n"), err: err.join("\n") };
  } finally {
    process.chdir(before);
  }
}

describe("sjc diff: the command", () => {
  let dir: string;
  let old: string;
  let narrowed: string;
  let documented: string;

  before(async () => {
    dir = await projectTempDir("diff-cli");
    old = join(ROOT, "model/ssm.json");
    const model = JSON.parse(await readFile(old, "utf8"));
    model.shapes[`${NS}MaintenanceWindowMaxResults`].traits["smithy.api#range"].max = 50;
    narrowed = join(dir, "narrowed.json");
    await writeFile(narrowed, JSON.stringify(model));
    delete model.shapes[`${NS}MaintenanceWindowMaxResults`].traits["smithy.api#range"];
    model.shapes[`${NS}MaintenanceWindowMaxResults`].traits["smithy.api#range"] = { min: 10, max: 100 };
    model.shapes[`${NS}MaintenanceWindowFilter`].traits["smithy.api#documentation"] = "<p>A filter.</p>";
    documented = join(dir, "documented.json");
    await writeFile(documented, JSON.stringify(model));
  });

  it("prints one line per event and exits 1 on a breaking change", async () => {
    const { code, out, err } = await diff([old, narrowed]);
    assert.equal(code, 1);
    assert.deepEqual(out.split("\n"), [
      `ERROR ChangedRangeTrait ${NS}MaintenanceWindowMaxResults: smithy.api#range \`max\` was lowered from 100 to 50; TypeScript: the types do not change, but the generated validators and the server reject values they accepted before`,
      `NOTE ModifiedTrait.Update.smithy.api#range ${NS}MaintenanceWindowMaxResults: trait \`smithy.api#range\` changed from \`{"min":10,"max":100}\` to \`{"min":10,"max":50}\``,
    ]);
    assert.match(err, /2 events \(1 ERROR, 1 NOTE\); breaking/);
  });

  it("exits 0 when nothing breaks, and prints nothing for the same model", async () => {
    assert.equal((await diff([old, documented])).code, 0);
    const same = await diff([old, old]);
    assert.equal(same.code, 0);
    assert.equal(same.out, "");
    assert.match(same.err, /no differences/);
  });

  it("--json gives {id, severity, shapeId, message} objects", async () => {
    const { out } = await diff(["--json", old, narrowed]);
    const events = JSON.parse(out) as Record<string, string>[];
    assert.deepEqual(Object.keys(events[0]!), ["id", "severity", "shapeId", "message"]);
    assert.equal(events[0]!.id, "ChangedRangeTrait");
  });

  it("--semver prints the next version from --version", async () => {
    assert.equal((await diff(["--semver", "--version", "1.4.2", old, narrowed])).out, "2.0.0");
    assert.equal((await diff(["--semver", "--version", "1.4.2", old, documented])).out, "1.4.3");
  });

  it("a model that does not load exits 1 with the loader's located error", async () => {
    const broken = join(dir, "broken.json");
    await writeFile(broken, '{"smithy": "2.0", "shapes": {');
    const { code, err } = await diff([old, broken]);
    assert.equal(code, 1);
    assert.match(err, /invalid JSON: .* at line 1, column \d+/);
    assert.match(err, /broken\.json:1:\d+/);
  });

  it("usage errors exit 2", async () => {
    assert.equal((await diff([old])).code, 2);
    assert.equal((await diff(["--bogus", old, narrowed])).code, 2);
    assert.equal((await diff(["--semver", old, narrowed], dir)).code, 2, "no smithy-build.json, no --version");
  });

  it("with no OLD NEW, compares smithy-build.json's sources with the model the package records", async () => {
    const project = join(dir, "project");
    await mkdir(join(project, "pkg"), { recursive: true });
    await writeFile(join(project, "ssm.json"), await readFile(narrowed, "utf8"));
    await writeFile(join(project, "pkg/model.json"), await readFile(join(ROOT, "generated/ssm/model.json"), "utf8"));
    await writeFile(
      join(project, "smithy-build.json"),
      JSON.stringify({
        version: "1.0",
        sources: ["ssm.json"],
        plugins: { "typescript-codegen": { outputDirectory: "pkg", packageVersion: "2.1.0" } },
      }),
    );
    const { code, out } = await diff([], project);
    assert.equal(code, 1);
    assert.match(out, /^ERROR ChangedRangeTrait /);
    assert.equal((await diff(["--semver"], project)).out, "3.0.0");
  });

  it("--git REV compares the sources of smithy-build.json with the same files at a revision", async () => {
    const repo = join(dir, "repo");
    await mkdir(join(repo, "model"), { recursive: true });
    const git = (...args: string[]) => execFileSync("git", args, { cwd: repo, stdio: "pipe" });
    git("init", "-q");
    git("config", "user.email", "test@example.com");
    git("config", "user.name", "test");
    await writeFile(join(repo, "model/ssm.json"), await readFile(old, "utf8"));
    await writeFile(
      join(repo, "smithy-build.json"),
      JSON.stringify({
        version: "1.0",
        sources: ["model"],
        plugins: { "typescript-codegen": { service: `${NS}AmazonSSM`, packageVersion: "1.0.0" } },
      }),
    );
    git("add", ".");
    git("commit", "-qm", "model");
    await writeFile(join(repo, "model/ssm.json"), await readFile(narrowed, "utf8"));
    const { code, out } = await diff(["--git", "HEAD"], repo);
    assert.equal(code, 1);
    assert.match(out, /^ERROR ChangedRangeTrait /);
    assert.equal((await diff(["--git", "HEAD", "--semver"], repo)).out, "2.0.0", "packageVersion 1.0.0");
    assert.equal((await diff(["--git", "no-such-rev"], repo)).code, 2);
  });
});

describe("sjc diff: the next version", () => {
  const breaking = diffEvent("ChangedRangeTrait", "ERROR", "ns#A", "");
  const added = diffEvent("AddedShape", "NOTE", "ns#B", "");
  const note = diffEvent("ModifiedTrait.Update.smithy.api#documentation", "NOTE", "ns#B", "");

  it("major for breaking, minor for additions, patch otherwise", () => {
    assert.equal(nextVersion("1.2.3", bumpFor([breaking, added])), "2.0.0");
    assert.equal(nextVersion("1.2.3", bumpFor([added, note])), "1.3.0");
    assert.equal(nextVersion("1.2.3", bumpFor([note])), "1.2.4");
    assert.equal(nextVersion("1.2.3", bumpFor([])), "1.2.4");
  });

  it("below 1.0.0, as caret ranges read it: breaking bumps the minor, anything else the patch", () => {
    assert.equal(nextVersion("0.2.0", "major"), "0.3.0");
    assert.equal(nextVersion("0.2.0", "minor"), "0.2.1");
    assert.equal(nextVersion("0.2.0", "patch"), "0.2.1");
    assert.equal(nextVersion("one", "patch"), undefined);
  });
});

describe("sjc generate --check: the model against the package's record", () => {
  it("says the model is unchanged, and sums up a change with its breaking events", async () => {
    const dir = await projectTempDir("check-drift");
    const model = join(dir, "ssm.json");
    await writeFile(model, await readFile(join(ROOT, "model/ssm.json"), "utf8"));
    const out = join(dir, "ssm");
    assert.equal((await cli(["--quiet", "--model", model, "--out", out])).code, 0);
    const fresh = await cli(["--check", "--model", model, "--out", out]);
    assert.equal(fresh.code, 0, fresh.output);
    assert.match(fresh.output, /^model\s+unchanged since .*ssm was generated$/m);
    const changed = JSON.parse(await readFile(model, "utf8"));
    changed.shapes[`${NS}MaintenanceWindowMaxResults`].traits["smithy.api#range"].max = 50;
    await writeFile(model, JSON.stringify(changed));
    const stale = await cli(["--check", "--model", model, "--out", out]);
    assert.equal(stale.code, 1);
    assert.match(stale.output, /^model\s+since .*ssm was generated: 2 events \(1 ERROR, 1 NOTE\); breaking/m);
    assert.match(stale.output, /^ {2}ERROR ChangedRangeTrait com\.amazonaws\.ssm#MaintenanceWindowMaxResults: /m);
  });
});
