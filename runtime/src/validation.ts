/**
 * Turns the errors of an ajv standalone validator into AWS-style validation
 * messages: `Value '…' at 'member.path' failed to satisfy constraint: …`.
 */
import type { ServiceSchema, ShapeId, ShapeSchema } from "./schema.js";

/** What an ajv-compiled (standalone, `allErrors`) validate function looks like. */
export interface CompiledValidator {
  (data: unknown): boolean;
  errors?: readonly AjvError[] | null;
}

export interface AjvError {
  readonly instancePath: string;
  readonly keyword: string;
  readonly params: Readonly<Record<string, unknown>>;
}

export interface ValidationFailure {
  /** AWS-style member path, e.g. `filters.1.member.key`. */
  readonly path: string;
  readonly value: unknown;
  readonly constraint: string;
}

/** Returns the failures of `value`; an empty array means valid. */
export type Validator = (value: unknown) => readonly ValidationFailure[];

const NO_FAILURES: readonly ValidationFailure[] = Object.freeze([]);

export interface CompiledContext {
  /** The serde schema and the validated shape: they tell map keys from member names in paths. */
  readonly schema?: ServiceSchema;
  readonly shape?: ShapeId;
  /** A pattern rewritten for ECMAScript → the model's spelling, so messages quote the model. */
  readonly patterns?: Readonly<Record<string, string>>;
}

/** Wraps an ajv standalone function as a {@link Validator}. */
export function fromCompiled(compiled: CompiledValidator, context: CompiledContext = {}): Validator {
  return (value) => (compiled(value) ? NO_FAILURES : toFailures(compiled.errors ?? [], value, context));
}

function toFailures(errors: readonly AjvError[], root: unknown, context: CompiledContext): ValidationFailure[] {
  const failures: ValidationFailure[] = [];
  for (const error of errors) {
    const constraint = constraintOf(error, context.patterns ?? {});
    if (constraint === undefined) continue;
    const missing = error.keyword === "required" ? String(error.params.missingProperty) : undefined;
    const pointer = missing === undefined ? error.instancePath : `${error.instancePath}/${missing}`;
    const value = missing === undefined ? valueAt(root, error.instancePath) : null;
    const path =
      context.schema && context.shape ? schemaPath(context.schema, context.shape, pointer) : memberPath(pointer);
    failures.push({ path, value, constraint });
  }
  return failures;
}

/** The AWS wording of one ajv error; undefined for ajv's wrapper errors (anyOf, if…). */
function constraintOf(error: AjvError, modelPatterns: Readonly<Record<string, string>>): string | undefined {
  const p = error.params;
  switch (error.keyword) {
    case "required":
      return "Member must not be null";
    case "minLength":
    case "minItems":
    case "minProperties":
      return `Member must have length greater than or equal to ${p.limit}`;
    case "maxLength":
    case "maxItems":
    case "maxProperties":
      return `Member must have length less than or equal to ${p.limit}`;
    case "minimum":
      return `Member must have value greater than or equal to ${p.limit}`;
    case "maximum":
      return `Member must have value less than or equal to ${p.limit}`;
    case "pattern":
      return `Member must satisfy regular expression pattern: ${modelPatterns[p.pattern as string] ?? p.pattern}`;
    case "enum":
      return `Member must satisfy enum value set: [${(p.allowedValues as unknown[]).join(", ")}]`;
    case "uniqueItems":
      return "Member must have unique items";
    case "type":
      return p.type === "integer" ? "Member must be an integer" : `Member must be of type ${p.type}`;
    case "oneOf":
    case "anyOf":
    case "if":
      return undefined;
    default:
      return `Member must satisfy constraint ${error.keyword}`;
  }
}

/** The value at a JSON pointer (ajv's instancePath) below `root`. */
function valueAt(root: unknown, pointer: string): unknown {
  let value = root;
  for (const segment of pointer.split("/").slice(1)) {
    const key = segment.replace(/~1/g, "/").replace(/~0/g, "~");
    value =
      value !== null && typeof value === "object" && Object.hasOwn(value, key)
        ? (value as Record<string, unknown>)[key]
        : undefined;
  }
  return value;
}

const segmentsOf = (pointer: string): string[] =>
  pointer
    .split("/")
    .slice(1)
    .map((segment) => segment.replace(/~1/g, "/").replace(/~0/g, "~"));

/**
 * `/Filters/0/Key` → `filters.1.member.key`: members lower-camel, list items
 * 1-based, without knowing the shapes (digit-only segments are taken as list
 * indices).
 */
export function memberPath(pointer: string): string {
  return segmentsOf(pointer)
    .map((segment) => (/^\d+$/.test(segment) ? `${Number(segment) + 1}.member` : lowerFirst(segment)))
    .join(".");
}

/** As {@link memberPath}, following the shapes: map keys stay as written. */
function schemaPath(schema: ServiceSchema, root: ShapeId, pointer: string): string {
  let shape: ShapeSchema | undefined = schema.shapes[root];
  const parts: string[] = [];
  for (const segment of segmentsOf(pointer)) {
    switch (shape?.type) {
      case "list":
        parts.push(`${Number(segment) + 1}.member`);
        shape = schema.shapes[shape.member.target];
        break;
      case "map":
        parts.push(segment);
        shape = schema.shapes[shape.value.target];
        break;
      case "structure":
      case "union":
        parts.push(lowerFirst(segment));
        shape = Object.hasOwn(shape.members, segment) ? schema.shapes[shape.members[segment]!.target] : undefined;
        break;
      default:
        parts.push(segment);
        shape = undefined;
    }
  }
  return parts.join(".");
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** `N validation error(s) detected: …; …` */
export function formatValidationMessage(failures: readonly ValidationFailure[]): string {
  const count = failures.length;
  const details = failures
    .slice(0, MAX_LISTED_FAILURES)
    .map((f) => `Value ${renderValue(f.value)} at '${f.path}' failed to satisfy constraint: ${f.constraint}`);
  const rest = count - details.length;
  const more = rest > 0 ? `; and ${rest} more` : "";
  return `${count} validation error${count === 1 ? "" : "s"} detected: ${details.join("; ")}${more}`;
}

/**
 * A message lists this many failures at most, and quotes at most this much
 * of a value: a small request breaking an unbounded list item by item must
 * not get a huge answer.
 */
const MAX_LISTED_FAILURES = 10;
const MAX_QUOTED_CHARS = 256;

function renderValue(value: unknown): string {
  if (value === null || value === undefined) return "null";
  const text = Array.isArray(value)
    ? `[${value.map((v) => (typeof v === "object" ? JSON.stringify(v) : String(v))).join(", ")}]`
    : typeof value === "object"
      ? JSON.stringify(value)
      : String(value);
  return `'${text.length > MAX_QUOTED_CHARS ? `${text.slice(0, MAX_QUOTED_CHARS)}…` : text}'`;
}
