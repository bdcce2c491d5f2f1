/**
 * JMESPath expressions of the model (`smithy.rules#operationContextParams`
 * paths, `smithy.waiters#waitable` matchers), compiled at generation time
 * into the decoded form the runtime evaluates (`PathExpression` of
 * `@sjc/runtime`), so that no generated package parses JMESPath. The
 * `jmespath` package parses; this module checks what it leaves to run time
 * (function names and their argument counts) and renames its nodes.
 */
import { createRequire } from "node:module";

/** The parser of the `jmespath` package (its published types leave `compile` out). */
const { compile } = createRequire(import.meta.url)("jmespath") as { compile(expression: string): JmespathNode };

/** A compiled expression; mirrors `PathExpression` of `runtime/src/client/path-expression.ts`. */
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
  /** `a.b`, `a[0]`: the right side on the left side's value, null when that is null. */
  | { readonly type: "subexpression"; readonly left: PathExpression; readonly right: PathExpression }
  /** `a | b`: the right side on the left side's value, even null. */
  | { readonly type: "pipe"; readonly left: PathExpression; readonly right: PathExpression }
  /** `a[*].b`, `a[].b`, `a[1:2]`: `right` on each element of the list `left` gives, nulls dropped. */
  | { readonly type: "listProjection"; readonly left: PathExpression; readonly right: PathExpression }
  /** `a.*.b`: `right` on each value of the object `left` gives, nulls dropped. */
  | { readonly type: "objectProjection"; readonly left: PathExpression; readonly right: PathExpression }
  /** `a[?cond].b`: as a list projection, over the elements for which `condition` is truthy. */
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
      readonly operator: ComparisonOperator;
      readonly left: PathExpression;
      readonly right: PathExpression;
    }
  | { readonly type: "function"; readonly name: string; readonly args: readonly PathExpression[] }
  /** `&expr`, an argument of `sort_by`, `max_by`, `min_by` and `map`. */
  | { readonly type: "expressionReference"; readonly of: PathExpression };

export type ComparisonOperator = "==" | "!=" | "<" | "<=" | ">" | ">=";

const OPERATORS: Readonly<Record<string, ComparisonOperator>> = {
  EQ: "==",
  NE: "!=",
  LT: "<",
  LTE: "<=",
  GT: ">",
  GTE: ">=",
};

/** The JMESPath built-in functions: name → [fewest, most] arguments (most -1: any number). */
const FUNCTIONS: Readonly<Record<string, readonly [number, number]>> = {
  abs: [1, 1],
  avg: [1, 1],
  ceil: [1, 1],
  contains: [2, 2],
  ends_with: [2, 2],
  floor: [1, 1],
  join: [2, 2],
  keys: [1, 1],
  length: [1, 1],
  map: [2, 2],
  max: [1, 1],
  max_by: [2, 2],
  merge: [1, -1],
  min: [1, 1],
  min_by: [2, 2],
  not_null: [1, -1],
  reverse: [1, 1],
  sort: [1, 1],
  sort_by: [2, 2],
  starts_with: [2, 2],
  sum: [1, 1],
  to_array: [1, 1],
  to_number: [1, 1],
  to_string: [1, 1],
  type: [1, 1],
  values: [1, 1],
};

/** A path the generator cannot compile; the message says why. */
export class PathExpressionError extends Error {}

/** Compiles a JMESPath expression; throws `PathExpressionError` on a syntax error or an unknown function. */
export function compilePath(expression: string): PathExpression {
  let ast: JmespathNode;
  try {
    ast = compile(expression);
  } catch (error) {
    throw new PathExpressionError(
      `${JSON.stringify(expression)} is not a JMESPath expression: ${(error as Error).message}`,
    );
  }
  return decode(ast, expression);
}

/** A node of the `jmespath` package's syntax tree. */
interface JmespathNode {
  readonly type: string;
  readonly name?: string;
  readonly value?: unknown;
  readonly children?: readonly unknown[];
}

function decode(node: JmespathNode, expression: string): PathExpression {
  const child = (i: number) => decode(node.children![i] as JmespathNode, expression);
  const pair = () => ({ left: child(0), right: child(1) });
  switch (node.type) {
    case "Identity":
    case "Current":
      return { type: "current" };
    case "Literal":
      return { type: "literal", value: node.value };
    case "Field":
      return { type: "field", name: node.name! };
    case "Index":
      return { type: "index", index: node.value as number };
    case "Slice": {
      const [start, stop, step] = node.children as readonly (number | null)[];
      return { type: "slice", start: start ?? null, stop: stop ?? null, step: step ?? null };
    }
    case "Subexpression":
      // The parser nests chains to the left, but a long chain may come as more than two children.
      return node
        .children!.slice(1)
        .reduce<PathExpression>(
          (left, right) => ({ type: "subexpression", left, right: decode(right as JmespathNode, expression) }),
          child(0),
        );
    case "IndexExpression":
      return { type: "subexpression", ...pair() };
    case "Pipe":
      return { type: "pipe", ...pair() };
    case "Projection":
      return { type: "listProjection", ...pair() };
    case "ValueProjection":
      return { type: "objectProjection", ...pair() };
    case "FilterProjection":
      return { type: "filterProjection", ...pair(), condition: child(2) };
    case "Flatten":
      return { type: "flatten", of: child(0) };
    case "MultiSelectList":
      return { type: "multiSelectList", items: node.children!.map((c) => decode(c as JmespathNode, expression)) };
    case "MultiSelectHash":
      return {
        type: "multiSelectHash",
        entries: (node.children as readonly JmespathNode[]).map((entry) => ({
          key: entry.name!,
          value: decode(entry.value as JmespathNode, expression),
        })),
      };
    case "OrExpression":
      return { type: "or", ...pair() };
    case "AndExpression":
      return { type: "and", ...pair() };
    case "NotExpression":
      return { type: "not", of: child(0) };
    case "Comparator":
      return { type: "comparison", operator: OPERATORS[node.name!]!, ...pair() };
    case "ExpressionReference":
      return { type: "expressionReference", of: child(0) };
    case "Function":
      return functionCall(node, expression);
    default:
      throw new PathExpressionError(`${JSON.stringify(expression)}: unsupported JMESPath node ${node.type}`);
  }
}

function functionCall(node: JmespathNode, expression: string): PathExpression {
  const name = node.name!;
  const arity = FUNCTIONS[name];
  const args = node.children!.map((c) => decode(c as JmespathNode, expression));
  if (arity === undefined) {
    throw new PathExpressionError(`${JSON.stringify(expression)} calls ${name}(), which is not a JMESPath function`);
  }
  const [fewest, most] = arity;
  if (args.length < fewest || (most >= 0 && args.length > most)) {
    const expected = fewest === most ? `${fewest}` : most < 0 ? `at least ${fewest}` : `${fewest} to ${most}`;
    throw new PathExpressionError(
      `${JSON.stringify(expression)} calls ${name}() with ${args.length} arguments; it takes ${expected}`,
    );
  }
  return { type: "function", name, args };
}
