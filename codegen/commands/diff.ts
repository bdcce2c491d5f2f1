/**
 * `sjc diff [OLD NEW] [--git REV [PATH...]] [--json] [--semver]`: what a
 * model change means for the generated package's users. Prints one line per
 * event, `SEVERITY EventId shape-id: message`, most severe first (`--json`: an
 * array), or with `--semver` the package's next version. Exit 1 when an event
 * is an ERROR or DANGER, or a model does not load; 2 on usage errors.
 */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { type GenerationPlan, planBuild } from "../build-config/build-plan.js";
import { parseSmithyBuild } from "../build-config/smithy-build.js";
import { diffModels, loadDiffModel } from "../diff/diff-models.js";
import { type DiffEvent, formatEvent, isBreaking } from "../diff/event.js";
import { bumpFor, nextVersion } from "../diff/semver.js";
import { PACKAGE_MODULES } from "../index/names.js";
import { formatIssue } from "../validate/issue.js";
import type { Log } from "./generate.js";
import { type SourcesResult, sourcesAtRevision, sourcesOnDisk } from "./model-sources.js";
import { DIFF_USAGE } from "./usage.js";

const CONFIG_FILE = "smithy-build.json";

export async function runDiff(
  argv: readonly string[],
  out: Log = (line) => console.log(line),
  err: Log = (line) => console.error(line),
): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: {
        git: { type: "string" },
        json: { type: "boolean", default: false },
        semver: { type: "boolean", default: false },
        version: { type: "string" },
        config: { type: "string" },
        projection: { type: "string" },
        help: { type: "boolean", default: false },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    err(`sjc diff: ${(error as Error).message}\n\n${DIFF_USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    out(DIFF_USAGE);
    return 0;
  }
  const usage = (message: string) => {
    err(`sjc diff: ${message}\n\n${DIFF_USAGE}`);
    return 2;
  };
  if (values.json && values.semver) return usage("--json and --semver cannot be combined");
  if (values.git === undefined && positionals.length !== 0 && positionals.length !== 2) {
    return usage("name OLD and NEW, or neither (smithy-build.json's sources against the generated package's model)");
  }
  const cwd = process.cwd();
  const needsPlan = positionals.length === 0 || (values.semver && values.version === undefined);
  let plan: GenerationPlan | undefined;
  if (needsPlan) {
    const planned = await readPlan(cwd, values.config, values.projection);
    if (typeof planned === "string") return usage(planned);
    plan = planned;
  }

  let pair: { old: SourcesResult; new: SourcesResult };
  if (values.git !== undefined) {
    const paths = positionals.length ? positionals.map((p) => resolve(p)) : plan!.roots;
    pair = { old: await sourcesAtRevision(values.git, paths, cwd), new: await sourcesOnDisk(paths, cwd) };
  } else if (positionals.length === 2) {
    pair = {
      old: await sourcesOnDisk([resolve(positionals[0]!)], cwd),
      new: await sourcesOnDisk([resolve(positionals[1]!)], cwd),
    };
  } else {
    pair = { old: await recordedModel(plan!, cwd), new: await sourcesOnDisk(plan!.roots, cwd) };
  }
  if ("problems" in pair.old) return usage(pair.old.problems.join("\n"));
  if ("problems" in pair.new) return usage(pair.new.problems.join("\n"));
  const oldSources = pair.old.sources;
  const newSources = pair.new.sources;

  const before = loadDiffModel(oldSources, oldSources.map((s) => s.path).join(", "));
  const after = loadDiffModel(newSources, newSources.map((s) => s.path).join(", "));
  let failed = false;
  for (const side of [before, after]) {
    if (side.ok) continue;
    for (const issue of side.issues) err(formatIssue(issue));
    failed = true;
  }
  if (failed || !before.ok || !after.ok) {
    err("sjc diff: a model does not load; nothing was compared");
    return 1;
  }
  const events = diffModels(before.model, after.model);
  const code = events.some(isBreaking) ? 1 : 0;
  if (values.semver) {
    const current = values.version ?? plan?.package.version;
    if (current === undefined) return usage(`no packageVersion in ${CONFIG_FILE}; give the current one with --version`);
    const bump = bumpFor(events);
    const next = nextVersion(current, bump);
    if (next === undefined) return usage(`${current} is not a MAJOR.MINOR.PATCH version`);
    out(next);
    err(`sjc diff: ${summary(events)}; ${bump} change: ${current} → ${next}`);
    return code;
  }
  if (values.json) out(JSON.stringify(events, null, 2));
  else for (const event of events) out(formatEvent(event));
  err(`sjc diff: ${summary(events)}`);
  return code;
}

/** `3 events: 1 ERROR, 2 NOTE; breaking` */
export function summary(events: readonly DiffEvent[]): string {
  if (events.length === 0) return "no differences";
  const counts = new Map<string, number>();
  for (const e of events) counts.set(e.severity, (counts.get(e.severity) ?? 0) + 1);
  const parts = [...counts].map(([severity, n]) => `${n} ${severity}`).join(", ");
  const breaking = events.some(isBreaking) ? "breaking" : "not breaking";
  return `${events.length} event${events.length === 1 ? "" : "s"} (${parts}); ${breaking}`;
}

/** The one typescript-codegen projection of smithy-build.json, or what is wrong. */
async function readPlan(cwd: string, config: string | undefined, projection: string | undefined) {
  const path = resolve(config ?? CONFIG_FILE);
  const shown = relative(cwd, path) || CONFIG_FILE;
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch {
    return `cannot read ${shown}; name OLD and NEW, or run where smithy-build.json is`;
  }
  const parsed = parseSmithyBuild(text, process.env);
  if (!parsed.ok) return parsed.problems.map((p) => `${shown} ${p.where}: ${p.message}`).join("\n");
  const planned = planBuild(parsed.config, dirname(path), projection);
  if (!planned.ok) return planned.problems.map((p) => `${shown} ${p.where}: ${p.message}`).join("\n");
  if (planned.plans.length !== 1) return `${shown} has several projections; pick one with --projection`;
  return planned.plans[0]!;
}

/** The model the package was generated from, as it recorded it. */
async function recordedModel(plan: GenerationPlan, cwd: string): Promise<SourcesResult> {
  const file = join(plan.out!, PACKAGE_MODULES.modelRecord.path);
  const shown = relative(cwd, file);
  if (!existsSync(file)) {
    return {
      problems: [`${shown} does not exist: generate the package first (npx sjc generate), or name OLD and NEW`],
    };
  }
  return { sources: [{ path: shown, text: await readFile(file, "utf8") }] };
}
