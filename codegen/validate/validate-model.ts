/**
 * Checks a flattened model before anything is generated. Every problem is
 * collected (never thrown) so the user sees them all at once.
 */
import type { AstMember, AstShape, NodeValue } from "../load/ast.js";
import { type FlatModel, pointer } from "../index/flatten.js";
import { UNIT } from "../index/prelude.js";
import { NUMBER_TYPES, isDataType, isShapeType } from "../index/shape-types.js";
import { type Issue, modelIssue } from "./issue.js";
import { checkTraits } from "./validate-traits.js";
import { checkHttpBindings } from "./validate-http-bindings.js";
import { findService } from "./find-service.js";
import { PROTOCOL_TEST_TRAITS } from "../index/protocol-tests.js";

const SHAPE_ID = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*#[A-Za-z_][A-Za-z0-9_]*$/;

export interface ValidateOptions {
  readonly file: string;
  /** Absolute id of the service to generate, when the model has several. */
  readonly service?: string;
}

export interface Validation {
  readonly issues: Issue[];
  /** The service to generate, once one is chosen (it may still have issues). */
  readonly serviceId?: string;
}

export function validateModel(model: FlatModel, options: ValidateOptions): Validation {
  const issues: Issue[] = [];
  const report = (id: string, trait: string, message: string, below?: string, hint?: string) =>
    issues.push(modelIssue(id, trait, message, options.file, pointer(id, below), hint));

  for (const id of model.own) {
    const shape = model.shapes.get(id)!;
    if (!SHAPE_ID.test(id)) report(id, "-", "is not an absolute shape id (expected namespace#Name)");
    if (typeof shape !== "object" || shape === null || !isShapeType(shape.type)) {
      report(
        id,
        "-",
        `unknown shape type ${JSON.stringify(shape?.type)}`,
        "type",
        "use one of the Smithy 2.0 types (structure, list, string, operation, …)",
      );
      continue;
    }
    checkShapeStructure(model, id, shape, report);
    checkTraits(model, id, shape, options.file, issues);
  }
  checkErrorTestsReachable(model, report);
  checkHttpBindings(model, report);
  const serviceId = findService(model, options, issues);
  return serviceId === undefined ? { issues } : { issues, serviceId };
}

/** Response tests on an error structure run through an operation that can return it: one must exist. */
function checkErrorTestsReachable(model: FlatModel, report: Report): void {
  const returned = new Set<string>();
  for (const shape of model.shapes.values()) {
    if (shape.type === "operation" || shape.type === "service")
      for (const ref of shape.errors ?? []) returned.add(ref.target);
  }
  for (const id of model.own) {
    const shape = model.shapes.get(id)!;
    const trait = PROTOCOL_TEST_TRAITS.responseTests;
    if (shape.type === "structure" && shape.traits?.[trait] !== undefined && !returned.has(id)) {
      report(
        id,
        trait,
        "has response tests, but no operation or service lists it among its errors",
        `traits/${trait}`,
        "add it to the errors of the operation the tests exercise",
      );
    }
  }
}

type Report = (id: string, trait: string, message: string, below?: string, hint?: string) => void;

function checkShapeStructure(model: FlatModel, id: string, shape: AstShape, report: Report): void {
  const target = (ref: { target?: unknown } | undefined, where: string, role: string, wantData = true) => {
    const targetId = ref?.target;
    if (typeof targetId !== "string") {
      report(id, "-", `${role} has no target`, where);
      return;
    }
    const found = model.shapes.get(targetId);
    if (!found) {
      report(
        id,
        "-",
        `${role} targets ${targetId}, which is not defined in the model or the prelude`,
        where,
        "define the shape or fix the target id",
      );
    } else if (wantData && !isDataType(found.type)) {
      report(id, "-", `${role} targets ${targetId}, a ${found.type}, where a data shape is expected`, where);
    }
  };
  const members = (role: string) => {
    if (shape.members !== undefined && (typeof shape.members !== "object" || Array.isArray(shape.members))) {
      report(id, "-", `${role} members must be an object keyed by member name`, "members");
      return;
    }
    for (const [name, member] of Object.entries(shape.members ?? {})) {
      if (shape.type === "enum" || shape.type === "intEnum") continue;
      target(member as AstMember, `members/${name}`, `member ${name}`);
    }
  };
  switch (shape.type) {
    case "list":
    case "set":
      target(shape.member, "member", "list member");
      break;
    case "map":
      target(shape.key, "key", "map key");
      target(shape.value, "value", "map value");
      if (
        shape.key?.target &&
        model.shapes.get(shape.key.target)?.type !== "string" &&
        model.shapes.get(shape.key.target)?.type !== "enum"
      ) {
        report(id, "-", `map key must target a string or enum shape, found ${shape.key.target}`, "key");
      }
      break;
    case "structure":
    case "union":
      members(shape.type);
      break;
    case "enum":
    case "intEnum":
      members(shape.type);
      if (Object.keys(shape.members ?? {}).length === 0) report(id, "-", `${shape.type} has no members`, "members");
      break;
    case "operation":
      if (shape.input && shape.input.target !== UNIT) target(shape.input, "input", "operation input");
      if (shape.output && shape.output.target !== UNIT) target(shape.output, "output", "operation output");
      for (const [kind, ref] of [
        ["input", shape.input],
        ["output", shape.output],
      ] as const) {
        const found = ref && model.shapes.get(ref.target);
        if (found && found.type !== "structure")
          report(id, "-", `operation ${kind} ${ref!.target} is not a structure`, kind);
      }
      (shape.errors ?? []).forEach((ref, i) => checkErrorRef(model, id, ref?.target, `errors/${i}`, report));
      break;
    case "service":
      (shape.operations ?? []).forEach((ref, i) =>
        checkKind(model, id, ref?.target, "operation", `operations/${i}`, report),
      );
      (shape.resources ?? []).forEach((ref, i) =>
        checkKind(model, id, ref?.target, "resource", `resources/${i}`, report),
      );
      (shape.errors ?? []).forEach((ref, i) => checkErrorRef(model, id, ref?.target, `errors/${i}`, report));
      break;
    case "resource":
      for (const key of ["create", "put", "read", "update", "delete", "list"] as const) {
        if (shape[key]) checkKind(model, id, shape[key]!.target, "operation", key, report);
      }
      [...(shape.operations ?? []), ...(shape.collectionOperations ?? [])].forEach((ref, i) =>
        checkKind(model, id, ref?.target, "operation", `operations/${i}`, report),
      );
      (shape.resources ?? []).forEach((ref, i) =>
        checkKind(model, id, ref?.target, "resource", `resources/${i}`, report),
      );
      break;
  }
}

function checkKind(model: FlatModel, id: string, target: unknown, kind: string, where: string, report: Report): void {
  const found = typeof target === "string" ? model.shapes.get(target) : undefined;
  if (found?.type !== kind) {
    report(
      id,
      "-",
      `${where} must target a ${kind}, but ${String(target)} is ${found ? `a ${found.type}` : "not defined"}`,
      where,
    );
  }
}

function checkErrorRef(model: FlatModel, id: string, target: unknown, where: string, report: Report): void {
  const found = typeof target === "string" ? model.shapes.get(target) : undefined;
  if (!found) report(id, "-", `error ${String(target)} is not defined`, where);
  else if (found.type !== "structure" || found.traits?.["smithy.api#error"] === undefined) {
    report(
      id,
      "smithy.api#error",
      `error ${String(target)} must be a structure with the smithy.api#error trait`,
      where,
    );
  }
}

/** True when `value` is a plausible default for a shape of `type`. */
export function defaultFits(type: string, value: NodeValue): boolean {
  if (value === null) return true;
  if (NUMBER_TYPES.has(type))
    return typeof value === "number" || (typeof value === "string" && /^-?(NaN|Infinity)$/.test(value));
  switch (type) {
    case "string":
    case "enum":
    case "blob":
      return typeof value === "string";
    case "timestamp":
      return typeof value === "number" || typeof value === "string";
    case "boolean":
      return typeof value === "boolean";
    case "list":
    case "set":
      return Array.isArray(value) && value.length === 0;
    case "map":
      return typeof value === "object" && !Array.isArray(value) && Object.keys(value).length === 0;
    case "document":
      return true;
    default:
      return false;
  }
}
