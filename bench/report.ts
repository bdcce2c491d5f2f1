/** The benchmark's results as one JSON object, judged against the targets, and as a table. Pure. */
import type { ClientFigures } from "./client.js";
import type { CodegenFigures } from "./codegen.js";
import type { DiffFigures } from "./diff.js";
import type { ServerFigures } from "./server.js";
import { round } from "./stats.js";
import type { ValidateFigures } from "./validate.js";

export interface BenchResults {
  readonly server?: ServerFigures;
  readonly client?: ClientFigures;
  readonly codegen?: Partial<CodegenFigures> & Partial<DiffFigures>;
  readonly validate?: ValidateFigures;
}

type Section = "server" | "client" | "codegen" | "validate";

/** The figures every report carries (null when not measured), in table order. */
const FIGURES: Readonly<Record<Section, readonly string[]>> = {
  server: [
    "rps",
    "handwrittenRps",
    "fastifyRps",
    "vsHandwritten",
    "vsFastify",
    "cpuVsHandwritten",
    "bareRps",
    "ratio",
    "p99Ms",
    "bareP99Ms",
    "adapterRps",
    "adapterRatio",
    "cpuUs",
    "handwrittenCpuUs",
    "fastifyCpuUs",
    "bareCpuUs",
    "adapterCpuUs",
  ],
  client: ["callsPerSec", "sdkCallsPerSec", "ratio", "coldMs", "sdkColdMs", "coldRatio"],
  codegen: [
    "singleMs",
    "wholeSsmMs",
    "wholeSsmFormatMs",
    "genToFormatRatio",
    "wholeSsmTscMs",
    "jsonLoadMs",
    "idlLoadMs",
    "idlLoadRatio",
    "diffLoadMs",
    "diffWholeSsmMs",
    "diffToLoadRatio",
    "corpusMs",
    "corpusFormatMs",
    "corpusGenToFormatRatio",
  ],
  validate: ["validUs", "invalidUs"],
};

export interface Target {
  /** `section.figure`. */
  readonly figure: string;
  readonly atLeast?: number;
  readonly atMost?: number;
}

export const TARGETS: readonly Target[] = [
  { figure: "server.vsHandwritten", atLeast: 1.0 },
  { figure: "server.vsFastify", atLeast: 1.1 },
  { figure: "server.cpuVsHandwritten", atMost: 1.0 },
  { figure: "client.ratio", atLeast: 3.0 },
  { figure: "client.coldRatio", atMost: 0.6 },
  { figure: "codegen.singleMs", atMost: 1500 },
  { figure: "codegen.wholeSsmMs", atMost: 10_000 },
  { figure: "codegen.genToFormatRatio", atMost: 2.0 },
  { figure: "codegen.diffToLoadRatio", atMost: 1.5 },
  { figure: "codegen.idlLoadRatio", atMost: 2.0 },
  { figure: "codegen.corpusGenToFormatRatio", atMost: 1.2 },
  { figure: "validate.validUs", atMost: 20 },
];

export interface Verdict {
  readonly figure: string;
  readonly target: string;
  readonly value: number | null;
  /** Null when the figure was not measured. */
  readonly met: boolean | null;
}

type Json = Record<Section, Record<string, number | null>> & {
  targets: Verdict[];
  [key: string]: unknown;
};

/** The JSON report: the required figures of each section (null when not measured), extra figures, verdicts. */
export function toJson(results: BenchResults, extra: Record<string, unknown> = {}): Json {
  const sections = {} as Record<Section, Record<string, number | null>>;
  for (const section of Object.keys(FIGURES) as Section[]) {
    const figures = (results[section] ?? {}) as Record<string, number | null>;
    const out: Record<string, number | null> = {};
    for (const key of FIGURES[section]) out[key] = round(figures[key] ?? null, 4);
    for (const [key, value] of Object.entries(figures)) if (!(key in out)) out[key] = round(value, 4);
    sections[section] = out;
  }
  return { ...sections, targets: judge(sections), ...extra };
}

export function judge(sections: Record<Section, Record<string, number | null>>): Verdict[] {
  return TARGETS.map((target) => {
    const [section, key] = target.figure.split(".") as [Section, string];
    const value = sections[section][key] ?? null;
    const met =
      value === null || !Number.isFinite(value)
        ? null
        : (target.atLeast === undefined || value >= target.atLeast) &&
          (target.atMost === undefined || value <= target.atMost);
    return { figure: target.figure, target: describe(target), value, met };
  });
}

function describe(target: Target): string {
  return target.atLeast !== undefined ? `>= ${target.atLeast}` : `<= ${target.atMost}`;
}

const UNITS: Readonly<Record<string, string>> = {
  rps: "req/s",
  bareRps: "req/s",
  adapterRps: "req/s",
  handwrittenRps: "req/s",
  fastifyRps: "req/s",
  cpuUs: "µs",
  handwrittenCpuUs: "µs",
  fastifyCpuUs: "µs",
  bareCpuUs: "µs",
  adapterCpuUs: "µs",
  callsPerSec: "calls/s",
  sdkCallsPerSec: "calls/s",
  validUs: "µs",
  invalidUs: "µs",
};

const LABELS: Readonly<Record<string, string>> = {
  "server.rps": "generated server",
  "server.handwrittenRps": "hand-written node:http server",
  "server.fastifyRps": "Fastify 5 server",
  "server.vsHandwritten": "generated / hand-written",
  "server.vsFastify": "generated / Fastify",
  "server.cpuVsHandwritten": "CPU per request, generated / hand-written",
  "server.bareRps": "bare node:http, same bytes",
  "server.ratio": "generated / bare",
  "server.p99Ms": "p99 latency, generated",
  "server.bareP99Ms": "p99 latency, bare",
  "server.adapterRps": "runtime adapter, no-work handler",
  "server.adapterRatio": "adapter / bare",
  "server.cpuUs": "server CPU per request, generated",
  "server.handwrittenCpuUs": "server CPU per request, hand-written",
  "server.fastifyCpuUs": "server CPU per request, Fastify",
  "server.bareCpuUs": "server CPU per request, bare",
  "server.adapterCpuUs": "server CPU per request, adapter",
  "client.callsPerSec": "SSMClient (stub handler)",
  "client.sdkCallsPerSec": "@aws-sdk/client-ssm (stub)",
  "client.ratio": "ours / SDK",
  "client.coldMs": "cold process, ours",
  "client.sdkColdMs": "cold process, SDK",
  "client.coldRatio": "cold ours / SDK",
  "codegen.singleMs": "generate model/ssm.json",
  "codegen.wholeSsmMs": "generate whole SSM",
  "codegen.wholeSsmFormatMs": "prettier, whole-SSM output",
  "codegen.genToFormatRatio": "generate / prettier",
  "codegen.wholeSsmTscMs": "tsc --noEmit, whole SSM",
  "codegen.jsonLoadMs": "load whole SSM, JSON AST",
  "codegen.idlLoadMs": "load whole SSM, IDL",
  "codegen.idlLoadRatio": "IDL / JSON load",
  "codegen.diffLoadMs": "load whole SSM JSON for the diff (parse, merge, flatten)",
  "codegen.diffWholeSsmMs": "sjc diff, whole SSM vs ten changes",
  "codegen.diffToLoadRatio": "diff / loading both models",
  "codegen.corpusMs": "generate every awsJson model of the corpus",
  "codegen.corpusFormatMs": "prettier, corpus output",
  "codegen.corpusGenToFormatRatio": "corpus generate / prettier",
  "validate.validUs": "validator, maximal valid input",
  "validate.invalidUs": "validator, all constraints broken",
};

/** What the table shows beside a figure: the spread of ratios, CPU time, counts. */
function detail(json: Json, section: Section, key: string): string {
  const s = json[section];
  const range = (min: string, max: string) =>
    s[min] != null && s[max] != null ? `pairs ${s[min]!.toFixed(2)}–${s[max]!.toFixed(2)}` : "";
  const cpu = (name: string) => (s[name] != null ? `cpu ${Math.round(s[name]!)} ms` : "");
  switch (`${section}.${key}`) {
    case "server.vsHandwritten":
      return `${range("vsHandwrittenMin", "vsHandwrittenMax")}; ${s.rounds} rounds × ${s.seconds} s, ${s.connections} connections`;
    case "server.vsFastify":
      return range("vsFastifyMin", "vsFastifyMax");
    case "server.ratio":
      return `${range("ratioMin", "ratioMax")} (information: the ceiling)`;
    case "client.ratio":
      return range("ratioMin", "ratioMax");
    case "client.coldRatio":
      return range("coldRatioMin", "coldRatioMax");
    case "codegen.singleMs":
      return `${cpu("singleCpuMs")}; median of ${s.runs}`;
    case "codegen.wholeSsmMs":
      return `${cpu("wholeSsmCpuMs")}; median of ${s.runs}`;
    case "codegen.jsonLoadMs":
    case "codegen.idlLoadMs":
      return s.loadRounds == null
        ? ""
        : `cpu ${s[`${key.slice(0, -2)}CpuMs`]?.toFixed(1)} ms; median of ${s.loadRounds} interleaved rounds, after warm-up`;
    case "codegen.idlLoadRatio":
      return s.loadRounds == null
        ? ""
        : `median of the rounds' ratios; first load ${Math.round(s.idlFirstLoadMs!)} / ${Math.round(s.jsonFirstLoadMs!)} ms`;
    case "codegen.diffWholeSsmMs":
      return s.diffEvents == null ? "" : `${s.diffEvents} events; in process, median of ${s.diffRuns}`;
    case "codegen.wholeSsmFormatMs":
      return s.formattedFiles == null
        ? ""
        : `${cpu("wholeSsmFormatCpuMs")}; ${s.formattedFiles} files, ${s.unformattedFiles} not as prettier would`;
    case "codegen.corpusMs":
      return `${cpu("corpusCpuMs")}; ${s.corpusModels} models, one process`;
    case "codegen.corpusFormatMs":
      return cpu("corpusFormatCpuMs");
    case "validate.invalidUs":
      return `${s.invalidFailures} failures reported`;
    default:
      return "";
  }
}

function formatValue(key: string, value: number | null): string {
  if (value === null) return "n/a";
  const unit = UNITS[key] ?? (key.endsWith("Ms") ? "ms" : "");
  const digits = unit === "µs" || unit === "" ? 2 : 0;
  const text = value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return unit ? `${text} ${unit}` : text;
}

/** The report as an aligned text table, one figure per row, with its target and verdict where it has one. */
export function toTable(json: Json): string {
  const verdicts = new Map(json.targets.map((v) => [v.figure, v]));
  const rows: string[][] = [["figure", "value", "target", "met", "detail"]];
  for (const section of Object.keys(FIGURES) as Section[]) {
    for (const key of FIGURES[section]) {
      const figure = `${section}.${key}`;
      const verdict = verdicts.get(figure);
      const met = verdict === undefined ? "" : verdict.met === null ? "n/a" : verdict.met ? "yes" : "NO";
      rows.push([
        `${figure} (${LABELS[figure]})`,
        formatValue(key, json[section][key] ?? null),
        verdict?.target ?? "",
        met,
        json[section][key] != null
          ? detail(json, section, key)
          : figure === "codegen.wholeSsmMs" && json.codegen.singleMs != null
            ? "skipped: ../shared/models is absent"
            : figure === "codegen.corpusMs" && json.codegen.singleMs != null
              ? "skipped: ../shared/aws-models is absent"
              : "",
      ]);
    }
  }
  return renderTable(rows);
}

/** Columns padded to their widest cell; numbers (the second column) right-aligned. */
export function renderTable(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? "").length)));
  const line = (row: readonly string[]) =>
    row
      .map((cell, column) => (column === 1 ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!)))
      .join("  ")
      .trimEnd();
  return [line(rows[0]!), widths.map((w) => "-".repeat(w)).join("  "), ...rows.slice(1).map(line)].join("\n");
}
