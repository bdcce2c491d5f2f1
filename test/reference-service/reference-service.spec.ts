import assert from "node:assert/strict";
import {
  DoesNotExistException,
  type DescribeMaintenanceWindowExecutionTasksRequest,
  type DescribeMaintenanceWindowExecutionTasksResult,
  MaintenanceWindowExecutionStatus,
  type MaintenanceWindowExecutionTaskIdentity,
} from "@sjc/ssm";
import type { SSMService } from "@sjc/ssm/server";
import type { RequestContext } from "@sjc/runtime/server";
import { DEFAULT_MAX_RESULTS, createReferenceService } from "../../reference-service/reference-service.js";
import {
  BIG_ID,
  EMPTY_ID,
  SMALL_ID,
  STATUS_COUNTS,
  UNKNOWN_ID,
  bundledStore,
  rejectsWithValidation,
  taskIds,
} from "../../harness/reference-fixtures.js";

const CONTEXT: RequestContext = {
  requestId: "test",
  operation: "DescribeMaintenanceWindowExecutionTasks",
  identity: undefined,
};

describe("server: reference DescribeMaintenanceWindowExecutionTasks", () => {
  const store = bundledStore();
  let service: SSMService;
  beforeEach(() => {
    service = createReferenceService(store);
  });

  function describeTasks(
    input: DescribeMaintenanceWindowExecutionTasksRequest,
  ): Promise<DescribeMaintenanceWindowExecutionTasksResult> {
    return service.DescribeMaintenanceWindowExecutionTasks(input, CONTEXT);
  }

  /** Follows NextToken to the end; returns every page. */
  async function allPages(
    input: DescribeMaintenanceWindowExecutionTasksRequest,
  ): Promise<DescribeMaintenanceWindowExecutionTasksResult[]> {
    const pages = [await describeTasks(input)];
    while (pages.at(-1)!.NextToken !== undefined) {
      pages.push(await describeTasks({ ...input, NextToken: pages.at(-1)!.NextToken }));
    }
    return pages;
  }

  const items = (pages: readonly DescribeMaintenanceWindowExecutionTasksResult[]) =>
    pages.flatMap((page) => page.WindowExecutionTaskIdentities ?? []);

  describe("ordering", () => {
    it("returns tasks by StartTime, then TaskExecutionId, tasks not started last", async () => {
      const tasks = items(await allPages({ WindowExecutionId: BIG_ID }));
      const key = (task: MaintenanceWindowExecutionTaskIdentity) =>
        [task.StartTime?.getTime() ?? Number.POSITIVE_INFINITY, task.TaskExecutionId!] as const;
      for (let i = 1; i < tasks.length; i++) {
        const [previousStart, previousId] = key(tasks[i - 1]!);
        const [start, id] = key(tasks[i]!);
        assert.ok(previousStart < start || (previousStart === start && previousId < id), `tasks ${i - 1} and ${i}`);
      }
      assert.equal(tasks.at(-1)!.StartTime, undefined, "the PENDING task without StartTime comes last");
      const starts = tasks.map((task) => task.StartTime?.getTime());
      assert.ok(new Set(starts).size < starts.length, "the fixture has ties for TaskExecutionId to break");
    });

    it("gives the same pages for the same query", async () => {
      assert.deepEqual(await allPages({ WindowExecutionId: BIG_ID }), await allPages({ WindowExecutionId: BIG_ID }));
    });

    it("converts wire timestamps to Dates", async () => {
      const [first] = (await describeTasks({ WindowExecutionId: SMALL_ID })).WindowExecutionTaskIdentities!;
      assert.ok(first!.StartTime instanceof Date);
      assert.equal(first!.StartTime.getTime(), 1722883029274);
    });
  });

  describe("pagination", () => {
    it("pages through 28 tasks 10 at a time by default, with no NextToken on the last page", async () => {
      assert.equal(DEFAULT_MAX_RESULTS, 10);
      const pages = await allPages({ WindowExecutionId: BIG_ID });
      assert.deepEqual(
        pages.map((page) => page.WindowExecutionTaskIdentities!.length),
        [10, 10, 8],
      );
      assert.ok(pages.slice(0, 2).every((page) => typeof page.NextToken === "string" && page.NextToken !== ""));
      assert.equal(pages[2]!.NextToken, undefined);
      const ids = taskIds(items(pages));
      assert.equal(new Set(ids).size, 28);
      assert.deepEqual(ids, taskIds(store.tasksOf(BIG_ID)));
    });

    it("honours MaxResults, and may change it between pages", async () => {
      const first = await describeTasks({ WindowExecutionId: BIG_ID, MaxResults: 25 });
      assert.equal(first.WindowExecutionTaskIdentities!.length, 25);
      const rest = await describeTasks({ WindowExecutionId: BIG_ID, MaxResults: 10, NextToken: first.NextToken });
      assert.equal(rest.WindowExecutionTaskIdentities!.length, 3);
      assert.equal(rest.NextToken, undefined);
    });

    it("returns everything in one page when MaxResults covers it", async () => {
      const page = await describeTasks({ WindowExecutionId: BIG_ID, MaxResults: 100 });
      assert.equal(page.WindowExecutionTaskIdentities!.length, 28);
      assert.equal(page.NextToken, undefined);
      const exact = await describeTasks({ WindowExecutionId: SMALL_ID, MaxResults: 10 });
      assert.equal(exact.WindowExecutionTaskIdentities!.length, 4);
      assert.equal(exact.NextToken, undefined);
    });

    it("answers an execution without tasks with an empty list", async () => {
      assert.deepEqual(await describeTasks({ WindowExecutionId: EMPTY_ID }), { WindowExecutionTaskIdentities: [] });
    });

    it("treats an empty NextToken as none", async () => {
      const page = await describeTasks({ WindowExecutionId: SMALL_ID, NextToken: "" });
      assert.equal(page.WindowExecutionTaskIdentities!.length, 4);
    });

    it("refuses a MaxResults outside 10..100 from a direct caller", async () => {
      await rejectsWithValidation(describeTasks({ WindowExecutionId: BIG_ID, MaxResults: 5 }), /MaxResults must be/);
      await rejectsWithValidation(describeTasks({ WindowExecutionId: BIG_ID, MaxResults: 101 }), /from 10 to 100/);
    });
  });

  describe("filters", () => {
    const statuses = async (Filters: DescribeMaintenanceWindowExecutionTasksRequest["Filters"]) =>
      items(await allPages({ WindowExecutionId: BIG_ID, Filters })).map((task) => task.Status);

    for (const status of Object.values(MaintenanceWindowExecutionStatus)) {
      it(`STATUS=${status} returns exactly the ${STATUS_COUNTS[status]} ${status} tasks`, async () => {
        const found = await statuses([{ Key: "STATUS", Values: [status] }]);
        assert.equal(found.length, STATUS_COUNTS[status]);
        assert.ok(found.length > 0 && found.every((s) => s === status));
      });
    }

    it("ORs the values of one filter", async () => {
      const found = await statuses([{ Key: "STATUS", Values: ["SUCCESS", "FAILED"] }]);
      assert.equal(found.length, 17);
      assert.ok(found.includes("SUCCESS") && found.includes("FAILED"));
      assert.ok(found.every((s) => s === "SUCCESS" || s === "FAILED"));
    });

    it("ANDs several filters", async () => {
      const found = await statuses([
        { Key: "STATUS", Values: ["SUCCESS", "FAILED"] },
        { Key: "STATUS", Values: ["FAILED", "TIMED_OUT"] },
      ]);
      assert.deepEqual(found, ["FAILED", "FAILED", "FAILED", "FAILED"]);
    });

    it("returns nothing for filters no task satisfies", async () => {
      const page = await describeTasks({
        WindowExecutionId: BIG_ID,
        Filters: [
          { Key: "STATUS", Values: ["SUCCESS"] },
          { Key: "STATUS", Values: ["FAILED"] },
        ],
      });
      assert.deepEqual(page, { WindowExecutionTaskIdentities: [] });
    });

    it("treats an empty filter list as none", async () => {
      assert.equal((await statuses([])).length, 28);
    });

    it("pages through filtered tasks in the same order", async () => {
      const Filters = [{ Key: "STATUS", Values: ["SUCCESS"] }];
      const pages = await allPages({ WindowExecutionId: BIG_ID, Filters });
      assert.deepEqual(
        pages.map((page) => page.WindowExecutionTaskIdentities!.length),
        [10, 3],
      );
      const expected = store.tasksOf(BIG_ID)!.filter((task) => task.Status === "SUCCESS");
      assert.deepEqual(taskIds(items(pages)), taskIds(expected));
    });

    const invalid: [string, DescribeMaintenanceWindowExecutionTasksRequest["Filters"], RegExp][] = [
      [
        "another key",
        [{ Key: "TASK_TYPE", Values: ["LAMBDA"] }],
        /^Filter key 'TASK_TYPE' is not supported; the only supported filter key is STATUS$/,
      ],
      ["a key in the wrong case", [{ Key: "Status", Values: ["SUCCESS"] }], /Filter key 'Status' is not supported/],
      [
        "a filter without a key",
        [{ Values: ["SUCCESS"] }],
        /^A filter without a Key is not supported; the only supported filter key is STATUS$/,
      ],
      [
        "an unknown value",
        [{ Key: "STATUS", Values: ["SUCCESS", "DONE"] }],
        /^Filter STATUS value 'DONE' is not supported; supported values are PENDING, IN_PROGRESS, SUCCESS, FAILED, TIMED_OUT, CANCELLING, CANCELLED, SKIPPED_OVERLAPPING$/,
      ],
      ["a value in the wrong case", [{ Key: "STATUS", Values: ["success"] }], /value 'success' is not supported/],
      [
        "no values",
        [{ Key: "STATUS", Values: [] }],
        /^Filter STATUS needs at least one value; supported values are PENDING, /,
      ],
      ["a missing Values", [{ Key: "STATUS" }], /needs at least one value/],
      [
        "a bad filter after a good one",
        [
          { Key: "STATUS", Values: ["SUCCESS"] },
          { Key: "WINDOW", Values: ["x"] },
        ],
        /Filter key 'WINDOW'/,
      ],
    ];
    for (const [name, Filters, message] of invalid) {
      it(`refuses ${name} with a ValidationException naming what is supported`, async () => {
        await rejectsWithValidation(describeTasks({ WindowExecutionId: BIG_ID, Filters }), message);
      });
    }

    it("checks filters even for an unknown execution", async () => {
      await rejectsWithValidation(
        describeTasks({ WindowExecutionId: UNKNOWN_ID, Filters: [{ Key: "TYPE", Values: ["x"] }] }),
        /TYPE/,
      );
    });
  });

  describe("NextToken", () => {
    const INVALID = /^The NextToken is invalid: /;

    async function firstToken(input: DescribeMaintenanceWindowExecutionTasksRequest = { WindowExecutionId: BIG_ID }) {
      const token = (await describeTasks(input)).NextToken;
      assert.ok(token);
      return token;
    }

    it("is opaque base64url text with a mac", async () => {
      assert.match(await firstToken(), /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    });

    it("refuses a forged token", async () => {
      await rejectsWithValidation(
        describeTasks({ WindowExecutionId: BIG_ID, NextToken: "not-a-token" }),
        /^The NextToken is invalid: it was not issued by this server, or the server has restarted since\. Repeat the request without a NextToken\.$/,
      );
    });

    it("refuses a token whose payload was changed", async () => {
      const [payload, mac] = (await firstToken()).split(".");
      const [version, , id, hash] = JSON.parse(Buffer.from(payload!, "base64url").toString()) as unknown[];
      const moved = Buffer.from(JSON.stringify([version, 20, id, hash])).toString("base64url");
      await rejectsWithValidation(describeTasks({ WindowExecutionId: BIG_ID, NextToken: `${moved}.${mac}` }), INVALID);
    });

    it("refuses a token whose mac was changed, even in the spare bits of its last character", async () => {
      const token = await firstToken();
      const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
      const flip = (c: string, bit: number) => ALPHABET[ALPHABET.indexOf(c) ^ bit]!;
      const middle = token.length - 20;
      for (const changed of [
        token.slice(0, middle) + flip(token[middle]!, 8) + token.slice(middle + 1),
        token.slice(0, -1) + flip(token.at(-1)!, 1),
      ]) {
        await rejectsWithValidation(describeTasks({ WindowExecutionId: BIG_ID, NextToken: changed }), INVALID);
      }
      await rejectsWithValidation(describeTasks({ WindowExecutionId: BIG_ID, NextToken: token.slice(0, -5) }), INVALID);
      await rejectsWithValidation(describeTasks({ WindowExecutionId: BIG_ID, NextToken: `${token}.x` }), INVALID);
    });

    it("refuses a token of another WindowExecutionId", async () => {
      await rejectsWithValidation(
        describeTasks({ WindowExecutionId: SMALL_ID, NextToken: await firstToken() }),
        /it was issued for another WindowExecutionId/,
      );
    });

    it("refuses a token used with other filters", async () => {
      const token = await firstToken();
      await rejectsWithValidation(
        describeTasks({
          WindowExecutionId: BIG_ID,
          NextToken: token,
          Filters: [{ Key: "STATUS", Values: ["SUCCESS"] }],
        }),
        /it was issued for different Filters/,
      );
      const filtered = await firstToken({
        WindowExecutionId: BIG_ID,
        Filters: [{ Key: "STATUS", Values: ["SUCCESS"] }],
      });
      await rejectsWithValidation(
        describeTasks({ WindowExecutionId: BIG_ID, NextToken: filtered }),
        /different Filters/,
      );
    });

    it("accepts filters that select the same statuses, written differently", async () => {
      const token = await firstToken({
        WindowExecutionId: BIG_ID,
        Filters: [{ Key: "STATUS", Values: ["SUCCESS", "FAILED"] }],
      });
      const page = await describeTasks({
        WindowExecutionId: BIG_ID,
        NextToken: token,
        Filters: [
          { Key: "STATUS", Values: ["FAILED", "SUCCESS", "FAILED"] },
          { Key: "STATUS", Values: ["SUCCESS", "FAILED", "PENDING"] },
        ],
      });
      assert.equal(page.WindowExecutionTaskIdentities!.length, 7);
    });

    it("dies with the key: another instance refuses it, unless it shares the key", async () => {
      const token = await firstToken();
      await rejectsWithValidation(
        createReferenceService(store).DescribeMaintenanceWindowExecutionTasks(
          { WindowExecutionId: BIG_ID, NextToken: token },
          CONTEXT,
        ),
        /not issued by this server/,
      );
      const tokenKey = Buffer.alloc(32, 7);
      const shared = await createReferenceService(store, { tokenKey }).DescribeMaintenanceWindowExecutionTasks(
        { WindowExecutionId: BIG_ID },
        CONTEXT,
      );
      const next = await createReferenceService(store, { tokenKey }).DescribeMaintenanceWindowExecutionTasks(
        { WindowExecutionId: BIG_ID, NextToken: shared.NextToken },
        CONTEXT,
      );
      assert.equal(next.WindowExecutionTaskIdentities!.length, 10);
    });
  });

  describe("errors", () => {
    it("answers an unknown WindowExecutionId with a DoesNotExistException naming it", async () => {
      await assert.rejects(describeTasks({ WindowExecutionId: UNKNOWN_ID }), (error: unknown) => {
        assert.ok(error instanceof DoesNotExistException);
        assert.equal(error.message, `Maintenance window execution ${UNKNOWN_ID} does not exist`);
        assert.equal(error.Message, error.message);
        return true;
      });
    });

    it("refuses a missing WindowExecutionId from a direct caller", async () => {
      await rejectsWithValidation(describeTasks({}), /WindowExecutionId is required/);
    });
  });

  it("hands out read-only tasks, so callers cannot change the store", async () => {
    const page = await describeTasks({ WindowExecutionId: SMALL_ID });
    const [first] = page.WindowExecutionTaskIdentities!;
    assert.throws(() => first!.StartTime!.setTime(0), /Cannot call setTime on a read-only date/);
    assert.throws(() => first!.StartTime!.setUTCFullYear(1999), /read-only date/);
    assert.throws(() => {
      first!.Status = "CHANGED";
    }, TypeError);
    assert.ok(first!.StartTime instanceof Date);
    const again = await describeTasks({ WindowExecutionId: SMALL_ID });
    assert.equal(again.WindowExecutionTaskIdentities![0]!.StartTime!.getTime(), 1722883029274);
    assert.equal(again.WindowExecutionTaskIdentities![0]!.Status, "FAILED");
    assert.ok(Object.isFrozen(store.tasksOf(SMALL_ID)![0]));
  });
});
