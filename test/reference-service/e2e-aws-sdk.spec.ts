/** The real AWS SDK v3 (`@aws-sdk/client-ssm`) against the reference server, over loopback HTTP with SigV4. */
import assert from "node:assert/strict";
import {
  DescribeMaintenanceWindowExecutionTasksCommand,
  DoesNotExistException,
  SSMClient,
  SSMServiceException,
  paginateDescribeMaintenanceWindowExecutionTasks,
} from "@aws-sdk/client-ssm";
import {
  ACCESS_KEY_ID,
  BIG_ID,
  CREDENTIALS,
  SMALL_ID,
  UNKNOWN_ID,
  bundledStore,
  startServer,
  type RunningServer,
} from "../../harness/reference-fixtures.js";

describe("server: end to end with @aws-sdk/client-ssm (SigV4)", () => {
  const store = bundledStore();
  let server: RunningServer;
  let client: SSMClient;

  before(async () => {
    server = await startServer();
    client = new SSMClient({ endpoint: server.url, region: "us-east-1", credentials: CREDENTIALS, maxAttempts: 1 });
  });
  after(async () => {
    client.destroy();
    await server.close();
  });
  afterEach(() => assert.deepEqual(server.logged.splice(0), [], "the server logged an unexpected failure"));

  it("lists tasks with DescribeMaintenanceWindowExecutionTasksCommand, timestamps as Dates", async () => {
    const page = await client.send(new DescribeMaintenanceWindowExecutionTasksCommand({ WindowExecutionId: SMALL_ID }));
    assert.equal(page.$metadata.httpStatusCode, 200);
    assert.deepEqual(page.WindowExecutionTaskIdentities, store.tasksOf(SMALL_ID));
    assert.equal(page.NextToken, undefined);
  });

  it("filters: values OR'ed, filters AND'ed", async () => {
    const page = await client.send(
      new DescribeMaintenanceWindowExecutionTasksCommand({
        WindowExecutionId: BIG_ID,
        MaxResults: 100,
        Filters: [
          { Key: "STATUS", Values: ["SUCCESS", "FAILED", "CANCELLED"] },
          { Key: "STATUS", Values: ["FAILED", "CANCELLED", "SKIPPED_OVERLAPPING"] },
        ],
      }),
    );
    const statuses = page.WindowExecutionTaskIdentities!.map((task) => task.Status).sort();
    assert.deepEqual(statuses, ["CANCELLED", "CANCELLED", "FAILED", "FAILED", "FAILED", "FAILED"]);
  });

  it("pages through all 28 tasks with paginateDescribeMaintenanceWindowExecutionTasks", async () => {
    const sizes: number[] = [];
    const tasks = [];
    for await (const page of paginateDescribeMaintenanceWindowExecutionTasks(
      { client, pageSize: 10 },
      { WindowExecutionId: BIG_ID },
    )) {
      sizes.push(page.WindowExecutionTaskIdentities!.length);
      tasks.push(...page.WindowExecutionTaskIdentities!);
    }
    assert.deepEqual(sizes, [10, 10, 8]);
    assert.deepEqual(tasks, store.tasksOf(BIG_ID));
  });

  it("raises the SDK's own DoesNotExistException for an unknown id", async () => {
    await assert.rejects(
      client.send(new DescribeMaintenanceWindowExecutionTasksCommand({ WindowExecutionId: UNKNOWN_ID })),
      (error: unknown) => {
        assert.ok(error instanceof DoesNotExistException, String(error));
        assert.equal(error.message, `Maintenance window execution ${UNKNOWN_ID} does not exist`);
        assert.equal(error.$metadata.httpStatusCode, 400);
        return true;
      },
    );
  });

  async function rejects(promise: Promise<unknown>, name: string, message: RegExp) {
    await assert.rejects(promise, (error: unknown) => {
      assert.ok(error instanceof SSMServiceException, String(error));
      assert.equal(error.name, name, error.message);
      assert.equal(error.$metadata.httpStatusCode, 400);
      assert.match(error.message, message);
      return true;
    });
  }

  it("raises ValidationException for a bad filter or a forged NextToken", async function () {
    await rejects(
      client.send(
        new DescribeMaintenanceWindowExecutionTasksCommand({
          WindowExecutionId: BIG_ID,
          Filters: [{ Key: "STATUS", Values: ["UNKNOWN"] }],
        }),
      ),
      "ValidationException",
      /Filter STATUS value 'UNKNOWN' is not supported/,
    );
    await rejects(
      client.send(
        new DescribeMaintenanceWindowExecutionTasksCommand({ WindowExecutionId: BIG_ID, NextToken: "forged" }),
      ),
      "ValidationException",
      /^The NextToken is invalid/,
    );
  });

  it("is refused with the wrong secret", async () => {
    const wrong = new SSMClient({
      endpoint: server.url,
      region: "us-east-1",
      credentials: { accessKeyId: ACCESS_KEY_ID, secretAccessKey: "wrong" },
      maxAttempts: 1,
    });
    try {
      await rejects(
        wrong.send(new DescribeMaintenanceWindowExecutionTasksCommand({ WindowExecutionId: BIG_ID })),
        "InvalidSignatureException",
        /signature we calculated does not match/,
      );
    } finally {
      wrong.destroy();
    }
  });
});
