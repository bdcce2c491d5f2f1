/**
 * Endpoints from the model's rule set against @aws-sdk/client-ssm: for every
 * region of the aws, aws-cn and aws-us-gov partitions, with FIPS and
 * dual-stack on and off, both clients send to the same URL, signed for the
 * same region and service, or both fail with the same message.
 */
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import {
  DescribeMaintenanceWindowExecutionTasksCommand as SdkCommand,
  SSMClient as SdkClient,
} from "@aws-sdk/client-ssm";
import { DescribeMaintenanceWindowExecutionTasksCommand, SSMClient } from "@sjc/ssm";

const PARTITIONS = ["aws", "aws-cn", "aws-us-gov"];
const CREDENTIALS = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" };
const INPUT = { WindowExecutionId: "25b3420a-6338-4e24-8039-225f0c75b728" };

/** Settings either client would otherwise read from the environment or ~/.aws. */
const ISOLATED_ENV: Record<string, string | undefined> = {
  AWS_USE_FIPS_ENDPOINT: undefined,
  AWS_USE_DUALSTACK_ENDPOINT: undefined,
  AWS_ENDPOINT_URL: undefined,
  AWS_ENDPOINT_URL_SSM: undefined,
  AWS_CONFIG_FILE: "/nonexistent/sjc-test-config",
  AWS_SHARED_CREDENTIALS_FILE: "/nonexistent/sjc-test-credentials",
  AWS_PROFILE: undefined,
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
};

interface Sent {
  readonly url?: string;
  /** `<region>/<service>` of the SigV4 credential scope. */
  readonly scope?: string;
  readonly error?: string;
}

interface RequestLike {
  protocol: string;
  hostname: string;
  port?: number;
  path: string;
  headers: Record<string, string>;
}

/** A request handler that records the request and answers `200 {}`. */
function capturing() {
  const sent: RequestLike[] = [];
  return {
    sent,
    handler: {
      handle: async (request: RequestLike) => {
        sent.push(request);
        const body = new TextEncoder().encode("{}");
        return {
          response: {
            statusCode: 200,
            headers: { "content-type": "application/x-amz-json-1.1", "content-length": String(body.length) },
            body,
          },
        };
      },
    },
  };
}

async function outcome(send: (handler: ReturnType<typeof capturing>["handler"]) => Promise<unknown>): Promise<Sent> {
  const { sent, handler } = capturing();
  try {
    await send(handler);
  } catch (error) {
    return { error: (error as Error).message };
  }
  const request = sent[0]!;
  const scope = /Credential=[^/]+\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request/.exec(request.headers.authorization ?? "");
  return {
    url: `${request.protocol}//${request.hostname}${request.port ? `:${request.port}` : ""}${request.path}`,
    scope: scope ? `${scope[1]}/${scope[2]}` : "(unsigned)",
  };
}

/** Region names of a partitions table (`partitions.json`'s shape). */
function regionsOf(info: { partitions: { id: string; regions: Record<string, unknown> }[] }): string[] {
  return info.partitions.filter((p) => PARTITIONS.includes(p.id)).flatMap((p) => Object.keys(p.regions));
}

/** The regions of both partition tables: the one our client evaluates with, and the SDK's. */
async function allRegions(): Promise<string[]> {
  const runtime = createRequire(createRequire(import.meta.url).resolve("@sjc/runtime/package.json"));
  const ours = runtime("@aws-sdk/util-endpoints/dist-cjs/lib/aws/partitions.json");
  const sdkRequire = createRequire(createRequire(import.meta.url).resolve("@aws-sdk/client-ssm"));
  const core = dirname(sdkRequire.resolve("@aws-sdk/core/package.json"));
  const sdkModule = join(core, "dist-es/submodules/client/util-endpoints/lib/aws/partitions.js");
  const { partitionsInfo } = (await import(pathToFileURL(sdkModule).href)) as { partitionsInfo: typeof ours };
  return [...new Set([...regionsOf(ours), ...regionsOf(partitionsInfo)])].sort();
}

describe("client: endpoints from the rule set, region by region, as @aws-sdk/client-ssm", () => {
  const saved: Record<string, string | undefined> = {};
  before(() => {
    for (const [key, value] of Object.entries(ISOLATED_ENV)) {
      saved[key] = process.env[key];
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });
  after(() => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });

  it("sends to the same URL, signed for the same region and service, in every region and FIPS/dual-stack mode", async () => {
    const regions = await allRegions();
    assert.ok(regions.length >= 40, `expected the regions of three partitions, found ${regions.length}`);
    const differences: string[] = [];
    let compared = 0;
    for (const region of regions) {
      for (const useFipsEndpoint of [false, true]) {
        for (const useDualstackEndpoint of [false, true]) {
          const config = { region, useFipsEndpoint, useDualstackEndpoint, credentials: CREDENTIALS, maxAttempts: 1 };
          const ours = await outcome((requestHandler) =>
            new SSMClient({ ...config, requestHandler }).send(
              new DescribeMaintenanceWindowExecutionTasksCommand(INPUT),
            ),
          );
          const sdk = await outcome((requestHandler) =>
            new SdkClient({ ...config, requestHandler }).send(new SdkCommand(INPUT)),
          );
          compared++;
          const mode = `${region} fips=${useFipsEndpoint} dualstack=${useDualstackEndpoint}`;
          if (JSON.stringify(ours) !== JSON.stringify(sdk)) {
            differences.push(`${mode}: ours ${JSON.stringify(ours)}, SDK ${JSON.stringify(sdk)}`);
          }
        }
      }
    }
    assert.deepEqual(differences, [], `${differences.length} of ${compared} differ`);
    assert.equal(compared, regions.length * 4);
  });
});
