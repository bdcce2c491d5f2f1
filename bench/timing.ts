/**
 * Times a whole process: wall time measured here, and the CPU time (user +
 * system, children included) that GNU time reports where /usr/bin/time exists.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "./fixtures.js";

export interface ProcessTime {
  readonly wallMs: number;
  /** Null where /usr/bin/time is missing. */
  readonly cpuMs: number | null;
  readonly status: number | null;
  /** stdout and stderr, for error messages. */
  readonly output: string;
}

export interface TimeOptions {
  readonly env?: NodeJS.ProcessEnv;
  /** Default 10 minutes. */
  readonly timeoutMs?: number;
}

const GNU_TIME = "/usr/bin/time";

export function timeProcess(command: string, args: readonly string[], options: TimeOptions = {}): ProcessTime {
  const useTime = existsSync(GNU_TIME);
  const dir = useTime ? mkdtempSync(join(tmpdir(), "sjc-time-")) : undefined;
  const timeFile = dir && join(dir, "time.txt");
  const [file, argv] = timeFile ? [GNU_TIME, ["-f", "%U %S", "-o", timeFile, command, ...args]] : [command, [...args]];
  try {
    const start = performance.now();
    const result = spawnSync(file, argv, {
      cwd: ROOT,
      env: options.env ?? process.env,
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
      timeout: options.timeoutMs ?? 600_000,
    });
    const wallMs = performance.now() - start;
    if (result.error) throw result.error;
    return {
      wallMs,
      cpuMs: timeFile ? parseGnuTime(readFileSync(timeFile, "utf8")) : null,
      status: result.status,
      output: `${result.stdout}${result.stderr}`,
    };
  } finally {
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

/** Milliseconds of user + system time from GNU time's `-f "%U %S"` output (its last line); null if unreadable. */
export function parseGnuTime(text: string): number | null {
  const last = text.trim().split("\n").at(-1) ?? "";
  const match = /^(\d+(?:\.\d+)?) (\d+(?:\.\d+)?)$/.exec(last.trim());
  return match ? Math.round((Number(match[1]) + Number(match[2])) * 1000) : null;
}
