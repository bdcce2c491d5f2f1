/**
 * A hand-written service description for the client tests, shaped like what the
 * generator emits (commands, error classes, validators), plus a stub request
 * handler and a scripted loopback HTTP server.
 */
import { once } from "node:events";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { HttpRequest } from "@smithy/protocol-http";
import type { HttpResponse, MetadataBearer, ResponseMetadata } from "@smithy/types";
import { StandardRetryStrategy } from "@smithy/util-retry";
import { Ajv } from "ajv";
import {
  Command,
  JsonRpcClient,
  ServiceException,
  createPaginator,
  fromCompiled,
  type ExceptionOptionType,
  type JsonRpcClientConfig,
  type ServiceDescription,
  type ServiceExceptionOptions,
  type ServiceSchema,
} from "../../runtime/src/index.js";

// ---------------------------------------------------------------- Widgets service (awsJson1_1, SigV4)

const NS = "com.example.widgets";

export const widgetsSchema: ServiceSchema = {
  id: `${NS}#Widgets`,
  name: "WidgetService",
  version: "2024-01-01",
  protocol: "awsJson1_1",
  signingName: "widgets",
  endpointPrefix: "widgets",
  shapes: {
    "smithy.api#String": { type: "string" },
    "smithy.api#Integer": { type: "integer" },
    "smithy.api#Timestamp": { type: "timestamp" },
    [`${NS}#Color`]: { type: "enum" },
    [`${NS}#Tags`]: { type: "map", value: { target: "smithy.api#String" } },
    [`${NS}#WidgetList`]: { type: "list", member: { target: `${NS}#Widget` } },
    [`${NS}#Widget`]: {
      type: "structure",
      members: {
        Name: { target: "smithy.api#String" },
        Color: { target: `${NS}#Color` },
        CreatedAt: { target: "smithy.api#Timestamp" },
        UpdatedAt: { target: "smithy.api#Timestamp", timestampFormat: "date-time" },
        Tags: { target: `${NS}#Tags` },
      },
    },
    [`${NS}#GetWidgetInput`]: {
      type: "structure",
      members: { Name: { target: "smithy.api#String" }, ChangedSince: { target: "smithy.api#Timestamp" } },
    },
    [`${NS}#GetWidgetOutput`]: { type: "structure", members: { Widget: { target: `${NS}#Widget` } } },
    [`${NS}#ListWidgetsInput`]: {
      type: "structure",
      members: { NextToken: { target: "smithy.api#String" }, MaxResults: { target: "smithy.api#Integer" } },
    },
    [`${NS}#ListWidgetsOutput`]: {
      type: "structure",
      members: { Widgets: { target: `${NS}#WidgetList` }, NextToken: { target: "smithy.api#String" } },
    },
    [`${NS}#PutWidgetInput`]: {
      type: "structure",
      members: { Shard: { target: "smithy.api#String" }, Widget: { target: `${NS}#Widget` } },
    },
    [`${NS}#WidgetNotFound`]: {
      type: "structure",
      error: "client",
      members: { message: { target: "smithy.api#String" }, Name: { target: "smithy.api#String" } },
    },
    [`${NS}#ThrottlingException`]: {
      type: "structure",
      error: "client",
      members: { Message: { target: "smithy.api#String" } },
    },
  },
  operations: {
    GetWidget: {
      name: "GetWidget",
      input: `${NS}#GetWidgetInput`,
      output: `${NS}#GetWidgetOutput`,
      errors: [`${NS}#ThrottlingException`, `${NS}#WidgetNotFound`],
    },
    ListWidgets: {
      name: "ListWidgets",
      input: `${NS}#ListWidgetsInput`,
      output: `${NS}#ListWidgetsOutput`,
      errors: [`${NS}#ThrottlingException`],
    },
    PutWidget: {
      name: "PutWidget",
      input: `${NS}#PutWidgetInput`,
      errors: [],
      hostPrefix: "data-{Shard}.",
    },
    Ping: { name: "Ping", errors: [] },
  },
};

// ---------------------------------------------------------------- what the generated package would emit

export type Color = "RED" | "GREEN" | (string & {});

export interface Widget {
  Name?: string;
  Color?: Color;
  CreatedAt?: Date;
  UpdatedAt?: Date;
  Tags?: Record<string, string>;
}

export interface GetWidgetInput {
  Name: string | undefined;
  ChangedSince?: Date;
}
export interface GetWidgetOutput {
  Widget?: Widget;
}
export interface ListWidgetsInput {
  NextToken?: string;
  MaxResults?: number;
}
export interface ListWidgetsOutput {
  Widgets?: Widget[];
  NextToken?: string;
}
export interface PutWidgetInput {
  Shard: string | undefined;
  Widget?: Widget;
}

export class WidgetsServiceException extends ServiceException {
  constructor(options: ServiceExceptionOptions) {
    super(options);
  }
}

export class WidgetNotFound extends WidgetsServiceException {
  readonly Name?: string;
  constructor(options: ExceptionOptionType<WidgetNotFound>) {
    super({ name: "WidgetNotFound", $fault: "client", ...options });
    this.Name = options.Name;
  }
}

export class ThrottlingException extends WidgetsServiceException {
  readonly Message?: string;
  constructor(options: ExceptionOptionType<ThrottlingException>) {
    super({ name: "ThrottlingException", $fault: "client", ...options });
    this.Message = options.Message;
  }
}

const ajv = new Ajv({ allErrors: true, verbose: true });
const anything = fromCompiled(ajv.compile({}));

export const widgetsDescription: ServiceDescription = {
  schema: widgetsSchema,
  errors: { [`${NS}#WidgetNotFound`]: WidgetNotFound, [`${NS}#ThrottlingException`]: ThrottlingException },
  baseException: WidgetsServiceException,
  validators: {
    GetWidget: {
      input: fromCompiled(
        ajv.compile({
          type: "object",
          required: ["Name"],
          properties: { Name: { type: "string", minLength: 1, maxLength: 8 } },
        }),
      ),
      output: anything,
    },
  },
};

export class GetWidgetCommand extends Command<GetWidgetInput, GetWidgetOutput & MetadataBearer> {
  constructor(input: GetWidgetInput) {
    super("GetWidget", input);
  }
}
export class ListWidgetsCommand extends Command<ListWidgetsInput, ListWidgetsOutput & MetadataBearer> {
  constructor(input: ListWidgetsInput) {
    super("ListWidgets", input);
  }
}
export class PutWidgetCommand extends Command<PutWidgetInput, MetadataBearer> {
  constructor(input: PutWidgetInput) {
    super("PutWidget", input);
  }
}
export class PingCommand extends Command<object, MetadataBearer> {
  constructor(input: object = {}) {
    super("Ping", input);
  }
}

export class WidgetsClient extends JsonRpcClient {
  constructor(config: JsonRpcClientConfig = {}) {
    super(widgetsDescription, config);
  }
}

export const paginateListWidgets = createPaginator<WidgetsClient, ListWidgetsInput, ListWidgetsOutput & MetadataBearer>(
  ListWidgetsCommand,
  "NextToken",
  "NextToken",
  "MaxResults",
);

// ---------------------------------------------------------------- test plumbing

export const CREDENTIALS = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" };

/** A retry strategy that waits `delayMs` between attempts instead of the standard jittered backoff. */
export function fastRetries(maxAttempts: number, delayMs = 1): StandardRetryStrategy {
  return new StandardRetryStrategy({
    maxAttempts,
    backoff: { computeNextBackoffDelay: () => delayMs, setDelayBase: () => {} },
  });
}

export interface StubReply {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/** A request handler that records each request and answers with the next reply (the last one repeats). */
export function stubHandler(...replies: StubReply[]) {
  const requests: HttpRequest[] = [];
  return {
    requests,
    async handle(request: HttpRequest): Promise<{ response: HttpResponse }> {
      requests.push(request);
      const reply = replies[Math.min(requests.length, replies.length) - 1] ?? {};
      return { response: { statusCode: reply.status ?? 200, headers: reply.headers ?? {}, body: reply.body } };
    },
  };
}

export function bodyText(request: HttpRequest): string {
  return new TextDecoder().decode(request.body as Uint8Array);
}

export interface SeenRequest {
  readonly headers: IncomingMessage["headers"];
  readonly url: string | undefined;
  readonly body: string;
  /** The client's port: the same for requests on one kept-alive connection. */
  readonly remotePort: number | undefined;
}

export type Step = (response: ServerResponse, request: IncomingMessage) => void;

/**
 * A loopback HTTP server on a random port that answers the n-th request with
 * `steps[n]` (the last one repeats), after reading the request body.
 */
export async function scriptedServer(...steps: Step[]) {
  const seen: SeenRequest[] = [];
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString("utf8");
    seen.push({ headers: request.headers, url: request.url, body, remotePort: request.socket.remotePort });
    steps[Math.min(seen.length, steps.length) - 1]!(response, request);
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    seen,
    async close(): Promise<void> {
      server.closeAllConnections();
      server.close();
      await once(server, "close");
    },
  };
}

/** A step answering `status` with a JSON body and extra headers. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Step {
  return (response) => {
    response.writeHead(status, { "content-type": "application/x-amz-json-1.1", ...headers });
    response.end(JSON.stringify(body));
  };
}

/** What a failed call rejects with, loosely: any error, with the metadata the client records on it. */
export type Rejection = Error & { $metadata: ResponseMetadata } & Record<string, unknown>;

/** Awaits a promise that must reject, and returns its reason. */
export async function rejection(promise: Promise<unknown>): Promise<Rejection> {
  try {
    await promise;
  } catch (error) {
    return error as Rejection;
  }
  throw new Error("Expected the promise to reject, but it resolved");
}
