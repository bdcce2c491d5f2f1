/**
 * One call, as the middleware of SDK v3's steps, with the SDK's names:
 *
 * | step            | middleware                                                   |
 * | --------------- | ------------------------------------------------------------ |
 * | initialize      | loggerMiddleware                                             |
 * | serialize       | endpointV2Middleware, serializerMiddleware                   |
 * | build           | contentLengthMiddleware, getUserAgentMiddleware, hostHeaderMiddleware |
 * | finalizeRequest | retryMiddleware, httpSigningMiddleware (a.k.a. awsAuthMiddleware) |
 * | deserialize     | deserializerMiddleware                                       |
 *
 * Then the request handler sends the request. What a call carries between the
 * steps that the SDK's types have no field for (the operation, the target, the
 * abort signal) is in the context under {@link CALL}.
 */
import type { HttpRequest } from "@smithy/protocol-http";
import type {
  AbsoluteLocation,
  BuildMiddleware,
  DeserializeMiddleware,
  Endpoint,
  FinalizeRequestMiddleware,
  HandlerExecutionContext,
  HandlerOptions,
  HttpResponse,
  InitializeMiddleware,
  MetadataBearer,
  MiddlewareType,
  RelativeMiddlewareOptions,
  ResponseMetadata,
  RetryToken,
  SdkError,
  SerializeMiddleware,
  Step,
} from "@smithy/types";
import type { SignatureV4 } from "../platform/node.cjs";
import type { ProtocolCodec } from "../protocols/index.js";
import type { ServiceDescription } from "../service.js";
import { abortError, sleep } from "./abort.js";
import { readBody } from "./body.js";
import type { JsonRpcClientResolvedConfig } from "./config.js";
import type { OperationPlan } from "./operation.js";
import { header, toError, toOutput } from "./response.js";
import { retryErrorType } from "./retry.js";

/** Where one call goes and how it is signed. */
export interface CallTarget {
  readonly endpoint: Endpoint;
  /** The headers the rule set's endpoint adds. */
  readonly headers: Readonly<Record<string, string>> | undefined;
  readonly signer: SignatureV4 | undefined;
}

/** What a call carries from step to step. */
export interface CallState {
  readonly plan: OperationPlan;
  /** Set by endpointV2Middleware. */
  target: CallTarget | undefined;
  readonly signal: AbortSignal | undefined;
  /** Rejects once `signal` aborts. */
  readonly aborted: Promise<never> | undefined;
}

/** The key of the {@link CallState} in a call's context. */
export const CALL = Symbol("sjc.call");

export interface CallContext extends HandlerExecutionContext {
  readonly [CALL]: CallState;
}

/** What the steps ask of the client. */
export interface CallHost {
  readonly description: ServiceDescription;
  readonly config: JsonRpcClientResolvedConfig;
  /** Decodes response bodies. */
  readonly codec: ProtocolCodec;
  /** `user-agent` and `x-amz-user-agent`. */
  readonly agentHeaders: Readonly<Record<string, string>>;
  /** Settles the configuration (on the first call) and resolves the call's endpoint and signer. */
  target(plan: OperationPlan, input: object): CallTarget | Promise<CallTarget>;
  /** Throws a client-side `ValidationException` when `validateInput` is on and the input breaks a constraint. */
  validate(plan: OperationPlan, input: object): void;
  /** The unsigned request: method, URL, body and the protocol's headers. */
  serialize(plan: OperationPlan, input: object, target: CallTarget): HttpRequest;
}

type Input = object;
type Output = MetadataBearer;

/** One built-in middleware and where it goes on a stack: a step, or next to another middleware. */
export interface CallStep {
  readonly middleware: MiddlewareType<Input, Output>;
  /** Relative ones name their step too, as the SDK's do, so that `identify()` shows it. */
  readonly options: (HandlerOptions & AbsoluteLocation) | (RelativeMiddlewareOptions & { readonly step: Step });
}

const stateOf = (context: HandlerExecutionContext): CallState => (context as CallContext)[CALL];

/** The steps of a client's calls, outermost first (the order a stack resolves them in). */
export function callSteps(host: CallHost): readonly CallStep[] {
  return [
    { middleware: loggerMiddleware, options: { name: "loggerMiddleware", step: "initialize", tags: ["LOGGER"] } },
    {
      middleware: endpointV2Middleware(host),
      options: {
        name: "endpointV2Middleware",
        step: "serialize",
        tags: ["ENDPOINT_PARAMETERS", "ENDPOINT_V2", "ENDPOINT"],
        relation: "before",
        toMiddleware: "serializerMiddleware",
      },
    },
    {
      middleware: serializerMiddleware(host),
      options: { name: "serializerMiddleware", step: "serialize", tags: ["SERIALIZER"] },
    },
    {
      middleware: contentLengthMiddleware,
      options: { name: "contentLengthMiddleware", step: "build", tags: ["SET_CONTENT_LENGTH", "CONTENT_LENGTH"] },
    },
    {
      middleware: userAgentMiddleware(host),
      options: {
        name: "getUserAgentMiddleware",
        step: "build",
        priority: "low",
        tags: ["SET_USER_AGENT", "USER_AGENT"],
      },
    },
    {
      middleware: hostHeaderMiddleware,
      options: { name: "hostHeaderMiddleware", step: "build", priority: "low", tags: ["HOST"] },
    },
    {
      middleware: retryMiddleware(host),
      options: { name: "retryMiddleware", step: "finalizeRequest", priority: "high", tags: ["RETRY"] },
    },
    {
      middleware: httpSigningMiddleware,
      options: {
        name: "httpSigningMiddleware",
        step: "finalizeRequest",
        aliases: ["awsAuthMiddleware"],
        tags: ["HTTP_SIGNING"],
        relation: "after",
        toMiddleware: "retryMiddleware",
      },
    },
    {
      middleware: deserializerMiddleware(host),
      options: { name: "deserializerMiddleware", step: "deserialize", tags: ["DESERIALIZER"] },
    },
  ];
}

/** Logs each call's outcome at `info` (success) or `error` (failure), as the SDK's does, without input or output. */
const loggerMiddleware: InitializeMiddleware<Input, Output> = (next, context) => {
  const { logger, clientName, commandName } = context;
  if (logger === undefined) return next;
  return async (args) => {
    try {
      const result = await next(args);
      logger.info?.({ clientName, commandName, metadata: result.output.$metadata });
      return result;
    } catch (error) {
      logger.error?.({ clientName, commandName, error, metadata: (error as MetadataBearer).$metadata });
      throw error;
    }
  };
};

function endpointV2Middleware(host: CallHost): SerializeMiddleware<Input, Output> {
  return (next, context) => async (args) => {
    const state = stateOf(context);
    state.target = await host.target(state.plan, args.input);
    return next(args);
  };
}

function serializerMiddleware(host: CallHost): SerializeMiddleware<Input, Output> {
  return (next, context) => (args) => {
    const state = stateOf(context);
    if (state.target === undefined) throw new Error("serializerMiddleware needs endpointV2Middleware before it");
    if (host.config.validateInput) host.validate(state.plan, args.input);
    return next({ ...args, request: host.serialize(state.plan, args.input, state.target) });
  };
}

/** `content-length` of a byte or string body, unless set. */
const contentLengthMiddleware: BuildMiddleware<Input, Output> = (next) => (args) => {
  const request = args.request as HttpRequest;
  const { body } = request;
  if (header(request.headers, "content-length") === undefined) {
    if (body instanceof Uint8Array) request.headers["content-length"] = String(body.byteLength);
    else if (typeof body === "string")
      request.headers["content-length"] = String(new TextEncoder().encode(body).length);
    else if (body === undefined) request.headers["content-length"] = "0";
  }
  return next(args);
};

function userAgentMiddleware(host: CallHost): BuildMiddleware<Input, Output> {
  return (next) => (args) => {
    Object.assign((args.request as HttpRequest).headers, host.agentHeaders);
    return next(args);
  };
}

/** `host`: the hostname, and the port when the endpoint names one. */
const hostHeaderMiddleware: BuildMiddleware<Input, Output> = (next) => (args) => {
  const request = args.request as HttpRequest;
  if (request.headers.host === undefined) {
    request.headers.host = request.port === undefined ? request.hostname : `${request.hostname}:${request.port}`;
  }
  return next(args);
};

/**
 * Attempts until success or until the retry strategy refuses; the steps after
 * it (signing among them) run again for each attempt. Every wait races the
 * call's abort signal.
 */
function retryMiddleware(host: CallHost): FinalizeRequestMiddleware<Input, Output> {
  return (next, context) => async (args) => {
    const { signal, aborted } = stateOf(context);
    const strategy = host.config.retryStrategy;
    let token: RetryToken = await strategy.acquireInitialRetryToken("");
    let attempts = 0;
    let totalRetryDelay = 0;
    for (;;) {
      attempts++;
      try {
        const attempt = next(args);
        const result = await (aborted ? Promise.race([attempt, aborted]) : attempt);
        strategy.recordSuccess(token);
        const $metadata = result.output.$metadata;
        $metadata.attempts = attempts;
        $metadata.totalRetryDelay = totalRetryDelay;
        return result;
      } catch (error) {
        if (signal?.aborted) throw abortError(signal);
        try {
          const refresh = strategy.refreshRetryTokenForRetry(token, {
            errorType: retryErrorType(error),
            error: error as SdkError,
          });
          token = await (aborted ? Promise.race([refresh, aborted]) : refresh);
        } catch (refusal) {
          if (signal?.aborted) throw refusal;
          throw withAttempts(error, attempts, totalRetryDelay);
        }
        // StandardRetryStrategy waits inside refreshRetryTokenForRetry and logs that wait on
        // the token; other strategies leave the wait to us, as getRetryDelay().
        const delay = token.getRetryDelay();
        totalRetryDelay +=
          ((token as { $retryLog?: { acquisitionDelay?: number } }).$retryLog?.acquisitionDelay ?? 0) + delay;
        if (delay > 0) await sleep(delay, aborted);
      }
    }
  };
}

/** SigV4 with the signer the endpoint asks for; unsigned when the service has no signing name. */
const httpSigningMiddleware: FinalizeRequestMiddleware<Input, Output> = (next, context) => async (args) => {
  const signer = stateOf(context).target?.signer;
  if (signer === undefined) return next(args);
  return next({ ...args, request: (await signer.sign(args.request as HttpRequest)) as HttpRequest });
};

/** Reads the response: the output of a 2xx, else the modeled error (or the base exception) thrown. */
function deserializerMiddleware(host: CallHost): DeserializeMiddleware<Input, Output> {
  return (next, context) => async (args) => {
    const { response } = await next(args);
    const { plan } = stateOf(context);
    const http = response as HttpResponse;
    const body = await readBody(http.body);
    const status = http.statusCode;
    const $metadata: ResponseMetadata = {
      httpStatusCode: status,
      requestId: header(http.headers, "x-amzn-requestid"),
    };
    if (status >= 200 && status < 300)
      return { response, output: toOutput(host.description, host.codec, plan, body, $metadata) };
    throw toError(host.description, host.codec, plan, http.headers, body, $metadata);
  };
}

/** Records the attempts made on the error a call finally rejects with. */
function withAttempts(error: unknown, attempts: number, totalRetryDelay: number): unknown {
  if (typeof error === "object" && error !== null) {
    const failure = error as { $metadata?: ResponseMetadata };
    failure.$metadata = { ...failure.$metadata, attempts, totalRetryDelay };
  }
  return error;
}
