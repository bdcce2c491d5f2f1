/**
 * The protocol test cases of a service: `smithy.test#httpRequestTests`,
 * `#httpResponseTests` and `#httpMalformedRequestTests` on its operations and
 * on the error shapes they reach, for the service's protocol, planned as one
 * test per case and side (client, server) that the case applies to.
 */
import { type ErrorShape, type Operation, type ShapeIndex, compare } from "../../index/shape-index.js";
import type {
  CommonCase,
  HttpMalformedRequestCase,
  HttpRequestCase,
  HttpResponseCase,
  Side,
} from "../../index/protocol-tests.js";

/** One `it()`: a case on one side, with the operation it exercises. */
export type PlannedTest =
  | { readonly side: Side; readonly kind: "request"; readonly operation: Operation; readonly case: HttpRequestCase }
  | {
      readonly side: Side;
      readonly kind: "response";
      readonly operation: Operation;
      /** Set for cases on an error shape: the error the response carries. */
      readonly error?: ErrorShape;
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
  const ours = <C extends { readonly protocol: string }>(cases: readonly C[]): C[] =>
    cases.filter((c) => c.protocol === protocol);
  const sides = (c: CommonCase): Side[] => (c.appliesTo ? [c.appliesTo] : ["client", "server"]);
  const tests: PlannedTest[] = [];
  for (const operation of index.operations) {
    for (const c of ours(operation.tests.requests)) {
      for (const side of sides(c)) tests.push({ side, kind: "request", operation, case: c });
    }
    for (const c of ours(operation.tests.responses)) {
      for (const side of sides(c)) tests.push({ side, kind: "response", operation, case: c });
    }
    for (const c of ours(operation.tests.malformed)) {
      tests.push({ side: "server", kind: "malformed", operation, case: c });
    }
  }
  for (const error of [...index.errors].sort((a, b) => compare(a.id, b.id))) {
    const cases = ours(error.responseTests);
    if (cases.length === 0) continue;
    // Validation saw an operation that returns it; it may belong to another service of the model.
    const operation = index.operations.find((op) => op.errors.includes(error.id));
    if (operation === undefined) continue;
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
