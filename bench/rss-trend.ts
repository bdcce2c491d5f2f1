/** The soak test's memory rule: RSS must stop growing once the server has warmed up. Pure. */
import { slope } from "./stats.js";

const MIB = 1024 * 1024;
/** Fixed part of the tolerance: GC and allocator noise of a node process. */
export const TOLERANCE_BYTES = 8 * MIB;
/** Proportional part of the tolerance, of the window's first sample. */
export const TOLERANCE_SHARE = 0.05;
export const MIN_WINDOW = 3;

export const RSS_RULE =
  `RSS is sampled after each round; over the last half of the rounds (at least the last ${MIN_WINDOW}, ` +
  `so a soak needs ${MIN_WINDOW + 1} rounds or more), ` +
  `the least-squares trend of RSS may rise by at most ${TOLERANCE_BYTES / MIB} MiB + ` +
  `${TOLERANCE_SHARE * 100}% of that half's first sample; more means RSS keeps growing`;

export interface RssVerdict {
  /** The samples judged: the last half of the rounds, at least the last {@link MIN_WINDOW}. */
  readonly window: readonly number[];
  /** Rise of the trend line across the window, in bytes. */
  readonly growthBytes: number;
  readonly toleranceBytes: number;
  /** Null when there are too few rounds to judge. */
  readonly growing: boolean | null;
}

export function judgeRss(samples: readonly number[]): RssVerdict {
  const window = samples.slice(-Math.max(MIN_WINDOW, Math.ceil(samples.length / 2)));
  // The first round always grows the heap; it must stay out of the window.
  if (samples.length <= MIN_WINDOW || window.some((s) => !Number.isFinite(s))) {
    return { window, growthBytes: Number.NaN, toleranceBytes: Number.NaN, growing: null };
  }
  const growthBytes = slope(window) * (window.length - 1);
  const toleranceBytes = TOLERANCE_BYTES + TOLERANCE_SHARE * window[0]!;
  return { window, growthBytes, toleranceBytes, growing: growthBytes > toleranceBytes };
}
