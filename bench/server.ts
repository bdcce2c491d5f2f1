/**
 * Server throughput: the generated server (`npm start`: createSSMServer and
 * the reference implementation over the bundled data) against the servers a
 * user would write instead, each in its own process, driven in turn (bare,
 * adapter, handwritten, fastify, ours, bare, …) by autocannon:
 *
 * - handwritten (bench/servers/handwritten.ts): the operation by hand on
 *   node:http, and fastify (bench/servers/fastify.ts): on Fastify 5 with body
 *   and response schemas. Both serve the same data, filters, pages and
 *   NextTokens, and must answer as the generated server does (peer-checks.ts)
 *   before anything is measured.
 * - bare (bench/servers/bare.ts): node:http answering the captured response
 *   bytes, the ceiling; adapter (bench/servers/adapter.ts): the runtime's node
 *   adapter around a handler that does no work, which splits the gap between
 *   transport and handler.
 *
 * Each server's CPU time per request comes from /proc, a figure that other
 * load on the machine disturbs less than requests per second.
 */
import { rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { join } from "node:path";
import { startChildServer, type ChildServer } from "./child-server.js";
import { FIXTURE_FILE, PAGE_SIZE, REQUEST_HEADERS, makeTempDir, pageRequestBody } from "./fixtures.js";
import { comparePeer, type Post } from "./peer-checks.js";
import { runLoad, type LoadFigures } from "./load-driver.js";
import { median, pairRatios, spread } from "./stats.js";

export interface ServerSettings {
  readonly rounds: number;
  readonly seconds: number;
  readonly warmupSeconds: number;
  readonly connections: number;
}

export interface ServerFigures {
  readonly rps: number;
  readonly bareRps: number;
  readonly ratio: number;
  readonly p99Ms: number;
  readonly bareP99Ms: number;
  /** Requests/s of the adapter with a no-work handler, and its ratio to bare. */
  readonly adapterRps: number;
  readonly adapterRatio: number;
  /** Requests/s of the peers a user would write instead. */
  readonly handwrittenRps: number;
  readonly fastifyRps: number;
  /** Medians of the round-by-round requests/s ratios, generated / peer. */
  readonly vsHandwritten: number;
  readonly vsFastify: number;
  /** Server CPU time (user + system) per request, in µs: generated, bare, adapter, peers. */
  readonly cpuUs: number;
  readonly bareCpuUs: number;
  readonly adapterCpuUs: number;
  readonly handwrittenCpuUs: number;
  readonly fastifyCpuUs: number;
  /** Median of the round-by-round CPU-per-request ratios, generated / handwritten. */
  readonly cpuVsHandwritten: number;
  readonly vsHandwrittenMin: number;
  readonly vsHandwrittenMax: number;
  readonly vsFastifyMin: number;
  readonly vsFastifyMax: number;
  /** Extremes of the round-by-round ratios. */
  readonly ratioMin: number;
  readonly ratioMax: number;
  readonly rounds: number;
  readonly seconds: number;
  readonly connections: number;
}

export interface CapturedResponse {
  readonly statusCode: number;
  /** The headers the server set itself (node's Date, Connection and Keep-Alive left out). */
  readonly headers: Record<string, string>;
  readonly body: string;
  /** Every header line as received, the Date value masked. */
  readonly lines: readonly string[];
}

interface Run extends LoadFigures {
  /** Server CPU time per completed request, µs. */
  readonly cpuUs: number;
}

/** Headers node:http adds by itself to every response. */
const NODE_HEADERS = new Set(["date", "connection", "keep-alive", "transfer-encoding", "content-length"]);

export async function measureServer(settings: ServerSettings, log: (line: string) => void): Promise<ServerFigures> {
  const work = makeTempDir("bench-server-");
  const servers: ChildServer[] = [];
  try {
    const ours = await startChildServer(["--import", "tsx", "reference-service/main.ts", "--port", "0"]);
    servers.push(ours);
    const body = pageRequestBody();
    const captured = await post(ours.url, body);
    checkPage(captured);
    const responseFile = join(work, "response.json");
    const { statusCode, headers } = captured;
    writeFileSync(responseFile, JSON.stringify({ statusCode, headers, body: captured.body }));
    const bare = await startChildServer(["--import", "tsx", "bench/servers/bare.ts", responseFile]);
    servers.push(bare);
    checkSameResponse(captured, await post(bare.url, body));
    const adapter = await startChildServer(["--import", "tsx", "bench/servers/adapter.ts", responseFile]);
    servers.push(adapter);
    checkSameResponse(captured, await post(adapter.url, body), ["x-amzn-requestid"]);
    const handwritten = await startChildServer(["--import", "tsx", "bench/servers/handwritten.ts", FIXTURE_FILE]);
    servers.push(handwritten);
    const fastify = await startChildServer(["--import", "tsx", "bench/servers/fastify.ts", FIXTURE_FILE]);
    servers.push(fastify);
    await checkPeers(ours.url, { handwritten: handwritten.url, fastify: fastify.url });
    const requests = [{ method: "POST", path: "/", headers: { ...REQUEST_HEADERS }, body }];
    const drive = async (server: ChildServer, name: string): Promise<Run> => {
      const load = { url: server.url, connections: settings.connections, requests };
      await runLoad({ ...load, seconds: settings.warmupSeconds });
      const cpuBefore = server.cpuMs();
      const figures = await runLoad({ ...load, seconds: settings.seconds });
      if (figures.non2xx > 0 || figures.errors > 0) {
        throw new Error(`${name}: ${figures.non2xx} non-2xx responses, ${figures.errors} errors under load`);
      }
      const cpuUs = ((server.cpuMs() - cpuBefore) * 1000) / figures.completed;
      log(
        `server  ${name.padEnd(11)} ${Math.round(figures.rps)} req/s, p99 ${figures.p99Ms} ms, cpu ${Math.round(cpuUs)} µs/request`,
      );
      return { ...figures, cpuUs };
    };
    const bareRuns: Run[] = [];
    const adapterRuns: Run[] = [];
    const handwrittenRuns: Run[] = [];
    const fastifyRuns: Run[] = [];
    const ourRuns: Run[] = [];
    for (let round = 0; round < settings.rounds; round++) {
      bareRuns.push(await drive(bare, "bare"));
      adapterRuns.push(await drive(adapter, "adapter"));
      handwrittenRuns.push(await drive(handwritten, "handwritten"));
      fastifyRuns.push(await drive(fastify, "fastify"));
      ourRuns.push(await drive(ours, "ours"));
    }
    const rpsRatios = (peer: readonly Run[]) =>
      spread(
        pairRatios(
          ourRuns.map((r) => r.rps),
          peer.map((r) => r.rps),
        ),
      );
    const vsHandwritten = rpsRatios(handwrittenRuns);
    const vsFastify = rpsRatios(fastifyRuns);
    const cpuVsHandwritten = median(
      pairRatios(
        ourRuns.map((r) => r.cpuUs),
        handwrittenRuns.map((r) => r.cpuUs),
      ),
    );
    const rps = median(ourRuns.map((r) => r.rps));
    const bareRps = median(bareRuns.map((r) => r.rps));
    const ratios = spread(
      pairRatios(
        ourRuns.map((r) => r.rps),
        bareRuns.map((r) => r.rps),
      ),
    );
    const adapterRps = median(adapterRuns.map((r) => r.rps));
    return {
      rps,
      bareRps,
      ratio: rps / bareRps,
      p99Ms: median(ourRuns.map((r) => r.p99Ms)),
      bareP99Ms: median(bareRuns.map((r) => r.p99Ms)),
      adapterRps,
      adapterRatio: adapterRps / bareRps,
      cpuUs: median(ourRuns.map((r) => r.cpuUs)),
      bareCpuUs: median(bareRuns.map((r) => r.cpuUs)),
      adapterCpuUs: median(adapterRuns.map((r) => r.cpuUs)),
      handwrittenRps: median(handwrittenRuns.map((r) => r.rps)),
      fastifyRps: median(fastifyRuns.map((r) => r.rps)),
      vsHandwritten: vsHandwritten.median,
      vsFastify: vsFastify.median,
      handwrittenCpuUs: median(handwrittenRuns.map((r) => r.cpuUs)),
      fastifyCpuUs: median(fastifyRuns.map((r) => r.cpuUs)),
      cpuVsHandwritten,
      vsHandwrittenMin: vsHandwritten.min,
      vsHandwrittenMax: vsHandwritten.max,
      vsFastifyMin: vsFastify.min,
      vsFastifyMax: vsFastify.max,
      ratioMin: ratios.min,
      ratioMax: ratios.max,
      rounds: settings.rounds,
      seconds: settings.seconds,
      connections: settings.connections,
    };
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
    rmSync(work, { recursive: true, force: true });
  }
}

/** Throws, listing every difference, unless each peer (name → URL) answers as the generated server at `oursUrl`. */
export async function checkPeers(oursUrl: string, peers: Readonly<Record<string, string>>): Promise<void> {
  const poster =
    (url: string): Post =>
    (text, headers) =>
      post(url, text, headers);
  const problems: string[] = [];
  for (const [name, url] of Object.entries(peers))
    problems.push(...(await comparePeer(name, poster(oursUrl), poster(url))));
  if (problems.length > 0) {
    throw new Error(`a peer server answers differently from the generated one:\n${problems.join("\n")}`);
  }
}

function post(
  url: string,
  body: string,
  requestHeaders: Readonly<Record<string, string>> = REQUEST_HEADERS,
): Promise<CapturedResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: "POST", headers: { ...requestHeaders, "content-length": Buffer.byteLength(body) } },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (text += chunk));
        res.on("end", () => {
          const headers: Record<string, string> = {};
          const lines: string[] = [];
          for (let i = 0; i < res.rawHeaders.length; i += 2) {
            const name = res.rawHeaders[i]!;
            const value = res.rawHeaders[i + 1]!;
            if (!NODE_HEADERS.has(name.toLowerCase())) headers[name.toLowerCase()] = value;
            lines.push(`${name}: ${name.toLowerCase() === "date" ? "<date>" : value}`);
          }
          resolve({ statusCode: res.statusCode ?? 0, headers, body: text, lines });
        });
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

function checkPage(response: CapturedResponse): void {
  const page =
    response.statusCode === 200 ? (JSON.parse(response.body) as { WindowExecutionTaskIdentities?: unknown[] }) : {};
  const count = page.WindowExecutionTaskIdentities?.length;
  if (count !== PAGE_SIZE) {
    throw new Error(`the generated server answered ${response.statusCode} with ${count} tasks: ${response.body}`);
  }
}

/** Same status, body and header lines; the `varying` headers (such as a fresh request id) only need to be there. */
function checkSameResponse(ours: CapturedResponse, other: CapturedResponse, varying: readonly string[] = []): void {
  const mask = (lines: readonly string[]) =>
    lines.map((line) => {
      const name = line.slice(0, line.indexOf(":"));
      return varying.includes(name.toLowerCase()) ? `${name}: <varies>` : line;
    });
  const same =
    ours.statusCode === other.statusCode &&
    ours.body === other.body &&
    JSON.stringify(mask(ours.lines)) === JSON.stringify(mask(other.lines));
  if (!same) throw new Error(`a baseline server answers differently:\n${JSON.stringify({ ours, other }, null, 2)}`);
}
