import assert from "node:assert/strict";
import type { MetadataBearer } from "@smithy/types";
import { createPaginator } from "../../runtime/src/index.js";
import {
  CREDENTIALS,
  ListWidgetsCommand,
  WidgetsClient,
  bodyText,
  paginateListWidgets,
  rejection,
  stubHandler,
  type ListWidgetsInput,
  type ListWidgetsOutput,
  type StubReply,
} from "./client-fixture.js";

function page(names: string[], NextToken?: string): StubReply {
  return { body: JSON.stringify({ Widgets: names.map((Name) => ({ Name })), NextToken }) };
}

function clientAnswering(...replies: StubReply[]) {
  const stub = stubHandler(...replies);
  const client = new WidgetsClient({ region: "us-west-2", credentials: CREDENTIALS, requestHandler: stub });
  const sent = () => stub.requests.map((request) => JSON.parse(bodyText(request)) as Record<string, unknown>);
  return { client, sent };
}

async function collect<T>(pages: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of pages) out.push(item);
  return out;
}

describe("client: paginators", () => {
  it("follows the output token until it is absent", async () => {
    const { client, sent } = clientAnswering(page(["a", "b"], "t1"), page(["c"], "t2"), page(["d"]));
    const pages = await collect(paginateListWidgets({ client }, {}));
    assert.deepEqual(
      pages.map((output) => output.Widgets?.map((widget) => widget.Name)),
      [["a", "b"], ["c"], ["d"]],
    );
    assert.equal(pages[2]!.$metadata.httpStatusCode, 200);
    assert.deepEqual(sent(), [{}, { NextToken: "t1" }, { NextToken: "t2" }]);
  });

  it("starts from startingToken, sets pageSize, and leaves the caller's input alone", async () => {
    const { client, sent } = clientAnswering(page(["c"], "t2"), page(["d"]));
    const input: ListWidgetsInput = { MaxResults: 50 };
    await collect(paginateListWidgets({ client, startingToken: "t1", pageSize: 2 }, input));
    assert.deepEqual(sent(), [
      { NextToken: "t1", MaxResults: 2 },
      { NextToken: "t2", MaxResults: 2 },
    ]);
    assert.deepEqual(input, { MaxResults: 50 });
  });

  it("starts from the input's token and keeps its page size when the config sets none", async () => {
    const { client, sent } = clientAnswering(page(["d"]));
    await collect(paginateListWidgets({ client }, { NextToken: "t9", MaxResults: 5 }));
    assert.deepEqual(sent(), [{ NextToken: "t9", MaxResults: 5 }]);
  });

  it("stops on an empty-string token", async () => {
    const { client, sent } = clientAnswering(page(["a"], "t1"), page(["b"], ""), page(["never"]));
    assert.equal((await collect(paginateListWidgets({ client }, {}))).length, 2);
    assert.equal(sent().length, 2);
  });

  it("throws when the service returns the same token twice in a row, after yielding that page", async () => {
    const { client, sent } = clientAnswering(page(["a"], "t1"), page(["b"], "t1"));
    const pages: unknown[] = [];
    const error = await rejection(
      (async () => {
        for await (const output of paginateListWidgets({ client }, {})) pages.push(output);
      })(),
    );
    assert.match(error.message, /ListWidgetsCommand: the service returned the same NextToken twice in a row \("t1"\)/);
    assert.equal(pages.length, 2);
    assert.equal(sent().length, 2);
  });

  it("stops instead on a repeated token with stopOnSameToken", async () => {
    const { client } = clientAnswering(page(["a"], "t1"), page(["b"], "t1"));
    assert.equal((await collect(paginateListWidgets({ client, stopOnSameToken: true }, {}))).length, 2);
  });

  it("stops early when the caller breaks, sending no more requests", async () => {
    const { client, sent } = clientAnswering(page(["a"], "t1"), page(["b"], "t2"), page(["c"]));
    for await (const output of paginateListWidgets({ client }, {})) {
      assert.ok(output.Widgets);
      break;
    }
    assert.equal(sent().length, 1);
  });

  it("passes send options, such as an abort signal, to every call", async () => {
    const { client } = clientAnswering(page(["a"], "t1"), page(["b"]));
    const controller = new AbortController();
    const pages = paginateListWidgets({ client }, {}, { abortSignal: controller.signal });
    await pages.next();
    controller.abort();
    assert.equal((await rejection(pages.next())).name, "AbortError");
  });

  it("reads a dotted output token path", async () => {
    const paginate = createPaginator<WidgetsClient, ListWidgetsInput, ListWidgetsOutput & MetadataBearer>(
      ListWidgetsCommand,
      "NextToken",
      "Widgets.0.Name",
    );
    const { client, sent } = clientAnswering(page(["b"]), page([]));
    await collect(paginate({ client }, {}));
    assert.deepEqual(sent(), [{}, { NextToken: "b" }]);
  });
});
