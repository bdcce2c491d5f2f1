/**
 * Reads `smithy-build.json` as Smithy users write it: `version`, `sources`,
 * `imports`, `projections`, `plugins` and `outputDirectory`, with `${NAME}`
 * environment variables expanded in strings. Every problem is collected, each
 * named by its JSON pointer; bad JSON is named by line and column.
 */
import { createRequire } from "node:module";
import type { ParseError } from "jsonc-parser";

/** This generator's plugin name, after smithy-typescript's. */
export const PLUGIN = "typescript-codegen";

/** The settings of the `typescript-codegen` plugin. */
export interface PluginSettings {
  readonly service?: string;
  readonly package?: string;
  readonly packageVersion?: string;
  readonly packageDescription?: string;
  readonly packageJson?: Readonly<Record<string, unknown>>;
  readonly outputDirectory?: string;
}

export interface ProjectionConfig {
  readonly name: string;
  readonly abstract: boolean;
  readonly imports: readonly string[];
  /** Plugins by name: this generator's settings, decoded, or another plugin's, as written. */
  readonly plugins: Readonly<Record<string, unknown>>;
}

export interface SmithyBuildConfig {
  readonly outputDirectory?: string;
  readonly sources: readonly string[];
  readonly imports: readonly string[];
  /** Top-level plugins: they apply to every projection. */
  readonly plugins: Readonly<Record<string, unknown>>;
  readonly projections: readonly ProjectionConfig[];
}

/** One problem: where (a JSON pointer, or `line:column` for syntax) and what. */
export interface ConfigProblem {
  readonly where: string;
  readonly message: string;
}

export type ConfigResult =
  | { readonly ok: true; readonly config: SmithyBuildConfig }
  | { readonly ok: false; readonly problems: readonly ConfigProblem[] };

const TOP_LEVEL_KEYS = [
  "version",
  "outputDirectory",
  "sources",
  "imports",
  "projections",
  "plugins",
  "ignoreMissingPlugins",
  "maven",
];
const PROJECTION_KEYS = ["abstract", "imports", "transforms", "plugins"];
const PLUGIN_STRING_KEYS = ["service", "package", "packageVersion", "packageDescription", "outputDirectory"] as const;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export function parseSmithyBuild(text: string, env: Readonly<Record<string, string | undefined>>): ConfigResult {
  const jsonc = createRequire(import.meta.url)("jsonc-parser") as typeof import("jsonc-parser");
  const errors: ParseError[] = [];
  const json = jsonc.parse(text, errors, { allowTrailingComma: false, disallowComments: false }) as Json;
  if (errors.length > 0) {
    const first = errors[0]!;
    const before = text.slice(0, first.offset);
    const line = before.split("\n").length;
    const column = first.offset - before.lastIndexOf("\n");
    return {
      ok: false,
      problems: [{ where: `${line}:${column}`, message: `invalid JSON: ${jsonc.printParseErrorCode(first.error)}` }],
    };
  }
  return new ConfigReader(env).read(json);
}

class ConfigReader {
  private readonly problems: ConfigProblem[] = [];

  constructor(private readonly env: Readonly<Record<string, string | undefined>>) {}

  read(json: Json): ConfigResult {
    const top = this.object(json, "");
    if (!top) return { ok: false, problems: this.problems };
    this.knownKeys(top, "", TOP_LEVEL_KEYS);
    const version = this.string(top.version, "/version");
    if (version === undefined) this.problem("/version", 'required: "1.0"');
    else if (!/^1(\.0)?$/.test(version))
      this.problem("/version", `unsupported version ${JSON.stringify(version)}; expected "1.0"`);
    this.optionalBoolean(top.ignoreMissingPlugins, "/ignoreMissingPlugins");
    this.maven(top.maven);
    const outputDirectory = this.string(top.outputDirectory, "/outputDirectory");
    const config: SmithyBuildConfig = {
      ...(outputDirectory !== undefined ? { outputDirectory } : {}),
      sources: this.strings(top.sources, "/sources"),
      imports: this.strings(top.imports, "/imports"),
      plugins: this.plugins(top.plugins, "/plugins"),
      projections: this.projections(top.projections),
    };
    return this.problems.length ? { ok: false, problems: this.problems } : { ok: true, config };
  }

  private projections(value: Json | undefined): ProjectionConfig[] {
    if (value === undefined) return [];
    const all = this.object(value, "/projections");
    if (!all) return [];
    return Object.entries(all).map(([name, body]) => {
      const at = `/projections/${escape(name)}`;
      if (name === "source") this.problem(at, 'the projection name "source" is reserved for the sources themselves');
      const projection = this.object(body, at) ?? {};
      this.knownKeys(projection, at, PROJECTION_KEYS);
      const transforms = projection.transforms;
      if (transforms !== undefined && !(Array.isArray(transforms) && transforms.length === 0)) {
        this.problem(`${at}/transforms`, "transforms are not supported by sjc; generate from the sources as they are");
      }
      return {
        name,
        abstract: this.optionalBoolean(projection.abstract, `${at}/abstract`) ?? false,
        imports: this.strings(projection.imports, `${at}/imports`),
        plugins: this.plugins(projection.plugins, `${at}/plugins`),
      };
    });
  }

  private plugins(value: Json | undefined, at: string): Record<string, unknown> {
    if (value === undefined) return {};
    const plugins = this.object(value, at);
    if (!plugins) return {};
    const out: Record<string, unknown> = {};
    for (const [name, settings] of Object.entries(plugins)) {
      out[name] = name === PLUGIN ? this.pluginSettings(settings, `${at}/${escape(name)}`) : settings;
    }
    return out;
  }

  private pluginSettings(value: Json, at: string): PluginSettings {
    const settings = this.object(value, at);
    if (!settings) return {};
    this.knownKeys(settings, at, [...PLUGIN_STRING_KEYS, "packageJson"]);
    const out: Record<string, unknown> = {};
    for (const key of PLUGIN_STRING_KEYS) {
      const text = this.string(settings[key], `${at}/${key}`);
      if (text !== undefined) out[key] = text;
    }
    if (settings.packageJson !== undefined) {
      const packageJson = this.object(settings.packageJson, `${at}/packageJson`);
      if (packageJson) out.packageJson = this.expandAll(packageJson, `${at}/packageJson`);
    }
    return out as PluginSettings;
  }

  private maven(value: Json | undefined): void {
    if (value === undefined) return;
    const maven = this.object(value, "/maven");
    const dependencies = maven?.dependencies;
    if (Array.isArray(dependencies) && dependencies.length > 0) {
      this.problem(
        "/maven/dependencies",
        "Maven dependencies need a JVM to resolve; add the models they hold to `sources` or `imports` as files",
      );
    }
  }

  private knownKeys(object: Readonly<Record<string, Json>>, at: string, known: readonly string[]): void {
    for (const key of Object.keys(object)) {
      if (!known.includes(key))
        this.problem(`${at}/${escape(key)}`, `unknown key; expected one of ${known.join(", ")}`);
    }
  }

  private object(value: Json, at: string): Record<string, Json> | undefined {
    if (typeof value === "object" && value !== null && !Array.isArray(value)) return value;
    this.problem(at || "/", `expected an object, found ${kind(value)}`);
    return undefined;
  }

  private string(value: Json | undefined, at: string): string | undefined {
    if (value === undefined) return undefined;
    if (typeof value === "string") return this.expand(value, at);
    this.problem(at, `expected a string, found ${kind(value)}`);
    return undefined;
  }

  private strings(value: Json | undefined, at: string): string[] {
    if (value === undefined) return [];
    if (!Array.isArray(value)) {
      this.problem(at, `expected an array of strings, found ${kind(value)}`);
      return [];
    }
    return value.flatMap((item, i) => this.string(item, `${at}/${i}`) ?? []);
  }

  private optionalBoolean(value: Json | undefined, at: string): boolean | undefined {
    if (value === undefined || typeof value === "boolean") return value;
    this.problem(at, `expected true or false, found ${kind(value)}`);
    return undefined;
  }

  /** `${NAME}` becomes the environment variable's value; `\${` stays literal. */
  private expand(text: string, at: string): string {
    return text.replace(/(\\?)\$\{([^}]*)\}/g, (whole, escaped: string, name: string) => {
      if (escaped) return whole.slice(1);
      const value = this.env[name];
      if (value === undefined) this.problem(at, `the environment variable ${name} is not set`);
      return value ?? "";
    });
  }

  private expandAll(value: Json, at: string): Json {
    if (typeof value === "string") return this.expand(value, at);
    if (Array.isArray(value)) return value.map((item, i) => this.expandAll(item, `${at}/${i}`));
    if (typeof value === "object" && value !== null) {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.expandAll(v, `${at}/${escape(k)}`)]));
    }
    return value;
  }

  private problem(where: string, message: string): void {
    this.problems.push({ where, message });
  }
}

function kind(value: Json | undefined): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : `${typeof value} ${JSON.stringify(value)}`;
}

/** A key as one JSON pointer token (RFC 6901). */
function escape(key: string): string {
  return key.replaceAll("~", "~0").replaceAll("/", "~1");
}
