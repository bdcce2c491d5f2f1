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
import { DESCRIPTION_MODULE } from "./emit-schema.js";
import { parameterTypeText } from "./emit-endpoints.js";

const { Scope, StructureKind, VariableDeclarationKind } = tsMorph();

export const commandModule = (op: Operation) => `./commands/${op.name}Command.js`;
export const clientModule = (index: ShapeIndex) => `./${index.names.service.client}.js`;
export const aggregateModule = (index: ShapeIndex) => `./${index.names.service.aggregate}.js`;
export const PAGINATION_MODULE = "./pagination.js";

export function emitClient(index: ShapeIndex): GeneratedFile[] {
  const files = index.operations.map((op) => commandFile(index, op));
  files.push(clientFile(index), aggregateFile(index));
  if (index.operations.some((op) => op.paginated?.inputToken)) files.push(paginationFile(index));
  return files;
}

function commandFile(index: ShapeIndex, op: Operation): GeneratedFile {
  const imports = new Imports();
  const names = index.names.operation(op.name);
  const models = "../models.js";
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
    path: `src/commands/${op.name}Command.ts`,
    statements: [...imports.declarations(), ...statements],
  };
}

function clientFile(index: ShapeIndex): GeneratedFile {
  const imports = new Imports();
  const { service } = index.names;
  const base = imports.use(RT.JsonRpcClient);
  const config = imports.use(RT.JsonRpcClientConfig);
  const description = imports.from(DESCRIPTION_MODULE, "serviceDescription");
  const info = index.service;
  return {
    kind: "typescript",
    path: `src/${service.client}.ts`,
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
  const imports = new Imports();
  const { service } = index.names;
  const options = imports.use(RT.JsonRpcSendOptions);
  imports.from(clientModule(index), service.client);
  const methods = index.operations.map((op) => {
    const names = index.names.operation(op.name);
    imports.from(commandModule(op), names.command);
    imports.from(commandModule(op), names.commandInput, true);
    imports.from(commandModule(op), names.commandOutput, true);
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
    path: `src/${service.aggregate}.ts`,
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
  const imports = new Imports();
  const { service } = index.names;
  const createPaginator = imports.use(RT.createPaginator);
  const paginator = imports.use(RT.Paginator);
  const configuration = imports.use(RT.JsonRpcPaginationConfiguration);
  const sendOptions = imports.use(RT.JsonRpcSendOptions);
  const client = imports.from(clientModule(index), service.client, true);
  const configName = `${service.aggregate}PaginationConfiguration`;
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
    imports.from(commandModule(op), names.command);
    imports.from(commandModule(op), names.commandInput, true);
    imports.from(commandModule(op), names.commandOutput, true);
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
  return { kind: "typescript", path: "src/pagination.ts", statements: [...imports.declarations(), ...statements] };
}
