/** The generic awsJson 1.0 / 1.1 client that every generated `<Service>Client` extends. */
import type { HttpRequest } from "@smithy/protocol-http";
import type { HttpHandlerOptions, MetadataBearer, ResponseMetadata, RetryToken, SdkError } from "@smithy/types";
import { contentTypeOf } from "../schema.js";
import type { ServiceDescription } from "../service.js";
import { Hash, SignatureV4 } from "../smithy.cjs";
import { formatValidationMessage } from "../validation.js";
import { abortError, sleep, whenAborted } from "./abort.js";
import { readBody } from "./body.js";
import type { Command } from "./command.js";
import { resolveConfig, type JsonRpcClientConfig, type JsonRpcClientResolvedConfig } from "./config.js";
import { planOperation, type OperationPlan } from "./operation.js";
import { buildRequest, expandHostPrefix } from "./request.js";
import { header, toError, toOutput } from "./response.js";
import { retryErrorType } from "./retry.js";

export interface JsonRpcSendOptions {
  /** Rejects the call with an `AbortError`, whether in flight or between retries. */
  abortSignal?: AbortSignal;
}

/**
 * Sends commands over awsJson: serialise, sign (SigV4 when the service has a
 * signing name), send, read, deserialise; with retries on throttling, 5xx and
 * network failures. Everything reusable is resolved once, in the constructor.
 */
export class JsonRpcClient {
  readonly config: JsonRpcClientResolvedConfig;
  private readonly description: ServiceDescription;
  private readonly signer: SignatureV4 | undefined;
  private readonly contentType: string;
  /** Why no call can be sent (no region, no endpoint), reported by `send`. */
  private readonly misconfiguration: string | undefined;
  private readonly plans = new Map<string, OperationPlan>();

  constructor(description: ServiceDescription, config: JsonRpcClientConfig = {}) {
    const { schema } = description;
    this.description = description;
    this.config = resolveConfig(schema, config);
    const { region, endpoint, credentials } = this.config;
    this.contentType = contentTypeOf(schema.protocol);
    this.signer =
      schema.signingName === undefined || region === undefined
        ? undefined
        : new SignatureV4({
            service: schema.signingName,
            region,
            credentials,
            sha256: Hash.bind(null, "sha256"),
            applyChecksum: false,
          });
    const regionNeeded =
      schema.signingName !== undefined || (endpoint === undefined && schema.endpointPrefix !== undefined);
    if (region === undefined && regionNeeded) {
      this.misconfiguration = `Region is missing: set \`region\` in the ${schema.name} client config, or AWS_REGION`;
    } else if (endpoint === undefined) {
      this.misconfiguration = `No endpoint: ${schema.name} has no endpoint prefix, so set \`endpoint\` in the client config`;
    }
  }

  async send<Input extends object, Output extends MetadataBearer>(
    command: Command<Input, Output>,
    options?: JsonRpcSendOptions,
  ): Promise<Output> {
    const signal = options?.abortSignal;
    if (signal?.aborted) throw abortError(signal);
    if (this.misconfiguration !== undefined) throw new Error(this.misconfiguration);
    const plan = this.plan(command.operationName);
    const { input } = command;
    if (this.config.validateInput) this.validate(plan, input);
    const request = this.request(plan, input);
    if (signal === undefined) return (await this.sendWithRetries(plan, request, undefined, undefined)) as Output;
    const aborted = whenAborted(signal);
    try {
      return (await this.sendWithRetries(plan, request, signal, aborted.promise)) as Output;
    } finally {
      aborted.dispose();
    }
  }

  /** Releases the request handler's sockets. */
  destroy(): void {
    this.config.requestHandler.destroy?.();
  }

  private plan(name: string): OperationPlan {
    let plan = this.plans.get(name);
    if (plan === undefined) {
      plan = planOperation(this.description.schema, name);
      this.plans.set(name, plan);
    }
    return plan;
  }

  private validate(plan: OperationPlan, input: object): void {
    const failures = this.description.validators[plan.operation.name]?.input(input) ?? [];
    if (failures.length === 0) return;
    throw new this.description.baseException({
      name: "ValidationException",
      $fault: "client",
      message: formatValidationMessage(failures),
    });
  }

  private request(plan: OperationPlan, input: object): HttpRequest {
    const { hostPrefix } = plan.operation;
    return buildRequest(
      {
        schema: this.description.schema,
        endpoint: this.config.endpoint!, // set, or send() reported the misconfiguration
        contentType: this.contentType,
        hostPrefix:
          hostPrefix === undefined || this.config.disableHostPrefix
            ? ""
            : expandHostPrefix(hostPrefix, input, this.description.baseException),
        minCompressionBytes: this.config.disableRequestCompression
          ? undefined
          : this.config.requestMinCompressionSizeBytes,
      },
      plan,
      input,
    );
  }

  /**
   * Attempts until success or until the retry strategy refuses; each attempt
   * is signed afresh. `aborted` rejects once the caller aborts, and every wait
   * races it.
   */
  private async sendWithRetries(
    plan: OperationPlan,
    request: HttpRequest,
    signal: AbortSignal | undefined,
    aborted: Promise<never> | undefined,
  ): Promise<MetadataBearer> {
    const handlerOptions: HttpHandlerOptions | undefined = signal && { abortSignal: signal };
    const strategy = this.config.retryStrategy;
    let token: RetryToken = await strategy.acquireInitialRetryToken("");
    let attempts = 0;
    let totalRetryDelay = 0;
    for (;;) {
      attempts++;
      try {
        const attempt = this.attempt(plan, request, handlerOptions);
        const output = await (aborted ? Promise.race([attempt, aborted]) : attempt);
        strategy.recordSuccess(token);
        output.$metadata.attempts = attempts;
        output.$metadata.totalRetryDelay = totalRetryDelay;
        return output;
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
  }

  private async attempt(
    plan: OperationPlan,
    request: HttpRequest,
    handlerOptions: HttpHandlerOptions | undefined,
  ): Promise<MetadataBearer> {
    const signed = this.signer ? ((await this.signer.sign(request)) as HttpRequest) : request;
    const { response } = await this.config.requestHandler.handle(signed, handlerOptions);
    const text = await readBody(response.body);
    const status = response.statusCode;
    const $metadata: ResponseMetadata = {
      httpStatusCode: status,
      requestId: header(response.headers, "x-amzn-requestid"),
    };
    if (status >= 200 && status < 300) return toOutput(this.description, plan, text, $metadata);
    throw toError(this.description, plan, response.headers, text, $metadata);
  }
}

/** Records the attempts made on the error a call finally rejects with. */
function withAttempts(error: unknown, attempts: number, totalRetryDelay: number): unknown {
  if (typeof error === "object" && error !== null) {
    const failure = error as { $metadata?: ResponseMetadata };
    failure.$metadata = { ...failure.$metadata, attempts, totalRetryDelay };
  }
  return error;
}
