/**
 * A request handler for client protocol tests: it records every request the
 * client sends and answers each with one canned response, without a network.
 */
import { type HttpHandler, type HttpRequest, HttpResponse } from "@smithy/protocol-http";
import type { HttpHandlerOptions } from "@smithy/types";
import type { JsonRpcClientConfig } from "@sjc/runtime";
import { caseBodyBytes } from "./compare.js";

/** A response as a protocol test gives it. */
export interface CannedResponse {
  readonly code: number;
  readonly headers?: Readonly<Record<string, string>>;
  /** Text, or base64 when `bodyMediaType` is binary (CBOR). */
  readonly body?: string;
  readonly bodyMediaType?: string;
}

/** An `HttpHandler` (as `@smithy/protocol-http` defines it) with nothing to configure. */
export class StubHttpHandler implements HttpHandler {
  readonly requests: HttpRequest[] = [];
  private response: CannedResponse;

  /** By default every call is answered 200 with an empty body, which every protocol reads as no members. */
  constructor(response: CannedResponse = { code: 200 }) {
    this.response = response;
  }

  /** Answers every later call with `response`. */
  respond(response: CannedResponse): void {
    this.response = response;
  }

  async handle(request: HttpRequest, _options?: HttpHandlerOptions): Promise<{ response: HttpResponse }> {
    this.requests.push(request);
    const { code, headers = {}, body = "", bodyMediaType } = this.response;
    return {
      response: new HttpResponse({
        statusCode: code,
        headers: { ...headers },
        body: caseBodyBytes(body, bodyMediaType),
      }),
    };
  }

  updateHttpClientConfig(): void {}

  httpHandlerConfigs(): Record<string, never> {
    return {};
  }

  /** The one request sent; fails when the client sent none or several. */
  request(): HttpRequest {
    if (this.requests.length !== 1) {
      throw new Error(`Expected the client to send exactly one request, it sent ${this.requests.length}`);
    }
    return this.requests[0]!;
  }
}

export interface TestClientOptions {
  /** The case's `host`: the endpoint's host and optional base path. Default `example.com`. */
  readonly host?: string;
  /** Response tests do not care about host prefixes, whose labels come from the input. */
  readonly disableHostPrefix?: boolean;
}

/**
 * A client configuration that sends through `requestHandler`: a fixed region
 * and credentials (so requests are signed as usual), the case's endpoint, and
 * one attempt (a canned 5xx must not be retried).
 */
export function testClientConfig(
  requestHandler: StubHttpHandler,
  options: TestClientOptions = {},
): JsonRpcClientConfig {
  return {
    requestHandler,
    region: "us-east-1",
    credentials: { accessKeyId: "AKID", secretAccessKey: "SECRET" },
    endpoint: `https://${options.host ?? "example.com"}`,
    maxAttempts: 1,
    ...(options.disableHostPrefix ? { disableHostPrefix: true } : {}),
  };
}
