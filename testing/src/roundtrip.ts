/**
 * Round trips through a generated package's own client and server, in one
 * process: the client signs and sends, a bridge hands the request to the
 * server handler (which checks the signature), and the handler's response
 * goes back to the client. Properties over random model values check that
 * inputs and outputs arrive unchanged and that broken inputs are refused.
 */
import assert from "node:assert/strict";
import { format } from "node:util";
import fc from "fast-check";
import { type HttpRequest, HttpResponse } from "@smithy/protocol-http";
import type { MetadataBearer } from "@smithy/types";
import { Command, type JsonRpcClientConfig, type ServiceDescription, type ServiceException } from "@sjc/runtime";
import type { HandlerOptions, JsonRpcHandler, JsonRpcResponse, OperationHandler } from "@sjc/runtime/server";
import {
  type ArbitraryOptions,
  ContradictoryModel,
  type InvalidInput,
  type ModelArbitraries,
  createArbitraries,
} from "./arbitraries.js";
import type { SchemaDefinitions } from "./arbitrary-facets.js";
import { comparableValue } from "./roundtrip-expected.js";
import { GENERATED, maskGeneratedTokens } from "./differential-values.js";

/** What a round trip needs of a generated package. */
export interface RoundTripPackage {
  readonly serviceDescription: ServiceDescription;
  /** `definitions` of the package's `schemas/shapes.schema.json`. */
  readonly definitions: SchemaDefinitions;
  /** The package's client, e.g. `(config) => new SSMClient(config)`. */
  readonly createClient: (config: JsonRpcClientConfig) => RoundTripClient;
  /** The package's handler factory, e.g. `createSSMHandler`. */
  readonly createHandler: (implementation: Record<string, OperationHandler>, options: HandlerOptions) => JsonRpcHandler;
}

export interface RoundTripClient {
  send(command: Command<object, MetadataBearer>): Promise<MetadataBearer>;
  destroy?(): void;
}

/** A request handler (as `@smithy/types` defines one) that answers through a server handler in-process. */
export class ServerBridge {
  /** The server's last response, as it wrote it. */
  lastResponse: JsonRpcResponse | undefined;

  constructor(private readonly handler: JsonRpcHandler) {}

  async handle(request: HttpRequest): Promise<{ response: HttpResponse }> {
    const response = await this.handler({
      method: request.method,
      headers: request.headers,
      body: request.body,
      path: request.path,
      query: request.query,
    });
    this.lastResponse = response;
    return {
      response: new HttpResponse({
        statusCode: response.statusCode,
        headers: { ...response.headers },
        body: typeof response.body === "string" ? new TextEncoder().encode(response.body) : response.body,
      }),
    };
  }

  updateHttpClientConfig(): void {}

  httpHandlerConfigs(): Record<string, never> {
    return {};
  }
}

const ACCESS_KEY_ID = "AKIDROUNDTRIP";
const SECRET_ACCESS_KEY = "roundtrip-secret";

type Behaviour = (operation: string, input: unknown) => Promise<unknown>;

/** What a property runs and how its values went: `RunDetails` of fast-check, summed up. */
export interface PropertyReport {
  readonly operation: string;
  readonly property: "input" | "output" | "invalid input" | "validator";
  readonly runs: number;
  readonly failed: boolean;
  readonly milliseconds: number;
  /** fast-check's report, with the shrunk counterexample, when the property failed. */
  readonly message?: string;
  /** Why the property did not run: the model admits no valid value to run it with. */
  readonly skipped?: string;
}

export interface CheckOptions {
  /** At most this many values (default 100). */
  readonly runs?: number;
  /** Stop generating after this long, counting it a success (default: no limit). */
  readonly timeLimitMs?: number;
  readonly seed?: number;
}

export class RoundTrip {
  readonly arbitraries: ModelArbitraries;
  readonly operations: readonly string[];
  /** Failures the server logged (internal errors), since the last case began. */
  readonly serverErrors: string[] = [];
  private readonly description: ServiceDescription;
  private readonly client: RoundTripClient;
  private readonly bridge: ServerBridge;
  private behaviour: Behaviour = async () => ({});
  private calls = 0;

  constructor(pkg: RoundTripPackage, options?: ArbitraryOptions) {
    this.description = pkg.serviceDescription;
    this.arbitraries = createArbitraries(pkg.serviceDescription, pkg.definitions, options);
    this.operations = Object.keys(pkg.serviceDescription.schema.operations);
    const implementation: Record<string, OperationHandler> = {};
    for (const [key, operation] of Object.entries(pkg.serviceDescription.schema.operations)) {
      implementation[key] = (async (input: unknown) => {
        this.calls++;
        return this.behaviour(operation.name, input);
      }) as OperationHandler;
    }
    const handler = pkg.createHandler(implementation, {
      credentials: { [ACCESS_KEY_ID]: SECRET_ACCESS_KEY },
      logger: { error: (...args: unknown[]) => void this.serverErrors.push(format(...args)) },
    });
    this.bridge = new ServerBridge(handler);
    this.client = pkg.createClient({
      requestHandler: this.bridge,
      region: "us-east-1",
      credentials: { accessKeyId: ACCESS_KEY_ID, secretAccessKey: SECRET_ACCESS_KEY },
      endpoint: "https://roundtrip.example.com",
      maxAttempts: 1,
      disableHostPrefix: true,
    });
  }

  /** Sends `input` with the client; resolves to what the server implementation received. */
  async sendInput(operation: string, input: Record<string, unknown>): Promise<unknown> {
    let received: unknown;
    this.behaviour = async (_, value) => {
      received = value;
      return {};
    };
    await this.call(operation, input);
    return received;
  }

  /**
   * Calls with a valid `input` and lets the server implementation answer
   * `output`; resolves to what the client read (without `$metadata`).
   */
  async receiveOutput(
    operation: string,
    input: Record<string, unknown>,
    output: Record<string, unknown>,
  ): Promise<unknown> {
    this.behaviour = async () => output;
    const { $metadata: _metadata, ...members } = (await this.call(operation, input)) as MetadataBearer &
      Record<string, unknown>;
    return members;
  }

  /** (a) A valid input reaches the server implementation as it was sent, defaults filled in. */
  inputProperty(operation: string): fc.IAsyncPropertyWithHooks<[Record<string, unknown>]> {
    return fc.asyncProperty(this.arbitraries.arbitraryForInput(operation), async (input) => {
      const expected = comparableValue(this.arbitraries.expectedInput(operation, input));
      const inputId = this.description.schema.operations[operation]?.input;
      // Idempotency tokens the input left out arrive filled in by the client (checked to be UUIDs).
      const received =
        inputId === undefined
          ? await this.sendInput(operation, input)
          : withoutGenerated(
              maskGeneratedTokens(this.description.schema, inputId, await this.sendInput(operation, input), input),
            );
      assert.deepStrictEqual(
        comparableValue(received),
        expected,
        `${operation} input changed on its way to the server`,
      );
    });
  }

  /** (b) A valid output reaches the client as the server implementation returned it, defaults filled in. */
  outputProperty(operation: string): fc.IAsyncPropertyWithHooks<[Record<string, unknown>, Record<string, unknown>]> {
    const { arbitraryForInput, arbitraryForOutput } = this.arbitraries;
    return fc.asyncProperty(arbitraryForOutput(operation), arbitraryForInput(operation), async (output, input) => {
      const expected = comparableValue(this.arbitraries.expectedOutput(operation, output));
      const received = await this.receiveOutput(operation, input, output);
      assert.deepStrictEqual(
        comparableValue(received),
        expected,
        `${operation} output changed on its way to the client`,
      );
    });
  }

  /**
   * (c) An input that breaks one constraint is refused with a 400
   * `ValidationException` naming the member path, and never reaches the implementation.
   */
  invalidInputProperty(operation: string): fc.IAsyncPropertyWithHooks<[InvalidInput]> {
    return fc.asyncProperty(this.arbitraries.arbitraryInvalidInput(operation), async (invalid) => {
      this.behaviour = async () => ({});
      const calls = this.calls;
      let error: ServiceException | undefined;
      try {
        await this.call(operation, invalid.input);
      } catch (caught) {
        error = caught as ServiceException;
      }
      assert.ok(
        error !== undefined,
        `${operation} accepted an input whose ${invalid.path} breaks: ${invalid.constraint}`,
      );
      assert.equal(this.calls, calls, "the implementation was called with an invalid input");
      assert.equal(error.name, "ValidationException", `error name (message: ${error.message})`);
      assert.equal(error.$metadata?.httpStatusCode, 400, "status code");
      assert.equal(this.bridge.lastResponse?.headers["x-amzn-errortype"], "ValidationException", "X-Amzn-ErrorType");
      const constraint =
        invalid.kind === "pattern" ? "Member must satisfy regular expression pattern: " : invalid.constraint;
      assert.ok(
        error.message.startsWith("1 validation error detected: ") &&
          error.message.includes(` at '${invalid.path}' failed to satisfy constraint: ${constraint}`),
        `expected one failure at '${invalid.path}' (${invalid.constraint}), got: ${error.message}`,
      );
    });
  }

  /** (d) The package's input (and output) validators accept every generated value. */
  validatorProperty(operation: string): fc.IPropertyWithHooks<[Record<string, unknown>, Record<string, unknown>]> {
    const validators = this.description.validators[operation];
    assert.ok(validators !== undefined, `no validators for ${operation}`);
    return fc.property(
      this.arbitraries.arbitraryForInput(operation),
      this.arbitraries.arbitraryForOutput(operation),
      (input, output) => {
        assert.deepStrictEqual(validators.input(input), [], `a generated ${operation} input is invalid`);
        assert.deepStrictEqual(validators.output(output), [], `a generated ${operation} output is invalid`);
      },
    );
  }

  /** Runs one of the properties above and sums it up; never throws for a failed property. */
  async check(
    operation: string,
    property: PropertyReport["property"],
    options: CheckOptions = {},
  ): Promise<PropertyReport> {
    const started = performance.now();
    const parameters: fc.Parameters<unknown> = {
      numRuns: options.runs ?? 100,
      ...(options.seed === undefined ? {} : { seed: options.seed }),
      ...(options.timeLimitMs === undefined ? {} : { plugins: [fc.interruptAfterTimeLimit(options.timeLimitMs)] }),
    };
    let details: fc.RunDetails<unknown>;
    try {
      details = await fc.check(this.property(operation, property) as fc.IRawProperty<unknown>, parameters);
    } catch (error) {
      const milliseconds = performance.now() - started;
      if (error instanceof ContradictoryModel) {
        return { operation, property, runs: 0, failed: false, milliseconds, skipped: error.message };
      }
      // Building the arbitraries failed: the model admits no value we can generate.
      return {
        operation,
        property,
        runs: 0,
        failed: true,
        milliseconds: performance.now() - started,
        message: String(error),
      };
    }
    const milliseconds = performance.now() - started;
    if (!details.failed) return { operation, property, runs: details.numRuns, failed: false, milliseconds };
    const server = this.serverErrors.length > 0 ? `\nServer log:\n${this.serverErrors.slice(-3).join("\n")}` : "";
    return {
      operation,
      property,
      runs: details.numRuns,
      failed: true,
      milliseconds,
      message: `${fc.defaultReportMessage(details)}\n${describeError(details.errorInstance)}${server}`,
    };
  }

  destroy(): void {
    this.client.destroy?.();
  }

  private property(operation: string, property: PropertyReport["property"]): fc.IRawProperty<unknown> {
    switch (property) {
      case "input":
        return this.inputProperty(operation) as fc.IRawProperty<unknown>;
      case "output":
        return this.outputProperty(operation) as fc.IRawProperty<unknown>;
      case "invalid input":
        return this.invalidInputProperty(operation) as fc.IRawProperty<unknown>;
      case "validator":
        return this.validatorProperty(operation) as fc.IRawProperty<unknown>;
    }
  }

  private async call(operation: string, input: object): Promise<MetadataBearer> {
    this.serverErrors.length = 0;
    this.bridge.lastResponse = undefined;
    return this.client.send(new Command<object, MetadataBearer>(operation, input));
  }
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return `Got ${format(error)}`;
  return `Got ${error.name}: ${error.message}`;
}

/** `value` without the members that `maskGeneratedTokens` marked (plain objects and arrays only). */
function withoutGenerated(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutGenerated);
  if (value === null || typeof value !== "object" || Object.getPrototypeOf(value) !== Object.prototype) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (item !== GENERATED)
      Object.defineProperty(out, key, {
        value: withoutGenerated(item),
        enumerable: true,
        writable: true,
        configurable: true,
      });
  }
  return out;
}
