/**
 * The checked-in list of protocol test cases that are known not to run, with
 * the reason for each: `conformance-skips.json` of the generator package. It is keyed by service shape
 * id, then by case id, optionally narrowed to one side (`client:<id>`,
 * `server:<id>`) or to one side and kind of case (`client-request:<id>`,
 * `client-response:<id>`, `server-request:<id>`, `server-response:<id>`,
 * `server-malformed:<id>`). A skipped case is emitted as `it.skip` with its reason in
 * the title; an entry that matches no case of its service is an error, so the
 * list cannot silently outlive what it excuses.
 */
import type { PlannedTest } from "./cases.js";

/** Reasons by skip key (`<id>`, `<side>:<id>` or `<side>-<kind>:<id>`), by service shape id. */
export type SkipList = Readonly<Record<string, Readonly<Record<string, string>>>>;

/** The list, shipped in the generator package's root. */
export const SKIPS_FILE = "conformance-skips.json";

/** Checks the file's JSON; keys starting with `//` are comments. */
export function parseSkipList(json: unknown): SkipList {
  const problem = (what: string) => new Error(`${SKIPS_FILE}: ${what}`);
  if (typeof json !== "object" || json === null || Array.isArray(json))
    throw problem("expected an object keyed by service shape id");
  const out: Record<string, Record<string, string>> = {};
  for (const [service, entries] of Object.entries(json)) {
    if (service.startsWith("//")) continue;
    if (typeof entries !== "object" || entries === null || Array.isArray(entries)) {
      throw problem(`${service}: expected an object of case ids and reasons`);
    }
    out[service] = {};
    for (const [key, reason] of Object.entries(entries as Record<string, unknown>)) {
      if (typeof reason !== "string" || reason.trim() === "")
        throw problem(`${service} ${key}: the reason must be a non-empty string`);
      out[service]![key] = reason;
    }
  }
  return out;
}

interface SkipDecision {
  /** The reason a test is skipped, by the test's position in the plan. */
  readonly reasons: ReadonlyMap<PlannedTest, string>;
  /** Entries of the service that match no planned test. */
  readonly stale: readonly string[];
}

export function decideSkips(
  tests: readonly PlannedTest[],
  entries: Readonly<Record<string, string>> = {},
): SkipDecision {
  const reasons = new Map<PlannedTest, string>();
  const used = new Set<string>();
  for (const test of tests) {
    for (const key of [`${test.side}-${test.kind}:${test.case.id}`, `${test.side}:${test.case.id}`, test.case.id]) {
      const reason = Object.hasOwn(entries, key) ? entries[key] : undefined;
      if (reason === undefined) continue;
      used.add(key);
      if (!reasons.has(test)) reasons.set(test, reason);
    }
  }
  return { reasons, stale: Object.keys(entries).filter((key) => !used.has(key)) };
}
