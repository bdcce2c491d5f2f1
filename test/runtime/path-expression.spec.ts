/**
 * JMESPath as the generator compiles it (`codegen/index/jmespath.ts`) and the
 * runtime evaluates it (`evaluatePath`), checked against the reference
 * implementation (the `jmespath` package's own `search`) on the same data.
 */
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { PathEvaluationError, evaluatePath, isTruthy } from "@sjc/runtime";
import { PathExpressionError, compilePath } from "../../codegen/index/jmespath.js";

const { search } = createRequire(import.meta.url)("jmespath") as { search(data: unknown, expression: string): unknown };

const DATA = {
  status: "ACTIVE",
  count: 3,
  flag: false,
  empty: "",
  Table: { Name: "orders", Status: { State: "READY" } },
  RequestItems: { orders: { Keys: [1] }, carts: { Keys: [] } },
  Instances: [
    { Status: "running", Tags: ["a", "b"], size: 2 },
    { Status: "stopped", Tags: [], size: 5 },
    { Status: "running", size: 1 },
  ],
  nested: [[1, 2], [3], 4, [[5]]],
  services: [
    { deployments: [1], runningCount: 2, desiredCount: 2, name: "web" },
    { deployments: [1, 2], runningCount: 1, desiredCount: 2, name: "worker" },
  ],
  numbers: [4, -1, 7, 2],
  words: ["pear", "apple", "fig"],
};

const EXPRESSIONS = [
  "status",
  "Table.Name",
  "Table.Status.State",
  "Table.Missing.Deeper",
  "keys(RequestItems)",
  "values(RequestItems)[*].Keys",
  "Instances[*].Status",
  "Instances[].Status",
  "Instances[*].Tags",
  "Instances[].Tags[]",
  "Instances[0].Status",
  "Instances[-1].size",
  "Instances[5]",
  "Instances[1:].Status",
  "Instances[::-1].size",
  "Instances[:2:1].size",
  "numbers[1:3]",
  "numbers[::2]",
  "numbers[-2:]",
  "nested[]",
  "nested[][]",
  "RequestItems.*.Keys",
  "Instances[?Status == 'running'].size",
  "Instances[?size > `1`].Status",
  "Instances[?size >= `2` && Status != 'stopped'].size",
  "Instances[?!Tags].Status",
  "length(services[?!(length(deployments) == `1` && runningCount == desiredCount)]) == `0`",
  "status != 'DELETING' && status != 'CANCELLED'",
  "flag || status",
  "empty && status",
  "!flag",
  "count < `5`",
  "Table == Table",
  "[status, count]",
  "{s: status, n: Table.Name}",
  "Missing.[a, b]",
  "Missing | [a]",
  "Instances | [0].Status",
  "@.status",
  '`[1, {"a": 2}]`',
  "'literal'",
  "abs(`-3`)",
  "avg(numbers)",
  "ceil(`1.2`)",
  "floor(`1.8`)",
  "contains(words, 'fig')",
  "contains(status, 'TIV')",
  "ends_with(status, 'IVE')",
  "starts_with(status, 'ACT')",
  "join(', ', words)",
  "length(status)",
  "length(Instances)",
  "length(RequestItems)",
  "map(&size, Instances)",
  "max(numbers)",
  "min(words)",
  "max_by(Instances, &size).Status",
  "min_by(Instances, &size).size",
  'merge(Table, `{"Name": "x"}`)',
  "not_null(Missing, flag, status)",
  "reverse(words)",
  "reverse(status)",
  "sort(numbers)",
  "sort_by(Instances, &size)[*].size",
  "sum(numbers)",
  "to_array(status)",
  "to_number('12.5')",
  "to_number('x')",
  "to_string(count)",
  "type(Table)",
  "type(Missing)",
];

describe("runtime: JMESPath paths, compiled by the generator and evaluated by the runtime", () => {
  for (const expression of EXPRESSIONS) {
    it(`${expression} gives what the reference implementation gives`, () => {
      assert.deepEqual(evaluatePath(compilePath(expression), DATA), search(DATA, expression));
    });
  }

  it("reads absent (undefined) members, timestamps and blobs as values without members", () => {
    const typed = { Name: undefined, At: new Date(0), Data: new Uint8Array([1]), List: [{ A: undefined }, { A: "x" }] };
    assert.equal(evaluatePath(compilePath("Name"), typed), null);
    assert.equal(evaluatePath(compilePath("At.getTime"), typed), null);
    assert.equal(evaluatePath(compilePath("Data[0]"), typed), null);
    assert.deepEqual(evaluatePath(compilePath("List[*].A"), typed), ["x"]);
    assert.equal(evaluatePath(compilePath("constructor"), {}), null, "inherited properties are not members");
  });

  it("orders numbers only: another operand gives null, as the JMESPath specification says", () => {
    // jmespath 0.16 (the reference above) compares such operands with JavaScript's `<` instead.
    assert.equal(evaluatePath(compilePath("status < `5`"), DATA), null);
    assert.equal(evaluatePath(compilePath("count < `5`"), DATA), true);
  });

  it("throws PathEvaluationError when a function meets a value of the wrong type", () => {
    assert.throws(() => evaluatePath(compilePath("length(count)"), DATA), PathEvaluationError);
    assert.throws(() => evaluatePath(compilePath("keys(Missing)"), DATA), PathEvaluationError);
    assert.throws(() => evaluatePath(compilePath("sum(words)"), DATA), PathEvaluationError);
  });

  it("refuses syntax errors, unknown functions and wrong argument counts at generation time", () => {
    assert.throws(() => compilePath("Reads["), PathExpressionError);
    assert.throws(() => compilePath("nofn(a)"), /calls nofn\(\), which is not a JMESPath function/);
    assert.throws(() => compilePath("length(a, b)"), /calls length\(\) with 2 arguments; it takes 1/);
    assert.throws(() => compilePath("merge()"), /it takes at least 1/);
  });

  it("uses JMESPath's truth: empty strings, lists and objects are false", () => {
    assert.deepEqual([null, false, "", [], {}, 0, "x", [0], { a: 1 }, true].map(isTruthy), [
      false,
      false,
      false,
      false,
      false,
      true,
      true,
      true,
      true,
      true,
    ]);
  });
});
