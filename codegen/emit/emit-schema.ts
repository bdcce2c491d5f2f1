/**
 * `src/schema.ts`: the serde schema the runtime walks to convert typed values
 * to and from awsJson; `src/description.ts`: the service description that
 * ties it to the error classes and validators.
 */
import { tsMorph } from "../ts-morph.js";
import type { Member, Shape, ShapeIndex } from "../index/shape-index.js";
import { tsDoc } from "./docs.js";
import type { GeneratedFile } from "./generated-file.js";
import { Imports } from "./imports.js";
import { RT } from "./runtime-symbols.js";

const { StructureKind, VariableDeclarationKind } = tsMorph();

export function emitSchema(index: ShapeIndex): GeneratedFile[] {
  const { modules } = index.names;
  const imports = new Imports(modules.schema);
  const schemaType = imports.use(RT.ServiceSchema);
  const { service } = index;
  const schema = {
    id: service.id,
    name: service.name,
    sdkId: service.sdkId,
    version: service.version,
    protocol: service.protocol.name,
    ...(service.signingName ? { signingName: service.signingName } : {}),
    ...(service.endpointPrefix ? { endpointPrefix: service.endpointPrefix } : {}),
    ...(service.queryCompatible ? { queryCompatible: true } : {}),
    shapes: Object.fromEntries(index.shapes.map((shape) => [shape.id, shapeEntry(shape)])),
    operations: Object.fromEntries(
      index.operations.map((op) => [
        op.name,
        {
          name: op.name,
          ...(op.input ? { input: op.input } : {}),
          ...(op.output ? { output: op.output } : {}),
          errors: op.errors,
          ...(op.hostPrefix ? { hostPrefix: op.hostPrefix } : {}),
          ...(op.requestCompression.length > 0 ? { requestCompression: op.requestCompression } : {}),
          ...nonEmpty("staticContextParams", op.endpointParams.staticContextParams),
          ...nonEmpty("contextParams", op.endpointParams.contextParams),
          ...nonEmpty("operationContextParams", op.endpointParams.operationContextParams),
        },
      ]),
    ),
  };
  return [
    {
      kind: "typescript",
      path: modules.schema.path,
      statements: [
        ...imports.declarations(),
        {
          kind: StructureKind.VariableStatement,
          isExported: true,
          declarationKind: VariableDeclarationKind.Const,
          docs: tsDoc({}, [`Serde schema of ${service.id}: every shape its operations reach, keyed by shape id.`]),
          declarations: [
            { name: index.names.service.serviceSchema, type: schemaType, initializer: JSON.stringify(schema, null, 2) },
          ],
        },
      ],
    },
    descriptionFile(index),
  ];
}

function descriptionFile(index: ShapeIndex): GeneratedFile {
  const { service, modules } = index.names;
  const imports = new Imports(modules.description);
  const descriptionType = imports.use(RT.ServiceDescription);
  const errorEntries = index.errors.map(
    (e) => `${JSON.stringify(e.id)}: ${imports.from(modules.models, index.names.shape(e.id))},`,
  );
  const baseException = imports.from(modules.models, service.serviceException);
  const validators = imports.from(modules.validators, service.validators);
  const serviceSchema = imports.from(modules.schema, service.serviceSchema);
  const endpointRules =
    index.service.endpointRules === undefined
      ? ""
      : `endpointRules: ${imports.from(modules.endpoints, service.endpointRules)},`;
  return {
    kind: "typescript",
    path: modules.description.path,
    statements: [
      ...imports.declarations(),
      {
        kind: StructureKind.VariableStatement,
        isExported: true,
        declarationKind: VariableDeclarationKind.Const,
        docs: tsDoc({}, ["What the runtime client and server need to speak for this service."]),
        declarations: [
          {
            name: service.serviceDescription,
            type: descriptionType,
            initializer: `{
              schema: ${serviceSchema},
              errors: {\n${errorEntries.join("\n")}\n},
              baseException: ${baseException},
              validators: ${validators},
              ${endpointRules}
            }`,
          },
        ],
      },
    ],
  };
}

function nonEmpty<K extends string>(key: K, value: Readonly<Record<string, unknown>>): { [P in K]?: unknown } {
  return (Object.keys(value).length > 0 ? { [key]: value } : {}) as { [P in K]?: unknown };
}

function shapeEntry(shape: Shape): Record<string, unknown> {
  switch (shape.type) {
    case "timestamp":
      return { type: "timestamp", ...(shape.timestampFormat ? { format: shape.timestampFormat } : {}) };
    case "list":
      return { type: "list", member: memberEntry(shape.members[0]!), ...(shape.sparse ? { sparse: true } : {}) };
    case "map":
      return { type: "map", value: memberEntry(shape.members[1]!), ...(shape.sparse ? { sparse: true } : {}) };
    case "structure": {
      const error = shape.error;
      return {
        type: "structure",
        members: Object.fromEntries(shape.members.map((m) => [m.name, memberEntry(m)])),
        ...(error ? { error: error.fault } : {}),
        ...(error?.httpStatus !== undefined ? { httpError: error.httpStatus } : {}),
        ...(error?.queryErrorCode ? { queryErrorCode: error.queryErrorCode } : {}),
      };
    }
    case "union":
      return { type: "union", members: Object.fromEntries(shape.members.map((m) => [m.name, memberEntry(m)])) };
    default:
      return { type: shape.type };
  }
}

function memberEntry(member: Member): Record<string, unknown> {
  return {
    target: member.target,
    ...(member.timestampFormat ? { timestampFormat: member.timestampFormat } : {}),
    ...(member.default !== undefined ? { default: member.default } : {}),
    ...(member.required ? { required: true } : {}),
    ...(member.clientOptional ? { clientOptional: true } : {}),
    ...(member.idempotencyToken ? { idempotencyToken: true } : {}),
  };
}
