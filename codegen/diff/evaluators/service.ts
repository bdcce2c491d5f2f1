/** What a service says of itself: ServiceRename, RemovedAuthenticationScheme. */
import type { AstReference, AstShape } from "../../load/ast.js";
import { shapeName } from "../../index/names.js";
import { type DiffModel, memberViews } from "../differences.js";
import { type DiffEvent, diffEvent } from "../event.js";
import { isAuthScheme } from "../trait-definitions.js";
import { type Evaluator, withConsequence } from "./evaluator.js";

/**
 * ERROR when a rename is removed or changed, or added for a shape the
 * service already had: the shape's generated name changes.
 */
export const serviceRename: Evaluator = (d) =>
  d.changed
    .filter(({ old, new: now }) => old.type === "service" && now.type === "service")
    .flatMap(({ old, new: now }) => {
      const before = old.shape!.rename ?? {};
      const after = now.shape!.rename ?? {};
      const events: DiffEvent[] = [];
      const renamed = (id: string, from: string, to: string, message: string) =>
        events.push(
          diffEvent(
            "ServiceRename",
            "ERROR",
            now.id,
            withConsequence(message, `\`${from}\` is now \`${to}\`: code that imports \`${from}\` no longer compiles`),
          ),
        );
      for (const [id, name] of Object.entries(before)) {
        const next = after[id];
        if (next === undefined) renamed(id, name, shapeName(id), `the rename of \`${id}\` to \`${name}\` was removed`);
        else if (next !== name)
          renamed(id, name, next, `the rename of \`${id}\` changed from \`${name}\` to \`${next}\``);
      }
      const added = Object.entries(after).filter(([id]) => before[id] === undefined);
      if (added.length) {
        const closure = serviceClosure(d.oldModel, old.id);
        for (const [id, name] of added) {
          if (closure.has(id)) {
            renamed(id, shapeName(id), name, `\`${id}\` is renamed \`${name}\`, but the service already had it`);
          }
        }
      }
      return events;
    });

/** ERROR when a service loses an authentication scheme trait: clients that use the scheme cannot call it. */
export const removedAuthenticationScheme: Evaluator = (d) =>
  d.changed
    .filter(({ old, new: now }) => old.type === "service" && now.type === "service")
    .flatMap(({ old, new: now }) =>
      Object.keys(old.traits)
        .filter((trait) => now.traits[trait] === undefined)
        .filter((trait) => isAuthScheme(d.oldModel, trait) || isAuthScheme(d.newModel, trait))
        .map((trait) =>
          diffEvent(
            "RemovedAuthenticationScheme",
            "ERROR",
            now.id,
            `the service no longer supports the authentication scheme \`${trait}\`: clients that use it can no longer call it`,
          ),
        ),
    );

/** Every shape a service reaches: operations, resources, errors, inputs, outputs and member targets. */
function serviceClosure(model: DiffModel, service: string): Set<string> {
  const seen = new Set<string>();
  const pending = [service];
  while (pending.length) {
    const id = pending.pop()!;
    if (seen.has(id)) continue;
    const shape = model.shapes.get(id);
    if (!shape) continue;
    seen.add(id);
    pending.push(...references(shape), ...memberViews(id, shape).map((m) => m.member!.target));
  }
  return seen;
}

function references(shape: AstShape): string[] {
  const refs: (AstReference | undefined)[] = [
    ...(shape.operations ?? []),
    ...(shape.resources ?? []),
    ...(shape.errors ?? []),
    ...(shape.collectionOperations ?? []),
    ...Object.values(shape.identifiers ?? {}),
    shape.input,
    shape.output,
    shape.create,
    shape.put,
    shape.read,
    shape.update,
    shape.delete,
    shape.list,
  ];
  return refs.flatMap((r) => (r ? [r.target] : []));
}
