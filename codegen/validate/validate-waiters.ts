/**
 * Checks `smithy.waiters#waitable` as Smithy's waiter validators do: names,
 * delays, acceptors and their matchers (paths that compile as JMESPath,
 * comparators, matchers the operation can answer), and that no two waiters of
 * a service share a name regardless of case.
 */
import type { AstShape } from "../load/ast.js";
import { type FlatModel, pointer } from "../index/flatten.js";
import { PathExpressionError, compilePath } from "../index/jmespath.js";
import { UNIT } from "../index/prelude.js";
import { collectOperations } from "../index/shape-index.js";
import { ACCEPTOR_STATES, PATH_COMPARATORS, WAITABLE } from "../index/waiters.js";
import { type Issue, modelIssue } from "./issue.js";

const WAITER_NAME = /^[A-Z][A-Za-z0-9]*$/;
const MATCHERS = ["output", "inputOutput", "success", "errorType"] as const;

type Report = (id: string, below: string, message: string, hint?: string) => void;

export function checkWaiters(model: FlatModel, file: string, issues: Issue[]): void {
  const report: Report = (id, below, message, hint) =>
    issues.push(modelIssue(id, WAITABLE, message, file, pointer(id, `traits/${WAITABLE}${below}`), hint));
  for (const id of model.own) {
    const shape = model.shapes.get(id)!;
    if (shape?.type === "operation" && shape.traits?.[WAITABLE] !== undefined) checkOperation(id, shape, report);
  }
  for (const id of model.own) {
    if (model.shapes.get(id)?.type === "service") checkUniqueNames(model, model.shapes.get(id)!, report);
  }
}

function checkOperation(id: string, shape: AstShape, report: Report): void {
  const trait = shape.traits![WAITABLE];
  if (!isObject(trait)) {
    report(id, "", "must be an object of waiters keyed by name");
    return;
  }
  const has = (ref: { target: string } | undefined) => ref !== undefined && ref.target !== UNIT;
  const side = { input: has(shape.input), output: has(shape.output) };
  for (const [name, waiter] of Object.entries(trait)) {
    const at = `/${escape(name)}`;
    if (!WAITER_NAME.test(name)) {
      report(id, at, `waiter name ${JSON.stringify(name)} is not UpperCamelCase letters and digits`);
    }
    if (!isObject(waiter)) {
      report(id, at, `waiter ${name} must be an object`);
      continue;
    }
    checkDelays(id, name, waiter, at, report);
    const acceptors = waiter.acceptors;
    if (!Array.isArray(acceptors) || acceptors.length === 0) {
      report(id, `${at}/acceptors`, `waiter ${name} has no acceptors`, "add at least one, with a success state");
      continue;
    }
    acceptors.forEach((acceptor, i) => checkAcceptor(id, name, acceptor, `${at}/acceptors/${i}`, side, report));
    if (!acceptors.some((acceptor) => isObject(acceptor) && acceptor.state === "success")) {
      report(id, `${at}/acceptors`, `waiter ${name} has no acceptor with the success state`);
    }
  }
}

function checkDelays(id: string, name: string, waiter: Record<string, unknown>, at: string, report: Report): void {
  for (const key of ["minDelay", "maxDelay"] as const) {
    const value = waiter[key];
    if (value !== undefined && !(Number.isInteger(value) && (value as number) >= 1)) {
      report(id, `${at}/${key}`, `waiter ${name}: ${key} must be a whole number of seconds, at least 1`);
    }
  }
  const { minDelay, maxDelay } = waiter;
  if (typeof minDelay === "number" && typeof maxDelay === "number" && minDelay > maxDelay) {
    report(id, at, `waiter ${name}: minDelay ${minDelay} is greater than maxDelay ${maxDelay}`);
  }
}

function checkAcceptor(
  id: string,
  name: string,
  acceptor: unknown,
  at: string,
  side: { readonly input: boolean; readonly output: boolean },
  report: Report,
): void {
  if (!isObject(acceptor)) {
    report(id, at, `waiter ${name}: an acceptor must be an object with a state and a matcher`);
    return;
  }
  if (!(ACCEPTOR_STATES as readonly unknown[]).includes(acceptor.state)) {
    report(
      id,
      `${at}/state`,
      `waiter ${name}: acceptor state ${JSON.stringify(acceptor.state)} is not one of ${ACCEPTOR_STATES.join(", ")}`,
    );
  }
  const matcher = acceptor.matcher;
  const set = isObject(matcher) ? Object.keys(matcher) : [];
  if (!isObject(matcher) || set.length !== 1 || !(MATCHERS as readonly string[]).includes(set[0]!)) {
    report(
      id,
      `${at}/matcher`,
      `waiter ${name}: a matcher sets exactly one of ${MATCHERS.join(", ")}, found ${set.length ? set.join(", ") : "none"}`,
    );
    return;
  }
  const kind = set[0] as (typeof MATCHERS)[number];
  const value = matcher[kind];
  const where = `${at}/matcher/${kind}`;
  switch (kind) {
    case "success":
      if (typeof value !== "boolean") report(id, where, `waiter ${name}: the success matcher is true or false`);
      return;
    case "errorType":
      if (typeof value !== "string" || value === "")
        report(id, where, `waiter ${name}: errorType must name an error shape`);
      return;
    case "output":
      if (!side.output) report(id, where, `waiter ${name}: an output matcher needs an operation with output`);
      break;
    case "inputOutput":
      if (!side.input || !side.output)
        report(id, where, `waiter ${name}: an inputOutput matcher needs an operation with input and output`);
      break;
  }
  checkPathMatcher(id, name, value, where, report);
}

function checkPathMatcher(id: string, name: string, value: unknown, where: string, report: Report): void {
  if (!isObject(value)) {
    report(id, where, `waiter ${name}: a path matcher has a path, an expected value and a comparator`);
    return;
  }
  const { path, expected, comparator } = value;
  if (typeof path !== "string") {
    report(id, `${where}/path`, `waiter ${name}: the path must be a JMESPath string`);
  } else {
    try {
      compilePath(path);
    } catch (error) {
      if (!(error instanceof PathExpressionError)) throw error;
      report(id, `${where}/path`, `waiter ${name}: ${error.message}`);
    }
  }
  if (typeof expected !== "string") report(id, `${where}/expected`, `waiter ${name}: expected must be a string`);
  if (!(PATH_COMPARATORS as readonly unknown[]).includes(comparator)) {
    report(
      id,
      `${where}/comparator`,
      `waiter ${name}: comparator ${JSON.stringify(comparator)} is not one of ${PATH_COMPARATORS.join(", ")}`,
    );
  } else if (comparator === "booleanEquals" && expected !== "true" && expected !== "false") {
    report(
      id,
      `${where}/expected`,
      `waiter ${name}: booleanEquals expects "true" or "false", not ${JSON.stringify(expected)}`,
    );
  }
}

/** Waiter names are unique in a service regardless of case: each becomes a `waitUntil<Name>` export. */
function checkUniqueNames(model: FlatModel, service: AstShape, report: Report): void {
  const seen = new Map<string, string>();
  const operations = collectOperations(model, service)
    .filter((id) => model.shapes.get(id)?.type === "operation")
    .sort();
  for (const id of operations) {
    const trait = model.shapes.get(id)!.traits?.[WAITABLE];
    if (!isObject(trait)) continue;
    for (const name of Object.keys(trait).sort()) {
      const first = seen.get(name.toLowerCase());
      if (first === undefined) seen.set(name.toLowerCase(), `${id}'s ${name}`);
      else report(id, `/${escape(name)}`, `waiter ${name} has the name of ${first} (waiter names ignore case)`);
    }
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const escape = (segment: string) => segment.replace(/~/g, "~0").replace(/\//g, "~1");
