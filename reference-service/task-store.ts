/**
 * The embedded, read-only store: maintenance window executions and the task
 * executions each one ran. Tasks are kept in response order (see
 * {@link compareTasks}), so a request only filters and slices.
 */
import type { MaintenanceWindowExecutionTaskIdentity } from "@sjc/ssm";
import { immutableDate } from "./immutable-date.js";

export interface TaskStore {
  /** The window execution ids, in the order the data file lists them. */
  readonly windowExecutionIds: readonly string[];
  /** The tasks of a window execution in response order; undefined when the id is unknown. */
  tasksOf(windowExecutionId: string): readonly MaintenanceWindowExecutionTaskIdentity[] | undefined;
}

/**
 * Response order: by `StartTime` ascending, tasks without one (not started
 * yet) last; ties broken by `TaskExecutionId` in code-unit order.
 */
function compareTasks(a: MaintenanceWindowExecutionTaskIdentity, b: MaintenanceWindowExecutionTaskIdentity): number {
  const aStart = a.StartTime?.getTime() ?? Number.POSITIVE_INFINITY;
  const bStart = b.StartTime?.getTime() ?? Number.POSITIVE_INFINITY;
  if (aStart !== bStart) return aStart < bStart ? -1 : 1;
  const aId = a.TaskExecutionId ?? "";
  const bId = b.TaskExecutionId ?? "";
  return aId < bId ? -1 : aId > bId ? 1 : 0;
}

/** Builds a store from window execution ids → tasks; sorts and freezes a copy, so callers keep no handle on it. */
export function createTaskStore(
  executions: ReadonlyMap<string, readonly MaintenanceWindowExecutionTaskIdentity[]>,
): TaskStore {
  const byId = new Map<string, readonly MaintenanceWindowExecutionTaskIdentity[]>();
  for (const [id, tasks] of executions) {
    byId.set(id, Object.freeze(tasks.map(freezeTask).sort(compareTasks)));
  }
  const windowExecutionIds = Object.freeze([...byId.keys()]);
  return {
    windowExecutionIds,
    tasksOf: (windowExecutionId) => byId.get(windowExecutionId),
  };
}

/** A deep-frozen copy whose dates refuse changes ({@link immutableDate}), so the service can hand it out as it is. */
function freezeTask(task: MaintenanceWindowExecutionTaskIdentity): MaintenanceWindowExecutionTaskIdentity {
  return deepFreeze(structuredClone(task));
}

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null) {
    const object = value as Record<string, unknown>;
    for (const [key, item] of Object.entries(object)) {
      object[key] = item instanceof Date ? immutableDate(item) : deepFreeze(item);
    }
    Object.freeze(value);
  }
  return value;
}
