/**
 * JMESPath, evaluated over typed values: the expressions of the model
 * (`smithy.rules#operationContextParams` paths, waiter matchers) arrive
 * compiled by the generator, so no JMESPath is parsed at run time. Absent
 * members (`undefined`) read as null; timestamps and blobs are values
 * without members.
 */
export type PathExpression =
  | { readonly type: "current" }
  | { readonly type: "literal"; readonly value: unknown }
  | { readonly type: "field"; readonly name: string }
  | { readonly type: "index"; readonly index: number }
  | {
      readonly type: "slice";
      readonly start: number | null;
      readonly stop: number | null;
      readonly step: number | null;
    }
  | { readonly type: "subexpression" | "pipe"; readonly left: PathExpression; readonly right: PathExpression }
  | {
      readonly type: "listProjection" | "objectProjection";
      readonly left: PathExpression;
      readonly right: PathExpression;
    }
  | {
      readonly type: "filterProjection";
      readonly left: PathExpression;
      readonly right: PathExpression;
      readonly condition: PathExpression;
    }
  | { readonly type: "flatten"; readonly of: PathExpression }
  | { readonly type: "multiSelectList"; readonly items: readonly PathExpression[] }
  | {
      readonly type: "multiSelectHash";
      readonly entries: readonly { readonly key: string; readonly value: PathExpression }[];
    }
  | { readonly type: "or" | "and"; readonly left: PathExpression; readonly right: PathExpression }
  | { readonly type: "not"; readonly of: PathExpression }
  | {
      readonly type: "comparison";
      readonly operator: "==" | "!=" | "<" | "<=" | ">" | ">=";
      readonly left: PathExpression;
      readonly right: PathExpression;
    }
  | { readonly type: "function"; readonly name: string; readonly args: readonly PathExpression[] }
  | { readonly type: "expressionReference"; readonly of: PathExpression };

/** A function given an argument of the wrong type (JMESPath's invalid-type error). */
export class PathEvaluationError extends Error {}

type Value = unknown;
type JsonObject = Record<string, unknown>;

/** The value of `expression` over `value`; null when a path leads nowhere. */
export function evaluatePath(expression: PathExpression, value: Value): Value {
  const current = value === undefined ? null : value;
  switch (expression.type) {
    case "current":
      return current;
    case "literal":
      return expression.value;
    case "field":
      return isObject(current) && Object.hasOwn(current, expression.name) ? (current[expression.name] ?? null) : null;
    case "index": {
      if (!Array.isArray(current)) return null;
      const i = expression.index < 0 ? current.length + expression.index : expression.index;
      return current[i] ?? null;
    }
    case "slice":
      return Array.isArray(current) ? slice(current, expression.start, expression.stop, expression.step) : null;
    case "subexpression": {
      const left = evaluatePath(expression.left, current);
      return left === null ? null : evaluatePath(expression.right, left);
    }
    case "pipe":
      return evaluatePath(expression.right, evaluatePath(expression.left, current));
    case "listProjection":
    case "filterProjection": {
      const base = evaluatePath(expression.left, current);
      if (!Array.isArray(base)) return null;
      const kept =
        expression.type === "filterProjection"
          ? base.filter((element) => isTruthy(evaluatePath(expression.condition, element)))
          : base;
      return project(kept, expression.right);
    }
    case "objectProjection": {
      const base = evaluatePath(expression.left, current);
      return isObject(base) ? project(Object.values(base), expression.right) : null;
    }
    case "flatten": {
      const base = evaluatePath(expression.of, current);
      return Array.isArray(base) ? base.flatMap((element: Value) => element ?? []) : null;
    }
    case "multiSelectList":
      return current === null ? null : expression.items.map((item) => evaluatePath(item, current));
    case "multiSelectHash":
      return current === null
        ? null
        : Object.fromEntries(expression.entries.map(({ key, value }) => [key, evaluatePath(value, current)]));
    case "or": {
      const left = evaluatePath(expression.left, current);
      return isTruthy(left) ? left : evaluatePath(expression.right, current);
    }
    case "and": {
      const left = evaluatePath(expression.left, current);
      return isTruthy(left) ? evaluatePath(expression.right, current) : left;
    }
    case "not":
      return !isTruthy(evaluatePath(expression.of, current));
    case "comparison":
      return compare(
        expression.operator,
        evaluatePath(expression.left, current),
        evaluatePath(expression.right, current),
      );
    case "expressionReference":
      throw new PathEvaluationError("an expression reference (&expr) is only a function argument");
    case "function":
      return callFunction(expression.name, expression.args, current);
  }
}

/** JMESPath's truth: false, null, empty strings, lists and objects are false. */
export function isTruthy(value: Value): boolean {
  if (value === null || value === undefined || value === false || value === "") return false;
  if (Array.isArray(value)) return value.length > 0;
  if (isObject(value)) return Object.keys(value).length > 0;
  return true;
}

function project(elements: readonly Value[], right: PathExpression): Value[] {
  const out: Value[] = [];
  for (const element of elements) {
    const projected = evaluatePath(right, element);
    if (projected !== null) out.push(projected);
  }
  return out;
}

function slice(list: readonly Value[], start: number | null, stop: number | null, step: number | null): Value[] {
  const by = step ?? 1;
  if (by === 0) throw new PathEvaluationError("a slice step cannot be 0");
  const bound = (n: number | null, fallback: number) => {
    if (n === null) return fallback;
    const at = n < 0 ? n + list.length : n;
    return by > 0 ? Math.min(Math.max(at, 0), list.length) : Math.min(Math.max(at, -1), list.length - 1);
  };
  const from = bound(start, by > 0 ? 0 : list.length - 1);
  const to = bound(stop, by > 0 ? list.length : -1);
  const out: Value[] = [];
  for (let i = from; by > 0 ? i < to : i > to; i += by) out.push(list[i]);
  return out;
}

function compare(operator: string, left: Value, right: Value): Value {
  if (operator === "==") return deepEqual(left, right);
  if (operator === "!=") return !deepEqual(left, right);
  if (typeof left !== "number" || typeof right !== "number") return null;
  switch (operator) {
    case "<":
      return left < right;
    case "<=":
      return left <= right;
    case ">":
      return left > right;
    default:
      return left >= right;
  }
}

function deepEqual(a: Value, b: Value): boolean {
  if (a === b) return true;
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a).filter((key) => a[key] !== undefined);
    return (
      keys.length === Object.keys(b).filter((key) => b[key] !== undefined).length &&
      keys.every((key) => deepEqual(a[key], b[key]))
    );
  }
  return false;
}

/** Plain structures and maps; lists, timestamps and blobs are not objects to JMESPath here. */
function isObject(value: Value): value is JsonObject {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Date) &&
    !ArrayBuffer.isView(value)
  );
}

function typeOf(value: Value): string {
  if (value === null || value === undefined) return "null";
  if (Array.isArray(value)) return "array";
  if (isObject(value)) return "object";
  return typeof value === "bigint" ? "number" : typeof value;
}

function callFunction(name: string, args: readonly PathExpression[], current: Value): Value {
  const reference = (i: number): PathExpression => {
    const arg = args[i]!;
    if (arg.type !== "expressionReference") throw new PathEvaluationError(`${name}(): argument ${i + 1} must be &expr`);
    return arg.of;
  };
  const value = (i: number) => {
    if (args[i]!.type === "expressionReference") throw new PathEvaluationError(`${name}(): argument ${i + 1} is &expr`);
    return evaluatePath(args[i]!, current);
  };
  const typed = <T>(i: number, accepts: (v: Value) => v is T, expected: string): T => {
    const v = value(i);
    if (!accepts(v))
      throw new PathEvaluationError(`${name}(): argument ${i + 1} must be ${expected}, not ${typeOf(v)}`);
    return v;
  };
  const number = (i: number) => typed(i, (v): v is number => typeof v === "number", "a number");
  const string = (i: number) => typed(i, (v): v is string => typeof v === "string", "a string");
  const array = (i: number) => typed(i, (v): v is Value[] => Array.isArray(v), "an array");
  const object = (i: number) => typed(i, isObject, "an object");
  const numbers = (i: number) =>
    typed(i, (v): v is number[] => Array.isArray(v) && v.every((x) => typeof x === "number"), "an array of numbers");
  const sortable = (i: number) =>
    typed(
      i,
      (v): v is (number | string)[] =>
        Array.isArray(v) && (v.every((x) => typeof x === "number") || v.every((x) => typeof x === "string")),
      "an array of numbers or of strings",
    );
  const keyed = (list: readonly Value[], of: PathExpression) =>
    list.map((element) => {
      const key = evaluatePath(of, element);
      if (typeof key !== "number" && typeof key !== "string") {
        throw new PathEvaluationError(`${name}(): the expression must give numbers or strings, not ${typeOf(key)}`);
      }
      return { element, key };
    });
  const byKey = (a: { key: number | string }, b: { key: number | string }) =>
    a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
  switch (name) {
    case "abs":
      return Math.abs(number(0));
    case "avg": {
      const list = numbers(0);
      return list.length === 0 ? null : list.reduce((sum, x) => sum + x, 0) / list.length;
    }
    case "ceil":
      return Math.ceil(number(0));
    case "floor":
      return Math.floor(number(0));
    case "contains": {
      const subject = value(0);
      const search = value(1);
      if (typeof subject === "string") return typeof search === "string" && subject.includes(search);
      if (Array.isArray(subject)) return subject.some((element) => deepEqual(element, search));
      throw new PathEvaluationError(`contains(): argument 1 must be a string or an array, not ${typeOf(subject)}`);
    }
    case "ends_with":
      return string(0).endsWith(string(1));
    case "starts_with":
      return string(0).startsWith(string(1));
    case "join": {
      const glue = string(0);
      return typed(
        1,
        (v): v is string[] => Array.isArray(v) && v.every((x) => typeof x === "string"),
        "an array of strings",
      ).join(glue);
    }
    case "keys":
      return Object.keys(object(0)).filter((key) => object(0)[key] !== undefined);
    case "values":
      return Object.values(object(0)).filter((v) => v !== undefined);
    case "length": {
      const subject = value(0);
      if (typeof subject === "string") return [...subject].length;
      if (Array.isArray(subject)) return subject.length;
      if (isObject(subject)) return Object.keys(subject).length;
      throw new PathEvaluationError(`length(): argument 1 must be a string, array or object, not ${typeOf(subject)}`);
    }
    case "map": {
      const of = reference(0);
      return array(1).map((element) => evaluatePath(of, element));
    }
    case "max":
    case "min": {
      const list = sortable(0);
      if (list.length === 0) return null;
      return list.reduce((best, x) => ((name === "max" ? x > best : x < best) ? x : best));
    }
    case "max_by":
    case "min_by": {
      const entries = keyed(array(0), reference(1));
      if (entries.length === 0) return null;
      return entries.reduce((best, x) => ((name === "max_by" ? x.key > best.key : x.key < best.key) ? x : best))
        .element;
    }
    case "merge":
      return Object.assign({}, ...args.map((_, i) => object(i)));
    case "not_null":
      return args.map((_, i) => value(i)).find((v) => v !== null) ?? null;
    case "reverse": {
      const subject = value(0);
      if (typeof subject === "string") return [...subject].reverse().join("");
      if (Array.isArray(subject)) return [...subject].reverse();
      throw new PathEvaluationError(`reverse(): argument 1 must be a string or an array, not ${typeOf(subject)}`);
    }
    case "sort":
      return [...sortable(0)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    case "sort_by":
      return keyed(array(0), reference(1))
        .sort(byKey)
        .map((entry) => entry.element);
    case "sum":
      return numbers(0).reduce((sum, x) => sum + x, 0);
    case "to_array": {
      const subject = value(0);
      return Array.isArray(subject) ? subject : [subject];
    }
    case "to_number": {
      const subject = value(0);
      if (typeof subject === "number") return subject;
      if (typeof subject !== "string" || subject.trim() === "") return null;
      const parsed = Number(subject);
      return Number.isFinite(parsed) ? parsed : null;
    }
    case "to_string": {
      const subject = value(0);
      return typeof subject === "string" ? subject : JSON.stringify(subject);
    }
    case "type":
      return typeOf(value(0));
    default:
      throw new PathEvaluationError(`${name}() is not a JMESPath function`);
  }
}
