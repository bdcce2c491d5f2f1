/** Picks the service to generate and checks that its protocol is supported. */
import type { FlatModel } from "../index/flatten.js";
import { pointer } from "../index/flatten.js";
import { PROTOCOLS, decodeProtocol } from "../index/protocol.js";
import { type Issue, modelIssue } from "./issue.js";

export function findService(
  model: FlatModel,
  options: { readonly file: string; readonly service?: string },
  issues: Issue[],
): string | undefined {
  const services = model.own.filter((id) => model.shapes.get(id)?.type === "service").sort();
  const report = (id: string, trait: string, message: string, hint?: string) =>
    issues.push(modelIssue(id, trait, message, options.file, id === "-" ? "/shapes" : pointer(id), hint));
  if (options.service !== undefined) {
    if (!services.includes(options.service)) {
      report(options.service, "-", "no such service in the model", `choose one of: ${services.join(", ") || "(none)"}`);
      return undefined;
    }
  } else if (services.length === 0) {
    report("-", "-", "the model defines no service shape", "add a service that binds the operations to generate");
    return undefined;
  } else if (services.length > 1) {
    report(
      "-",
      "-",
      `the model defines ${services.length} services`,
      `choose one with --service (${services.join(", ")})`,
    );
    return undefined;
  }
  const id = options.service ?? services[0]!;
  const traits = model.shapes.get(id)!.traits ?? {};
  if (decodeProtocol(traits) === undefined) {
    const found = Object.keys(traits).filter(
      (t) => t.startsWith("aws.protocols#") || t.startsWith("smithy.protocols#"),
    );
    report(
      id,
      found[0] ?? "-",
      `unsupported protocol ${found.join(", ") || "(none)"}`,
      `this generator supports ${PROTOCOLS.map((p) => p.traitId).join(", ")}`,
    );
  }
  return id;
}
