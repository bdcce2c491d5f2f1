/**
 * Hand-written service descriptions for the server tests, shaped like what the
 * generator emits, with validators compiled by ajv at test time.
 */
import { Ajv, type SchemaObject } from "ajv";
import {
  ServiceException,
  fromCompiled,
  type ExceptionOptionType,
  type ServiceDescription,
  type ServiceSchema,
} from "../../runtime/src/index.js";
import {
  bodyText,
  type JsonRpcHandler,
  type JsonRpcRequest,
  type RequestContext,
} from "../../runtime/src/server/index.js";

const ajv = new Ajv({ allErrors: true, verbose: true });

function validator(schema: SchemaObject) {
  return fromCompiled(ajv.compile(schema));
}

const ANYTHING = validator({});

// ---------------------------------------------------------------- Things service (awsJson1_0)

export const thingsSchema: ServiceSchema = {
  id: "example.things#Things",
  name: "Things",
  version: "2024-01-01",
  protocol: "awsJson1_0",
  signingName: "things",
  shapes: {
    "smithy.api#String": { type: "string" },
    "smithy.api#Integer": { type: "integer" },
    "smithy.api#Blob": { type: "blob" },
    "smithy.api#Document": { type: "document" },
    "smithy.api#Timestamp": { type: "timestamp" },
    "example.things#TagList": { type: "list", member: { target: "smithy.api#String" } },
    "example.things#Attributes": { type: "map", value: { target: "smithy.api#String" } },
    "example.things#PutThingInput": {
      type: "structure",
      members: {
        ThingId: { target: "smithy.api#String" },
        Count: { target: "smithy.api#Integer" },
        Tags: { target: "example.things#TagList" },
        Attributes: { target: "example.things#Attributes" },
        Data: { target: "smithy.api#Blob" },
        Extra: { target: "smithy.api#Document" },
      },
    },
    "example.things#PutThingOutput": {
      type: "structure",
      members: {
        ThingId: { target: "smithy.api#String" },
        CreatedAt: { target: "smithy.api#Timestamp" },
        Tags: { target: "example.things#TagList" },
        Attributes: { target: "example.things#Attributes" },
      },
    },
    "example.things#GetClockOutput": { type: "structure", members: { Now: { target: "smithy.api#Timestamp" } } },
    "example.things#ThingConflictException": {
      type: "structure",
      error: "client",
      httpError: 409,
      members: { message: { target: "smithy.api#String" }, ThingId: { target: "smithy.api#String" } },
    },
    "example.things#ThingStoreFailure": {
      type: "structure",
      error: "server",
      members: { Message: { target: "smithy.api#String" } },
    },
    "example.things#InternalServiceError": {
      type: "structure",
      error: "server",
      members: { Message: { target: "smithy.api#String" } },
    },
    "example.things#NotForThisOperation": {
      type: "structure",
      error: "client",
      members: { message: { target: "smithy.api#String" } },
    },
  },
  operations: {
    PutThing: {
      name: "PutThing",
      input: "example.things#PutThingInput",
      output: "example.things#PutThingOutput",
      errors: [
        "example.things#InternalServiceError",
        "example.things#ThingConflictException",
        "example.things#ThingStoreFailure",
      ],
    },
    GetClock: {
      name: "GetClock",
      output: "example.things#GetClockOutput",
      errors: ["example.things#InternalServiceError"],
    },
    Unimplemented: { name: "Unimplemented", errors: [] },
  },
};

export class ThingsServiceException extends ServiceException {}

export class ThingConflictException extends ThingsServiceException {
  readonly ThingId?: string;
  constructor(options: ExceptionOptionType<ThingConflictException>) {
    super({ name: "ThingConflictException", $fault: "client", message: options.message });
    this.ThingId = options.ThingId;
  }
}

export class ThingStoreFailure extends ThingsServiceException {
  readonly Message?: string;
  constructor(options: ExceptionOptionType<ThingStoreFailure>) {
    super({ name: "ThingStoreFailure", $fault: "server", message: options.message });
    this.Message = options.Message;
  }
}

export class InternalServiceError extends ThingsServiceException {
  readonly Message?: string;
  constructor(options: ExceptionOptionType<InternalServiceError>) {
    super({ name: "InternalServiceError", $fault: "server", message: options.message });
    this.Message = options.Message;
  }
}

export class NotForThisOperation extends ThingsServiceException {
  constructor(options: ExceptionOptionType<NotForThisOperation>) {
    super({ name: "NotForThisOperation", $fault: "client", message: options.message });
  }
}

export const thingsDescription: ServiceDescription = {
  schema: thingsSchema,
  errors: {
    "example.things#ThingConflictException": ThingConflictException,
    "example.things#ThingStoreFailure": ThingStoreFailure,
    "example.things#InternalServiceError": InternalServiceError,
    "example.things#NotForThisOperation": NotForThisOperation,
  },
  baseException: ThingsServiceException,
  validators: {
    PutThing: {
      input: validator({
        type: "object",
        required: ["ThingId"],
        properties: {
          ThingId: { type: "string", minLength: 3, maxLength: 36, pattern: "^[a-z0-9-]+$" },
          Count: { type: "integer", minimum: 1, maximum: 100 },
          Tags: { type: "array", maxItems: 3, items: { type: "string", minLength: 1 } },
          Attributes: { type: "object", additionalProperties: { type: "string" } },
        },
      }),
      output: ANYTHING,
    },
    GetClock: { input: ANYTHING, output: ANYTHING },
    Unimplemented: { input: ANYTHING, output: ANYTHING },
  },
};

export interface PutThingInput {
  ThingId: string;
  Count?: number;
  Tags?: string[];
  Attributes?: Record<string, string>;
  Data?: Uint8Array;
  Extra?: unknown;
}

/** What the generator's `ThingsService` interface would look like (one operation left out). */
export interface ThingsService {
  PutThing(
    input: PutThingInput,
    context: RequestContext,
  ): Promise<{ ThingId?: string; CreatedAt?: Date; Tags?: string[] }>;
  GetClock(input: Record<string, never>, context: RequestContext): Promise<{ Now?: Date }>;
}

export const CREATED_AT = new Date(1_700_000_000_123);

/** Behaves by `ThingId`: most ids succeed, a few throw. Records what it was called with. */
export class ThingsImplementation implements ThingsService {
  readonly calls: { input: PutThingInput; context: RequestContext }[] = [];

  async PutThing(input: PutThingInput, context: RequestContext) {
    this.calls.push({ input, context });
    switch (input.ThingId) {
      case "conflict":
        throw new ThingConflictException({ message: "Thing exists", ThingId: input.ThingId });
      case "store-failure":
        throw new ThingStoreFailure({ message: "", Message: "The store is down" });
      case "crash":
        throw new Error("secret detail at /srv/app/db.ts");
      case "unlisted":
        throw new NotForThisOperation({ message: "not modeled on PutThing" });
      case "bad-output":
        return { ThingId: input.ThingId, Tags: 5 as unknown as string[] };
      default:
        return { ThingId: input.ThingId, CreatedAt: CREATED_AT, Tags: input.Tags };
    }
  }

  async GetClock() {
    return { Now: CREATED_AT };
  }
}

// ---------------------------------------------------------------- SSM subset (awsJson1_1), for the AWS SDK

const SSM = "com.amazonaws.ssm#";

export const ssmDescription: ServiceDescription = {
  schema: {
    id: `${SSM}AmazonSSM`,
    name: "AmazonSSM",
    version: "2014-11-06",
    protocol: "awsJson1_1",
    signingName: "ssm",
    shapes: {
      "smithy.api#String": { type: "string" },
      "smithy.api#Timestamp": { type: "timestamp" },
      [`${SSM}DescribeMaintenanceWindowExecutionTasksRequest`]: {
        type: "structure",
        members: { WindowExecutionId: { target: "smithy.api#String" } },
      },
      [`${SSM}DescribeMaintenanceWindowExecutionTasksResult`]: {
        type: "structure",
        members: {
          WindowExecutionTaskIdentities: { target: `${SSM}TaskIdentities` },
          NextToken: { target: "smithy.api#String" },
        },
      },
      [`${SSM}TaskIdentities`]: { type: "list", member: { target: `${SSM}TaskIdentity` } },
      [`${SSM}TaskIdentity`]: {
        type: "structure",
        members: {
          WindowExecutionId: { target: "smithy.api#String" },
          StartTime: { target: "smithy.api#Timestamp" },
        },
      },
    },
    operations: {
      DescribeMaintenanceWindowExecutionTasks: {
        name: "DescribeMaintenanceWindowExecutionTasks",
        input: `${SSM}DescribeMaintenanceWindowExecutionTasksRequest`,
        output: `${SSM}DescribeMaintenanceWindowExecutionTasksResult`,
        errors: [],
      },
    },
  },
  errors: {},
  baseException: ServiceException,
  validators: {
    DescribeMaintenanceWindowExecutionTasks: {
      input: validator({
        type: "object",
        required: ["WindowExecutionId"],
        properties: { WindowExecutionId: { type: "string", minLength: 36, maxLength: 36 } },
      }),
      output: ANYTHING,
    },
  },
};

// ---------------------------------------------------------------- calling a handler

export interface Answer {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
  /** The parsed body; the call fails when the body is not JSON. */
  readonly json: Record<string, unknown>;
}

export interface Call {
  readonly method?: string;
  readonly target?: string | null;
  readonly contentType?: string | null;
  readonly headers?: Record<string, string>;
  readonly body?: unknown;
}

/** Sends one request to `handler` in process: a POST to `Things.PutThing` unless told otherwise. */
export async function call(handler: JsonRpcHandler, request: Call = {}): Promise<Answer> {
  const headers: Record<string, string> = {};
  const target = request.target === undefined ? "Things.PutThing" : request.target;
  if (target !== null) headers["x-amz-target"] = target;
  const contentType = request.contentType === undefined ? handler.contentType : request.contentType;
  if (contentType !== null) headers["content-type"] = contentType;
  Object.assign(headers, request.headers);
  const body =
    request.body === undefined
      ? ""
      : typeof request.body === "string" || request.body instanceof Uint8Array
        ? request.body
        : JSON.stringify(request.body);
  const response = await handler({ method: request.method ?? "POST", headers, body } satisfies JsonRpcRequest);
  return {
    status: response.statusCode,
    headers: response.headers,
    body: bodyText(response.body),
    json: JSON.parse(bodyText(response.body)),
  };
}

/** A logger that keeps what it is given, so tests can inspect (and silence) it. */
export function recordingLogger(): { error(...data: unknown[]): void; readonly entries: unknown[][] } {
  const entries: unknown[][] = [];
  return { entries, error: (...data: unknown[]) => void entries.push(data) };
}
