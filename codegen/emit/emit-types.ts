/**
 * `src/models.ts`: one declaration per structure, union, enum and error of
 * the service closure, plus the service's base exception.
 */
import type {
  ClassDeclarationStructure,
  InterfaceDeclarationStructure,
  ModuleDeclarationStructure,
  PropertySignatureStructure,
  StatementStructures,
  TypeAliasDeclarationStructure,
  VariableStatementStructure,
} from "ts-morph";
import { tsMorph } from "../ts-morph.js";
import type { Fault, Member, Shape, ShapeIndex } from "../index/shape-index.js";
import { tsDoc } from "./docs.js";
import type { GeneratedFile } from "./generated-file.js";
import { Imports } from "./imports.js";
import { RT } from "./runtime-symbols.js";
import { typeReference } from "./type-reference.js";

const { Scope, StructureKind, VariableDeclarationKind } = tsMorph();

export function emitTypes(index: ShapeIndex): GeneratedFile {
  const { models } = index.names.modules;
  const imports = new Imports(models);
  const statements: StatementStructures[] = [baseException(index, imports)];
  for (const shape of index.shapes) statements.push(...declarationsOf(index, shape, imports));
  return { kind: "typescript", path: models.path, statements: [...imports.declarations(), ...statements] };
}

function declarationsOf(index: ShapeIndex, shape: Shape, imports: Imports): StatementStructures[] {
  switch (shape.type) {
    case "structure":
      return shape.error !== undefined
        ? [errorClass(index, shape, shape.error.fault, imports)]
        : [structureInterface(index, shape, imports)];
    case "union":
      return unionDeclarations(index, shape, imports);
    case "enum":
      return enumDeclarations(index.names.shape(shape.id), shape, "string");
    case "intEnum":
      return enumDeclarations(index.names.shape(shape.id), shape, "number");
    default:
      return [];
  }
}

function baseException(index: ShapeIndex, imports: Imports): ClassDeclarationStructure {
  const base = imports.use(RT.ServiceException);
  return {
    kind: StructureKind.Class,
    isExported: true,
    name: index.names.service.serviceException,
    extends: base,
    docs: tsDoc({}, [`Base class of every ${index.service.sdkId} error, modeled or not.`]),
    ctors: [
      {
        parameters: [{ name: "options", type: `ConstructorParameters<typeof ${base}>[0]` }],
        statements: [
          "super(options);",
          `Object.setPrototypeOf(this, ${index.names.service.serviceException}.prototype);`,
        ],
      },
    ],
  };
}

function property(index: ShapeIndex, member: Member, imports: Imports): PropertySignatureStructure {
  return {
    kind: StructureKind.PropertySignature,
    name: safeProperty(member.name),
    type: typeReference(index, member.target, imports, (n) => n),
    hasQuestionToken: member.nullable,
    docs: tsDoc({ ...member, id: member.id }),
  };
}

function structureInterface(index: ShapeIndex, shape: Shape, imports: Imports): InterfaceDeclarationStructure {
  return {
    kind: StructureKind.Interface,
    isExported: true,
    name: index.names.shape(shape.id),
    docs: tsDoc(shape),
    properties: shape.members.map((m) => property(index, m, imports)),
  };
}

/** Error members that would clash with `Error`'s own properties are left to the base class. */
const ERROR_OWN = new Set(["message", "name", "stack", "cause"]);

function errorClass(index: ShapeIndex, shape: Shape, fault: Fault, imports: Imports): ClassDeclarationStructure {
  const name = index.names.shape(shape.id);
  const members = shape.members.filter((m) => !ERROR_OWN.has(m.name));
  const options = imports.use(RT.ExceptionOptionType);
  return {
    kind: StructureKind.Class,
    isExported: true,
    name,
    extends: index.names.service.serviceException,
    docs: tsDoc(shape),
    properties: [
      {
        name: "name",
        scope: Scope.Public,
        isReadonly: true,
        initializer: `"${shape.name}" as const`,
        hasOverrideKeyword: true,
      },
      {
        name: "$fault",
        scope: Scope.Public,
        isReadonly: true,
        initializer: `"${fault}" as const`,
        hasOverrideKeyword: true,
      },
      ...members.map((m) => ({
        name: safeProperty(m.name),
        type: typeReference(index, m.target, imports, (n) => n),
        hasQuestionToken: m.nullable,
        docs: tsDoc({ ...m, id: m.id }),
      })),
    ],
    ctors: [
      {
        parameters: [{ name: "options", type: `${options}<${name}>` }],
        statements: [
          `super({ name: "${shape.name}", $fault: "${fault}", ...options });`,
          `Object.setPrototypeOf(this, ${name}.prototype);`,
          ...members.map((m) => `this${propertyAccess(m.name)} = options${propertyAccess(m.name)};`),
        ],
      },
    ],
  };
}

function unionDeclarations(index: ShapeIndex, shape: Shape, imports: Imports): StatementStructures[] {
  const name = index.names.shape(shape.id);
  const variant = (m: Member) => index.names.unionVariant(m.name);
  const unknown = index.names.unknownUnionVariant;
  const others = (except?: string) =>
    [...shape.members.filter((m) => m.name !== except).map((m) => m.name), "$unknown"]
      .filter((n) => n !== except)
      .map((n) => ({ name: safeProperty(n), type: "never", hasQuestionToken: true }));
  const namespace: ModuleDeclarationStructure = {
    kind: StructureKind.Module,
    isExported: true,
    name,
    statements: [
      ...shape.members.map((m): InterfaceDeclarationStructure => ({
        kind: StructureKind.Interface,
        isExported: true,
        name: variant(m),
        docs: tsDoc({ ...m, id: m.id }),
        properties: [
          { name: safeProperty(m.name), type: typeReference(index, m.target, imports, (n) => n) },
          ...others(m.name),
        ],
      })),
      {
        kind: StructureKind.Interface,
        isExported: true,
        name: unknown,
        docs: tsDoc({}, ["A member this version of the client does not know: its name and raw value."]),
        properties: [{ name: "$unknown", type: "[string, unknown]" }, ...others("$unknown")],
      },
    ],
  };
  const alias: TypeAliasDeclarationStructure = {
    kind: StructureKind.TypeAlias,
    isExported: true,
    name,
    docs: tsDoc(shape, ["Exactly one member is set."]),
    type: [...shape.members.map((m) => `${name}.${variant(m)}`), `${name}.${unknown}`].join(" | "),
  };
  return [alias, namespace];
}

function enumDeclarations(name: string, shape: Shape, valueType: "string" | "number"): StatementStructures[] {
  const values = shape.members.map((m) => {
    return `${safeProperty(m.name)}: ${JSON.stringify(m.value)},`;
  });
  const constant: VariableStatementStructure = {
    kind: StructureKind.VariableStatement,
    isExported: true,
    declarationKind: VariableDeclarationKind.Const,
    docs: tsDoc(shape),
    declarations: [{ name, initializer: `{\n${values.join("\n")}\n} as const` }],
  };
  const type: TypeAliasDeclarationStructure = {
    kind: StructureKind.TypeAlias,
    isExported: true,
    name,
    docs: tsDoc({}, [
      `Known values of {@link ${name}}; other ${valueType === "string" ? "strings" : "numbers"} pass through unchanged, so a newer service value never breaks this client.`,
    ]),
    type: `(typeof ${name})[keyof typeof ${name}] | (${valueType} & {})`,
  };
  return [constant, type];
}

/** A member name as a property key: bare when it is an identifier, quoted otherwise. */
export function safeProperty(name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : JSON.stringify(name);
}

export function propertyAccess(name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? `.${name}` : `[${JSON.stringify(name)}]`;
}
