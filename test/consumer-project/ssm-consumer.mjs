// Calls the repository's `npm start` server (its URL in SJC_SSM_ENDPOINT) with the packed @sjc/ssm.
import assert from "node:assert/strict";
import { DescribeMaintenanceWindowExecutionTasksCommand, DoesNotExistException, SSMClient } from "@sjc/ssm";

const client = new SSMClient({
  region: "us-east-1",
  endpoint: process.env.SJC_SSM_ENDPOINT,
  credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" },
});
const page = await client.send(
  new DescribeMaintenanceWindowExecutionTasksCommand({ WindowExecutionId: "25b3420a-6338-4e24-8039-225f0c75b728" }),
);
assert.ok(
  (page.WindowExecutionTaskIdentities?.length ?? 0) > 0,
  "the bundled data has tasks for this window execution",
);
await assert.rejects(
  client.send(
    new DescribeMaintenanceWindowExecutionTasksCommand({ WindowExecutionId: "00000000-0000-4000-8000-000000000000" }),
  ),
  DoesNotExistException,
);
console.log(`ssm-consumer.mjs: ${page.WindowExecutionTaskIdentities.length} tasks, then DoesNotExistException`);
