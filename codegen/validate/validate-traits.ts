/** Checks the traits the generator interprets; unknown traits are kept and ignored. */
import type { AstShape, NodeValue, Traits } from "../load/ast.js";
import { type FlatModel, pointer } from "../index/flatten.js";
import { NUMBER_TYPES } from "../index/shape-types.js";
import { compilePattern } from "../index/patterns.js";
import { streamingMember } from "../index/streaming.js";
import { OPERATION_CONTEXT_PARAMS } from "../index/endpoint-rules.js";
import { PathExpressionError, compilePath } from "../index/jmespath.js";
import { PROTOCOL_TEST_TRAITS } from "../index/protocol-tests.js";
import { type Issue, modelIssue } from "./issue.js";
import { checkProtocolTests } from "./validate-protocol-tests.js";
import { defaultFits } from "./validate-model.js";

const LENGTH_TYPES = new Set(["string", "blob", "list", "set", "map", "enum"]);
const TIMESTAMP_FORMATS = new Set(["date-time", "epoch-seconds", "http-date"]);

interface Site {
  readonly id: string;
  readonly pointer: string;
  /** The type the traits constrain: the shape's own, or a member's target's. */
  readonly type: string;
}

export function checkTraits(model: FlatModel, id: string, shape: AstShape, file: string, issues: Issue[]): void {
  const report = (site: Site, trait: string, message: string, hint?: string, severity?: "WARNING") =>
    issues.push(modelIssue(site.id, trait, message, file, `${site.pointer}/traits/${escape(trait)}`, hint, severity));

  checkSite({ id, pointer: pointer(id), type: shape.type }, shape.traits, report);
  for (const [name, member] of Object.entries(shape.members ?? {})) {
    const site = { id: `${id}$${name}`, pointer: pointer(id, `members/${name}`), type: "" };
    if (shape.type === "enum" || shape.type === "intEnum") {
      checkEnumValue(shape.type, site, member.traits, report);
      continue;
    }
    const targetType = model.shapes.get(member.target)?.type ?? "";
    checkSite({ ...site, type: targetType }, member.traits, report);
  }
  if (shape.type === "enum" || shape.type === "intEnum") checkEnumDuplicates(id, shape, report);
  if (shape.type === "operation") {
    checkPaginated(model, id, shape, report);
    checkOperationContextParams(id, shape, report);
    const streaming = streamingMember(model, shape);
    if (streaming) {
      report(
        { id, pointer: pointer(id), type: "operation" },
        "smithy.api#streaming",
        `${streaming} streams, which awsJson cannot carry as a JSON body; the operation is skipped`,
        undefined,
        "WARNING",
      );
    }
  }
}

type Report = (site: Site, trait: string, message: string, hint?: string, severity?: "WARNING") => void;

function checkSite(site: Site, traits: Traits | undefined, report: Report): void {
  if (!traits) return;
  for (const [trait, value] of Object.entries(traits)) {
    switch (trait) {
      case "smithy.api#length":
        checkBounds(site, trait, value, report, LENGTH_TYPES.has(site.type) ? undefined : "string, blob, list or map");
        break;
      case "smithy.api#range":
        checkBounds(site, trait, value, report, NUMBER_TYPES.has(site.type) ? undefined : "number");
        break;
      case "smithy.api#pattern":
        checkPattern(site, trait, value, report);
        break;
      case "smithy.api#error":
        if (value !== "client" && value !== "server") {
          report(site, trait, `must be "client" or "server", found ${JSON.stringify(value)}`);
        }
        break;
      case "smithy.api#httpError":
        if (!Number.isInteger(value) || (value as number) < 100 || (value as number) > 599) {
          report(site, trait, `must be an HTTP status code (100–599), found ${JSON.stringify(value)}`);
        }
        break;
      case "smithy.api#timestampFormat":
        if (!TIMESTAMP_FORMATS.has(value as string)) {
          report(site, trait, `unknown format ${JSON.stringify(value)}`, "use date-time, epoch-seconds or http-date");
        }
        break;
      case "smithy.api#default":
        if (site.type && !defaultFits(site.type, value)) {
          report(
            site,
            trait,
            `default ${JSON.stringify(value)} does not fit a${/^[aeiou]/.test(site.type) ? "n" : ""} ${site.type}`,
          );
        }
        break;
      case "smithy.api#documentation":
        if (typeof value !== "string") report(site, trait, "must be a string");
        break;
      case PROTOCOL_TEST_TRAITS.requestTests:
      case PROTOCOL_TEST_TRAITS.responseTests:
      case PROTOCOL_TEST_TRAITS.malformedRequestTests:
        checkProtocolTests(trait, value, (message) => report(site, trait, message));
        break;
    }
  }
}

function checkBounds(site: Site, trait: string, value: NodeValue, report: Report, wrongTarget?: string): void {
  if (wrongTarget) {
    report(site, trait, `applies to ${wrongTarget} shapes, not to a ${site.type || "missing"} shape`);
    return;
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    report(site, trait, `must be an object with min and/or max, found ${JSON.stringify(value)}`);
    return;
  }
  const { min, max } = value as { min?: unknown; max?: unknown };
  for (const [key, bound] of [
    ["min", min],
    ["max", max],
  ] as const) {
    if (bound !== undefined && typeof bound !== "number")
      report(site, trait, `${key} must be a number, found ${JSON.stringify(bound)}`);
  }
  if (trait === "smithy.api#length" && typeof min === "number" && min < 0)
    report(site, trait, `min ${min} is negative`);
  if (typeof min === "number" && typeof max === "number" && min > max) {
    report(site, trait, `min ${min} is greater than max ${max}`, "swap the bounds or fix the typo");
  }
}

function checkPattern(site: Site, trait: string, value: NodeValue, report: Report): void {
  if (typeof value !== "string") {
    report(site, trait, `must be a string, found ${JSON.stringify(value)}`);
    return;
  }
  const compiled = compilePattern(value);
  if (compiled.kind === "invalid") {
    report(site, trait, `${JSON.stringify(value)} is not a valid regular expression: ${compiled.reason}`);
  } else if (compiled.kind === "unsupported") {
    report(
      site,
      trait,
      `${JSON.stringify(value)} has no ECMAScript equivalent (${compiled.reason}); the constraint is not checked`,
      undefined,
      "WARNING",
    );
  }
}

function checkEnumValue(type: string, site: Site, traits: Traits | undefined, report: Report): void {
  const value = traits?.["smithy.api#enumValue"];
  if (type === "intEnum" && !Number.isInteger(value)) {
    report(site, "smithy.api#enumValue", `intEnum members need an integer value, found ${JSON.stringify(value)}`);
  }
  if (type === "enum" && value !== undefined && (typeof value !== "string" || value === "")) {
    report(site, "smithy.api#enumValue", `enum values must be non-empty strings, found ${JSON.stringify(value)}`);
  }
}

function checkEnumDuplicates(id: string, shape: AstShape, report: Report): void {
  const seen = new Map<string, string>();
  for (const [name, member] of Object.entries(shape.members ?? {})) {
    const value = JSON.stringify(member.traits?.["smithy.api#enumValue"] ?? name);
    const first = seen.get(value);
    const site = { id: `${id}$${name}`, pointer: pointer(id, `members/${name}`), type: shape.type };
    if (first) report(site, "smithy.api#enumValue", `value ${value} is already used by member ${first}`);
    else seen.set(value, name);
  }
}

/** Each `smithy.rules#operationContextParams` entry has a `path` that compiles as JMESPath. */
function checkOperationContextParams(id: string, shape: AstShape, report: Report): void {
  const declared = shape.traits?.[OPERATION_CONTEXT_PARAMS];
  if (declared === undefined) return;
  const site = { id, pointer: pointer(id), type: "operation" };
  const entries = typeof declared === "object" && declared !== null && !Array.isArray(declared) ? declared : {};
  for (const [name, entry] of Object.entries(entries)) {
    const path = (entry as { path?: unknown } | null)?.path;
    if (typeof path !== "string") {
      report(site, OPERATION_CONTEXT_PARAMS, `parameter ${name} has no string path`, 'write { "path": "Member" }');
      continue;
    }
    try {
      compilePath(path);
    } catch (error) {
      if (!(error instanceof PathExpressionError)) throw error;
      report(site, OPERATION_CONTEXT_PARAMS, `parameter ${name}: ${error.message}`);
    }
  }
}

/** `smithy.api#paginated` must name members that exist (tokens, page size, items). */
function checkPaginated(model: FlatModel, id: string, shape: AstShape, report: Report): void {
  const trait = "smithy.api#paginated";
  const own = shape.traits?.[trait] as Record<string, unknown> | undefined;
  if (own === undefined) return;
  const serviceDefaults = [...model.shapes.values()].find(
    (s) => s.type === "service" && s.operations?.some((o) => model.shapes.get(o.target) === shape),
  )?.traits?.[trait] as Record<string, unknown> | undefined;
  const settings = { ...serviceDefaults, ...own };
  const site = { id, pointer: pointer(id), type: "operation" };
  const input = shape.input ? model.shapes.get(shape.input.target) : undefined;
  const output = shape.output ? model.shapes.get(shape.output.target) : undefined;
  // A dangling input or output is reported on its own; do not pile on.
  if ((shape.input && !input) || (shape.output && !output)) return;
  const check = (key: string, root: AstShape | undefined, side: string) => {
    const path = settings[key];
    if (path === undefined) return;
    if (typeof path !== "string" || !resolvePath(model, root, path)) {
      report(
        site,
        trait,
        `${key} ${JSON.stringify(path)} does not name a member of the ${side}`,
        `add the member to the ${side} structure or fix the name`,
      );
    }
  };
  if ((settings.inputToken === undefined) !== (settings.outputToken === undefined)) {
    report(site, trait, "inputToken and outputToken must be set together");
  }
  check("inputToken", input, "input");
  check("outputToken", output, "output");
  check("items", output, "output");
  check("pageSize", input, "input");
  if (typeof settings.pageSize === "string" && input) {
    const target = input.members?.[settings.pageSize]?.target;
    const type = target ? model.shapes.get(target)?.type : undefined;
    if (type && !["byte", "short", "integer", "long"].includes(type)) {
      report(site, trait, `pageSize ${settings.pageSize} must target an integer shape, found a ${type}`);
    }
  }
}

/** Follows a dotted member path (`a.b.c`) through structures. */
function resolvePath(model: FlatModel, root: AstShape | undefined, path: string): boolean {
  let shape = root;
  for (const name of path.split(".")) {
    const member = shape?.type === "structure" ? shape.members?.[name] : undefined;
    if (!member) return false;
    shape = model.shapes.get(member.target);
  }
  return true;
}

const escape = (segment: string) => segment.replace(/~/g, "~0").replace(/\//g, "~1");
