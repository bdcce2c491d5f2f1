export { codecFor, contentTypeOf, decodeCbor, isTagged } from "./protocols/index.js";
export type { Body, ProtocolCodec } from "./protocols/index.js";
export type {
  ListShapeSchema,
  MapShapeSchema,
  MemberSchema,
  OperationSchema,
  Protocol,
  ServiceSchema,
  ShapeId,
  ShapeSchema,
  SimpleShapeSchema,
  StructureShapeSchema,
  TimestampFormat,
  TimestampShapeSchema,
  UnionShapeSchema,
} from "./schema.js";
export { deserializeShape, deserializeStructure, serializeShape, serializeStructure } from "./serde.js";
export { compileWireWriters } from "./wire-writer.js";
export type { WireWriters, WriteJson } from "./wire-writer.js";
export { SerializationError, ServiceException } from "./errors.js";
export type { ExceptionOptionType, ServiceExceptionOptions } from "./errors.js";
export { formatValidationMessage, fromCompiled, memberPath } from "./validation.js";
export { deepEqual } from "./platform/node.cjs";
export type { AjvError, CompiledContext, CompiledValidator, ValidationFailure, Validator } from "./validation.js";
export type { ErrorConstructor, OperationValidators, ServiceDescription } from "./service.js";
export { Command } from "./client/command.js";
export { JsonRpcClient } from "./client/client.js";
export type { JsonRpcSendOptions } from "./client/client.js";
export type { JsonRpcClientConfig, JsonRpcClientResolvedConfig, JsonRpcRequestHandler } from "./client/config.js";
export { BUILT_IN_CONFIG, CREDENTIAL_BUILT_INS, resolveRulesEndpoint } from "./client/endpoints.js";
export type { EndpointRuleSet, EndpointRules } from "./client/endpoints.js";
export { PathEvaluationError, evaluatePath, isTruthy } from "./client/path-expression.js";
export type { PathExpression } from "./client/path-expression.js";
export { createPaginator } from "./client/paginator.js";
export type { JsonRpcPaginationConfiguration } from "./client/paginator.js";
export { createWaiter } from "./client/waiter.js";
export type {
  WaiterAcceptor,
  WaiterAcceptorState,
  WaiterDelays,
  WaiterMatcher,
  WaiterPathComparator,
  WaiterPathMatcher,
} from "./client/waiter.js";
export type { WaiterResult, WaiterState } from "@smithy/util-waiter";
