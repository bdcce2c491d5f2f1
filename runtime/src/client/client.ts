/** The generic client (awsJson 1.0 / 1.1, rpcv2Cbor) that every generated `<Service>Client` extends. */
import type { HttpRequest } from "@smithy/protocol-http";
import type {
  EndpointV2,
  FinalizeHandlerArguments,
  HttpHandlerOptions,
  MetadataBearer,
  MiddlewareStack,
} from "@smithy/types";
import { Sha256, SignatureV4 } from "../platform/node.cjs";
import { codecFor, type ProtocolCodec } from "../protocols/index.js";
import type { ServiceDescription } from "../service.js";
import { formatValidationMessage } from "../validation.js";
import { abortError, whenAborted } from "./abort.js";
import { CALL, callSteps, type CallContext, type CallHost, type CallTarget } from "./call-steps.js";
import { type Command, commandStackOf } from "./command.js";
import { completeConfig, resolveConfig, type JsonRpcClientConfig, type JsonRpcClientResolvedConfig } from "./config.js";
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
import { ClientMiddleware } from "./middleware.js";
import { planOperation, type OperationPlan } from "./operation.js";
import type { ProfileSetting } from "./profile.js";
import { buildRequest, expandHostPrefix } from "./request.js";
import { endpointRuleEngine } from "./rule-engine.js";
import { userAgentHeaders } from "./user-agent.js";

export interface JsonRpcSendOptions {
  /** Rejects the call with an `AbortError`, whether in flight or between retries. */
  abortSignal?: AbortSignal;
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
 * Sends commands over awsJson: serialise, sign (SigV4 when the service has a
 * signing name), send, read, deserialise; with retries on throttling, 5xx and
 * network failures. Each call runs as SDK v3's middleware steps
 * (`./call-steps.ts`). Everything reusable is resolved once, in the constructor.
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
  private readonly middleware: ClientMiddleware;

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
    this.middleware = new ClientMiddleware(callSteps(this.callHost()));
  }

  /** What the call steps use of this client. */
  private callHost(): CallHost {
    return {
      description: this.description,
      config: this.config,
      codec: this.codec,
      agentHeaders: this.agentHeaders,
      target: (plan, input) => this.callTargetOf(plan, input),
      validate: (plan, input) => this.validate(plan, input),
      serialize: (plan, input, target) => this.request(plan, input, target),
    };
  }

  /** The call's target; settles the configuration first, on the first call. */
  private callTargetOf(plan: OperationPlan, input: object): CallTarget | Promise<CallTarget> {
    const settled = this.settled;
    if (settled === undefined) return this.complete().then(() => this.callTargetOf(plan, input));
    if (settled.misconfiguration !== undefined) throw new Error(settled.misconfiguration);
    return settled.legacyTarget ?? this.fixedTargets.get(plan.operation.name) ?? this.target(settled, plan, input);
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
        endpointRules === undefined && endpoint !== undefined ? { endpoint, headers: undefined, signer } : undefined,
    };
  }

  /**
   * The client's middleware (`@smithy/middleware-stack`), with the SDK's steps
   * and middleware names: initialize, serialize, build, finalizeRequest,
   * deserialize. Middleware written for SDK v3 clients works here unchanged.
   */
  get middlewareStack(): MiddlewareStack<object, MetadataBearer> {
    return this.middleware.middlewareStack;
  }

  async send<Input extends object, Output extends MetadataBearer>(
    command: Command<Input, Output>,
    options?: JsonRpcSendOptions,
  ): Promise<Output> {
    const signal = options?.abortSignal;
    if (signal?.aborted) throw abortError(signal);
    const aborted = signal && whenAborted(signal);
    const handlerOptions: HttpHandlerOptions | undefined = signal && { abortSignal: signal };
    const { requestHandler } = this.config;
    const context: CallContext = {
      clientName: this.constructor.name,
      commandName: `${command.operationName}Command`,
      logger: this.config.logger,
      [CALL]: { plan: this.plan(command.operationName), target: undefined, signal, aborted: aborted?.promise },
    };
    const handler = this.middleware.resolve(
      commandStackOf(command) as MiddlewareStack<object, MetadataBearer> | undefined,
      (args) =>
        requestHandler.handle(
          (args as FinalizeHandlerArguments<object>).request as HttpRequest,
          handlerOptions,
        ) as never,
      context,
    );
    try {
      return (await handler({ input: command.input })).output as Output;
    } finally {
      aborted?.dispose();
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
    const fixed =
      identity === undefined &&
      Object.keys(operation.contextParams ?? {}).length === 0 &&
      Object.keys(operation.operationContextParams ?? {}).length === 0;
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
        ? undefined
        : Object.fromEntries(Object.entries(endpoint.headers).map(([name, values]) => [name, values.join(",")]));
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
        sha256: Sha256,
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
