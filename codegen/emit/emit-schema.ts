/**
 * `src/schema.ts`: the serde schema the runtime walks to convert typed values
 * to and from awsJson; `src/description.ts`: the service description that
 * ties it to the error classes and validators.
 */
import { tsMorph } from "../ts-morph.js";
import type { Member, Operation, Shape, ShapeIndex } from "../index/shape-index.js";
import { tsDoc } from "./docs.js";
import type { GeneratedFile } from "./generated-file.js";
import { Imports } from "./imports.js";
import { RT } from "./runtime-symbols.js";
import { MODELS_MODULE } from "./emit-types.js";
import { VALIDATORS_MODULE } from "./emit-validators.js";
import { ENDPOINTS_MODULE, ENDPOINT_RULES } from "./emit-endpoints.js";

const { StructureKind, VariableDeclarationKind } = tsMorph();

export const SCHEMA_MODULE = "./schema.js";
export const DESCRIPTION_MODULE = "./description.js";

export function emitSchema(index: ShapeIndex): GeneratedFile[] {
  const imports = new Imports();
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
          ...requestCompression(op.traits),
          ...nonEmpty("staticContextParams", op.endpointParams.staticContextParams),
          ...nonEmpty("contextParams", op.endpointParams.contextParams),
        },
      ]),
    ),
  };
  return [
    {
      kind: "typescript",
      path: "src/schema.ts",
      statements: [
        ...imports.declarations(),
        {
          kind: StructureKind.VariableStatement,
          isExported: true,
          declarationKind: VariableDeclarationKind.Const,
          docs: tsDoc({}, [`Serde schema of ${service.id}: every shape its operations reach, keyed by shape id.`]),
          declarations: [{ name: "serviceSchema", type: schemaType, initializer: JSON.stringify(schema, null, 2) }],
        },
      ],
    },
    descriptionFile(index),
  ];
}

function descriptionFile(index: ShapeIndex): GeneratedFile {
  const imports = new Imports();
  const descriptionType = imports.use(RT.ServiceDescription);
  const errorEntries = index.errors.map(
    (e) => `${JSON.stringify(e.id)}: ${imports.from(MODELS_MODULE, index.names.shape(e.id))},`,
  );
  const baseException = imports.from(MODELS_MODULE, index.names.service.serviceException);
  const validators = imports.from(VALIDATORS_MODULE, "validators");
  const serviceSchema = imports.from(SCHEMA_MODULE, "serviceSchema");
  const endpointRules =
    index.service.endpointRules === undefined
      ? ""
      : `endpointRules: ${imports.from(ENDPOINTS_MODULE, ENDPOINT_RULES)},`;
  return {
    kind: "typescript",
    path: "src/description.ts",
    statements: [
      ...imports.declarations(),
      {
        kind: StructureKind.VariableStatement,
        isExported: true,
        declarationKind: VariableDeclarationKind.Const,
        docs: tsDoc({}, ["What the runtime client and server need to speak for this service."]),
        declarations: [
          {
            name: "serviceDescription",
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

function requestCompression(traits: Operation["traits"]): { requestCompression?: string[] } {
  const trait = traits["smithy.api#requestCompression"] as { encodings?: string[] } | undefined;
  return trait?.encodings?.length ? { requestCompression: trait.encodings } : {};
}

function shapeEntry(shape: Shape): Record<string, unknown> {
  const traits = shape.traits;
  const sparse = traits["smithy.api#sparse"] !== undefined ? { sparse: true } : {};
  switch (shape.type) {
    case "timestamp": {
      const format = traits["smithy.api#timestampFormat"];
      return { type: "timestamp", ...(format ? { format } : {}) };
    }
    case "list":
      return { type: "list", member: memberEntry(shape.members[0]!), ...sparse };
    case "map":
      return { type: "map", value: memberEntry(shape.members[1]!), ...sparse };
    case "structure": {
      const error = traits["smithy.api#error"];
      const httpError = traits["smithy.api#httpError"];
      const queryError = traits["aws.protocols#awsQueryError"] as { code?: string } | undefined;
      return {
        type: "structure",
        members: Object.fromEntries(shape.members.map((m) => [m.name, memberEntry(m)])),
        ...(error ? { error } : {}),
        ...(httpError ? { httpError } : {}),
        ...(queryError?.code ? { queryErrorCode: queryError.code } : {}),
      };
    }
    case "union":
      return { type: "union", members: Object.fromEntries(shape.members.map((m) => [m.name, memberEntry(m)])) };
    default:
      return { type: shape.type };
  }
}

function memberEntry(member: Member): Record<string, unknown> {
  const format = member.traits["smithy.api#timestampFormat"];
  return {
    target: member.target,
    ...(format ? { timestampFormat: format } : {}),
    ...(member.default !== undefined ? { default: member.default } : {}),
    ...(member.required ? { required: true } : {}),
    ...(member.traits["smithy.api#clientOptional"] !== undefined ? { clientOptional: true } : {}),
    ...(member.traits["smithy.api#idempotencyToken"] !== undefined ? { idempotencyToken: true } : {}),
  };
}
