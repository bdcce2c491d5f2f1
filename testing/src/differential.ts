/**
 * Differential tests: a generated package's client against the AWS SDK for
 * JavaScript v3 client of the same service. Both send the same random valid
 * inputs to a stub request handler, whose requests are compared; both then
 * read the same random responses (valid outputs in wire form, and errors),
 * and what they return or throw is compared. A difference fails its case
 * unless `accept` says it is known.
 *
 * ```ts
 * const differential = new Differential(
 *   { serviceDescription, definitions, createClient: (config) => new SSMClient(config) },
 *   await import("@aws-sdk/client-ssm"),
 *   { ignoredHeaders: ["user-agent"] },
 * );
 * const report = await differential.check("GetThing", "request", { runs: 50, accept: () => false });
 * ```
 */
import { format } from "node:util";
import fc from "fast-check";
import {
  Command,
  contentTypeOf,
  serializeStructure,
  type JsonRpcClientConfig,
  type ServiceDescription,
  type ShapeId,
  type StructureShapeSchema,
} from "@sjc/runtime";
import type { MetadataBearer } from "@smithy/types";
import { type ArbitraryOptions, type ModelArbitraries, createArbitraries } from "./arbitraries.js";
import type { SchemaDefinitions } from "./arbitrary-facets.js";
import { type Difference, comparableRequest, differencesBetween, maskGeneratedTokens } from "./differential-values.js";
import type { RoundTripClient } from "./roundtrip.js";
import { withDefaults } from "./roundtrip-expected.js";
import { type CannedResponse, StubHttpHandler } from "./stub-http-handler.js";

/** What a differential test needs of a generated package. */
export interface DifferentialPackage {
  readonly serviceDescription: ServiceDescription;
  /** `definitions` of the package's `schemas/shapes.schema.json`. */
  readonly definitions: SchemaDefinitions;
  /** The package's client, e.g. `(config) => new SSMClient(config)`. */
  readonly createClient: (config: JsonRpcClientConfig) => RoundTripClient;
}

/** The exports of an `@aws-sdk/client-*` module: its `<Service>Client` and `<Operation>Command` classes. */
export type SdkClientModule = Readonly<Record<string, unknown>>;

export interface DifferentialOptions {
  /** Request headers not compared (lower case), such as signatures, dates and user agents. */
  readonly ignoredHeaders?: Iterable<string>;
  readonly arbitraries?: ArbitraryOptions;
}

export type DifferentialCase = Difference["case"];

export interface DifferentialCheckOptions {
  /** At most this many cases (default 100). */
  readonly runs?: number;
  readonly seed?: number;
  /** Stop after this long, counting what ran (default: no limit). */
  readonly timeLimitMs?: number;
  /** Whether a difference is a known one; unknown ones fail the case. Default: none is known. */
  readonly accept?: (difference: Difference) => boolean;
}

export interface DifferentialReport {
  readonly operation: string;
  readonly case: DifferentialCase;
  readonly runs: number;
  readonly failed: boolean;
  /** fast-check's report with the shrunk case and its unknown differences, when one failed. */
  readonly message?: string;
}

interface SdkClient {
  send(command: unknown): Promise<MetadataBearer>;
  destroy(): void;
}

type SdkClientClass = new (config: Record<string, unknown>) => SdkClient;
type SdkCommandClass = new (input: unknown) => unknown;

/** Who writes a response body: a service's writer puts in every default, a client's leaves top-level ones out. */
type Writer = NonNullable<Parameters<typeof serializeStructure>[3]>;

const REGION = "us-east-1";
/**
 * Both clients send to this endpoint: our client derives its default one from
 * the endpoint prefix, the SDK's from the model's endpoint rule set, which can
 * route by input members (a stream ARN's account, say). Their requests are
 * compared below the endpoint.
 */
const ENDPOINT = "https://differential.example.com";
const CREDENTIALS = { accessKeyId: "AKIDDIFFERENTIAL", secretAccessKey: "differential-secret" };
const SILENT = { trace() {}, debug() {}, info() {}, warn() {}, error() {} };

/** The ways awsJson lets a response name its error, all of which a client must read. */
const ERROR_TYPE_STYLES = ["header", "body", "body-absolute", "header-suffix"] as const;
type ErrorTypeStyle = (typeof ERROR_TYPE_STYLES)[number];

/** An error response to read: the modeled error shape it carries, or undefined for an unmodeled one. */
interface ErrorCase {
  readonly id: ShapeId | undefined;
  readonly response: CannedResponse;
}

/** What a call came to, in a form both clients share. */
type Outcome =
  | { readonly outcome: "returned"; readonly output: unknown; readonly $metadata: unknown }
  | { readonly outcome: "threw"; readonly error: Record<string, unknown> };

export class Differential {
  readonly arbitraries: ModelArbitraries;
  /** Operations of the package that the SDK client also has a command for, in schema order. */
  readonly operations: readonly string[];
  /** Operations of the package that the SDK client has no command for. */
  readonly missingFromSdk: readonly string[];
  private readonly description: ServiceDescription;
  private readonly ignoredHeaders: ReadonlySet<string>;
  private readonly ours: { readonly client: RoundTripClient; readonly handler: StubHttpHandler };
  private readonly sdk: { readonly client: SdkClient; readonly handler: StubHttpHandler };
  private readonly commands: ReadonlyMap<string, SdkCommandClass>;

  constructor(pkg: DifferentialPackage, sdkModule: SdkClientModule, options: DifferentialOptions = {}) {
    this.description = pkg.serviceDescription;
    this.arbitraries = createArbitraries(pkg.serviceDescription, pkg.definitions, options.arbitraries);
    this.ignoredHeaders = new Set([...(options.ignoredHeaders ?? [])].map((name) => name.toLowerCase()));
    const commands = new Map<string, SdkCommandClass>();
    const missing: string[] = [];
    for (const name of Object.keys(this.description.schema.operations)) {
      const command = sdkModule[`${name}Command`];
      if (typeof command === "function") commands.set(name, command as SdkCommandClass);
      else missing.push(name);
    }
    this.commands = commands;
    this.operations = [...commands.keys()];
    this.missingFromSdk = missing;

    const ourHandler = new StubHttpHandler();
    this.ours = {
      handler: ourHandler,
      client: pkg.createClient({
        requestHandler: ourHandler,
        region: REGION,
        endpoint: ENDPOINT,
        credentials: CREDENTIALS,
        maxAttempts: 1,
      }),
    };
    const sdkHandler = new StubHttpHandler();
    const SdkClient = sdkClientClass(sdkModule);
    this.sdk = {
      handler: sdkHandler,
      client: new SdkClient({
        requestHandler: sdkHandler,
        region: REGION,
        endpoint: ENDPOINT,
        credentials: CREDENTIALS,
        maxAttempts: 1,
        logger: SILENT,
      }),
    };
  }

  /** Sends `input` with both clients (each answered `200 {}`) and compares the two requests. */
  async compareRequest(operation: string, input: Record<string, unknown>): Promise<Difference[]> {
    const response: CannedResponse = { code: 200, headers: { "content-type": this.contentType() }, body: "{}" };
    // What a client makes of the answer does not matter here, only what it sent.
    const [ours, sdk] = await Promise.all([
      this.sendOurs(operation, input, response).then(
        () => this.lastRequest(this.ours.handler, operation, input, undefined),
        (error: unknown) => this.lastRequest(this.ours.handler, operation, input, error),
      ),
      this.sendSdk(operation, input, response).then(
        () => this.lastRequest(this.sdk.handler, operation, input, undefined),
        (error: unknown) => this.lastRequest(this.sdk.handler, operation, input, error),
      ),
    ]);
    return differencesBetween(ours, sdk).map((difference) => ({ operation, case: "request", ...difference }));
  }

  /** Lets both clients read `response` to a call with `input`, and compares what they return or throw. */
  async compareResponse(
    operation: string,
    input: Record<string, unknown>,
    response: CannedResponse,
    errorShape?: ShapeId,
  ): Promise<Difference[]> {
    const comparedCase: DifferentialCase = response.code >= 200 && response.code < 300 ? "output" : "error";
    const [ours, sdk] = await Promise.all([
      this.sendOurs(operation, input, response).then(...this.outcomeOf(errorShape)),
      this.sendSdk(operation, input, response).then(...this.outcomeOf(errorShape)),
    ]);
    if (ours.outcome !== sdk.outcome) {
      return [{ operation, case: comparedCase, path: "/outcome", ours: describe(ours), sdk: describe(sdk) }];
    }
    const differences = differencesBetween(ours, sdk);
    const id = this.schema().operations[operation]!.output;
    if (ours.outcome === "threw" || sdk.outcome === "threw" || id === undefined || differences.length === 0) {
      return differences.map((difference) => ({ operation, case: comparedCase, ...difference }));
    }
    // Which differences go away once the SDK's output gets the model's defaults for what it left out.
    const remaining = new Set(
      differencesBetween(ours, { ...sdk, output: withDefaults(this.schema(), id, sdk.output) }).map((d) => d.path),
    );
    return differences.map((difference) => ({
      operation,
      case: comparedCase,
      ...difference,
      ...(remaining.has(difference.path) ? {} : { modelDefault: true }),
    }));
  }

  /** A property over random cases of `operation`: no case shows a difference that `accept` does not know. */
  property(
    operation: string,
    comparedCase: DifferentialCase,
    accept: (difference: Difference) => boolean = () => false,
  ): fc.IAsyncPropertyWithHooks<[Record<string, unknown>, CannedResponse | ErrorCase]> {
    const inputs = this.arbitraries.arbitraryForInput(operation);
    const responses: fc.Arbitrary<CannedResponse | ErrorCase> =
      comparedCase === "request"
        ? fc.constant({ code: 200 })
        : comparedCase === "output"
          ? this.outputResponse(operation)
          : this.errorResponse(operation);
    return fc.asyncProperty(inputs, responses, async (input, response) => {
      const differences =
        comparedCase === "request"
          ? await this.compareRequest(operation, input)
          : "response" in response
            ? await this.compareResponse(operation, input, response.response, response.id)
            : await this.compareResponse(operation, input, response);
      const unknown = differences.filter((difference) => !accept(difference));
      if (unknown.length > 0) {
        throw new Error(
          `${unknown.length} unknown difference(s):\n${unknown
            .map((d) => `  ${d.case} ${d.path}: ours ${format("%o", d.ours)}, sdk ${format("%o", d.sdk)}`)
            .join("\n")}`,
        );
      }
    });
  }

  /** Runs {@link property} and sums it up; never throws for a failed case. */
  async check(
    operation: string,
    comparedCase: DifferentialCase,
    options: DifferentialCheckOptions = {},
  ): Promise<DifferentialReport> {
    const parameters: fc.Parameters<unknown> = {
      numRuns: options.runs ?? 100,
      ...(options.seed === undefined ? {} : { seed: options.seed }),
      ...(options.timeLimitMs === undefined ? {} : { plugins: [fc.interruptAfterTimeLimit(options.timeLimitMs)] }),
    };
    let details: fc.RunDetails<unknown>;
    try {
      details = await fc.check(
        this.property(operation, comparedCase, options.accept) as fc.IRawProperty<unknown>,
        parameters,
      );
    } catch (error) {
      return { operation, case: comparedCase, runs: 0, failed: true, message: String(error) };
    }
    if (!details.failed) return { operation, case: comparedCase, runs: details.numRuns, failed: false };
    const cause =
      details.errorInstance instanceof Error ? details.errorInstance.message : format(details.errorInstance);
    return {
      operation,
      case: comparedCase,
      runs: details.numRuns,
      failed: true,
      message: `${fc.defaultReportMessage(details)}\n${cause}`,
    };
  }

  destroy(): void {
    this.ours.client.destroy?.();
    this.sdk.client.destroy();
  }

  /**
   * 200 responses carrying a random valid output, written with every default,
   * or with the top-level ones left out (as some services do).
   */
  private outputResponse(operation: string): fc.Arbitrary<CannedResponse> {
    const id = this.description.schema.operations[operation]!.output;
    return fc
      .tuple(this.arbitraries.arbitraryForOutput(operation), fc.constantFrom<Writer>("server", "client"), fc.uuid())
      .map(([output, writer, requestId]) => ({
        code: 200,
        headers: { "content-type": this.contentType(), "x-amzn-requestid": requestId },
        body: JSON.stringify(
          id === undefined ? {} : serializeStructure(this.schema(), this.members(id), output, writer),
        ),
      }));
  }

  /**
   * Error responses: each modeled error of the operation with random members,
   * and an unmodeled one, named in each of the ways awsJson allows.
   */
  private errorResponse(operation: string): fc.Arbitrary<ErrorCase> {
    const schema = this.schema();
    const modeled = schema.operations[operation]!.errors.map((id) =>
      fc
        .tuple(this.arbitraries.arbitraryForShape(id), fc.constantFrom(...ERROR_TYPE_STYLES), fc.uuid())
        .map(([members, style, requestId]): ErrorCase => {
          const shape = schema.shapes[id] as StructureShapeSchema;
          const headers: Record<string, string> = { "x-amzn-requestid": requestId };
          if (schema.queryCompatible && shape.queryErrorCode !== undefined) {
            headers["x-amzn-query-error"] =
              `${shape.queryErrorCode};${shape.error === "server" ? "Receiver" : "Sender"}`;
          }
          const body = serializeStructure(schema, shape.members, members as Record<string, unknown>);
          return {
            id,
            response: this.errorBody(
              id,
              style,
              shape.httpError ?? (shape.error === "server" ? 500 : 400),
              headers,
              body,
            ),
          };
        }),
    );
    const modeledNames = new Set(schema.operations[operation]!.errors.map((id) => id.slice(id.indexOf("#") + 1)));
    const unmodeled = fc
      .tuple(
        fc.stringMatching(/^[A-Z][A-Za-z]{1,20}(Exception|Error|Fault)$/).filter((name) => !modeledNames.has(name)),
        fc.constantFrom(400, 403, 429, 500, 503),
        fc.string({ maxLength: 40 }),
        fc.constantFrom(...ERROR_TYPE_STYLES),
        fc.uuid(),
      )
      .map(([name, code, message, style, requestId]): ErrorCase => ({
        id: undefined,
        response: this.errorBody(
          `${schema.id.slice(0, schema.id.indexOf("#"))}#${name}`,
          style,
          code,
          {
            "x-amzn-requestid": requestId,
          },
          { message },
        ),
      }));
    return fc.oneof(...modeled, unmodeled);
  }

  private errorBody(
    id: ShapeId,
    style: ErrorTypeStyle,
    code: number,
    headers: Record<string, string>,
    members: Record<string, unknown>,
  ): CannedResponse {
    const name = id.slice(id.indexOf("#") + 1);
    const all: Record<string, string> = { "content-type": this.contentType(), ...headers };
    let body: Record<string, unknown> = members;
    switch (style) {
      case "header":
        all["x-amzn-errortype"] = name;
        break;
      case "header-suffix":
        all["x-amzn-errortype"] = `${name}:http://internal.amazon.com/coral/com.amazon.coral.validate/`;
        break;
      case "body":
        body = { __type: name, ...members };
        break;
      case "body-absolute":
        body = { __type: id, ...members };
        break;
    }
    return { code, headers: all, body: JSON.stringify(body) };
  }

  private async sendOurs(operation: string, input: Record<string, unknown>, response: CannedResponse) {
    this.ours.handler.respond(response);
    return this.ours.client.send(new Command<object, MetadataBearer>(operation, structuredClone(input)));
  }

  private async sendSdk(operation: string, input: Record<string, unknown>, response: CannedResponse) {
    this.sdk.handler.respond(response);
    const Command = this.commands.get(operation);
    if (Command === undefined) throw new Error(`The SDK client has no ${operation}Command`);
    return this.sdk.client.send(new Command(structuredClone(input)));
  }

  /**
   * The last request `handler` saw, as compared, with generated idempotency
   * tokens masked; or, when the client sent none, why.
   */
  private lastRequest(handler: StubHttpHandler, operation: string, input: Record<string, unknown>, error: unknown) {
    const request = handler.requests.at(-1);
    handler.requests.length = 0;
    if (request === undefined)
      return { sent: "nothing", error: error instanceof Error ? error.message : format(error) };
    const comparable = comparableRequest(request, this.ignoredHeaders);
    const id = this.description.schema.operations[operation]!.input;
    return id === undefined
      ? comparable
      : { ...comparable, body: maskGeneratedTokens(this.schema(), id, comparable.body, input) };
  }

  /** `then` callbacks that turn a call's result or rejection into an {@link Outcome}. */
  private outcomeOf(
    errorShape: ShapeId | undefined,
  ): [(output: MetadataBearer) => Outcome, (error: unknown) => Outcome] {
    const memberNames = errorShape === undefined ? [] : Object.keys(this.members(errorShape));
    if (this.schema().queryCompatible) memberNames.push("Code", "Type");
    return [
      ({ $metadata, ...output }) => ({ outcome: "returned", output, $metadata: metadataOf($metadata) }),
      (error) => {
        const e = (error ?? {}) as Record<string, unknown> & MetadataBearer;
        const compared: Record<string, unknown> = {
          class: (e.constructor as { name?: string } | undefined)?.name,
          name: e.name,
          $fault: e.$fault,
          message: e.message,
          $metadata: metadataOf(e.$metadata),
        };
        for (const name of memberNames) compared[`member ${name}`] = e[name];
        return { outcome: "threw", error: compared };
      },
    ];
  }

  private schema() {
    return this.description.schema;
  }

  private members(id: ShapeId) {
    return (this.schema().shapes[id] as StructureShapeSchema).members;
  }

  private contentType(): string {
    return contentTypeOf(this.schema().protocol);
  }
}

function metadataOf(metadata: MetadataBearer["$metadata"] | undefined) {
  return { httpStatusCode: metadata?.httpStatusCode, requestId: metadata?.requestId };
}

function describe(outcome: Outcome): string {
  if (outcome.outcome === "returned") return "returned";
  const { name, message } = outcome.error;
  return `threw ${String(name)}: ${String(message)}`;
}

/** The module's `<Service>Client`: the `…Client` export whose aggregated `<Service>` class sits beside it. */
function sdkClientClass(sdkModule: SdkClientModule): SdkClientClass {
  for (const [name, value] of Object.entries(sdkModule)) {
    if (name.endsWith("Client") && typeof value === "function" && typeof sdkModule[name.slice(0, -6)] === "function") {
      return value as SdkClientClass;
    }
  }
  throw new Error("The SDK module exports no <Service>Client beside an aggregated <Service> class");
}
