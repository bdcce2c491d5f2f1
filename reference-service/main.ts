/**
 * `npm start`: serves the reference SSM implementation over HTTP. Parses the
 * command line, loads the data file and access keys, listens, prints how to
 * call it, and stops gracefully on SIGINT or SIGTERM.
 */
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { closeGracefully } from "@sjc/runtime/server";
import { createSSMServer } from "@sjc/ssm/server";
import { AccessKeysError, readAccessKeys } from "./access-keys.js";
import { USAGE, UsageError, parseCommandLine, type ServeOptions } from "./cli-options.js";
import { DataFileError, loadDataFile } from "./data-file.js";
import { createReferenceService } from "./reference-service.js";
import type { TaskStore } from "./task-store.js";

const BUNDLED_DATA_FILE = fileURLToPath(new URL("./fixtures/window-executions.json", import.meta.url));

function main(): void {
  let options: ServeOptions;
  try {
    const command = parseCommandLine(process.argv.slice(2), process.env);
    if (command.command === "help") {
      console.log(USAGE);
      return;
    }
    options = command.options;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`error: ${error.message}\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }

  let store: TaskStore;
  let credentials: Record<string, string> | undefined;
  try {
    store = loadDataFile(options.dataFile ?? BUNDLED_DATA_FILE);
    credentials = readAccessKeys(options.credentials);
  } catch (error) {
    if (!(error instanceof DataFileError) && !(error instanceof AccessKeysError)) throw error;
    console.error(error.message);
    process.exitCode = 1;
    return;
  }

  serve(options, store, credentials);
}

/** Listens, prints the ready message, and stops gracefully on SIGINT or SIGTERM (a second one stops at once). */
function serve(options: ServeOptions, store: TaskStore, credentials: Record<string, string> | undefined): void {
  const server = createSSMServer(createReferenceService(store), {
    ...(credentials && { credentials }),
    ...(options.cors && { cors: options.cors }),
  });
  server.on("error", (error: NodeJS.ErrnoException) => {
    console.error(`cannot listen on ${options.host}:${options.port}: ${error.message}`);
    process.exitCode = 1;
  });
  server.listen(options.port, options.host, () => {
    const { port } = server.address() as AddressInfo;
    console.log(readyMessage(urlOf(options.host, port), store, credentials, options.cors));
  });

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      console.error(`${signal} again: exiting without waiting for in-flight requests`);
      process.exit(1);
    }
    stopping = true;
    console.log(`${signal}: stopping after in-flight requests complete`);
    void closeGracefully(server).then(() => console.log("stopped"));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

function urlOf(host: string, port: number): string {
  return `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
}

function readyMessage(
  url: string,
  store: TaskStore,
  credentials: Record<string, string> | undefined,
  cors: readonly string[] | undefined,
): string {
  const executions = store.windowExecutionIds.length;
  const tasks = store.windowExecutionIds.reduce((sum, id) => sum + store.tasksOf(id)!.length, 0);
  const accessKeyId = credentials && Object.keys(credentials)[0];
  const env = accessKeyId
    ? `AWS_ACCESS_KEY_ID=${accessKeyId} AWS_SECRET_ACCESS_KEY='<its secret>'`
    : "AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test";
  const id = store.windowExecutionIds[0] ?? "<window-execution-id>";
  return [
    `SSM reference server listening on ${url}`,
    `  ${executions} window executions, ${tasks} task executions`,
    credentials
      ? `  SigV4 signatures checked (${Object.keys(credentials).length} access keys)`
      : "  SigV4 signatures not checked: any (dummy) credentials work",
    ...(cors ? [`  CORS: pages of ${cors.join(", ")} may call it`] : []),
    "Try:",
    `  ${env} aws ssm describe-maintenance-window-execution-tasks --endpoint-url ${url} --region us-east-1 --window-execution-id ${id}`,
    "Stop with Ctrl-C.",
  ].join("\n");
}

main();
