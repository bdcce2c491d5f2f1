/**
 * Services and resources, the shapes that bind operations and resources:
 * AddedEntityBinding, RemovedEntityBinding, ChangedResourceIdentifiers.
 */
import type { AstShape } from "../../load/ast.js";
import { shapeName } from "../../index/names.js";
import type { ChangedShape, DiffModel } from "../differences.js";
import { type DiffEvent, diffEvent } from "../event.js";
import { sameNode } from "../node-value.js";
import { type Evaluator, withConsequence } from "./evaluator.js";

type Kind = "Operation" | "Resource";

/** NOTE for each operation or resource newly bound (`AddedOperationBinding.ToService.<Name>`, …). */
export const addedEntityBinding: Evaluator = (d) =>
  entityChanges(d.changed).flatMap(({ change, kind, added }) =>
    added.map((id) =>
      diffEvent(
        `Added${kind}Binding.To${parent(change)}.${shapeName(id)}`,
        "NOTE",
        change.new.id,
        `${kind.toLowerCase()} \`${id}\` is now bound to the ${change.new.type} \`${change.new.id}\``,
      ),
    ),
  );

/**
 * ERROR for each operation or resource unbound (`RemovedOperationBinding.FromService.<Name>`, …);
 * only a NOTE when a service's operation is still reached through one of its resources.
 */
export const removedEntityBinding: Evaluator = (d, { oldTs }) =>
  entityChanges(d.changed).flatMap(({ change, kind, removed }) =>
    removed.map((id): DiffEvent => {
      const eventId = `Removed${kind}Binding.From${parent(change)}.${shapeName(id)}`;
      if (
        kind === "Operation" &&
        change.new.type === "service" &&
        throughResources(d.newModel, change.new.shape!, id)
      ) {
        return diffEvent(
          eventId,
          "NOTE",
          change.new.id,
          `operation \`${id}\` is no longer bound to the service directly, but one of its resources still binds it`,
        );
      }
      const message = `${kind.toLowerCase()} \`${id}\` is no longer bound to the ${change.new.type} \`${change.new.id}\``;
      const consequence =
        kind === "Operation" && change.new.type === "service"
          ? `${oldTs.operation(id)} are gone: code that uses them no longer compiles`
          : undefined;
      return diffEvent(eventId, "ERROR", change.new.id, withConsequence(message, consequence));
    }),
  );

/** ERROR when a resource's identifiers (names or targets) change. */
export const changedResourceIdentifiers: Evaluator = (d) =>
  d.changed
    .filter(({ old, new: now }) => old.type === "resource" && now.type === "resource")
    .filter(({ old, new: now }) => !sameNode(old.shape!.identifiers ?? {}, now.shape!.identifiers ?? {}))
    .map(({ old, new: now }) =>
      diffEvent(
        "ChangedResourceIdentifiers",
        "ERROR",
        now.id,
        `the identifiers of resource \`${now.id}\` changed from ${identifiers(old.shape!)} to ${identifiers(now.shape!)}`,
      ),
    );

interface BindingChange {
  readonly change: ChangedShape;
  readonly kind: Kind;
  readonly added: string[];
  readonly removed: string[];
}

function entityChanges(changed: readonly ChangedShape[]): BindingChange[] {
  const out: BindingChange[] = [];
  for (const change of changed) {
    const { old, new: now } = change;
    if (old.type !== now.type || (now.type !== "service" && now.type !== "resource")) continue;
    for (const [kind, key] of [
      ["Operation", "operations"],
      ["Resource", "resources"],
    ] as const) {
      const before = new Set((old.shape![key] ?? []).map((r) => r.target));
      const after = new Set((now.shape![key] ?? []).map((r) => r.target));
      const added = [...after].filter((id) => !before.has(id)).sort();
      const removed = [...before].filter((id) => !after.has(id)).sort();
      if (added.length || removed.length) out.push({ change, kind, added, removed });
    }
  }
  return out;
}

const parent = (change: ChangedShape): string => (change.new.type === "resource" ? "Resource" : "Service");

/** Whether a service's resources (and theirs) still bind the operation. */
function throughResources(model: DiffModel, service: AstShape, operation: string): boolean {
  const seen = new Set<string>();
  const pending = (service.resources ?? []).map((r) => r.target);
  while (pending.length) {
    const id = pending.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    const resource = model.shapes.get(id);
    if (!resource) continue;
    const bound = [
      ...(resource.operations ?? []),
      ...(resource.collectionOperations ?? []),
      ...(["create", "put", "read", "update", "delete", "list"] as const).flatMap((k) =>
        resource[k] ? [resource[k]!] : [],
      ),
    ];
    if (bound.some((r) => r.target === operation)) return true;
    pending.push(...(resource.resources ?? []).map((r) => r.target));
  }
  return false;
}

function identifiers(shape: AstShape): string {
  const entries = Object.entries(shape.identifiers ?? {}).map(([name, ref]) => `${name}: ${ref.target}`);
  return `{${entries.join(", ")}}`;
}
