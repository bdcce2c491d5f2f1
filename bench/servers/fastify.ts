/**
 * A peer of the generated server: DescribeMaintenanceWindowExecutionTasks on
 * Fastify 5, as a user would write it without sjc. A content-type parser for
 * application/x-amz-json-1.1, a JSON schema of the body (Fastify's ajv, all
 * errors, no coercion), a response schema (fast-json-stringify), an error
 * handler that answers awsJson errors, and the store, filters, pages and
 * NextTokens of the reference service (peer-operation.ts). It answers with the
 * generated server's body bytes, status codes and awsJson headers.
 *
 * Usage: node --import tsx bench/servers/fastify.ts DATA.json
 */
import { randomUUID } from "node:crypto";
import Fastify, { type FastifyError, type FastifyReply } from "fastify";
import { MODEL_ID_PATTERN, parseBody, typeError, validationMessage, type Failure } from "./peer-input.js";
import {
  PeerError,
  createPeerOperation,
  errorBody,
  loadPeerStore,
  validationError,
  type PeerInput,
} from "./peer-operation.js";

const CONTENT_TYPE = "application/x-amz-json-1.1";
const TARGET = "AmazonSSM.DescribeMaintenanceWindowExecutionTasks";
const MAX_BODY_BYTES = 1024 * 1024;

const file = process.argv[2];
if (file === undefined) {
  console.error("usage: node --import tsx bench/servers/fastify.ts DATA.json");
  process.exit(2);
}
const operation = createPeerOperation(loadPeerStore(file));

const requestSchema = {
  type: "object",
  required: ["WindowExecutionId"],
  properties: {
    WindowExecutionId: {
      type: "string",
      minLength: 36,
      maxLength: 36,
      pattern: "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$",
    },
    Filters: {
      type: "array",
      maxItems: 5,
      items: {
        type: "object",
        properties: {
          Key: { type: "string", minLength: 1, maxLength: 128 },
          Values: { type: "array", items: { type: "string", minLength: 1, maxLength: 256 } },
        },
      },
    },
    MaxResults: { type: "integer", minimum: 10, maximum: 100 },
    NextToken: { type: "string" },
  },
} as const;

const alarm = { type: "object", properties: { Name: { type: "string" } } } as const;
const responseSchema = {
  type: "object",
  properties: {
    WindowExecutionTaskIdentities: {
      type: "array",
      items: {
        type: "object",
        properties: {
          WindowExecutionId: { type: "string" },
          TaskExecutionId: { type: "string" },
          Status: { type: "string" },
          StatusDetails: { type: "string" },
          StartTime: { type: "number" },
          EndTime: { type: "number" },
          TaskArn: { type: "string" },
          TaskType: { type: "string" },
          AlarmConfiguration: {
            type: "object",
            properties: { IgnorePollAlarmFailure: { type: "boolean" }, Alarms: { type: "array", items: alarm } },
          },
          TriggeredAlarms: {
            type: "array",
            items: { type: "object", properties: { Name: { type: "string" }, State: { type: "string" } } },
          },
        },
      },
    },
    NextToken: { type: "string" },
  },
} as const;

const app = Fastify({
  bodyLimit: MAX_BODY_BYTES,
  keepAliveTimeout: 5_000,
  requestTimeout: 30_000,
  ajv: { customOptions: { allErrors: true, coerceTypes: false, removeAdditional: false, useDefaults: false } },
});

app.removeAllContentTypeParsers();
app.addContentTypeParser(CONTENT_TYPE, { parseAs: "string" }, (_request, body, done) => {
  try {
    done(null, parseBody(body as string));
  } catch (error) {
    done(error as PeerError, undefined);
  }
});

function answer(reply: FastifyReply, statusCode: number): FastifyReply {
  return reply.code(statusCode).header("content-type", CONTENT_TYPE).header("x-amzn-requestid", randomUUID());
}

function fail(reply: FastifyReply, error: PeerError): FastifyReply {
  return answer(reply, error.statusCode).header("x-amzn-errortype", error.type).send(errorBody(error));
}

// Fastify appends "; charset=utf-8" to JSON media types; awsJson answers name the bare type.
app.addHook("onSend", (_request, reply, payload, done) => {
  reply.header("content-type", CONTENT_TYPE);
  done(null, payload);
});

// The target is checked before the body is read or validated, as the generated server does.
app.addHook("onRequest", (request, reply, done) => {
  const target = request.headers["x-amz-target"];
  if (target === TARGET) return done();
  const message =
    target === undefined
      ? "Missing X-Amz-Target header; expected AmazonSSM.<Operation>"
      : `Operation '${String(target)}' is not known to AmazonSSM`;
  fail(reply, new PeerError(400, "UnknownOperationException", { message }));
});

app.post("/", { schema: { body: requestSchema, response: { 200: responseSchema } } }, async (request, reply) => {
  return answer(reply, 200).send(operation(request.body as PeerInput));
});

app.setErrorHandler((error: FastifyError | PeerError, request, reply) => {
  if (error instanceof PeerError) return fail(reply, error);
  if (error.validation) return fail(reply, schemaError(error.validation, request.body));
  if (error.statusCode === 413) {
    reply.header("connection", "close");
    const message = `Request body must not exceed ${MAX_BODY_BYTES} bytes`;
    return fail(reply, new PeerError(413, "RequestEntityTooLargeException", { message }));
  }
  if (error.statusCode === 415) {
    const type = request.headers["content-type"];
    const message = `Content-Type must be ${CONTENT_TYPE}, got ${type === undefined ? "none" : `'${type}'`}`;
    return fail(reply, new PeerError(415, "UnsupportedMediaTypeException", { message }));
  }
  console.error(error);
  return fail(reply, new PeerError(500, "InternalServerError", { message: "An internal error occurred" }));
});

interface SchemaError {
  readonly instancePath: string;
  readonly keyword: string;
  readonly params: Record<string, unknown>;
}

/** ajv's errors as the awsJson error: a wrong JSON type is a SerializationException, the rest a ValidationException. */
function schemaError(errors: readonly SchemaError[], body: unknown): PeerError {
  const typeFailure = errors.find(
    (e) => e.keyword === "type" && !(e.params.type === "integer" && typeof valueAt(body, e.instancePath) === "number"),
  );
  if (typeFailure !== undefined) {
    const expected: Record<string, string> = {
      string: "a string",
      integer: "a number",
      number: "a number",
      array: "a list",
      object: "an object",
    };
    const path = typeFailure.instancePath
      .slice(1)
      .split("/")
      .map((segment, i) => (/^\d+$/.test(segment) ? `[${segment}]` : i === 0 ? segment : `.${segment}`))
      .join("");
    return typeError(expected[String(typeFailure.params.type)]!, path, valueAt(body, typeFailure.instancePath));
  }
  const failures: Failure[] = errors.map((e) => {
    const missing = e.keyword === "required" ? String(e.params.missingProperty) : undefined;
    const pointer = missing === undefined ? e.instancePath : `${e.instancePath}/${missing}`;
    return {
      path: awsPath(pointer),
      value: missing === undefined ? valueAt(body, pointer) : null,
      constraint: constraintOf(e),
    };
  });
  return validationError(validationMessage(failures));
}

function constraintOf(error: SchemaError): string {
  const limit = error.params.limit;
  switch (error.keyword) {
    case "required":
      return "Member must not be null";
    case "minLength":
    case "minItems":
      return `Member must have length greater than or equal to ${limit}`;
    case "maxLength":
    case "maxItems":
      return `Member must have length less than or equal to ${limit}`;
    case "minimum":
      return `Member must have value greater than or equal to ${limit}`;
    case "maximum":
      return `Member must have value less than or equal to ${limit}`;
    case "pattern":
      return `Member must satisfy regular expression pattern: ${MODEL_ID_PATTERN}`;
    case "type":
      return "Member must be an integer";
    default:
      return `Member must satisfy constraint ${error.keyword}`;
  }
}

/** `/Filters/0/Key` → `filters.1.member.key`. */
function awsPath(pointer: string): string {
  return pointer
    .slice(1)
    .split("/")
    .map((segment) =>
      /^\d+$/.test(segment) ? `${Number(segment) + 1}.member` : segment.charAt(0).toLowerCase() + segment.slice(1),
    )
    .join(".");
}

function valueAt(root: unknown, pointer: string): unknown {
  let value = root;
  for (const key of pointer.split("/").slice(1)) value = (value as Record<string, unknown> | undefined)?.[key];
  return value;
}

app.listen({ port: 0, host: "127.0.0.1" }).then(
  () => {
    const address = app.server.address();
    const port = typeof address === "object" && address !== null ? address.port : 0;
    console.log(`fastify server listening on http://127.0.0.1:${port}`);
  },
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
process.once("SIGTERM", () => void app.close().then(() => process.exit(0)));
