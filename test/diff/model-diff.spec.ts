/** The diff's table (one change per row of model/ssm.json), and changes that are none. */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { diffModels, loadDiffModel } from "../../codegen/diff/diff-models.js";
import type { DiffEvent } from "../../codegen/diff/event.js";
import { EVALUATORS } from "../../codegen/diff/evaluators/index.js";
import { ROOT } from "../codegen/helpers.js";
import { type Model, ROWS } from "./model-pairs.js";

const SSM = readFileSync(join(ROOT, "model/ssm.json"), "utf8");

/** The events from `before` to `after`. */
function diff(before: Model, after: Model): DiffEvent[] {
  const load = (model: Model, name: string) => {
    const loaded = loadDiffModel([{ path: name, text: JSON.stringify(model) }], name);
    assert.ok(loaded.ok, JSON.stringify(loaded));
    return loaded.model;
  };
  return diffModels(load(before, "old.json"), load(after, "new.json"));
}

const ssm = (): Model => JSON.parse(SSM) as Model;

describe("sjc diff: one change per row", () => {
  for (const row of ROWS) {
    it(`${row.evaluator}: ${row.change}`, () => {
      const before = ssm();
      row.given?.(before);
      const after = structuredClone(before);
      row.edit(after);
      const events = diff(before, after);
      assert.deepEqual(
        events.map((e) => `${e.severity} ${e.id} ${e.shapeId}`),
        row.events,
        events.map((e) => `${e.severity} ${e.id} ${e.shapeId}: ${e.message}`).join("\n"),
      );
      const text = events.map((e) => e.message).join("\n");
      for (const words of row.mentions ?? [])
        assert.ok(text.includes(words), `${JSON.stringify(words)} not in:\n${text}`);
    });
  }

  it("has a row for each of the 29 evaluators", () => {
    const covered = new Set(ROWS.map((r) => r.evaluator));
    assert.deepEqual(
      Object.keys(EVALUATORS).filter((name) => !covered.has(name)),
      [],
    );
    assert.equal(Object.keys(EVALUATORS).length, 29);
  });
});

describe("sjc diff: no change, no events", () => {
  it("the same model", () => assert.deepEqual(diff(ssm(), ssm()), []));

  it("shapes in another order, and keys inside shapes", () => {
    const model = ssm();
    const reordered: Model = {
      smithy: model.smithy,
      shapes: Object.fromEntries(
        Object.entries(model.shapes)
          .reverse()
          .map(([id, shape]) => [id, Object.fromEntries(Object.entries(shape).reverse())]),
      ),
    };
    assert.deepEqual(diff(model, reordered), []);
  });
});
