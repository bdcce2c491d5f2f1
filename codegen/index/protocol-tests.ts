/**
 * The `smithy.test` protocol test cases, as the traits hold them: the trait
 * ids, and the case types that `validate/` checks and the index decodes.
 */
import type { NodeValue } from "../load/ast.js";

export const PROTOCOL_TEST_TRAITS = {
  requestTests: "smithy.test#httpRequestTests",
  responseTests: "smithy.test#httpResponseTests",
  malformedRequestTests: "smithy.test#httpMalformedRequestTests",
} as const;

export type Side = "client" | "server";

type Headers = Readonly<Record<string, string>>;
type Params = Readonly<Record<string, NodeValue>>;

export interface CommonCase {
  readonly id: string;
  readonly protocol: string;
  readonly documentation?: string;
  readonly tags?: readonly string[];
  readonly appliesTo?: Side;
}

/** What request and response cases share: a message, and the params it carries. */
interface MessageCase extends CommonCase {
  readonly authScheme?: string;
  readonly headers?: Headers;
  readonly forbidHeaders?: readonly string[];
  readonly requireHeaders?: readonly string[];
  readonly body?: string;
  readonly bodyMediaType?: string;
  readonly params?: Params;
  readonly vendorParamsShape?: string;
  readonly vendorParams?: Params;
}

export interface HttpRequestCase extends MessageCase {
  readonly method: string;
  readonly uri: string;
  readonly host?: string;
  readonly resolvedHost?: string;
  readonly queryParams?: readonly string[];
  readonly forbidQueryParams?: readonly string[];
  readonly requireQueryParams?: readonly string[];
}

export interface HttpResponseCase extends MessageCase {
  readonly code: number;
}

export interface HttpMalformedRequestCase {
  readonly id: string;
  readonly protocol: string;
  readonly documentation?: string;
  readonly tags?: readonly string[];
  readonly request: {
    readonly method: string;
    readonly uri: string;
    readonly host?: string;
    readonly queryParams?: readonly string[];
    readonly headers?: Headers;
    readonly body?: string;
  };
  readonly response: {
    readonly code: number;
    readonly headers?: Headers;
    readonly body?: {
      readonly mediaType: string;
      readonly assertion: { readonly contents?: string; readonly messageRegex?: string };
    };
  };
  readonly testParameters?: Readonly<Record<string, readonly string[]>>;
}
