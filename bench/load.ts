/**
 * `npm run load [-- --connections 100] [--seconds 20] [--soak] [--round-seconds 10]`
 *
 * Starts the real server (`node --import tsx reference-service/main.ts --port 0`) as a
 * child process and drives it with autocannon on 127.0.0.1 with a mix of
 * requests: listings with and without filters, later pages by NextToken,
 * an unknown id (400 DoesNotExistException) and invalid input (400
 * ValidationException, from the model's constraints and from the service).
 * Every response must be exactly the one the same request got before the load
 * (same status, same body). Prints latency, throughput, responses by class,
 * errors and timeouts, and the server's RSS before and after.
 *
 * --soak: longer (default 120 s) in rounds, RSS sampled after each; fails if
 * RSS keeps growing (the rule is printed; see bench/rss-trend.ts).
 * Exit codes: 0 passed, 1 an error, timeout, unexpected response, crash or
 * growing RSS, 2 usage.
 */
import { parseArgs } from "node:util";
import { mib, startChildServer, type ChildServer } from "./child-server.js";
import { REQUEST_HEADERS, fixtureExecutions } from "./fixtures.js";
import { runLoad, type LoadFigures } from "./load-driver.js";
import { RSS_RULE, judgeRss } from "./rss-trend.js";

const USAGE = "usage: npm run load -- [--connections N] [--seconds S] [--soak] [--round-seconds S]";

interface Settings {
  readonly connections: number;
  readonly seconds: number;
  readonly soak: boolean;
  readonly roundSeconds: number;
}

function settings(): Settings {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        connections: { type: "string", default: "100" },
        seconds: { type: "string" },
        soak: { type: "boolean", default: false },
        "round-seconds": { type: "string", default: "10" },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    usage((error as Error).message);
  }
  const integer = (name: string, text: string, max: number) => {
    const value = Number(text);
    if (!Number.isInteger(value) || value < 1 || value > max) usage(`--${name} must be an integer from 1 to ${max}`);
    return value;
  };
  const soak = values.soak!;
  return {
    connections: integer("connections", values.connections!, 1000),
    seconds: integer("seconds", values.seconds ?? (soak ? "120" : "20"), 3600),
    soak,
    roundSeconds: integer("round-seconds", values["round-seconds"]!, 600),
  };
}

function usage(message: string): never {
  console.error(`load: ${message}\n${USAGE}`);
  process.exit(2);
}

/** One kind of request in the mix, and what the server must answer to it. */
interface Kind {
  readonly name: string;
  readonly body: Record<string, unknown>;
  readonly status: 200 | 400;
  /** 200: tasks on the page; 400: the error's `__type`. */
  readonly expect: number | string;
}

interface Tally {
  expected: number;
  unexpected: number;
  firstUnexpected?: string;
}

const UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";
const PAGE = 10;
const STATUS_FILTER = [{ Key: "STATUS", Values: ["SUCCESS", "FAILED"] }];

/** The mix; the pages' NextTokens come from the server (they are signed with its per-process key). */
async function requestMix(url: string): Promise<{ kinds: Kind[]; answers: Map<string, string> }> {
  const { executions, biggest } = fixtureExecutions();
  const tasks = executions.get(biggest)!;
  const [small] = [...executions].filter(([id, list]) => id !== biggest && list.length > 0).map(([id]) => id);
  const filtered = tasks.filter((t) => STATUS_FILTER[0]!.Values.includes(t.Status as string)).length;
  const tokenAfter = async (body: Record<string, unknown>) => {
    const page = JSON.parse((await post(url, body)).body) as { NextToken?: string };
    if (!page.NextToken) throw new Error(`no NextToken for ${JSON.stringify(body)}`);
    return page.NextToken;
  };
  const first = { WindowExecutionId: biggest, MaxResults: PAGE };
  const firstFiltered = { ...first, Filters: STATUS_FILTER };
  const second = { ...first, NextToken: await tokenAfter(first) };
  const kinds: Kind[] = [
    { name: "first page", body: first, status: 200, expect: PAGE },
    { name: "first page, STATUS filter", body: firstFiltered, status: 200, expect: Math.min(PAGE, filtered) },
    { name: "page 2 (NextToken)", body: second, status: 200, expect: Math.min(PAGE, tasks.length - PAGE) },
    {
      name: "page 3 (NextToken)",
      body: { ...first, NextToken: await tokenAfter(second) },
      status: 200,
      expect: Math.min(PAGE, tasks.length - 2 * PAGE),
    },
    {
      name: "page 2, STATUS filter",
      body: { ...firstFiltered, NextToken: await tokenAfter(firstFiltered) },
      status: 200,
      expect: Math.min(PAGE, filtered - PAGE),
    },
    {
      name: "default page size",
      body: { WindowExecutionId: small },
      status: 200,
      expect: executions.get(small!)!.length,
    },
    { name: "unknown id", body: { WindowExecutionId: UNKNOWN_ID }, status: 400, expect: "DoesNotExistException" },
    {
      name: "invalid input (model)",
      body: { WindowExecutionId: "not-an-id", MaxResults: 5 },
      status: 400,
      expect: "ValidationException",
    },
    {
      name: "unsupported filter (service)",
      body: { WindowExecutionId: biggest, Filters: [{ Key: "NAME", Values: ["x"] }] },
      status: 400,
      expect: "ValidationException",
    },
    {
      name: "forged NextToken",
      body: { ...first, NextToken: `${second.NextToken.split(".")[0]}.Zm9yZ2Vk` },
      status: 400,
      expect: "ValidationException",
    },
  ];
  // Each request once before the load: the answer every later one must repeat.
  const answers = new Map<string, string>();
  for (const kind of kinds) {
    const { status, body } = await post(url, kind.body);
    const parsed = JSON.parse(body) as { WindowExecutionTaskIdentities?: unknown[]; __type?: string };
    const got = status === 200 ? parsed.WindowExecutionTaskIdentities?.length : parsed.__type;
    if (status !== kind.status || got !== kind.expect) {
      throw new Error(`${kind.name}: expected ${kind.status} ${kind.expect}, got ${status} ${body.slice(0, 300)}`);
    }
    answers.set(kind.name, body);
  }
  return { kinds, answers };
}

async function post(url: string, body: unknown): Promise<{ status: number; body: string }> {
  const response = await fetch(url, { method: "POST", headers: REQUEST_HEADERS, body: JSON.stringify(body) });
  return { status: response.status, body: await response.text() };
}

function classOf(kind: Kind): string {
  return kind.status === 200 ? "200" : `400 ${kind.expect}`;
}

function formatCount(n: number): string {
  return n.toLocaleString("en-US");
}

async function main(): Promise<number> {
  const options = settings();
  const rounds = options.soak ? Math.max(1, Math.ceil(options.seconds / options.roundSeconds)) : 1;
  const roundSeconds = options.soak ? options.seconds / rounds : options.seconds;
  let server: ChildServer | undefined;
  // Bounded in time whatever happens: the run, plus a minute to start, prime and stop.
  const deadline = setTimeout(
    () => {
      console.error("load: over time; killing the server and stopping");
      if (server) process.kill(server.pid, "SIGKILL");
      process.exit(1);
    },
    (options.seconds + 60 + rounds * 5) * 1000,
  );
  deadline.unref();

  server = await startChildServer(["--import", "tsx", "reference-service/main.ts", "--port", "0"]);
  let failures: string[] = [];
  try {
    failures = await drive(server, options, rounds, roundSeconds);
  } finally {
    const code = await server.stop();
    console.log(`server exit code after SIGTERM: ${code} (0: stopped gracefully)`);
    if (code !== 0) failures.push(`the server exited with code ${code}:\n${server.output()}`);
    clearTimeout(deadline);
  }
  for (const failure of failures) console.log(`FAIL ${failure}`);
  console.log(failures.length === 0 ? "load: passed" : `load: ${failures.length} failures`);
  return failures.length === 0 ? 0 : 1;
}

async function drive(server: ChildServer, options: Settings, rounds: number, roundSeconds: number): Promise<string[]> {
  const { kinds, answers } = await requestMix(server.url);
  const tallies = new Map(kinds.map((kind) => [kind.name, { expected: 0, unexpected: 0 } as Tally]));
  const requests = kinds.map((kind) => {
    const tally = tallies.get(kind.name)!;
    const answer = answers.get(kind.name);
    return {
      method: "POST",
      path: "/",
      headers: { ...REQUEST_HEADERS },
      body: JSON.stringify(kind.body),
      onResponse: (status: number, body: string) => {
        if (status === kind.status && body === answer) {
          tally.expected++;
        } else {
          tally.unexpected++;
          tally.firstUnexpected ??= `${status} ${body.slice(0, 200)}`;
        }
      },
    };
  });

  const rssBefore = server.rssBytes();
  console.log(
    `load: ${server.url} (pid ${server.pid}), ${options.connections} connections, ` +
      `${options.soak ? `soak of ${rounds} rounds × ${roundSeconds} s` : `${options.seconds} s`}, ` +
      `${kinds.length} kinds of request in turn`,
  );
  console.log(`RSS before: ${mib(rssBefore)}`);
  const runs: LoadFigures[] = [];
  const rss: number[] = [];
  for (let round = 1; round <= rounds; round++) {
    const figures = await runLoad({
      url: server.url,
      connections: options.connections,
      seconds: roundSeconds,
      requests,
    });
    runs.push(figures);
    rss.push(server.rssBytes());
    if (options.soak) {
      console.log(
        `round ${String(round).padStart(2)}: ${Math.round(figures.rps)} req/s, p50 ${figures.p50Ms} ms, ` +
          `p99 ${figures.p99Ms} ms, errors ${figures.errors}, RSS ${mib(rss.at(-1)!)}`,
      );
    }
  }
  return report(runs, kinds, tallies, rssBefore, rss, options.soak);
}

function report(
  runs: readonly LoadFigures[],
  kinds: readonly Kind[],
  tallies: ReadonlyMap<string, Tally>,
  rssBefore: number,
  rss: readonly number[],
  soak: boolean,
): string[] {
  const sum = (pick: (r: LoadFigures) => number) => runs.reduce((total, r) => total + pick(r), 0);
  const completed = sum((r) => r.completed);
  const errors = sum((r) => r.errors);
  const timeouts = sum((r) => r.timeouts);
  const worst = (pick: (r: LoadFigures) => number) => Math.max(...runs.map(pick));
  const statusCounts: Record<string, number> = {};
  for (const run of runs) {
    for (const [status, count] of Object.entries(run.statusCounts))
      statusCounts[status] = (statusCounts[status] ?? 0) + count;
  }
  console.log(
    `latency: p50 ${worst((r) => r.p50Ms)} ms, p99 ${worst((r) => r.p99Ms)} ms, max ${worst((r) => r.maxMs)} ms` +
      (runs.length > 1 ? " (worst round)" : ""),
  );
  console.log(`throughput: ${Math.round(sum((r) => r.rps) / runs.length)} req/s, ${formatCount(completed)} responses`);
  console.log(
    `statuses: ${Object.entries(statusCounts)
      .map(([s, n]) => `${s}: ${formatCount(n)}`)
      .join(", ")}`,
  );

  const byClass = new Map<string, { expected: number; unexpected: number }>();
  for (const kind of kinds) {
    const tally = tallies.get(kind.name)!;
    const entry = byClass.get(classOf(kind)) ?? { expected: 0, unexpected: 0 };
    entry.expected += tally.expected;
    entry.unexpected += tally.unexpected;
    byClass.set(classOf(kind), entry);
  }
  console.log("responses by expected class (as answered before the load, byte for byte):");
  for (const [name, { expected, unexpected }] of byClass) {
    console.log(`  ${name.padEnd(30)} ${formatCount(expected).padStart(10)} as expected, ${unexpected} unexpected`);
  }
  const failures: string[] = [];
  for (const kind of kinds) {
    const tally = tallies.get(kind.name)!;
    if (tally.unexpected > 0) {
      failures.push(`${kind.name}: ${tally.unexpected} unexpected responses, first: ${tally.firstUnexpected}`);
    }
    if (tally.expected === 0) failures.push(`${kind.name}: never answered`);
  }
  console.log(`errors: ${errors}, timeouts: ${timeouts}, body mismatches: ${sum((r) => r.mismatches)}`);
  if (errors > 0 || timeouts > 0) failures.push(`${errors} errors and ${timeouts} timeouts (both must be 0)`);
  console.log(`RSS before: ${mib(rssBefore)}, after: ${mib(rss.at(-1)!)}`);
  if (soak) {
    const verdict = judgeRss(rss);
    console.log(`RSS rule: ${RSS_RULE}`);
    if (verdict.growing === null) {
      console.log(`RSS trend: not judged, ${rss.length} rounds are too few`);
    } else {
      console.log(
        `RSS trend over the last ${verdict.window.length} rounds: ${verdict.growthBytes >= 0 ? "+" : "-"}` +
          `${mib(Math.abs(verdict.growthBytes))} (tolerance ${mib(verdict.toleranceBytes)}): ` +
          (verdict.growing ? "keeps growing" : "steady"),
      );
      if (verdict.growing) failures.push("RSS keeps growing across the last rounds");
    }
  }
  return failures;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error("load:", error);
    process.exit(1);
  },
);
