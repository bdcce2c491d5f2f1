/** The generic client (awsJson 1.0 / 1.1, rpcv2Cbor) that every generated `<Service>Client` extends. */
import type { HttpRequest } from "@smithy/protocol-http";
import type {
  Endpoint,
  EndpointV2,
  HttpHandlerOptions,
  MetadataBearer,
  ResponseMetadata,
  RetryToken,
  SdkError,
} from "@smithy/types";
import { codecFor, type ProtocolCodec } from "../protocols/index.js";
import type { ServiceDescription } from "../service.js";
import { Hash, SignatureV4, endpointRuleEngine } from "../smithy.cjs";
import { formatValidationMessage } from "../validation.js";
import { abortError, sleep, whenAborted } from "./abort.js";
import { readBody } from "./body.js";
import type { Command } from "./command.js";
import { completeConfig, resolveConfig, type JsonRpcClientConfig, type JsonRpcClientResolvedConfig } from "./config.js";
import type { ProfileSetting } from "./profile.js";
import { userAgentHeaders } from "./user-agent.js";
import {
  type EndpointConfigValues,
  type EndpointRules,
  endpointParameters,
  endpointUrlOf,
  needsCredentials,
  resolveRulesEndpoint,
  sigv4AuthScheme,
  toEndpoint,
} from "./endpoints.js";
import { planOperation, type OperationPlan } from "./operation.js";
import { buildRequest, expandHostPrefix } from "./request.js";
import { header, toError, toOutput } from "./response.js";
import { retryErrorType } from "./retry.js";

export interface JsonRpcSendOptions {
  /** Rejects the call with an `AbortError`, whether in flight or between retries. */
  abortSignal?: AbortSignal;
}

/** Where one call goes and how it is signed. */
interface CallTarget {
  readonly endpoint: Endpoint;
  /** The user agent headers and those the rule set's endpoint adds. */
  readonly headers: Readonly<Record<string, string>>;
  readonly signer: SignatureV4 | undefined;
}

/** What a client derives once its region and endpoint settings are final. */
interface Settled {
  /** Why no call can be sent (no region, no endpoint), reported by `send`. */
  readonly misconfiguration: string | undefined;
  /** What the rule set's built-ins and client context parameters read. */
  readonly endpointConfig: EndpointConfigValues;
  /** The target of every call when the service has no rule set. */
  readonly legacyTarget: CallTarget | undefined;
}

/** `EndpointCache` of `@smithy/util-endpoints`, as far as the client uses it. */
interface EndpointCacheLike {
  get(params: Record<string, unknown>, resolve: () => EndpointV2): EndpointV2;
}

/**
 * Sends commands over the service's protocol: serialise, sign (SigV4 when the service has a
 * signing name), send, read, deserialise; with retries on throttling, 5xx and
 * network failures. Everything reusable is resolved once, in the constructor.
 */
export class JsonRpcClient {
  readonly config: JsonRpcClientResolvedConfig;
  private readonly description: ServiceDescription;
  private readonly given: JsonRpcClientConfig;
  /** Settings left to the shared config files, read on the first call. */
  private readonly pending: readonly ProfileSetting[];
  /** What depends on the region and endpoint settings; set once they are known. */
  private settled: Settled | undefined;
  private settling: Promise<Settled> | undefined;
  /** Signers for the signing name and region an endpoint's `authSchemes` ask for. */
  private readonly signers = new Map<string, SignatureV4>();
  private readonly codec: ProtocolCodec;
  /** `user-agent` and `x-amz-user-agent`. */
  private readonly agentHeaders: Readonly<Record<string, string>>;
  private readonly plans = new Map<string, OperationPlan>();
  private readonly endpointCache: EndpointCacheLike | undefined;
  private readonly targets = new WeakMap<EndpointV2, CallTarget>();
  /** Calls of operations whose endpoint depends on nothing but the configuration, by operation name. */
  private readonly fixedTargets = new Map<string, CallTarget>();

  constructor(description: ServiceDescription, config: JsonRpcClientConfig = {}) {
    const { schema, endpointRules } = description;
    this.description = description;
    this.given = config;
    const resolved = resolveConfig(schema, config, endpointRules !== undefined);
    this.config = resolved.config;
    this.pending = resolved.pending;
    this.codec = codecFor(schema.protocol);
    this.agentHeaders = userAgentHeaders(schema, this.config.customUserAgent);
    this.endpointCache =
      endpointRules === undefined
        ? undefined
        : new (endpointRuleEngine().EndpointCache)({ size: 50, params: Object.keys(endpointRules.ruleSet.parameters) });
    if (this.pending.length === 0) this.settled = this.settle();
  }

  /** Reads what is left to the shared config files (once), then settles. */
  private async complete(): Promise<Settled> {
    this.settling ??= completeConfig(
      this.config,
      this.pending,
      this.description.schema,
      this.given,
      this.description.endpointRules !== undefined,
    ).then(
      () => (this.settled = this.settle()),
      (error: unknown) => {
        this.settling = undefined;
        throw error;
      },
    );
    return this.settling;
  }

  /** What calls need once region, endpoint and FIPS/dual-stack settings are final. */
  private settle(): Settled {
    const { schema, endpointRules } = this.description;
    const { region, endpoint } = this.config;
    const signer =
      schema.signingName === undefined || region === undefined ? undefined : this.signerFor(schema.signingName, region);
    const regionNeeded =
      schema.signingName !== undefined ||
      (endpointRules === undefined && endpoint === undefined && schema.endpointPrefix !== undefined);
    let misconfiguration: string | undefined;
    if (region === undefined && regionNeeded) {
      misconfiguration = `Region is missing: set \`region\` in the ${schema.name} client config, AWS_REGION, or region in the profile`;
    } else if (endpointRules === undefined && endpoint === undefined) {
      misconfiguration = `No endpoint: ${schema.name} has no endpoint prefix, so set \`endpoint\` in the client config`;
    }
    return {
      misconfiguration,
      endpointConfig: endpointRules === undefined ? {} : endpointConfigValues(endpointRules, this.config, this.given),
      legacyTarget:
        endpointRules === undefined && endpoint !== undefined
          ? { endpoint, headers: this.agentHeaders, signer }
          : undefined,
    };
  }

  async send<Input extends object, Output extends MetadataBearer>(
    command: Command<Input, Output>,
    options?: JsonRpcSendOptions,
  ): Promise<Output> {
    const signal = options?.abortSignal;
    if (signal?.aborted) throw abortError(signal);
    const settled = this.settled ?? (await this.complete());
    if (settled.misconfiguration !== undefined) throw new Error(settled.misconfiguration);
    const plan = this.plan(command.operationName);
    const { input } = command;
    if (this.config.validateInput) this.validate(plan, input);
    const target =
      settled.legacyTarget ?? this.fixedTargets.get(plan.operation.name) ?? (await this.target(settled, plan, input));
    const request = this.request(plan, input, target);
    if (signal === undefined)
      return (await this.sendWithRetries(plan, request, target, undefined, undefined)) as Output;
    const aborted = whenAborted(signal);
    try {
      return (await this.sendWithRetries(plan, request, target, signal, aborted.promise)) as Output;
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

  /**
   * The endpoint of a call from the rule set, and the signer its `authSchemes`
   * ask for. An operation whose parameters come from the configuration alone
   * keeps its target for the client's lifetime.
   */
  private async target(settled: Settled, plan: OperationPlan, input: object): Promise<CallTarget> {
    const rules = this.description.endpointRules!; // no legacyTarget: the service has a rule set
    const { operation } = plan;
    const identity = needsCredentials(rules) ? await this.config.credentials() : undefined;
    const params = endpointParameters(rules, settled.endpointConfig, operation, input, identity);
    const endpoint = this.endpointCache!.get(params, () => resolveRulesEndpoint(rules, params, this.config.logger));
    let target = this.targets.get(endpoint);
    if (target === undefined) {
      target = this.callTarget(endpoint);
      this.targets.set(endpoint, target);
    }
    const fixed = identity === undefined && Object.keys(operation.contextParams ?? {}).length === 0;
    if (fixed) this.fixedTargets.set(operation.name, target);
    return target;
  }

  private callTarget(endpoint: EndpointV2): CallTarget {
    const { schema } = this.description;
    const auth = sigv4AuthScheme(endpoint);
    const signingName = auth?.signingName ?? schema.signingName;
    const signingRegion = auth?.signingRegion ?? this.config.region;
    const headers =
      endpoint.headers === undefined
        ? this.agentHeaders
        : {
            ...this.agentHeaders,
            ...Object.fromEntries(Object.entries(endpoint.headers).map(([name, values]) => [name, values.join(",")])),
          };
    return {
      endpoint: toEndpoint(endpoint.url),
      headers,
      signer:
        signingName === undefined || signingRegion === undefined
          ? undefined
          : this.signerFor(signingName, signingRegion),
    };
  }

  private signerFor(service: string, region: string): SignatureV4 {
    const key = `${service}\n${region}`;
    let signer = this.signers.get(key);
    if (signer === undefined) {
      signer = new SignatureV4({
        service,
        region,
        credentials: this.config.credentials,
        sha256: Hash.bind(null, "sha256"),
        applyChecksum: false,
      });
      this.signers.set(key, signer);
    }
    return signer;
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

  private request(plan: OperationPlan, input: object, target: CallTarget): HttpRequest {
    const { hostPrefix } = plan.operation;
    return buildRequest(
      {
        schema: this.description.schema,
        endpoint: target.endpoint,
        headers: target.headers,
        codec: this.codec,
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
    target: CallTarget,
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
        const attempt = this.attempt(plan, request, target.signer, handlerOptions);
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
    signer: SignatureV4 | undefined,
    handlerOptions: HttpHandlerOptions | undefined,
  ): Promise<MetadataBearer> {
    const signed = signer ? ((await signer.sign(request)) as HttpRequest) : request;
    const { response } = await this.config.requestHandler.handle(signed, handlerOptions);
    const body = await readBody(response.body);
    const status = response.statusCode;
    const $metadata: ResponseMetadata = {
      httpStatusCode: status,
      requestId: header(response.headers, "x-amzn-requestid"),
    };
    if (status >= 200 && status < 300) return toOutput(this.description, this.codec, plan, body, $metadata);
    throw toError(this.description, this.codec, plan, response.headers, body, $metadata);
  }
}

/** The values the rule set's built-ins and client context parameters read, by configuration field. */
function endpointConfigValues(
  rules: EndpointRules,
  resolved: JsonRpcClientResolvedConfig,
  given: JsonRpcClientConfig,
): EndpointConfigValues {
  const values: Record<string, unknown> = {
    region: resolved.region,
    useFipsEndpoint: resolved.useFipsEndpoint,
    useDualstackEndpoint: resolved.useDualstackEndpoint,
    endpoint: endpointUrlOf(resolved.endpoint),
    accountIdEndpointMode: resolved.accountIdEndpointMode,
  };
  const fields = given as Readonly<Record<string, unknown>>;
  for (const field of Object.values(rules.clientContextParams ?? {})) {
    values[field] = given.clientContextParams?.[field] ?? fields[field];
  }
  return values;
}

/** Records the attempts made on the error a call finally rejects with. */
function withAttempts(error: unknown, attempts: number, totalRetryDelay: number): unknown {
  if (typeof error === "object" && error !== null) {
    const failure = error as { $metadata?: ResponseMetadata };
    failure.$metadata = { ...failure.$metadata, attempts, totalRetryDelay };
  }
  return error;
}
