/**
 * The reference implementation of DescribeMaintenanceWindowExecutionTasks
 * over the read-only {@link TaskStore}.
 *
 * - Order: by StartTime, tasks not started yet last, ties by TaskExecutionId
 *   (kept so by task-store.ts); the same query always gives the same pages.
 * - Pages: `MaxResults` tasks (default {@link DEFAULT_MAX_RESULTS}; the model
 *   allows 10 to 100). `NextToken` is present only when more tasks follow; an
 *   empty `NextToken` in a request is the same as none.
 * - Errors: an unknown WindowExecutionId is a DoesNotExistException; an
 *   unsupported filter, or a token not issued for this query, a ValidationException.
 */
import { DoesNotExistException } from "@sjc/ssm";
import type { SSMService } from "@sjc/ssm/server";
import { createNextTokenCodec, invalidToken } from "./next-token.js";
import { parseFilters } from "./status-filter.js";
import type { TaskStore } from "./task-store.js";
import { validationException } from "./validation-exception.js";

/** Page size when a request names none: the smallest the model allows. */
export const DEFAULT_MAX_RESULTS = 10;
const MIN_RESULTS = 10;
const MAX_RESULTS = 100;

export interface ReferenceServiceOptions {
  /** HMAC-SHA256 key of the NextTokens. Default: 32 random bytes per process. */
  readonly tokenKey?: Uint8Array;
}

export function createReferenceService(store: TaskStore, options: ReferenceServiceOptions = {}): SSMService {
  const tokens = createNextTokenCodec(options.tokenKey);
  return {
    async DescribeMaintenanceWindowExecutionTasks(input) {
      const windowExecutionId = input.WindowExecutionId;
      // The handler has validated the input against the model; these guard direct callers.
      if (windowExecutionId === undefined) throw validationException("WindowExecutionId is required");
      const pageSize = input.MaxResults ?? DEFAULT_MAX_RESULTS;
      if (!Number.isInteger(pageSize) || pageSize < MIN_RESULTS || pageSize > MAX_RESULTS) {
        throw validationException(`MaxResults must be an integer from ${MIN_RESULTS} to ${MAX_RESULTS}`);
      }
      const filter = parseFilters(input.Filters);
      const tasks = store.tasksOf(windowExecutionId);
      if (tasks === undefined) {
        const message = `Maintenance window execution ${windowExecutionId} does not exist`;
        throw new DoesNotExistException({ message, Message: message });
      }
      const query = { windowExecutionId, filters: filter.canonical };
      const offset = input.NextToken ? tokens.decode(input.NextToken, query) : 0;
      const matching = filter.all ? tasks : tasks.filter(filter.matches);
      // Only reachable if the key leaked: the store never changes, and no token points past the end.
      if (offset > 0 && offset >= matching.length) throw invalidToken("it points past the last task");
      const end = Math.min(offset + pageSize, matching.length);
      // The store's tasks are deep-frozen, dates included, so pages share them.
      const page = matching.slice(offset, end);
      return end < matching.length
        ? { WindowExecutionTaskIdentities: page, NextToken: tokens.encode(query, end) }
        : { WindowExecutionTaskIdentities: page };
    },
  };
}
