/**
 * HTTP servers under test, each in its own node process so that it never
 * shares an event loop with the load generator. A server is ready once it
 * prints `listening on http://HOST:PORT`; it is stopped with SIGTERM.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { ROOT } from "./fixtures.js";

export interface ChildServer {
  readonly pid: number;
  /** `http://127.0.0.1:PORT`. */
  readonly url: string;
  /** Resident set size in bytes, from /proc/<pid>/status; NaN where /proc is missing. */
  rssBytes(): number;
  /** User plus system CPU time so far in ms, from /proc/<pid>/stat; NaN where /proc is missing. */
  cpuMs(): number;
  /** Everything the server printed so far. */
  output(): string;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves with the exit code (null when killed by a signal). */
  stop(graceMs?: number): Promise<number | null>;
}

const READY = /listening on (http:\/\/\S+)/;

/** Starts `node ...args` in the project root and waits (at most `readyMs`) until it listens. */
export function startChildServer(args: readonly string[], readyMs = 60_000): Promise<ChildServer> {
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  let exited: Promise<number | null> | undefined;
  const exit = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  child.stdout!.setEncoding("utf8").on("data", (text: string) => (output += text));
  child.stderr!.setEncoding("utf8").on("data", (text: string) => (output += text));

  const server: ChildServer = {
    pid: child.pid!,
    url: "",
    rssBytes: () => readRss(child.pid!),
    cpuMs: () => readCpuMs(child.pid!),
    output: () => output,
    stop(graceMs = 15_000) {
      exited ??= stopChild(child, exit, graceMs);
      return exited;
    },
  };

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`node ${args.join(" ")} did not listen within ${readyMs} ms:\n${output}`));
    }, readyMs);
    const onData = () => {
      const match = READY.exec(output);
      if (!match) return;
      clearTimeout(timer);
      child.stdout!.off("data", onData);
      resolve({ ...server, url: match[1]! });
    };
    child.stdout!.on("data", onData);
    child.once("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    void exit.then((code) => {
      clearTimeout(timer);
      reject(new Error(`node ${args.join(" ")} exited (${code}) before listening:\n${output}`));
    });
  });
}

async function stopChild(child: ChildProcess, exit: Promise<number | null>, graceMs: number): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
  try {
    return await exit;
  } finally {
    clearTimeout(timer);
  }
}

function readRss(pid: number): number {
  try {
    return parseVmRss(readFileSync(`/proc/${pid}/status`, "utf8"));
  } catch {
    return Number.NaN;
  }
}

/** Clock ticks per second of /proc/<pid>/stat times (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

function readCpuMs(pid: number): number {
  try {
    return parseCpuMs(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return Number.NaN;
  }
}

/** utime + stime of a /proc/<pid>/stat text in ms (fields 14 and 15, counted after the command name). */
export function parseCpuMs(stat: string): number {
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // fields[0] is field 3 (state), so utime (14) and stime (15) are fields[11] and fields[12].
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

/** Bytes of the `VmRSS:` line of a /proc/<pid>/status text; NaN when absent. */
export function parseVmRss(status: string): number {
  const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status);
  return match ? Number(match[1]) * 1024 : Number.NaN;
}

export function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
