/**
 * Client cost: calls per second of the generated SSMClient against those of
 * `@aws-sdk/client-ssm`, both signing with SigV4 (static credentials) and
 * sending to a stub request handler that answers a canned 200 with 10 task
 * identities; measured in alternating batches in this process. And the cold
 * start of each: a fresh node process that imports the client and completes
 * one call (bench/cold/*.mjs), alternating.
 */
import {
  DescribeMaintenanceWindowExecutionTasksCommand as SdkCommand,
  SSMClient as SdkClient,
} from "@aws-sdk/client-ssm";
import { DescribeMaintenanceWindowExecutionTasksCommand, SSMClient } from "@sjc/ssm";
import {
  CLIENT_SETTINGS,
  PAGE_SIZE,
  cannedResponseBody,
  cannedResponseHeaders,
  fixtureExecutions,
} from "./fixtures.js";
import { median, pairRatios, spread } from "./stats.js";
import { timeProcess } from "./timing.js";

export interface ClientSettings {
  /** Calls of each client before measuring. */
  readonly warmupCalls: number;
  /** Batches of each client, alternating. */
  readonly batches: number;
  readonly batchMs: number;
  /** Cold-start processes of each client, alternating (after one warm-up each). */
  readonly coldRuns: number;
}

export interface ClientFigures {
  readonly callsPerSec: number;
  readonly sdkCallsPerSec: number;
  readonly ratio: number;
  readonly ratioMin: number;
  readonly ratioMax: number;
  readonly coldMs: number;
  readonly sdkColdMs: number;
  readonly coldRatio: number;
  readonly coldRatioMin: number;
  readonly coldRatioMax: number;
}

type Call = () => Promise<number>;

/** Answers every request with a fresh copy of the canned response, as a transport would. */
function stubHandler() {
  const body = new TextEncoder().encode(cannedResponseBody());
  const headers = { ...cannedResponseHeaders(), "content-length": String(body.length) };
  return {
    handle: async () => ({ response: { statusCode: 200, headers: { ...headers }, body: body.slice() } }),
  };
}

function input() {
  return { WindowExecutionId: fixtureExecutions().biggest, MaxResults: PAGE_SIZE };
}

export function ourCall(): Call {
  const client = new SSMClient({ ...CLIENT_SETTINGS, requestHandler: stubHandler() });
  return async () =>
    (await client.send(new DescribeMaintenanceWindowExecutionTasksCommand(input()))).WindowExecutionTaskIdentities!
      .length;
}

export function sdkCall(): Call {
  const client = new SdkClient({ ...CLIENT_SETTINGS, requestHandler: stubHandler() });
  return async () => (await client.send(new SdkCommand(input()))).WindowExecutionTaskIdentities!.length;
}

/** Sequential calls for `ms`; calls per second. */
async function batch(call: Call, ms: number): Promise<number> {
  const start = performance.now();
  let calls = 0;
  let elapsed = 0;
  do {
    if ((await call()) !== PAGE_SIZE) throw new Error(`a call returned other than ${PAGE_SIZE} task identities`);
    calls++;
    elapsed = performance.now() - start;
  } while (elapsed < ms);
  return (calls * 1000) / elapsed;
}

export async function measureClient(settings: ClientSettings, log: (line: string) => void): Promise<ClientFigures> {
  // The SDK warns once per process that it will soon need node 22; that is noise here.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
  const ours = ourCall();
  const sdk = sdkCall();
  for (let i = 0; i < settings.warmupCalls; i++) {
    await ours();
    await sdk();
  }
  const ourRates: number[] = [];
  const sdkRates: number[] = [];
  for (let i = 0; i < settings.batches; i++) {
    ourRates.push(await batch(ours, settings.batchMs));
    sdkRates.push(await batch(sdk, settings.batchMs));
  }
  const callsPerSec = median(ourRates);
  const sdkCallsPerSec = median(sdkRates);
  const ratios = spread(pairRatios(ourRates, sdkRates));
  log(`client  ours ${Math.round(callsPerSec)} calls/s, sdk ${Math.round(sdkCallsPerSec)} calls/s`);

  const cold = coldStarts(settings.coldRuns);
  log(`client  cold ours ${cold.ours.toFixed(0)} ms, sdk ${cold.sdk.toFixed(0)} ms`);
  return {
    callsPerSec,
    sdkCallsPerSec,
    ratio: callsPerSec / sdkCallsPerSec,
    ratioMin: ratios.min,
    ratioMax: ratios.max,
    coldMs: cold.ours,
    sdkColdMs: cold.sdk,
    coldRatio: cold.ours / cold.sdk,
    coldRatioMin: cold.ratios.min,
    coldRatioMax: cold.ratios.max,
  };
}

function coldStarts(runs: number) {
  const env = {
    ...process.env,
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
    BENCH_RESPONSE_BODY: cannedResponseBody(),
  };
  const run = (script: string) => {
    const result = timeProcess(process.execPath, [script], { env });
    if (result.status !== 0) throw new Error(`node ${script} failed (${result.status}):\n${result.output}`);
    return result.wallMs;
  };
  const ours: number[] = [];
  const sdk: number[] = [];
  for (let i = -1; i < runs; i++) {
    const a = run("bench/cold/ours.mjs");
    const b = run("bench/cold/sdk.mjs");
    if (i < 0) continue; // warm-up: fills the file cache
    ours.push(a);
    sdk.push(b);
  }
  return { ours: median(ours), sdk: median(sdk), ratios: spread(pairRatios(ours, sdk)) };
}
