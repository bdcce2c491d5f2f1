/**
 * `@sjc/testing`: what generated protocol tests (`test/protocol.spec.ts`
 * of a generated package) need, kept out of the runtime's main entry.
 */
export { fromParams } from "./params.js";
export { assertBody, bodyPreview, cborValue } from "./compare.js";
export { StubHttpHandler, testClientConfig } from "./stub-http-handler.js";
export type { CannedResponse, TestClientOptions } from "./stub-http-handler.js";
export {
  assertHttpRequest,
  assertModeledError,
  assertOutput,
  assertQueryError,
  expectError,
} from "./client-assertions.js";
export type { ExpectedRequest, QueryErrorParams } from "./client-assertions.js";
export { assertClientEndpoint, assertEndpointCase } from "./endpoint-assertions.js";
export type { EndpointExpectation } from "./endpoint-assertions.js";
export {
  answerWith,
  assertHttpResponse,
  assertMalformedResponse,
  assertReceivedInput,
  failWith,
  recordInput,
  serverRequest,
} from "./server-harness.js";
export type { ExpectedMalformedResponse, ExpectedResponse, Route, TestRequest } from "./server-harness.js";
export { createArbitraries } from "./arbitraries.js";
export type {
  ArbitraryOptions,
  InvalidInput,
  JsonSchema,
  ModelArbitraries,
  MutationKind,
  PathSegment,
  SchemaDefinitions,
} from "./arbitraries.js";
export { RoundTrip, ServerBridge } from "./roundtrip.js";
export type { CheckOptions, PropertyReport, RoundTripClient, RoundTripPackage } from "./roundtrip.js";
export { comparableValue, withDefaults } from "./roundtrip-expected.js";
export { Differential } from "./differential.js";
export type {
  DifferentialCase,
  DifferentialCheckOptions,
  DifferentialOptions,
  DifferentialPackage,
  DifferentialReport,
  SdkClientModule,
} from "./differential.js";
export { GENERATED, pathMatches } from "./differential-values.js";
export type { Difference } from "./differential-values.js";
