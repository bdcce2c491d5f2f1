/**
 * The protocol test cases of a service: `smithy.test#httpRequestTests`,
 * `#httpResponseTests` and `#httpMalformedRequestTests` on its operations and
 * on the error shapes they reach, for the service's protocol, planned as one
 * test per case and side (client, server) that the case applies to.
 */
import type { NodeValue } from "../../load/ast.js";
import { type Operation, type Shape, type ShapeIndex, compare } from "../../index/shape-index.js";

const REQUEST_TESTS = "smithy.test#httpRequestTests";
const RESPONSE_TESTS = "smithy.test#httpResponseTests";
const MALFORMED_REQUEST_TESTS = "smithy.test#httpMalformedRequestTests";

type Headers = Readonly<Record<string, string>>;
type Params = Readonly<Record<string, NodeValue>>;

interface CommonCase {
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

type Side = "client" | "server";

/** One `it()`: a case on one side, with the operation it exercises. */
export type PlannedTest =
  | { readonly side: Side; readonly kind: "request"; readonly operation: Operation; readonly case: HttpRequestCase }
  | {
      readonly side: Side;
      readonly kind: "response";
      readonly operation: Operation;
      /** Set for cases on an error shape: the error the response carries. */
      readonly error?: Shape;
      readonly case: HttpResponseCase;
    }
  | {
      readonly side: "server";
      readonly kind: "malformed";
      readonly operation: Operation;
      readonly case: HttpMalformedRequestCase;
    };

/** The `describe()` groups, in output order. */
export const GROUPS = [
  { side: "client", kind: "request", title: "client requests" },
  { side: "client", kind: "response", title: "client responses" },
  { side: "server", kind: "request", title: "server requests" },
  { side: "server", kind: "response", title: "server responses" },
  { side: "server", kind: "malformed", title: "server malformed requests" },
] as const;

export const groupOf = (test: PlannedTest) => GROUPS.find((g) => g.side === test.side && g.kind === test.kind)!;

/** Every test of the service, grouped as {@link GROUPS}, then by operation name, error shape id and model order. */
export function planTests(index: ShapeIndex): PlannedTest[] {
  const protocol = index.service.protocol.traitId;
  const ours = <C extends { readonly protocol: string }>(value: NodeValue | undefined): C[] =>
    ((value ?? []) as unknown as C[]).filter((c) => c.protocol === protocol);
  const sides = (c: CommonCase): Side[] => (c.appliesTo ? [c.appliesTo] : ["client", "server"]);
  const tests: PlannedTest[] = [];
  for (const operation of index.operations) {
    for (const c of ours<HttpRequestCase>(operation.traits[REQUEST_TESTS])) {
      for (const side of sides(c)) tests.push({ side, kind: "request", operation, case: c });
    }
    for (const c of ours<HttpResponseCase>(operation.traits[RESPONSE_TESTS])) {
      for (const side of sides(c)) tests.push({ side, kind: "response", operation, case: c });
    }
    for (const c of ours<HttpMalformedRequestCase>(operation.traits[MALFORMED_REQUEST_TESTS])) {
      tests.push({ side: "server", kind: "malformed", operation, case: c });
    }
  }
  for (const error of [...index.errors].sort((a, b) => compare(a.id, b.id))) {
    const cases = ours<HttpResponseCase>(error.traits[RESPONSE_TESTS]);
    if (cases.length === 0) continue;
    // The closure reaches an error through an operation, unless a structure member targets it.
    const operation = index.operations.find((op) => op.errors.includes(error.id));
    if (operation === undefined) {
      throw new Error(`${error.id} has protocol tests, but no operation of ${index.service.id} can return it`);
    }
    for (const c of cases) {
      for (const side of sides(c)) tests.push({ side, kind: "response", operation, error, case: c });
    }
  }
  const rank = (t: PlannedTest) => GROUPS.indexOf(groupOf(t));
  return tests
    .map((test, order) => ({ test, order }))
    .sort((a, b) => rank(a.test) - rank(b.test) || a.order - b.order)
    .map((e) => e.test);
}
