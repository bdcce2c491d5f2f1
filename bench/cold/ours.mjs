// A cold start of the generated client: a fresh node process imports @sjc/ssm and completes one
// call against a stub request handler (no network). Timed from outside by bench/client.ts.
import { DescribeMaintenanceWindowExecutionTasksCommand, SSMClient } from "@sjc/ssm";
import { CALL, INPUT, checkOutput, stubHandler } from "./call.mjs";

const client = new SSMClient({ ...CALL, requestHandler: stubHandler() });
checkOutput(await client.send(new DescribeMaintenanceWindowExecutionTasksCommand(INPUT)));
