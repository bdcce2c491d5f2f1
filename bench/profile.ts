/**
 * `npx tsx bench/profile.ts FILE.cpuprofile... [--top N]`
 *
 * Summarises V8 CPU profiles (`node --cpu-prof`): the functions with the most
 * self time, self time summed by file (package-relative), and the functions
 * with the most inclusive time, so that a missed target can be traced to the
 * code that costs it. Several files (one per thread) are summed; idle time is
 * left out.
 */
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { ROOT } from "./fixtures.js";

interface ProfileNode {
  readonly id: number;
  readonly callFrame: {
    readonly functionName: string;
    readonly url: string;
    readonly lineNumber: number;
  };
  readonly children?: readonly number[];
}

export interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

export interface Frame {
  readonly name: string;
  readonly selfMs: number;
}

export interface Summary {
  /** Self time per function (`name file:line`), largest first. */
  readonly functions: Frame[];
  /** Self time per file. */
  readonly files: Frame[];
  /** Inclusive time per function: samples with it anywhere on the stack (once per sample). */
  readonly inclusive: Frame[];
  /** Inclusive time per file, likewise. */
  readonly inclusiveFiles: Frame[];
  /** Sampled time, idle excluded. */
  readonly totalMs: number;
}

const IDLE = new Set(["(idle)", "(program)"]);

export function summarize(profiles: readonly CpuProfile[]): Summary {
  const functions = new Map<string, number>();
  const files = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const inclusiveFiles = new Map<string, number>();
  const add = (map: Map<string, number>, key: string, ms: number) => map.set(key, (map.get(key) ?? 0) + ms);
  let totalMs = 0;
  for (const profile of profiles) {
    const byId = new Map(profile.nodes.map((node) => [node.id, node]));
    const parent = new Map<number, number>();
    for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
    profile.samples.forEach((id, i) => {
      const ms = (profile.timeDeltas[i] ?? 0) / 1000;
      const { functionName } = byId.get(id)!.callFrame;
      if (IDLE.has(functionName)) return;
      totalMs += ms;
      add(functions, frameName(byId.get(id)!), ms);
      add(files, shortFile(byId.get(id)!.callFrame.url), ms);
      const seen = new Set<string>();
      const seenFiles = new Set<string>();
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
        const name = frameName(byId.get(at)!);
        if (!seen.has(name)) add(inclusive, name, ms);
        seen.add(name);
        const file = shortFile(byId.get(at)!.callFrame.url);
        if (!seenFiles.has(file)) add(inclusiveFiles, file, ms);
        seenFiles.add(file);
      }
    });
  }
  const sorted = (map: Map<string, number>) =>
    [...map].map(([name, selfMs]) => ({ name, selfMs })).sort((a, b) => b.selfMs - a.selfMs);
  return {
    functions: sorted(functions),
    files: sorted(files),
    inclusive: sorted(inclusive),
    inclusiveFiles: sorted(inclusiveFiles),
    totalMs,
  };
}

function frameName(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  return `${functionName || "(anonymous)"} ${shortFile(url)}${url ? `:${lineNumber + 1}` : ""}`;
}

/** A URL shortened to what identifies it: `pkg/path` inside node_modules, the project path otherwise. */
export function shortFile(url: string): string {
  if (url === "") return "(native)";
  const path = url.replace(/^file:\/\//, "");
  const modules = path.lastIndexOf("/node_modules/");
  if (modules >= 0) return path.slice(modules + "/node_modules/".length);
  return path.startsWith(ROOT) ? path.slice(ROOT.length) : path;
}

function main(): void {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { top: { type: "string", default: "15" } },
  });
  if (positionals.length === 0) {
    console.error("usage: npx tsx bench/profile.ts FILE.cpuprofile... [--top N]");
    process.exit(2);
  }
  const top = Number(values.top);
  const profiles = positionals.map((file) => JSON.parse(readFileSync(file, "utf8")) as CpuProfile);
  const { functions, files, inclusive, inclusiveFiles, totalMs } = summarize(profiles);
  const line = ({ name, selfMs }: Frame) =>
    `${selfMs.toFixed(1).padStart(9)} ms ${((100 * selfMs) / totalMs).toFixed(1).padStart(5)}%  ${name}`;
  console.log(`${totalMs.toFixed(0)} ms busy (idle left out) in ${profiles.length} profile(s)`);
  console.log("\nself time by function:");
  for (const frame of functions.slice(0, top)) console.log(line(frame));
  console.log("\nself time by file:");
  for (const frame of files.slice(0, top)) console.log(line(frame));
  console.log("\ninclusive time by file (on the stack):");
  for (const frame of inclusiveFiles.slice(0, top)) console.log(line(frame));
  console.log("\ninclusive time by function (on the stack):");
  for (const frame of inclusive.slice(0, top * 2)) console.log(line(frame));
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) main();
