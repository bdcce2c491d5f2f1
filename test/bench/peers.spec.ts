import assert from "node:assert/strict";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { startChildServer, type ChildServer } from "../../bench/child-server.js";
import { FIXTURE_FILE, fixtureExecutions, makeTempDir } from "../../bench/fixtures.js";
import { maskTokenMac, peerCases } from "../../bench/peer-checks.js";
import { checkPeers } from "../../bench/server.js";

describe("bench: the peer servers answer as the generated server does", function () {
  this.timeout(90_000);
  const servers: ChildServer[] = [];
  const start = async (...args: string[]) => {
    const server = await startChildServer(["--import", "tsx", ...args]);
    servers.push(server);
    return server;
  };
  let ours: ChildServer;

  before(async () => {
    ours = await start("reference-service/main.ts", "--port", "0");
  });
  after(() => Promise.all(servers.map((server) => server.stop())));

  it("on the benchmarked request, its second page and every faulty case", async () => {
    const [handwritten, fastify] = await Promise.all([
      start("bench/servers/handwritten.ts", FIXTURE_FILE),
      start("bench/servers/fastify.ts", FIXTURE_FILE),
    ]);
    await checkPeers(ours.url, { handwritten: handwritten.url, fastify: fastify.url });
    assert.ok(peerCases().length >= 12);
  });

  it("masks only the MAC of a NextToken", () => {
    assert.equal(maskTokenMac('{"a":1,"NextToken":"cGF5bG9hZA.bWFj"}'), '{"a":1,"NextToken":"cGF5bG9hZA.<mac>"}');
    assert.equal(maskTokenMac('{"NextToken":"x"}'), '{"NextToken":"x"}');
  });

  it("refuses a peer that answers differently", async () => {
    const work = makeTempDir("bench-peers-");
    try {
      // A peer serving other data: the biggest execution lost its first task.
      const data = JSON.parse(readFileSync(FIXTURE_FILE, "utf8")) as Record<string, unknown[]>;
      const { biggest } = fixtureExecutions();
      data[biggest] = data[biggest]!.slice(1);
      const file = join(work, "data.json");
      writeFileSync(file, JSON.stringify(data));
      const other = await start("bench/servers/handwritten.ts", file);
      await assert.rejects(
        checkPeers(ours.url, { other: other.url }),
        /answers differently[^]*other, the benchmarked request/,
      );
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
