/** The generated client `@sjc/ssm` against the reference server, over loopback HTTP with SigV4. */
import assert from "node:assert/strict";
import { Hash } from "@smithy/hash-node";
import { HttpRequest } from "@smithy/protocol-http";
import { SignatureV4 } from "@smithy/signature-v4";
import {
  DescribeMaintenanceWindowExecutionTasksCommand,
  type DescribeMaintenanceWindowExecutionTasksCommandInput,
  DoesNotExistException,
  MaintenanceWindowExecutionStatus,
  type MaintenanceWindowExecutionTaskIdentity,
  SSM,
  SSMClient,
  SSMServiceException,
  paginateDescribeMaintenanceWindowExecutionTasks,
} from "@sjc/ssm";
import {
  ACCESS_KEY_ID,
  BIG_ID,
  CREDENTIALS,
  EMPTY_ID,
  SECRET_ACCESS_KEY,
  SMALL_ID,
  STATUS_COUNTS,
  UNKNOWN_ID,
  bundledStore,
  startServer,
  taskIds,
  type RunningServer,
} from "../../harness/reference-fixtures.js";

const TARGET = "AmazonSSM.DescribeMaintenanceWindowExecutionTasks";
const CONTENT_TYPE = "application/x-amz-json-1.1";

describe("server: end to end with the generated client (@sjc/ssm, SigV4)", () => {
  const store = bundledStore();
  let server: RunningServer;
  let client: SSMClient;

  before(async () => {
    server = await startServer();
    client = new SSMClient({ endpoint: server.url, region: "us-east-1", credentials: CREDENTIALS, maxAttempts: 1 });
  });
  after(() => server.close());
  afterEach(() => assert.deepEqual(server.logged.splice(0), [], "the server logged an unexpected failure"));

  const send = (input: DescribeMaintenanceWindowExecutionTasksCommandInput) =>
    client.send(new DescribeMaintenanceWindowExecutionTasksCommand(input));

  async function paginate(input: DescribeMaintenanceWindowExecutionTasksCommandInput, pageSize?: number) {
    const pages: MaintenanceWindowExecutionTaskIdentity[][] = [];
    const tokens: (string | undefined)[] = [];
    for await (const page of paginateDescribeMaintenanceWindowExecutionTasks({ client, pageSize }, input)) {
      pages.push(page.WindowExecutionTaskIdentities ?? []);
      tokens.push(page.NextToken);
    }
    return { pages, tokens, items: pages.flat() };
  }

  async function rejects(promise: Promise<unknown>, name: string, message: RegExp, status = 400) {
    await assert.rejects(promise, (error: unknown) => {
      assert.ok(error instanceof SSMServiceException, String(error));
      assert.equal(error.name, name, error.message);
      assert.equal(error.$fault, status >= 500 ? "server" : "client");
      assert.equal(error.$metadata.httpStatusCode, status);
      assert.match(error.message, message);
      return true;
    });
  }

  describe("listing", () => {
    it("returns the first page with typed timestamps and a NextToken", async () => {
      const page = await send({ WindowExecutionId: BIG_ID });
      assert.equal(page.$metadata.httpStatusCode, 200);
      assert.deepEqual(taskIds(page.WindowExecutionTaskIdentities), taskIds(store.tasksOf(BIG_ID)!.slice(0, 10)));
      assert.deepEqual(page.WindowExecutionTaskIdentities, store.tasksOf(BIG_ID)!.slice(0, 10));
      assert.ok(page.WindowExecutionTaskIdentities![0]!.StartTime instanceof Date);
      assert.ok(page.NextToken);
    });

    it("returns a whole small execution, alarms and all, without a NextToken", async () => {
      const page = await new SSM({
        endpoint: server.url,
        region: "us-east-1",
        credentials: CREDENTIALS,
      }).describeMaintenanceWindowExecutionTasks({ WindowExecutionId: SMALL_ID });
      assert.deepEqual(page.WindowExecutionTaskIdentities, store.tasksOf(SMALL_ID));
      assert.equal(page.NextToken, undefined);
    });

    it("returns an empty list for an execution without tasks", async () => {
      const page = await send({ WindowExecutionId: EMPTY_ID });
      assert.deepEqual(page.WindowExecutionTaskIdentities, []);
      assert.equal(page.NextToken, undefined);
    });
  });

  describe("filters", () => {
    for (const status of Object.values(MaintenanceWindowExecutionStatus)) {
      it(`STATUS=${status}`, async () => {
        const { items } = await paginate({ WindowExecutionId: BIG_ID, Filters: [{ Key: "STATUS", Values: [status] }] });
        assert.equal(items.length, STATUS_COUNTS[status]);
        assert.ok(items.every((task) => task.Status === status));
      });
    }

    it("ORs values and ANDs filters", async () => {
      const or = await paginate({
        WindowExecutionId: BIG_ID,
        Filters: [{ Key: "STATUS", Values: ["SUCCESS", "FAILED"] }],
      });
      assert.equal(or.items.length, 17);
      const and = await paginate({
        WindowExecutionId: BIG_ID,
        Filters: [
          { Key: "STATUS", Values: ["SUCCESS", "FAILED", "TIMED_OUT"] },
          { Key: "STATUS", Values: ["FAILED", "TIMED_OUT", "PENDING"] },
        ],
      });
      assert.deepEqual(and.items.map((task) => task.Status).sort(), [
        "FAILED",
        "FAILED",
        "FAILED",
        "FAILED",
        "TIMED_OUT",
        "TIMED_OUT",
      ]);
      const none = await send({
        WindowExecutionId: BIG_ID,
        Filters: [
          { Key: "STATUS", Values: ["SUCCESS"] },
          { Key: "STATUS", Values: ["PENDING"] },
        ],
      });
      assert.deepEqual(none.WindowExecutionTaskIdentities, []);
    });
  });

  describe("pagination", () => {
    it("pages through all 28 tasks 10 at a time with the paginator", async () => {
      const { pages, tokens, items } = await paginate({ WindowExecutionId: BIG_ID }, 10);
      assert.deepEqual(
        pages.map((page) => page.length),
        [10, 10, 8],
      );
      assert.equal(tokens.at(-1), undefined);
      assert.deepEqual(items, store.tasksOf(BIG_ID));
    });

    it("uses the default page size of 10 without pageSize, and MaxResults from the input", async () => {
      assert.deepEqual(
        (await paginate({ WindowExecutionId: BIG_ID })).pages.map((page) => page.length),
        [10, 10, 8],
      );
      assert.deepEqual(
        (await paginate({ WindowExecutionId: BIG_ID, MaxResults: 20 })).pages.map((page) => page.length),
        [20, 8],
      );
    });

    it("pages through filtered tasks", async () => {
      const { pages, items } = await paginate(
        { WindowExecutionId: BIG_ID, Filters: [{ Key: "STATUS", Values: ["SUCCESS"] }] },
        10,
      );
      assert.deepEqual(
        pages.map((page) => page.length),
        [10, 3],
      );
      assert.deepEqual(
        items,
        store.tasksOf(BIG_ID)!.filter((task) => task.Status === "SUCCESS"),
      );
    });
  });

  describe("errors", () => {
    it("raises DoesNotExistException for an unknown WindowExecutionId", async () => {
      await assert.rejects(send({ WindowExecutionId: UNKNOWN_ID }), (error: unknown) => {
        assert.ok(error instanceof DoesNotExistException, String(error));
        assert.equal(error.message, `Maintenance window execution ${UNKNOWN_ID} does not exist`);
        assert.equal(error.Message, error.message);
        assert.equal(error.$metadata.httpStatusCode, 400);
        return true;
      });
    });

    it("raises ValidationException for a malformed WindowExecutionId or MaxResults (model constraints)", async () => {
      await rejects(
        send({ WindowExecutionId: "not-a-uuid" }),
        "ValidationException",
        /at 'windowExecutionId' failed to satisfy constraint/,
      );
      await rejects(
        send({ WindowExecutionId: BIG_ID, MaxResults: 5 }),
        "ValidationException",
        /at 'maxResults' failed to satisfy constraint/,
      );
      await rejects(
        send({} as DescribeMaintenanceWindowExecutionTasksCommandInput),
        "ValidationException",
        /Member must not be null/,
      );
    });

    it("raises ValidationException for an unsupported filter key or value", async function () {
      await rejects(
        send({ WindowExecutionId: BIG_ID, Filters: [{ Key: "TASK_TYPE", Values: ["LAMBDA"] }] }),
        "ValidationException",
        /^Filter key 'TASK_TYPE' is not supported; the only supported filter key is STATUS$/,
      );
      await rejects(
        send({ WindowExecutionId: BIG_ID, Filters: [{ Key: "STATUS", Values: ["DONE"] }] }),
        "ValidationException",
        /^Filter STATUS value 'DONE' is not supported; supported values are PENDING, /,
      );
    });

    it("raises ValidationException for a forged, garbled or mismatched NextToken", async function () {
      const token = (await send({ WindowExecutionId: BIG_ID })).NextToken!;
      await rejects(
        send({ WindowExecutionId: BIG_ID, NextToken: "forged" }),
        "ValidationException",
        /^The NextToken is invalid/,
      );
      await rejects(
        send({ WindowExecutionId: BIG_ID, NextToken: `x${token}` }),
        "ValidationException",
        /^The NextToken is invalid/,
      );
      await rejects(
        send({ WindowExecutionId: SMALL_ID, NextToken: token }),
        "ValidationException",
        /another WindowExecutionId/,
      );
      await rejects(
        send({ WindowExecutionId: BIG_ID, NextToken: token, Filters: [{ Key: "STATUS", Values: ["FAILED"] }] }),
        "ValidationException",
        /different Filters/,
      );
    });

    it("refuses a client with the wrong secret, or an unknown access key", async () => {
      const wrong = new SSMClient({
        endpoint: server.url,
        region: "us-east-1",
        credentials: { accessKeyId: ACCESS_KEY_ID, secretAccessKey: "wrong" },
        maxAttempts: 1,
      });
      await rejects(
        wrong.send(new DescribeMaintenanceWindowExecutionTasksCommand({ WindowExecutionId: BIG_ID })),
        "InvalidSignatureException",
        /signature we calculated does not match/,
      );
      const stranger = new SSMClient({
        endpoint: server.url,
        region: "us-east-1",
        credentials: { accessKeyId: "AKIDSTRANGER", secretAccessKey: SECRET_ACCESS_KEY },
        maxAttempts: 1,
      });
      await rejects(
        stranger.send(new DescribeMaintenanceWindowExecutionTasksCommand({ WindowExecutionId: BIG_ID })),
        "UnrecognizedClientException",
        /security token included in the request is invalid/,
      );
    });

    describe("raw requests", () => {
      /** POSTs `body` as the SSM operation, signed with the server's keys unless `signed` is false. */
      async function post(body: string, signed = true): Promise<{ status: number; json: Record<string, unknown> }> {
        const url = new URL(server.url);
        let request = new HttpRequest({
          method: "POST",
          protocol: "http:",
          hostname: url.hostname,
          port: Number(url.port),
          path: "/",
          headers: { host: url.host, "content-type": CONTENT_TYPE, "x-amz-target": TARGET },
          body,
        });
        if (signed) {
          const signer = new SignatureV4({
            credentials: CREDENTIALS,
            region: "us-east-1",
            service: "ssm",
            sha256: Hash.bind(null, "sha256"),
          });
          request = (await signer.sign(request)) as HttpRequest;
        }
        const { host: _host, ...headers } = request.headers;
        const response = await fetch(server.url, { method: "POST", headers, body });
        return { status: response.status, json: (await response.json()) as Record<string, unknown> };
      }

      it("answers SerializationException to a body that is not JSON, or of the wrong JSON types", async () => {
        const notJson = await post("{ WindowExecutionId: ");
        assert.equal(notJson.status, 400);
        assert.equal(notJson.json.__type, "SerializationException");
        const wrongType = await post(JSON.stringify({ WindowExecutionId: BIG_ID, MaxResults: "ten" }));
        assert.equal(wrongType.status, 400);
        assert.equal(wrongType.json.__type, "SerializationException");
        assert.match(String(wrongType.json.message), /MaxResults/);
      });

      it("answers a signed raw request like the client's", async () => {
        const ok = await post(JSON.stringify({ WindowExecutionId: SMALL_ID }));
        assert.equal(ok.status, 200);
        assert.equal((ok.json.WindowExecutionTaskIdentities as unknown[]).length, 4);
        const missing = await post(JSON.stringify({ WindowExecutionId: UNKNOWN_ID }));
        assert.equal(missing.status, 400);
        assert.equal(missing.json.__type, "DoesNotExistException");
        assert.match(String(missing.json.Message), new RegExp(UNKNOWN_ID));
      });

      it("answers an implementation's ValidationException as a 400 with that __type", async function () {
        const filter = await post(
          JSON.stringify({ WindowExecutionId: BIG_ID, Filters: [{ Key: "X", Values: ["Y"] }] }),
        );
        assert.equal(filter.status, 400);
        assert.deepEqual(filter.json, {
          __type: "ValidationException",
          message: "Filter key 'X' is not supported; the only supported filter key is STATUS",
        });
      });

      it("answers MissingAuthenticationTokenException to an unsigned request", async () => {
        const unsigned = await post(JSON.stringify({ WindowExecutionId: SMALL_ID }), false);
        assert.equal(unsigned.status, 400);
        assert.equal(unsigned.json.__type, "MissingAuthenticationTokenException");
      });
    });
  });
});
