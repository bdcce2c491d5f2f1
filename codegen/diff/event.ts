/**
 * What a model diff reports: one event per change, with smithy-diff's event
 * ids and severities, printed one per line as `SEVERITY EventId shape-id: message`.
 */

/** smithy-diff's severities, most severe first. */
export const DIFF_SEVERITIES = ["ERROR", "DANGER", "WARNING", "NOTE"] as const;

export type DiffSeverity = (typeof DIFF_SEVERITIES)[number];

export interface DiffEvent {
  /** The evaluator's id, with smithy-diff's suffixes (`AddedOperationError.Name`, `ModifiedTrait.Add.ns#trait`). */
  readonly id: string;
  readonly severity: DiffSeverity;
  /** Absolute shape id (members as `ns#Shape$member`); `-` for model metadata. */
  readonly shapeId: string;
  readonly message: string;
}

export function diffEvent(id: string, severity: DiffSeverity, shapeId: string, message: string): DiffEvent {
  return { id, severity, shapeId, message };
}

/** ERROR and DANGER events break the package's users (smithy-diff's notion of breaking). */
export const isBreaking = (event: DiffEvent): boolean => event.severity === "ERROR" || event.severity === "DANGER";

/** Most severe first, then by shape id, event id and message; equal events once. */
export function sortEvents(events: readonly DiffEvent[]): DiffEvent[] {
  const rank = (e: DiffEvent) => DIFF_SEVERITIES.indexOf(e.severity);
  const sorted = [...events].sort(
    (a, b) => rank(a) - rank(b) || order(a.shapeId, b.shapeId) || order(a.id, b.id) || order(a.message, b.message),
  );
  return sorted.filter((e, i) => i === 0 || formatEvent(e) !== formatEvent(sorted[i - 1]!));
}

export const formatEvent = (event: DiffEvent): string =>
  `${event.severity} ${event.id} ${event.shapeId}: ${event.message}`;

const order = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
