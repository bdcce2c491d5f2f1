/** Async-generator paginators over token-paginated operations (`smithy.api#paginated`). */
import type { MetadataBearer, PaginationConfiguration, Paginator } from "@smithy/types";
import type { JsonRpcClient, JsonRpcSendOptions } from "./client.js";
import type { Command } from "./command.js";

export interface JsonRpcPaginationConfiguration<Client extends JsonRpcClient> extends Omit<
  PaginationConfiguration,
  "client" | "withCommand"
> {
  readonly client: Client;
}

/**
 * Makes a paginator for one operation. It sends `startingToken` (else the
 * input's own token), then each page's output token, until that token is
 * absent or empty. `pageSize`, when set, overrides the input's page-size member.
 * A token returned twice in a row throws (it would loop forever), unless
 * `stopOnSameToken` asks to stop there.
 *
 * @param outputToken a member name, or a dotted path into the output.
 */
export function createPaginator<Client extends JsonRpcClient, Input extends object, Output extends MetadataBearer>(
  CommandCtor: new (input: Input) => Command<Input, Output>,
  inputToken: string,
  outputToken: string,
  pageSizeMember?: string,
): (config: JsonRpcPaginationConfiguration<Client>, input: Input, options?: JsonRpcSendOptions) => Paginator<Output> {
  const outputPath = outputToken.split(".");
  return async function* paginate(config, input, options) {
    let token: unknown = config.startingToken ?? (input as Record<string, unknown>)[inputToken];
    for (;;) {
      const pageInput: Record<string, unknown> = { ...input, [inputToken]: token };
      if (pageSizeMember !== undefined && config.pageSize !== undefined) pageInput[pageSizeMember] = config.pageSize;
      const page = await config.client.send(new CommandCtor(pageInput as Input), options);
      yield page;
      const next = outputPath.reduce<unknown>(
        (value, key) => (value as Record<string, unknown> | undefined)?.[key],
        page,
      );
      if (next == null || next === "") return undefined;
      if (token !== undefined && sameToken(next, token)) {
        if (config.stopOnSameToken) return undefined;
        throw new Error(
          `${CommandCtor.name}: the service returned the same ${outputToken} twice in a row (${JSON.stringify(next)}); stopping to avoid an endless loop`,
        );
      }
      token = next;
    }
  };
}

/** Tokens are usually strings; structured ones (e.g. DynamoDB keys) compare by their JSON. */
function sameToken(a: unknown, b: unknown): boolean {
  return a === b || (typeof a === "object" && typeof b === "object" && JSON.stringify(a) === JSON.stringify(b));
}
