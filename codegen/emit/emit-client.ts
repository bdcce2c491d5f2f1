/**
 * The client side: one command module per operation, the bare client, the
 * aggregated client with one method per operation, and paginators for
 * `smithy.api#paginated` operations. Behaviour lives in the runtime; these
 * modules bind it to the model's names and types.
 */
import type { StatementStructures } from "ts-morph";
import { tsMorph } from "../ts-morph.js";
import type { Operation, ShapeIndex } from "../index/shape-index.js";
import { tsDoc } from "./docs.js";
import type { GeneratedFile } from "./generated-file.js";
import { Imports } from "./imports.js";
import { RT } from "./runtime-symbols.js";
import { parameterTypeText } from "./emit-endpoints.js";

const { Scope, StructureKind, VariableDeclarationKind } = tsMorph();

export function emitClient(index: ShapeIndex): GeneratedFile[] {
  const files = index.operations.map((op) => commandFile(index, op));
  files.push(clientFile(index), aggregateFile(index));
  if (index.operations.some((op) => op.paginated?.inputToken)) files.push(paginationFile(index));
  return files;
}

function commandFile(index: ShapeIndex, op: Operation): GeneratedFile {
  const names = index.names.operation(op.name);
  const imports = new Imports(names.commandModule);
  const { models } = index.names.modules;
  const inputExtends = op.input ? [imports.from(models, index.names.shape(op.input), true)] : [];
  const outputExtends = [
    ...(op.output ? [imports.from(models, index.names.shape(op.output), true)] : []),
    imports.use(RT.MetadataBearer),
  ];
  const command = imports.use(RT.Command);
  const optional = op.inputOptional;
  const statements: StatementStructures[] = [
    {
      kind: StructureKind.Interface,
      isExported: true,
      name: names.commandInput,
      docs: tsDoc({}, [`Input of {@link ${names.command}}.`]),
      extends: inputExtends,
    },
    {
      kind: StructureKind.Interface,
      isExported: true,
      name: names.commandOutput,
      docs: tsDoc({}, [`Output of {@link ${names.command}}, with the response metadata.`]),
      extends: outputExtends,
    },
    {
      kind: StructureKind.Class,
      isExported: true,
      name: names.command,
      extends: `${command}<${names.commandInput}, ${names.commandOutput}>`,
      docs: tsDoc({ ...op, id: op.id }, [
        `Errors: ${op.errors.map((e) => `{@link ${index.names.shape(e)}}`).join(", ") || "none modeled"}.`,
      ]),
      ctors: [
        {
          parameters: [{ name: "input", type: names.commandInput, ...(optional ? { initializer: "{}" } : {}) }],
          statements: [`super(${JSON.stringify(op.name)}, input);`],
        },
      ],
    },
  ];
  return {
    kind: "typescript",
    path: names.commandModule.path,
    statements: [...imports.declarations(), ...statements],
  };
}

function clientFile(index: ShapeIndex): GeneratedFile {
  const { service, modules } = index.names;
  const imports = new Imports(modules.client);
  const base = imports.use(RT.JsonRpcClient);
  const config = imports.use(RT.JsonRpcClientConfig);
  const description = imports.from(modules.description, service.serviceDescription);
  const info = index.service;
  return {
    kind: "typescript",
    path: modules.client.path,
    statements: [
      ...imports.declarations(),
      {
        kind: StructureKind.Interface,
        isExported: true,
        name: service.clientConfig,
        docs: tsDoc({}, [
          `Configuration of {@link ${service.client}}: region, endpoint, credentials, retries, transport.`,
        ]),
        extends: [config],
        properties: (info.endpointRules?.clientContextParams ?? []).map((p) => ({
          name: p.configName,
          type: parameterTypeText(p.type),
          hasQuestionToken: true,
          docs: tsDoc({ documentation: p.documentation ?? "" }, [
            `The \`${p.name}\` parameter of the endpoint rule set (\`smithy.rules#clientContextParams\`).`,
          ]),
        })),
      },
      {
        kind: StructureKind.Class,
        isExported: true,
        name: service.client,
        extends: base,
        docs: tsDoc({ documentation: info.documentation ?? "", id: info.id }, [
          `${info.title ?? info.sdkId} (${info.protocol.name}, API version ${info.version}). Send commands with \`client.send(new XCommand(input))\`.`,
        ]),
        ctors: [
          {
            parameters: [{ name: "config", type: service.clientConfig, initializer: "{}" }],
            statements: [`super(${description}, config);`],
          },
        ],
      },
    ],
  };
}

function aggregateFile(index: ShapeIndex): GeneratedFile {
  const { service, modules } = index.names;
  const imports = new Imports(modules.aggregate);
  const options = imports.use(RT.JsonRpcSendOptions);
  imports.from(modules.client, service.client);
  const methods = index.operations.map((op) => {
    const names = index.names.operation(op.name);
    imports.from(names.commandModule, names.command);
    imports.from(names.commandModule, names.commandInput, true);
    imports.from(names.commandModule, names.commandOutput, true);
    return {
      name: names.method,
      scope: Scope.Public,
      docs: tsDoc({ ...op, id: op.id }),
      parameters: [
        { name: "input", type: names.commandInput, ...(op.inputOptional ? { initializer: "{}" } : {}) },
        { name: "options", type: options, hasQuestionToken: true },
      ],
      returnType: `Promise<${names.commandOutput}>`,
      statements: [`return this.send(new ${names.command}(input), options);`],
    };
  });
  return {
    kind: "typescript",
    path: modules.aggregate.path,
    statements: [
      ...imports.declarations(),
      {
        kind: StructureKind.Class,
        isExported: true,
        name: service.aggregate,
        extends: service.client,
        docs: tsDoc({}, [`{@link ${service.client}} with one method per operation.`]),
        methods,
      },
    ],
  };
}

function paginationFile(index: ShapeIndex): GeneratedFile {
  const { service, modules } = index.names;
  const imports = new Imports(modules.pagination);
  const createPaginator = imports.use(RT.createPaginator);
  const paginator = imports.use(RT.Paginator);
  const configuration = imports.use(RT.JsonRpcPaginationConfiguration);
  const sendOptions = imports.use(RT.JsonRpcSendOptions);
  const client = imports.from(modules.client, service.client, true);
  const configName = service.paginationConfiguration;
  const statements: StatementStructures[] = [
    {
      kind: StructureKind.Interface,
      isExported: true,
      name: configName,
      docs: tsDoc({}, ["Pagination settings: the client to call, the page size, and a token to start from."]),
      extends: [`${configuration}<${client}>`],
    },
  ];
  for (const op of index.operations) {
    const p = op.paginated;
    if (!p?.inputToken || !p.outputToken) continue;
    const names = index.names.operation(op.name);
    imports.from(names.commandModule, names.command);
    imports.from(names.commandModule, names.commandInput, true);
    imports.from(names.commandModule, names.commandOutput, true);
    const args = [names.command, p.inputToken, p.outputToken, ...(p.pageSize ? [p.pageSize] : [])]
      .map((a, i) => (i === 0 ? a : JSON.stringify(a)))
      .join(", ");
    statements.push({
      kind: StructureKind.VariableStatement,
      isExported: true,
      declarationKind: VariableDeclarationKind.Const,
      docs: tsDoc({}, [
        `Pages through {@link ${names.command}}: \`${p.inputToken}\` ← \`${p.outputToken}\`${p.pageSize ? `, page size in \`${p.pageSize}\`` : ""}${p.items ? `, items in \`${p.items}\`` : ""}. Stops on an absent or empty token.`,
      ]),
      declarations: [
        {
          name: names.paginator,
          type: `(config: ${configName}, input: ${names.commandInput}, options?: ${sendOptions}) => ${paginator}<${names.commandOutput}>`,
          initializer: `${createPaginator}(${args})`,
        },
      ],
    });
  }
  return { kind: "typescript", path: modules.pagination.path, statements: [...imports.declarations(), ...statements] };
}
