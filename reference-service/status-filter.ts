/**
 * The `Filters` of DescribeMaintenanceWindowExecutionTasks. The only key is
 * STATUS, its values those of MaintenanceWindowExecutionStatus. The values of
 * one filter are OR'ed and the filters AND'ed, so together they reduce to one
 * set of allowed statuses: the intersection of the filters' value sets.
 */
import {
  MaintenanceWindowExecutionStatus,
  type MaintenanceWindowExecutionTaskIdentity,
  type MaintenanceWindowFilter,
} from "@sjc/ssm";
import { validationException } from "./validation-exception.js";

const STATUS_KEY = "STATUS";

const STATUSES: readonly string[] = Object.values(MaintenanceWindowExecutionStatus);
const SUPPORTED_VALUES = `supported values are ${STATUSES.join(", ")}`;

export interface TaskFilter {
  /** True without filters: every task matches, and callers may skip {@link matches}. */
  readonly all: boolean;
  readonly matches: (task: MaintenanceWindowExecutionTaskIdentity) => boolean;
  /**
   * The allowed statuses, sorted, or `*` without filters. Filters that select
   * the same tasks have the same text, whatever their order or repetitions.
   */
  readonly canonical: string;
}

const NO_FILTER: TaskFilter = { all: true, matches: () => true, canonical: "*" };

/** Checks `filters`; an unsupported key or value throws a ValidationException naming what is supported. */
export function parseFilters(filters: readonly MaintenanceWindowFilter[] | undefined): TaskFilter {
  if (filters === undefined || filters.length === 0) return NO_FILTER;
  let allowed = new Set(STATUSES);
  for (const filter of filters) {
    const values = new Set(statusValues(filter));
    allowed = new Set([...allowed].filter((status) => values.has(status)));
  }
  return {
    all: false,
    matches: (task) => task.Status !== undefined && allowed.has(task.Status),
    canonical: [...allowed].sort().join(","),
  };
}

function statusValues(filter: MaintenanceWindowFilter): readonly string[] {
  if (filter.Key !== STATUS_KEY) {
    const key = filter.Key === undefined ? "A filter without a Key" : `Filter key '${filter.Key}'`;
    throw validationException(`${key} is not supported; the only supported filter key is ${STATUS_KEY}`);
  }
  const values = filter.Values ?? [];
  if (values.length === 0) {
    throw validationException(`Filter ${STATUS_KEY} needs at least one value; ${SUPPORTED_VALUES}`);
  }
  const unsupported = values.find((value) => !STATUSES.includes(value));
  if (unsupported !== undefined) {
    throw validationException(`Filter ${STATUS_KEY} value '${unsupported}' is not supported; ${SUPPORTED_VALUES}`);
  }
  return values;
}
