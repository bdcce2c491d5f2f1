/** The command line of `npm start` (reference-service/main.ts), parsed without side effects. */
import { parseArgs } from "node:util";
import { checkOrigin } from "@sjc/runtime/server";

const DEFAULT_HOST = "127.0.0.1";
const DEFAULT_PORT = 8080;
export const CREDENTIALS_ENV = "SSM_CREDENTIALS";

export const USAGE = `Usage: npm start -- [options]
       tsx reference-service/main.ts [options]

Serves DescribeMaintenanceWindowExecutionTasks of Amazon SSM (awsJson 1.1) from a data file.

Options:
  --host HOST         address to listen on (default ${DEFAULT_HOST})
  --port PORT         TCP port, 0 for any free one (default ${DEFAULT_PORT})
  --data FILE         JSON object: WindowExecutionId -> array of task executions
                      (default: the bundled reference-service/fixtures/window-executions.json)
  --credentials FILE  check SigV4 signatures against these access keys: lines of
                      ACCESS_KEY_ID:SECRET, or a JSON object {"ACCESS_KEY_ID": "SECRET"}
  --cors ORIGIN       let pages of ORIGIN (scheme://host[:port], or *) call the server:
                      answer preflight requests and send CORS headers (repeatable)
  -h, --help          print this help and exit

Environment:
  ${CREDENTIALS_ENV}=AKID:SECRET[,AKID:SECRET...]   access keys as for --credentials (the flag wins)

Without access keys, requests are not authenticated. Exit status: 0 after SIGINT or
SIGTERM (in-flight requests finish first), 1 for a bad data or credentials file or a
port in use, 2 for a bad command line.`;

export interface ServeOptions {
  readonly host: string;
  readonly port: number;
  /** Undefined for the bundled fixture. */
  readonly dataFile?: string;
  /** Where the access keys come from; undefined when SigV4 is not checked. */
  readonly credentials?: { readonly file: string } | { readonly spec: string };
  /** Origins allowed to call from browsers; absent when CORS is off. */
  readonly cors?: readonly string[];
}

export type CliCommand = { readonly command: "help" } | { readonly command: "serve"; readonly options: ServeOptions };

/** A command line the server cannot run; print it with {@link USAGE} and exit 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

export function parseCommandLine(
  args: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): CliCommand {
  const values = readFlags(args);
  if (values.help) return { command: "help" };
  const spec = env[CREDENTIALS_ENV];
  const credentials =
    values.credentials !== undefined
      ? { file: nonEmpty("--credentials", values.credentials) }
      : spec !== undefined && spec.trim() !== ""
        ? { spec }
        : undefined;
  return {
    command: "serve",
    options: {
      host: values.host === undefined ? DEFAULT_HOST : nonEmpty("--host", values.host),
      port: values.port === undefined ? DEFAULT_PORT : parsePort(values.port),
      ...(values.data !== undefined && { dataFile: nonEmpty("--data", values.data) }),
      ...(credentials && { credentials }),
      ...(values.cors !== undefined && { cors: values.cors.map(parseOrigin) }),
    },
  };
}

function readFlags(args: readonly string[]) {
  try {
    return parseArgs({
      args: [...args],
      strict: true,
      allowPositionals: false,
      options: {
        host: { type: "string" },
        port: { type: "string" },
        data: { type: "string" },
        credentials: { type: "string" },
        cors: { type: "string", multiple: true },
        help: { type: "boolean", short: "h" },
      },
    }).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

function parsePort(text: string): number {
  const port = /^\d{1,5}$/.test(text) ? Number(text) : Number.NaN;
  if (!(port <= 65535)) throw new UsageError(`--port must be an integer from 0 to 65535, got '${text}'`);
  return port;
}

function parseOrigin(text: string): string {
  try {
    return checkOrigin(text);
  } catch (error) {
    throw new UsageError(`--cors: ${(error as Error).message}`);
  }
}

function nonEmpty(flag: string, value: string): string {
  if (value.trim() === "") throw new UsageError(`${flag} must not be empty`);
  return value;
}
