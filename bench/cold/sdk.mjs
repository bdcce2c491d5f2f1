// A cold start of @aws-sdk/client-ssm: a fresh node process imports it and completes one call
// against a stub request handler (no network). Timed from outside by bench/client.ts.
import { DescribeMaintenanceWindowExecutionTasksCommand, SSMClient } from "@aws-sdk/client-ssm";
import { CALL, INPUT, checkOutput, stubHandler } from "./call.mjs";

const client = new SSMClient({ ...CALL, requestHandler: stubHandler() });
checkOutput(await client.send(new DescribeMaintenanceWindowExecutionTasksCommand(INPUT)));
