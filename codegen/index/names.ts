/**
 * Every name the output uses is decided here: shape id → identifier,
 * operation → command, validator and paginator names, service → client and
 * package-level names, and every generated module's path. Names follow the AWS
 * SDK for JavaScript v3; collisions are resolved once, deterministically
 * (generated symbols first, then shapes sorted by id), so emitters never guess.
 */
import { posix } from "node:path";
import { RESERVED_WORDS } from "./reserved-words.js";

export interface OperationNames {
  readonly command: string;
  readonly commandInput: string;
  readonly commandOutput: string;
  /** Method on the aggregated client and key of the server's service interface. */
  readonly method: string;
  readonly paginator: string;
  /** Exports of `src/validators.ts`. */
  readonly validateInput: string;
  readonly validateOutput: string;
  readonly commandModule: GeneratedModule;
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
  /** Package-level exports: the paginators' configuration, the serde schema, the description, the validators. */
  readonly paginationConfiguration: string;
  readonly serviceSchema: string;
  readonly serviceDescription: string;
  readonly validators: string;
  readonly endpointRules: string;
}

/** A file of the generated package, by its path from the package root. */
export interface GeneratedModule {
  readonly path: string;
}

/** The generated package's files. */
export interface ModuleNames {
  readonly index: GeneratedModule;
  readonly models: GeneratedModule;
  readonly schema: GeneratedModule;
  readonly description: GeneratedModule;
  readonly validators: GeneratedModule;
  /** ajv's standalone code and its declarations, beside `src/`. */
  readonly compiledValidators: GeneratedModule;
  readonly compiledValidatorTypes: GeneratedModule;
  readonly jsonSchema: GeneratedModule;
  readonly client: GeneratedModule;
  readonly aggregate: GeneratedModule;
  readonly pagination: GeneratedModule;
  readonly endpoints: GeneratedModule;
  /** The server's own entry (`<package>/server`). */
  readonly server: GeneratedModule;
  readonly protocolTests: GeneratedModule;
  readonly endpointTests: GeneratedModule;
  /** The model the package was generated from, for `sjc diff` and `generate --check`. */
  readonly modelRecord: GeneratedModule;
  readonly readme: GeneratedModule;
  readonly packageJson: GeneratedModule;
  readonly tsconfig: GeneratedModule;
}

export interface Names {
  readonly service: ServiceNames;
  readonly modules: ModuleNames;
  shape(id: string): string;
  operation(name: string): OperationNames;
  /** The variant type of a union member, in the union's namespace (`FooMember`), never a shape's name. */
  unionVariant(member: string): string;
  /** The variant of a union value the model does not know. */
  readonly unknownUnionVariant: string;
}

/**
 * Locals of the generated protocol tests' bodies; a package export of the
 * same name would be shadowed there, so shapes never take these names.
 */
export const TEST_LOCALS = ["http", "client", "output", "error", "received", "handler", "response"] as const;

/** The specifier by which the module at `from` imports the module at `to` (`./models.js`, `../src/index.js`). */
export function importSpecifier(from: GeneratedModule, to: GeneratedModule): string {
  const relative = posix.relative(posix.dirname(from.path), to.path).replace(/\.ts$/, ".js");
  return relative.startsWith(".") ? relative : `./${relative}`;
}

const moduleAt = (path: string): GeneratedModule => ({ path });

/** The modules every package has at the same path; tools that read a generated package find them here. */
export const PACKAGE_MODULES = {
  index: moduleAt("src/index.ts"),
  models: moduleAt("src/models.ts"),
  schema: moduleAt("src/schema.ts"),
  description: moduleAt("src/description.ts"),
  validators: moduleAt("src/validators.ts"),
  compiledValidators: moduleAt("validators/compiled.js"),
  compiledValidatorTypes: moduleAt("validators/compiled.d.ts"),
  jsonSchema: moduleAt("schemas/shapes.schema.json"),
  pagination: moduleAt("src/pagination.ts"),
  endpoints: moduleAt("src/endpoints.ts"),
  server: moduleAt("src/server.ts"),
  protocolTests: moduleAt("test/protocol.spec.ts"),
  endpointTests: moduleAt("test/endpoints.spec.ts"),
  modelRecord: moduleAt("model.json"),
  readme: moduleAt("README.md"),
  packageJson: moduleAt("package.json"),
  tsconfig: moduleAt("tsconfig.json"),
} as const satisfies Omit<ModuleNames, "client" | "aggregate">;

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
    paginationConfiguration: `${base}PaginationConfiguration`,
    serviceSchema: "serviceSchema",
    serviceDescription: "serviceDescription",
    validators: "validators",
    endpointRules: "endpointRules",
  };
  const modules: ModuleNames = {
    ...PACKAGE_MODULES,
    client: moduleAt(`src/${service.client}.ts`),
    aggregate: moduleAt(`src/${service.aggregate}.ts`),
  };
  const taken = new Set<string>([...RESERVED_WORDS, ...TEST_LOCALS, ...Object.values(service)]);
  const operations = new Map<string, OperationNames>();
  for (const name of input.operations) {
    const names: OperationNames = {
      command: `${name}Command`,
      commandInput: `${name}CommandInput`,
      commandOutput: `${name}CommandOutput`,
      method: lowerFirst(name),
      paginator: `paginate${name}`,
      validateInput: `validate${name}Input`,
      validateOutput: `validate${name}Output`,
      commandModule: moduleAt(`src/commands/${name}Command.ts`),
    };
    operations.set(name, names);
    for (const n of [
      names.command,
      names.commandInput,
      names.commandOutput,
      names.paginator,
      names.validateInput,
      names.validateOutput,
    ]) {
      taken.add(n);
    }
  }
  const shapes = new Map<string, string>();
  for (const id of input.shapes) {
    let name = shapeName(id);
    // A shape must not shadow a global, a reserved word or a generated symbol.
    while (taken.has(name)) name = `${name}_`;
    taken.add(name);
    shapes.set(id, name);
  }
  const shapeNames = new Set(shapes.values());
  return {
    service,
    modules,
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
    unionVariant(member) {
      // Variants live in the union's namespace, where a shape of the same name could no longer be referenced.
      let name = `${member.charAt(0).toUpperCase()}${member.slice(1)}Member`;
      while (shapeNames.has(name)) name = `${name}_`;
      return name;
    },
    unknownUnionVariant: "$UnknownMember",
  };
}
