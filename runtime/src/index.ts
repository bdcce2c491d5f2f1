export { contentTypeOf } from "./schema.js";
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
export { SerializationError, ServiceException } from "./errors.js";
export type { ExceptionOptionType, ServiceExceptionOptions } from "./errors.js";
export { formatValidationMessage, fromCompiled, memberPath } from "./validation.js";
export type { AjvError, CompiledValidator, ValidationFailure, Validator } from "./validation.js";
export type { ErrorConstructor, OperationValidators, ServiceDescription } from "./service.js";
