/**
 * What makes a peer server comparable with the generated one: the same answer
 * to the benchmarked request (body bytes, NextToken MAC aside when keys
 * differ), to the page its NextToken leads to, and to a dozen faulty requests
 * (status, awsJson headers and body bytes). The server benchmark checks every
 * peer with these before it measures, and refuses to report otherwise.
 */
import { REQUEST_HEADERS, fixtureExecutions, pageRequestBody } from "./fixtures.js";

export interface PeerCase {
  readonly name: string;
  readonly body: string;
  /** Headers sent besides (or instead of) the awsJson ones. */
  readonly headers?: Readonly<Record<string, string>>;
}

/** An answer reduced to what must agree: status, the awsJson headers, the body. */
export interface Answer {
  readonly statusCode: number;
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly body: string;
}

export type Post = (body: string, headers: Readonly<Record<string, string>>) => Promise<Answer>;

const UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";

/** The faulty requests, each with the error the generated server answers. */
export function peerCases(): PeerCase[] {
  const id = fixtureExecutions().biggest;
  const json = (value: unknown) => JSON.stringify(value);
  const status = (values: string[]) => ({ Key: "STATUS", Values: values });
  return [
    { name: "unknown id", body: json({ WindowExecutionId: UNKNOWN_ID }) },
    { name: "bad id", body: json({ WindowExecutionId: "not-an-id" }) },
    { name: "missing id", body: json({ MaxResults: 10 }) },
    { name: "MaxResults 5", body: json({ WindowExecutionId: id, MaxResults: 5 }) },
    { name: "MaxResults 10.5", body: json({ WindowExecutionId: id, MaxResults: 10.5 }) },
    { name: "MaxResults a string", body: json({ WindowExecutionId: id, MaxResults: "10" }) },
    {
      name: "6 filters",
      body: json({ WindowExecutionId: id, Filters: Array.from({ length: 6 }, () => status(["SUCCESS"])) }),
    },
    { name: "bad filter key", body: json({ WindowExecutionId: id, Filters: [{ Key: "NAME", Values: ["x"] }] }) },
    { name: "bad filter value", body: json({ WindowExecutionId: id, Filters: [status(["DONE"])] }) },
    { name: "empty filter key and value", body: json({ WindowExecutionId: id, Filters: [{ Key: "", Values: [""] }] }) },
    { name: "forged token", body: json({ WindowExecutionId: id, NextToken: "eyJmb3JnZWQiOnRydWV9.bm90LWEtbWFj" }) },
    { name: "not JSON", body: "{not json" },
    {
      name: "bad target",
      body: json({ WindowExecutionId: id }),
      headers: { "x-amz-target": "AmazonSSM.DescribeNothing" },
    },
  ];
}

/** The NextToken's MAC masked: peers sign with keys of their own. */
export function maskTokenMac(body: string): string {
  return body.replace(/("NextToken":"[A-Za-z0-9_-]+\.)[A-Za-z0-9_-]+"/, '$1<mac>"');
}

/**
 * Differences between `peer` and `ours` over the benchmarked request, its
 * second page and every case; empty when they agree.
 */
export async function comparePeer(name: string, ours: Post, peer: Post): Promise<string[]> {
  const problems: string[] = [];
  const compare = (what: string, a: Answer, b: Answer) => {
    const same =
      a.statusCode === b.statusCode &&
      maskTokenMac(a.body) === maskTokenMac(b.body) &&
      a.headers["content-type"] === b.headers["content-type"] &&
      a.headers["x-amzn-errortype"] === b.headers["x-amzn-errortype"] &&
      (a.headers["x-amzn-requestid"] === undefined) === (b.headers["x-amzn-requestid"] === undefined);
    if (!same) problems.push(`${name}, ${what}:\n  generated ${render(a)}\n  ${name} ${render(b)}`);
  };
  const page = pageRequestBody();
  const [firstOurs, firstPeer] = [await ours(page, REQUEST_HEADERS), await peer(page, REQUEST_HEADERS)];
  compare("the benchmarked request", firstOurs, firstPeer);
  const next = (answer: Answer) => {
    const token = (JSON.parse(answer.body) as { NextToken?: string }).NextToken;
    return JSON.stringify({ ...(JSON.parse(page) as object), NextToken: token });
  };
  if (firstOurs.statusCode === 200 && firstPeer.statusCode === 200) {
    compare(
      "the second page",
      await ours(next(firstOurs), REQUEST_HEADERS),
      await peer(next(firstPeer), REQUEST_HEADERS),
    );
  }
  for (const c of peerCases()) {
    const headers = { ...REQUEST_HEADERS, ...c.headers };
    compare(c.name, await ours(c.body, headers), await peer(c.body, headers));
  }
  return problems;
}

function render(answer: Answer): string {
  const { statusCode, headers, body } = answer;
  const shown = ["content-type", "x-amzn-errortype"].map((h) => `${h}: ${headers[h] ?? "-"}`).join(", ");
  return `${statusCode} (${shown}) ${body}`;
}
