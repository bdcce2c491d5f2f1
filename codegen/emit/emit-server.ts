/**
 * The server side: the service interface (one async method per operation,
 * receiving the validated input and the request context), a framework-neutral
 * handler factory and a node:http server factory.
 */
import { tsMorph } from "../ts-morph.js";
import type { ShapeIndex } from "../index/shape-index.js";
import { tsDoc } from "./docs.js";
import type { GeneratedFile } from "./generated-file.js";
import { Imports } from "./imports.js";
import { RT } from "./runtime-symbols.js";

const { StructureKind } = tsMorph();

export function emitServer(index: ShapeIndex): GeneratedFile {
  const { service, modules } = index.names;
  const imports = new Imports(modules.server);
  const context = imports.use(RT.RequestContext);
  const handlerOptions = imports.use(RT.HandlerOptions);
  const serverOptions = imports.use(RT.NodeServerOptions);
  const handlerType = imports.use(RT.JsonRpcHandler);
  const createHandler = imports.use(RT.createJsonRpcHandler);
  const createNodeServer = imports.use(RT.createNodeServer);
  const description = imports.from(modules.description, service.serviceDescription);
  const methods = index.operations.map((op) => {
    const input = op.input ? imports.from(modules.models, index.names.shape(op.input), true) : "Record<string, never>";
    const output = op.output ? imports.from(modules.models, index.names.shape(op.output), true) : "void";
    const errors = op.errors.map((e) => `{@link ${index.names.shape(e)}}`).join(", ");
    return {
      name: op.name,
      docs: tsDoc({ ...op, id: op.id }, errors ? [`Throw ${errors} to answer with a modeled error.`] : []),
      parameters: [
        { name: "input", type: input },
        { name: "context", type: context },
      ],
      returnType: `Promise<${output}>`,
    };
  });
  return {
    kind: "typescript",
    path: modules.server.path,
    statements: [
      {
        kind: StructureKind.ImportDeclaration,
        moduleSpecifier: "node:http",
        isTypeOnly: true,
        namedImports: [{ name: "Server", alias: "$HttpServer" }],
      },
      ...imports.declarations(),
      {
        kind: StructureKind.Interface,
        isExported: true,
        name: service.serviceInterface,
        docs: tsDoc({}, [
          `The operations of ${index.service.id}, implemented by the application. Inputs arrive validated against the model.`,
        ]),
        methods,
      },
      {
        kind: StructureKind.Function,
        isExported: true,
        name: service.handlerFactory,
        docs: tsDoc({}, [
          `A framework-neutral ${index.service.protocol.family} handler: HTTP request in, HTTP response out. Operations missing from \`service\` answer a not-implemented error.`,
        ]),
        parameters: [
          { name: "service", type: `Partial<${service.serviceInterface}>` },
          { name: "options", type: handlerOptions, initializer: "{}" },
        ],
        returnType: handlerType,
        statements: [`return ${createHandler}(${description}, service, options);`],
      },
      {
        kind: StructureKind.Function,
        isExported: true,
        name: service.serverFactory,
        docs: tsDoc({}, ["A node:http server answering the service's operations; call `listen` on it."]),
        parameters: [
          { name: "service", type: `Partial<${service.serviceInterface}>` },
          { name: "options", type: `${handlerOptions} & ${serverOptions}`, initializer: "{}" },
        ],
        returnType: "$HttpServer",
        statements: [`return ${createNodeServer}(${service.handlerFactory}(service, options), options);`],
      },
    ],
  };
}
