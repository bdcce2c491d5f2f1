import assert from "node:assert/strict";
import { parseCpuMs, parseVmRss } from "../../bench/child-server.js";
import { formattedFiles } from "../../bench/codegen.js";
import { everythingInvalidInput, maximalValidInput } from "../../bench/fixtures.js";
import { shortFile, summarize } from "../../bench/profile.js";
import { renderTable, toJson, toTable } from "../../bench/report.js";
import { judgeRss, TOLERANCE_BYTES } from "../../bench/rss-trend.js";
import { median, pairRatios, round, slope, spread } from "../../bench/stats.js";
import { parseGnuTime } from "../../bench/timing.js";

const MIB = 1024 * 1024;

describe("bench: helpers", () => {
  it("takes medians, spreads and pairwise ratios", () => {
    assert.equal(median([3, 1, 2]), 2);
    assert.equal(median([4, 1, 3, 2]), 2.5);
    assert.ok(Number.isNaN(median([])));
    assert.deepEqual(spread([5, 1, 3]), { min: 1, median: 3, max: 5 });
    assert.deepEqual(pairRatios([2, 9], [4, 3]), [0.5, 3]);
    assert.throws(() => pairRatios([1], [1, 2]), /1 samples against 2/);
    assert.equal(round(1234.567, 3), 1230);
    assert.equal(round(null), null);
  });

  it("fits a least-squares slope", () => {
    assert.equal(slope([1, 3, 5, 7]), 2);
    assert.equal(slope([5]), 0);
    assert.equal(slope([2, 2, 2]), 0);
  });

  it("judges RSS on the last half of the rounds only", () => {
    const warmup = [50 * MIB, 80 * MIB, 90 * MIB];
    const steady = judgeRss([...warmup, 100 * MIB, 101 * MIB, 99 * MIB, 100 * MIB]);
    assert.equal(steady.growing, false);
    assert.equal(steady.window.length, 4);
    const leaking = judgeRss([...warmup, 100 * MIB, 110 * MIB, 120 * MIB, 130 * MIB]);
    assert.equal(leaking.growing, true);
    assert.equal(Math.round(leaking.growthBytes / MIB), 30);
    assert.equal(leaking.toleranceBytes, TOLERANCE_BYTES + 5 * MIB);
    assert.equal(judgeRss([1, 2, 3]).growing, null, "3 rounds cannot leave the first out");
  });

  it("lists the files the generator formats", () => {
    const all = ["model.json", "package.json", "src/index.ts", "validators/compiled.js", "validators/compiled.d.ts"];
    assert.deepEqual(formattedFiles(all), ["package.json", "src/index.ts"]);
  });

  it("reads VmRSS, CPU ticks and GNU time output", () => {
    assert.equal(parseVmRss("Name:\tnode\nVmRSS:\t  102400 kB\nVmData:\t1 kB\n"), 100 * MIB);
    assert.ok(Number.isNaN(parseVmRss("Name:\tnode\n")));
    assert.equal(parseGnuTime("1.25 0.10\n"), 1350);
    assert.equal(parseGnuTime("Command exited with non-zero status 1\n0.50 0.25\n"), 750);
    assert.equal(parseGnuTime("garbage"), null);
    // The command name may hold spaces and parentheses; utime 250 and stime 40 ticks.
    const stat = "4242 (node (x) y) S 1 4242 4242 0 -1 4194560 9 0 0 0 250 40 0 0 20 0 11 0 99 1 2";
    assert.equal(parseCpuMs(stat), 2900);
  });

  it("reports every required figure, null when not measured, and judges the targets", () => {
    const json = toJson({ validate: { validUs: 25, invalidUs: 40, invalidFailures: 22 } });
    assert.deepEqual(Object.keys(json.server), [
      "rps",
      "handwrittenRps",
      "fastifyRps",
      "vsHandwritten",
      "vsFastify",
      "cpuVsHandwritten",
      "bareRps",
      "ratio",
      "p99Ms",
      "bareP99Ms",
      "adapterRps",
      "adapterRatio",
      "cpuUs",
      "handwrittenCpuUs",
      "fastifyCpuUs",
      "bareCpuUs",
      "adapterCpuUs",
    ]);
    assert.deepEqual(Object.keys(json.client), [
      "callsPerSec",
      "sdkCallsPerSec",
      "ratio",
      "coldMs",
      "sdkColdMs",
      "coldRatio",
    ]);
    assert.deepEqual(Object.keys(json.codegen), [
      "singleMs",
      "wholeSsmMs",
      "wholeSsmFormatMs",
      "genToFormatRatio",
      "wholeSsmTscMs",
      "jsonLoadMs",
      "idlLoadMs",
      "idlLoadRatio",
      "diffLoadMs",
      "diffWholeSsmMs",
      "diffToLoadRatio",
      "corpusMs",
      "corpusFormatMs",
      "corpusGenToFormatRatio",
    ]);
    assert.equal(json.server.ratio, null);
    assert.equal(json.validate.invalidFailures, 22);
    const verdicts = new Map(json.targets.map((t) => [t.figure, t.met]));
    assert.equal(verdicts.get("validate.validUs"), false);
    assert.equal(verdicts.get("server.vsHandwritten"), null);
    assert.equal(verdicts.get("server.vsFastify"), null);
    assert.equal(verdicts.get("server.cpuVsHandwritten"), null);
    assert.equal(verdicts.has("server.ratio"), false, "the bare ratio is information only");
    assert.equal(verdicts.get("codegen.diffToLoadRatio"), null);
    const measured = toJson({
      codegen: {
        singleMs: 1000,
        singleCpuMs: null,
        wholeSsmMs: null,
        wholeSsmCpuMs: null,
        wholeSsmFormatMs: null,
        wholeSsmFormatCpuMs: null,
        genToFormatRatio: null,
        wholeSsmTscMs: null,
        formattedFiles: null,
        unformattedFiles: null,
        runs: 1,
        jsonLoadMs: null,
        idlLoadMs: null,
        idlLoadRatio: null,
        corpusModels: null,
        corpusMs: null,
        corpusCpuMs: null,
        corpusFormatMs: null,
        corpusFormatCpuMs: null,
        corpusGenToFormatRatio: null,
        diffLoadMs: 5,
        diffWholeSsmMs: 14,
        diffToLoadRatio: 1.4,
        diffEvents: 12,
        diffRuns: 15,
      },
    });
    assert.equal(new Map(measured.targets.map((t) => [t.figure, t.met])).get("codegen.diffToLoadRatio"), true);
  });

  it("says in the table when the whole-SSM figures were skipped", () => {
    const codegen = {
      singleMs: 1000,
      singleCpuMs: 900,
      wholeSsmMs: null,
      wholeSsmCpuMs: null,
      wholeSsmFormatMs: null,
      wholeSsmFormatCpuMs: null,
      genToFormatRatio: null,
      wholeSsmTscMs: null,
      formattedFiles: null,
      unformattedFiles: null,
      jsonLoadMs: null,
      idlLoadMs: null,
      idlLoadRatio: null,
      corpusModels: null,
      corpusMs: null,
      corpusCpuMs: null,
      corpusFormatMs: null,
      corpusFormatCpuMs: null,
      corpusGenToFormatRatio: null,
      runs: 3,
    };
    const table = toTable(toJson({ codegen }));
    assert.match(table, /codegen\.wholeSsmMs .* n\/a .* skipped: \.\.\/shared\/models is absent/);
    assert.match(table, /codegen\.corpusMs .* n\/a .* skipped: \.\.\/shared\/aws-models is absent/);
    assert.match(table, /codegen\.singleMs .* 1,000 ms .* yes .* cpu 900 ms; median of 3/);
  });

  it("summarises CPU profiles by self and inclusive time, idle left out", () => {
    const frame = (id: number, functionName: string, url: string, children: number[] = []) => ({
      id,
      callFrame: { functionName, url, lineNumber: 0 },
      children,
    });
    const profile = {
      nodes: [
        frame(1, "(root)", "", [2, 4]),
        frame(2, "outer", "file:///x/node_modules/pkg/a.js", [3]),
        frame(3, "inner", "file:///x/node_modules/pkg/b.js"),
        frame(4, "(idle)", ""),
      ],
      samples: [3, 3, 2, 4],
      timeDeltas: [1000, 1000, 2000, 5000],
    };
    const summary = summarize([profile]);
    assert.equal(summary.totalMs, 4);
    assert.deepEqual(summary.functions[0], { name: "inner pkg/b.js:1", selfMs: 2 });
    assert.deepEqual(
      summary.inclusive.find((f) => f.name === "outer pkg/a.js:1"),
      { name: "outer pkg/a.js:1", selfMs: 4 },
    );
    assert.equal(shortFile(""), "(native)");
    assert.equal(shortFile("node:internal/url"), "node:internal/url");
  });

  it("aligns table columns", () => {
    assert.equal(
      renderTable([
        ["a", "value"],
        ["long name", "1"],
      ]),
      "a          value\n---------  -----\nlong name      1",
    );
  });

  it("builds validator inputs at both extremes", () => {
    const valid = maximalValidInput();
    assert.equal(valid.Filters!.length, 5);
    assert.ok(valid.Filters!.every((f) => f.Key!.length === 128 && f.Values!.every((v) => v.length === 256)));
    const invalid = everythingInvalidInput();
    assert.equal(invalid.Filters!.length, 6);
    assert.notEqual(invalid.WindowExecutionId!.length, 36);
  });
});
