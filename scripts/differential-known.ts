/**
 * The checked-in list of known differences between our clients and the AWS
 * SDK's (`scripts/differential.json`): what the differential test does not
 * compare, and the differences it accepts, each with its reason. An accepted
 * difference that a run never meets is stale and fails the run, so the list
 * only holds what still differs.
 */
import { type Difference, pathMatches } from "@sjc/testing";

export interface KnownDifference {
  /** The service, as named in `services`; `*`: every service. */
  readonly service: string;
  /** Operations it applies to; absent: all of them. */
  readonly operations?: readonly string[];
  readonly case: Difference["case"];
  /** A path pattern: `*` is one segment, a final `**` any number. */
  readonly path: string;
  /** When set, only a difference where our value is this one (`"<absent>"`: undefined). */
  readonly ours?: unknown;
  /** When set, only a difference where the SDK's value is this one (`"<absent>"`: undefined). */
  readonly sdk?: unknown;
  /** When true, only a difference where ours holds the model's default of a member the SDK left out. */
  readonly modelDefault?: boolean;
  readonly reason: string;
}

/** Stands for `undefined` in the `ours` and `sdk` values of an entry. */
const ABSENT = "<absent>";

export interface DifferentialList {
  /** Model files of `../shared/aws-models` (without `.json.gz`) that `npm run differential` runs by default. */
  readonly services: readonly string[];
  /** Request headers not compared, each with its reason. */
  readonly ignoredHeaders: Readonly<Record<string, string>>;
  readonly known: readonly KnownDifference[];
}

/** Reads and checks the list; throws naming the first problem. */
export function parseDifferentialList(text: string): DifferentialList {
  const list = JSON.parse(text) as DifferentialList;
  const problem = (message: string) => new Error(`differential list: ${message}`);
  if (!Array.isArray(list.services) || list.services.some((s) => typeof s !== "string")) {
    throw problem("services must be a list of model names");
  }
  if (typeof list.ignoredHeaders !== "object" || list.ignoredHeaders === null) {
    throw problem("ignoredHeaders must map header names to reasons");
  }
  if (!Array.isArray(list.known)) throw problem("known must be a list");
  for (const [i, entry] of list.known.entries()) {
    const fields = ["service", "case", "path", "reason"] as const;
    for (const field of fields) {
      if (typeof entry[field] !== "string" || entry[field] === "")
        throw problem(`known[${i}].${field} must be a string`);
    }
    if (!["request", "output", "error"].includes(entry.case)) {
      throw problem(`known[${i}].case must be request, output or error`);
    }
    if (entry.operations !== undefined && !Array.isArray(entry.operations)) {
      throw problem(`known[${i}].operations must be a list of operation names`);
    }
  }
  return list;
}

/** Matches differences against the list, and counts what each entry accepted. */
export class KnownDifferences {
  private readonly entries: readonly KnownDifference[];
  private readonly hits: Map<KnownDifference, number>;
  private readonly services = new Set<string>();

  constructor(list: DifferentialList) {
    this.entries = list.known;
    this.hits = new Map(this.entries.map((entry) => [entry, 0]));
  }

  /** The `accept` callback for differences of `service`: whether an entry accepts one; counts the first that does. */
  acceptFor(service: string): (difference: Difference) => boolean {
    this.services.add(service);
    const entries = this.entries.filter((entry) => entry.service === service || entry.service === "*");
    return (difference) => {
      const entry = entries.find(
        (e) =>
          e.case === difference.case &&
          (e.operations === undefined || e.operations.includes(difference.operation)) &&
          pathMatches(e.path, difference.path) &&
          valueMatches(e, "ours", difference.ours) &&
          valueMatches(e, "sdk", difference.sdk) &&
          (e.modelDefault !== true || difference.modelDefault === true),
      );
      if (entry === undefined) return false;
      this.hits.set(entry, this.hits.get(entry)! + 1);
      return true;
    };
  }

  /** How many differences the entries of `service` (`*` ones included) accepted so far, and how many of them did. */
  seen(service: string): { entries: number; seen: number; differences: number } {
    const entries = this.entries.filter((entry) => entry.service === service || entry.service === "*");
    const hits = entries.map((entry) => this.hits.get(entry)!);
    return {
      entries: entries.length,
      seen: hits.filter((n) => n > 0).length,
      differences: hits.reduce((a, b) => a + b, 0),
    };
  }

  /**
   * Entries of the services run that accepted nothing: the difference is
   * gone, or the run never met it. `*` entries count only when `everyService`
   * ran (a run of a few services need not meet them all).
   */
  stale(everyService: boolean): KnownDifference[] {
    return this.entries.filter(
      (entry) =>
        (entry.service === "*" ? everyService : this.services.has(entry.service)) && this.hits.get(entry) === 0,
    );
  }
}

function valueMatches(entry: KnownDifference, side: "ours" | "sdk", value: unknown): boolean {
  if (!Object.hasOwn(entry, side)) return true;
  const want = entry[side];
  return want === ABSENT ? value === undefined : JSON.stringify(want) === JSON.stringify(value);
}

/** One line naming an entry: `sqs output SendMessage,ReceiveMessage /outcome`. */
export function describeEntry(entry: KnownDifference): string {
  return `${entry.service} ${entry.case} ${entry.operations?.join(",") ?? "*"} ${entry.path}`;
}
