/**
 * Every TypeScript name the output uses is decided here: shape id →
 * identifier, operation → command names, service → client names. Names
 * follow the AWS SDK for JavaScript v3; collisions are resolved once,
 * deterministically (sorted by shape id), so emitters never guess.
 */
import { RESERVED_WORDS } from "./reserved-words.js";

export interface OperationNames {
  readonly command: string;
  readonly commandInput: string;
  readonly commandOutput: string;
  /** Method on the aggregated client and key of the server's service interface. */
  readonly method: string;
  readonly paginator: string;
}

export interface ServiceNames {
  /** e.g. `SSMClient` */
  readonly client: string;
  readonly clientConfig: string;
  /** e.g. `SSM` (the aggregated client) */
  readonly aggregate: string;
  readonly serviceException: string;
  /** Server: the service interface and its factories. */
  readonly serviceInterface: string;
  readonly handlerFactory: string;
  readonly serverFactory: string;
  readonly packageName: string;
  readonly folder: string;
}

export interface Names {
  readonly service: ServiceNames;
  shape(id: string): string;
  operation(name: string): OperationNames;
}

/** `ns#Name$member` → `Name`. */
export const shapeName = (id: string): string => id.slice(id.indexOf("#") + 1).split("$")[0]!;

export const lowerFirst = (text: string): string => text.charAt(0).toLowerCase() + text.slice(1);

/** The client configuration field of a `smithy.rules#clientContextParams` parameter, as SDK v3 names it. */
export const clientContextConfigName = (parameter: string): string => lowerFirst(parameter);

/** `Service Name-2` → `ServiceName2`; always a valid identifier. */
export function pascalCase(text: string): string {
  const words = text.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const joined = words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join("");
  return /^[0-9]/.test(joined) ? `_${joined}` : joined || "Service";
}

export function decideNames(input: {
  readonly sdkId: string;
  readonly operations: readonly string[];
  /** Data shapes that get a declaration, sorted by id. */
  readonly shapes: readonly string[];
}): Names {
  const base = pascalCase(input.sdkId);
  const service: ServiceNames = {
    client: `${base}Client`,
    clientConfig: `${base}ClientConfig`,
    aggregate: base,
    serviceException: `${base}ServiceException`,
    serviceInterface: `${base}Service`,
    handlerFactory: `create${base}Handler`,
    serverFactory: `create${base}Server`,
    packageName: `@sjc/${input.sdkId.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`,
    folder: input.sdkId.toLowerCase().replace(/[^a-z0-9]+/g, "-"),
  };
  const taken = new Set<string>([...RESERVED_WORDS, ...Object.values(service)]);
  const operations = new Map<string, OperationNames>();
  for (const name of input.operations) {
    const names: OperationNames = {
      command: `${name}Command`,
      commandInput: `${name}CommandInput`,
      commandOutput: `${name}CommandOutput`,
      method: lowerFirst(name),
      paginator: `paginate${name}`,
    };
    operations.set(name, names);
    for (const n of [names.command, names.commandInput, names.commandOutput, names.paginator]) taken.add(n);
  }
  const shapes = new Map<string, string>();
  for (const id of input.shapes) {
    let name = shapeName(id);
    // A shape must not shadow a global, a reserved word or a generated symbol.
    while (taken.has(name)) name = `${name}_`;
    taken.add(name);
    shapes.set(id, name);
  }
  return {
    service,
    shape(id) {
      const name = shapes.get(id);
      if (name === undefined) throw new Error(`generator bug: no name decided for ${id}`);
      return name;
    },
    operation(name) {
      const names = operations.get(name);
      if (names === undefined) throw new Error(`generator bug: no names decided for operation ${name}`);
      return names;
    },
  };
}
