/**
 * Errors an operation or a whole service can return: AddedOperationError,
 * RemovedOperationError, AddedServiceError, RemovedServiceError. All are
 * WARNINGs: a new error is compatible when only new client behaviour causes
 * it, and a removed one when the service really stops returning it.
 */
import type { AstShape } from "../../load/ast.js";
import type { ChangedShape } from "../differences.js";
import { diffEvent } from "../event.js";
import { shapeName } from "../../index/names.js";
import type { Evaluator } from "./evaluator.js";

export const addedOperationError: Evaluator = (d, { newTs }) =>
  errorChanges(d.changed, "operation").flatMap(({ change, added }) =>
    added.map((error) =>
      diffEvent(
        `AddedOperationError.${shapeName(error)}`,
        "WARNING",
        change.new.id,
        `\`${change.new.id}\` can now fail with \`${error}\`; compatible if only new client behaviour (a new parameter, say) causes it; TypeScript: callers can catch \`${newTs.name(error)}\``,
      ),
    ),
  );

export const removedOperationError: Evaluator = (d) =>
  errorChanges(d.changed, "operation").flatMap(({ change, removed }) =>
    removed.map((error) =>
      diffEvent(
        `RemovedOperationError.${shapeName(error)}`,
        "WARNING",
        change.new.id,
        `\`${change.new.id}\` no longer lists \`${error}\` among its errors`,
      ),
    ),
  );

export const addedServiceError: Evaluator = (d) =>
  errorChanges(d.changed, "service").flatMap(({ change, added }) =>
    added.map((error) =>
      diffEvent(
        "AddedServiceError",
        "WARNING",
        change.new.id,
        `every operation of \`${change.new.id}\` can now fail with \`${error}\`; compatible if only new client behaviour causes it`,
      ),
    ),
  );

export const removedServiceError: Evaluator = (d) =>
  errorChanges(d.changed, "service").flatMap(({ change, removed }) =>
    removed.map((error) =>
      diffEvent(
        "RemovedServiceError",
        "WARNING",
        change.new.id,
        `\`${error}\` is no longer an error common to every operation of \`${change.new.id}\``,
      ),
    ),
  );

interface ErrorChange {
  readonly change: ChangedShape;
  readonly added: string[];
  readonly removed: string[];
}

function errorChanges(changed: readonly ChangedShape[], type: "operation" | "service"): ErrorChange[] {
  const out: ErrorChange[] = [];
  for (const change of changed) {
    if (change.old.type !== type || change.new.type !== type) continue;
    const before = errorsOf(change.old.shape!);
    const after = errorsOf(change.new.shape!);
    const added = [...after].filter((e) => !before.has(e));
    const removed = [...before].filter((e) => !after.has(e));
    if (added.length || removed.length) out.push({ change, added, removed });
  }
  return out;
}

const errorsOf = (shape: AstShape): Set<string> => new Set((shape.errors ?? []).map((e) => e.target));
