/**
 * Checks the HTTP binding traits as Smithy defines them, whatever the
 * service's protocol: the `@http` URI pattern and its labels against the
 * input's `@httpLabel` members, what each binding may target, names bound
 * twice, a payload beside body members, and routes no request could tell apart.
 */
import type { AstMember, AstShape } from "../load/ast.js";
import type { FlatModel } from "../index/flatten.js";
import {
  HTTP_TRAIT,
  type HttpBinding,
  httpBindingOf,
  parseUriPattern,
  routesConflict,
} from "../index/http-bindings.js";
import { collectOperations } from "../index/shape-index.js";
import { NUMBER_TYPES } from "../index/shape-types.js";

type Report = (id: string, trait: string, message: string, below?: string, hint?: string) => void;

const SCALAR_TYPES = new Set(["string", "enum", "boolean", "timestamp", "intEnum", ...NUMBER_TYPES]);
const PAYLOAD_TYPES = new Set(["string", "enum", "blob", "structure", "union", "document"]);
const METHOD = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

export function checkHttpBindings(model: FlatModel, report: Report): void {
  for (const id of model.own) {
    const shape = model.shapes.get(id)!;
    if (shape.type === "operation") checkOperation(model, id, shape, report);
    if (shape.type === "structure") checkStructure(model, id, shape, report);
    if (shape.type === "service") checkRouteConflicts(model, id, shape, report);
  }
}

function checkOperation(model: FlatModel, id: string, operation: AstShape, report: Report): void {
  const http = operation.traits?.[HTTP_TRAIT.http] as { method?: unknown; uri?: unknown; code?: unknown } | undefined;
  if (http === undefined) return;
  const at = `traits/${HTTP_TRAIT.http}`;
  const problem = (message: string, hint?: string) => report(id, HTTP_TRAIT.http, message, at, hint);
  if (typeof http.method !== "string" || !METHOD.test(http.method)) {
    problem(`method must be an HTTP method token, found ${JSON.stringify(http.method)}`);
  }
  if (
    http.code !== undefined &&
    (!Number.isInteger(http.code) || (http.code as number) < 100 || (http.code as number) > 999)
  ) {
    problem(`code must be an integer from 100 to 999, found ${JSON.stringify(http.code)}`);
  }
  if (typeof http.uri !== "string") return problem(`uri must be a string, found ${JSON.stringify(http.uri)}`);
  const parsed = parseUriPattern(http.uri);
  if (!parsed.ok) return problem(parsed.message);

  const inputId = operation.input?.target;
  const members = (inputId ? model.shapes.get(inputId)?.members : undefined) ?? {};
  for (const segment of parsed.pattern.segments) {
    if (segment.kind !== "label") continue;
    const member = members[segment.name];
    if (member?.traits?.[HTTP_TRAIT.label] === undefined) {
      problem(
        `label {${segment.name}${segment.greedy ? "+" : ""}} of ${http.uri} has no input member ${segment.name} with @httpLabel`,
        "add the member to the input with @httpLabel and @required, or fix the label",
      );
      continue;
    }
    const target = model.shapes.get(member.target)?.type;
    if (segment.greedy && target !== "string") {
      problem(`greedy label {${segment.name}+} must bind a string member, found ${target}`);
    }
  }
  const labels = new Set(parsed.pattern.segments.flatMap((s) => (s.kind === "label" ? [s.name] : [])));
  for (const [name, member] of Object.entries(members)) {
    if (member.traits?.[HTTP_TRAIT.label] === undefined) continue;
    const at = `members/${name}/traits/${HTTP_TRAIT.label}`;
    if (!labels.has(name)) {
      const message = `member ${name} is bound to a label, but ${http.uri} of ${id} has no {${name}}`;
      report(inputId!, HTTP_TRAIT.label, message, at, "add the label to the URI pattern or remove @httpLabel");
    }
    if (member.traits?.["smithy.api#required"] === undefined) {
      report(inputId!, HTTP_TRAIT.label, `member ${name} binds a URI label, so it must be @required`, at);
    }
  }
}

function checkStructure(model: FlatModel, id: string, structure: AstShape, report: Report): void {
  const members = Object.entries(structure.members ?? {});
  const headers = new Map<string, string>();
  const queries = new Map<string, string>();
  const once: Record<string, string> = {};
  let unbound: string | undefined;
  let payload: string | undefined;
  for (const [name, member] of members) {
    const traits = member.traits ?? {};
    const target = model.shapes.get(member.target);
    const problem = (trait: string, message: string, hint?: string) =>
      report(id, trait, `member ${name} ${message}`, `members/${name}/traits/${trait}`, hint);
    let bound = false;
    const header = traits[HTTP_TRAIT.header];
    if (header !== undefined) {
      bound = true;
      if (typeof header !== "string" || header === "") problem(HTTP_TRAIT.header, "names no header");
      else {
        const other = headers.get(header.toLowerCase());
        if (other) problem(HTTP_TRAIT.header, `binds header ${header}, as member ${other} does`);
        headers.set(header.toLowerCase(), name);
        if (!isScalarOrListOfScalars(model, target) && target?.type !== "blob") {
          problem(
            HTTP_TRAIT.header,
            `targets a ${target?.type}; a header carries a scalar, a blob or a list of scalars`,
          );
        }
      }
    }
    const query = traits[HTTP_TRAIT.query];
    if (query !== undefined) {
      bound = true;
      if (typeof query !== "string" || query === "") problem(HTTP_TRAIT.query, "names no query parameter");
      else {
        const other = queries.get(query);
        if (other) problem(HTTP_TRAIT.query, `binds query parameter ${query}, as member ${other} does`);
        queries.set(query, name);
        if (!isScalarOrListOfScalars(model, target) && target?.type !== "blob") {
          problem(
            HTTP_TRAIT.query,
            `targets a ${target?.type}; a query parameter carries a scalar or a list of scalars`,
          );
        }
      }
    }
    for (const trait of [HTTP_TRAIT.queryParams, HTTP_TRAIT.prefixHeaders, HTTP_TRAIT.payload] as const) {
      if (traits[trait] === undefined) continue;
      bound = true;
      if (once[trait]) problem(trait, `cannot also have ${trait}: member ${once[trait]} has it`);
      once[trait] ??= name;
      if (trait !== HTTP_TRAIT.payload && target?.type !== "map")
        problem(trait, `must target a map, found a ${target?.type}`);
      if (trait === HTTP_TRAIT.payload) {
        payload = name;
        if (!PAYLOAD_TYPES.has(target?.type ?? "")) {
          problem(trait, `targets a ${target?.type}; a payload is a string, enum, blob, structure, union or document`);
        }
      }
    }
    if (traits[HTTP_TRAIT.responseCode] !== undefined) {
      bound = true;
      if (target?.type !== "integer")
        problem(HTTP_TRAIT.responseCode, `must target an integer, found a ${target?.type}`);
    }
    if (traits[HTTP_TRAIT.label] !== undefined || traits[HTTP_TRAIT.hostLabel] !== undefined) {
      bound = true;
      if (!SCALAR_TYPES.has(target?.type ?? "")) {
        const trait = traits[HTTP_TRAIT.label] !== undefined ? HTTP_TRAIT.label : HTTP_TRAIT.hostLabel;
        problem(trait, `targets a ${target?.type}; a label carries a string, number, boolean, enum or timestamp`);
      }
    }
    if (!bound) unbound ??= name;
  }
  if (payload !== undefined && unbound !== undefined) {
    report(
      id,
      HTTP_TRAIT.payload,
      `member ${payload} is the payload, so member ${unbound} has nowhere to go`,
      `members/${unbound}`,
      "bind the member to a header, query parameter or label, or put it inside the payload",
    );
  }
}

/** A scalar, or a list of scalars. */
function isScalarOrListOfScalars(model: FlatModel, target: AstShape | undefined): boolean {
  if (target === undefined) return false;
  if (SCALAR_TYPES.has(target.type)) return true;
  if (target.type !== "list" && target.type !== "set") return false;
  return SCALAR_TYPES.has(model.shapes.get((target.member as AstMember | undefined)?.target ?? "")?.type ?? "");
}

function checkRouteConflicts(model: FlatModel, id: string, service: AstShape, report: Report): void {
  const routes: { operation: string; binding: HttpBinding }[] = [];
  for (const operation of collectOperations(model, service)) {
    const binding = httpBindingOf(model.shapes.get(operation)?.traits ?? {});
    if (binding === undefined) continue;
    const clash = routes.find((r) => routesConflict(r.binding, binding));
    if (clash) {
      report(
        operation,
        HTTP_TRAIT.http,
        `${binding.method} ${binding.uri.text} cannot be told apart from ${clash.operation}'s ${clash.binding.method} ${clash.binding.uri.text} in service ${id}`,
        `traits/${HTTP_TRAIT.http}`,
        "change the method, a literal segment or a query literal of one of them",
      );
    }
    routes.push({ operation, binding });
  }
}
