// temporary benchmark server (deleted after measuring)
import { createServer } from "node:http";
import { createJsonRpcHandler, createNodeServer } from "../../runtime/src/index.js";
import { ssmDescription } from "./server-fixture.js";
const mode = process.argv[2];
const port = Number(process.argv[3]);
const output = {
  WindowExecutionTaskIdentities: [
    { WindowExecutionId: "6f3215cf-4101-4fa0-9b7b-9523269599c7", StartTime: new Date(1_700_000_000_500) },
  ],
  NextToken: "next",
};
if (mode === "bare") {
  const bytes = Buffer.from(
    JSON.stringify({
      WindowExecutionTaskIdentities: [
        { WindowExecutionId: "6f3215cf-4101-4fa0-9b7b-9523269599c7", StartTime: 1700000000.5 },
      ],
      NextToken: "next",
    }),
  );
  createServer((req, res) => {
    req.on("data", () => {});
    req.on("end", () => {
      res.writeHead(200, { "content-type": "application/x-amz-json-1.1", "content-length": bytes.length });
      res.end(bytes);
    });
  }).listen(port, "127.0.0.1");
} else {
  const handler = createJsonRpcHandler(ssmDescription, { DescribeMaintenanceWindowExecutionTasks: async () => output });
  createNodeServer(handler).listen(port, "127.0.0.1");
}
let served = 0;
const { createServer: _unused } = await import("node:http");
const start = process.cpuUsage();
process.on("SIGTERM", () => {
  const u = process.cpuUsage(start);
  console.log(`${mode}: cpu ${(u.user + u.system) / 1000} ms`);
  process.exit(0);
});
