/**
 * Every runtime symbol generated code imports, declared once: its module and
 * the local alias. Aliases start with `$`, which Smithy identifiers cannot,
 * so no model shape can shadow them.
 */
export interface RuntimeSymbol {
  readonly module: string;
  readonly name: string;
  readonly alias: string;
  readonly typeOnly: boolean;
}

const symbol = (module: string, name: string, typeOnly = false): RuntimeSymbol => ({
  module,
  name,
  alias: `$${name}`,
  typeOnly,
});

const RUNTIME = "@sjc/runtime";
const RUNTIME_SERVER = "@sjc/runtime/server";
const TYPES = "@smithy/types";

export const RT = {
  ServiceException: symbol(RUNTIME, "ServiceException"),
  ExceptionOptionType: symbol(RUNTIME, "ExceptionOptionType", true),
  ServiceSchema: symbol(RUNTIME, "ServiceSchema", true),
  ServiceDescription: symbol(RUNTIME, "ServiceDescription", true),
  fromCompiled: symbol(RUNTIME, "fromCompiled"),
  CompiledValidator: symbol(RUNTIME, "CompiledValidator", true),
  Command: symbol(RUNTIME, "Command"),
  JsonRpcClient: symbol(RUNTIME, "JsonRpcClient"),
  JsonRpcClientConfig: symbol(RUNTIME, "JsonRpcClientConfig", true),
  createPaginator: symbol(RUNTIME, "createPaginator"),
  EndpointRules: symbol(RUNTIME, "EndpointRules", true),
  createJsonRpcHandler: symbol(RUNTIME_SERVER, "createJsonRpcHandler"),
  createNodeServer: symbol(RUNTIME_SERVER, "createNodeServer"),
  HandlerOptions: symbol(RUNTIME_SERVER, "HandlerOptions", true),
  NodeServerOptions: symbol(RUNTIME_SERVER, "NodeServerOptions", true),
  JsonRpcHandler: symbol(RUNTIME_SERVER, "JsonRpcHandler", true),
  RequestContext: symbol(RUNTIME_SERVER, "RequestContext", true),
  MetadataBearer: symbol(TYPES, "MetadataBearer", true),
  DocumentType: symbol(TYPES, "DocumentType", true),
  JsonRpcSendOptions: symbol(RUNTIME, "JsonRpcSendOptions", true),
  JsonRpcPaginationConfiguration: symbol(RUNTIME, "JsonRpcPaginationConfiguration", true),
  Paginator: symbol(TYPES, "Paginator", true),
  createWaiter: symbol(RUNTIME, "createWaiter"),
  WaiterConfiguration: symbol(TYPES, "WaiterConfiguration", true),
  WaiterResult: symbol(RUNTIME, "WaiterResult", true),
  fromParams: symbol("@sjc/testing", "fromParams"),
  StubHttpHandler: symbol("@sjc/testing", "StubHttpHandler"),
  testClientConfig: symbol("@sjc/testing", "testClientConfig"),
  assertHttpRequest: symbol("@sjc/testing", "assertHttpRequest"),
  assertOutput: symbol("@sjc/testing", "assertOutput"),
  expectError: symbol("@sjc/testing", "expectError"),
  assertModeledError: symbol("@sjc/testing", "assertModeledError"),
  assertQueryError: symbol("@sjc/testing", "assertQueryError"),
  assertEndpointCase: symbol("@sjc/testing", "assertEndpointCase"),
  assertClientEndpoint: symbol("@sjc/testing", "assertClientEndpoint"),
  recordInput: symbol("@sjc/testing", "recordInput"),
  answerWith: symbol("@sjc/testing", "answerWith"),
  failWith: symbol("@sjc/testing", "failWith"),
  serverRequest: symbol("@sjc/testing", "serverRequest"),
  assertReceivedInput: symbol("@sjc/testing", "assertReceivedInput"),
  assertHttpResponse: symbol("@sjc/testing", "assertHttpResponse"),
  assertMalformedResponse: symbol("@sjc/testing", "assertMalformedResponse"),
} as const;
