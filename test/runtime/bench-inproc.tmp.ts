import { createJsonRpcHandler } from "../../runtime/src/index.js";
import { ssmDescription } from "./server-fixture.js";
const output = {
  WindowExecutionTaskIdentities: [
    { WindowExecutionId: "6f3215cf-4101-4fa0-9b7b-9523269599c7", StartTime: new Date(1_700_000_000_500) },
  ],
  NextToken: "next",
};
const handler = createJsonRpcHandler(ssmDescription, { DescribeMaintenanceWindowExecutionTasks: async () => output });
const req = {
  method: "POST",
  headers: {
    "content-type": "application/x-amz-json-1.1",
    "x-amz-target": "AmazonSSM.DescribeMaintenanceWindowExecutionTasks",
    host: "x",
    "content-length": "70",
    connection: "keep-alive",
  },
  body: Buffer.from('{"WindowExecutionId":"6f3215cf-4101-4fa0-9b7b-9523269599c7","MaxResults":10}'),
};
for (let round = 0; round < 10; round++) {
  const t = process.hrtime.bigint();
  for (let i = 0; i < 200000; i++) await handler(req);
  console.log(Number(process.hrtime.bigint() - t) / 200000, "ns/req");
}
