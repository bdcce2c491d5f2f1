/**
 * What a smithy-build.json asks this generator to do: one generation per
 * projection that uses the `typescript-codegen` plugin (the implicit
 * `source` projection when the top-level plugins name it), each with its
 * model files, service, package settings and output folder. Output goes to the
 * plugin's `outputDirectory`, or where Smithy puts it:
 * `<outputDirectory or build/smithy>/<projection>/typescript-codegen/`.
 */
import { relative, resolve } from "node:path";
import type { PackageSettings } from "../emit/emit-package.js";
import { modelFiles } from "./model-files.js";
import { type ConfigProblem, PLUGIN, type PluginSettings, type SmithyBuildConfig } from "./smithy-build.js";

export interface GenerationPlan {
  readonly projection: string;
  /** Absolute paths of the model files, sources then imports, each once. */
  readonly files: readonly string[];
  /** The sources and imports as written (files or folders), absolute: `sjc diff --git` reads them at a revision. */
  readonly roots: readonly string[];
  readonly service?: string;
  readonly package: PackageSettings;
  /** Absolute path of the package folder; absent (`--model` alone): `generated/<sdk id>`. */
  readonly out?: string;
}

export type PlanResult =
  | {
      readonly ok: true;
      readonly plans: readonly GenerationPlan[];
      /** Other plugins the file names: Smithy's own build runs them; sjc does not. */
      readonly otherPlugins: readonly string[];
    }
  | { readonly ok: false; readonly problems: readonly ConfigProblem[] };

const SOURCE_PROJECTION = "source";
const DEFAULT_OUTPUT = "build/smithy";

/** `configDir` is the folder of smithy-build.json: relative paths start there. */
export function planBuild(config: SmithyBuildConfig, configDir: string, projection?: string): PlanResult {
  const problems: ConfigProblem[] = [];
  const files = (paths: readonly string[], at: string) =>
    paths.flatMap((path, i) => modelFiles(resolve(configDir, path), `${at}/${i}`, problems));
  const shared = [...files(config.sources, "/sources"), ...files(config.imports, "/imports")];
  const roots = (paths: readonly string[]) => paths.map((path) => resolve(configDir, path));
  const sharedRoots = roots([...config.sources, ...config.imports]);

  const candidates: { name: string; settings: unknown; files: string[]; roots: string[] }[] = [];
  if (PLUGIN in config.plugins) {
    candidates.push({ name: SOURCE_PROJECTION, settings: config.plugins[PLUGIN], files: shared, roots: sharedRoots });
  }
  for (const p of config.projections) {
    const plugins = { ...config.plugins, ...p.plugins };
    if (p.abstract || !(PLUGIN in plugins)) continue;
    const own = files(p.imports, `/projections/${p.name}/imports`);
    candidates.push({
      name: p.name,
      settings: plugins[PLUGIN],
      files: [...shared, ...own],
      roots: [...sharedRoots, ...roots(p.imports)],
    });
  }
  const chosen = projection === undefined ? candidates : candidates.filter((c) => c.name === projection);
  if (projection !== undefined && chosen.length === 0) {
    const names = candidates.map((c) => c.name).join(", ") || "none";
    problems.push({
      where: "/projections",
      message: `no projection ${projection} uses ${PLUGIN}; those that do: ${names}`,
    });
  } else if (chosen.length === 0) {
    problems.push({
      where: "/plugins",
      message: `no projection uses the ${PLUGIN} plugin; add "plugins": { "${PLUGIN}": { "service": "ns#Service" } }`,
    });
  }

  const plans = chosen.map((c): GenerationPlan => {
    const settings = c.settings as PluginSettings;
    const out = settings.outputDirectory
      ? resolve(configDir, settings.outputDirectory)
      : resolve(configDir, config.outputDirectory ?? DEFAULT_OUTPUT, c.name, PLUGIN);
    return {
      projection: c.name,
      files: [...new Set(c.files)],
      roots: [...new Set(c.roots)],
      ...(settings.service !== undefined ? { service: settings.service } : {}),
      package: {
        ...(settings.package !== undefined ? { name: settings.package } : {}),
        ...(settings.packageVersion !== undefined ? { version: settings.packageVersion } : {}),
        ...(settings.packageDescription !== undefined ? { description: settings.packageDescription } : {}),
        ...(settings.packageJson !== undefined ? { packageJson: settings.packageJson } : {}),
      },
      out,
    };
  });
  const byOut = new Map<string, string>();
  for (const plan of plans) {
    if (plan.out === undefined) continue;
    const other = byOut.get(plan.out);
    if (other !== undefined) {
      problems.push({
        where: `/projections/${plan.projection}`,
        message: `writes to ${relative(configDir, plan.out)}, as the projection ${other} does; give each its own outputDirectory`,
      });
    }
    byOut.set(plan.out, plan.projection);
  }
  const otherPlugins = [config.plugins, ...config.projections.map((p) => p.plugins)]
    .flatMap((plugins) => Object.keys(plugins))
    .filter((name) => name !== PLUGIN);
  return problems.length
    ? { ok: false, problems }
    : { ok: true, plans, otherPlugins: [...new Set(otherPlugins)].sort() };
}
