/**
 * Region, credentials and retry settings as SDK v3 resolves them: the client
 * configuration, then the environment, then the profile of temporary shared
 * config and credentials files (through AWS_CONFIG_FILE,
 * AWS_SHARED_CREDENTIALS_FILE and AWS_PROFILE, with HOME pointed away too);
 * and the user agent headers.
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AwsCredentialIdentity } from "@smithy/types";
import { StubHttpHandler } from "@sjc/testing";
import { DescribeMaintenanceWindowExecutionTasksCommand, SSMClient } from "@sjc/ssm";
import { RUNTIME_VERSION } from "../../runtime/src/client/user-agent.js";

const INPUT = { WindowExecutionId: "25b3420a-6338-4e24-8039-225f0c75b728" };

/** Every variable either client might read; each test sets what it needs. */
const AWS_VARIABLES = [
  "AWS_REGION",
  "AWS_DEFAULT_REGION",
  "AWS_PROFILE",
  "AWS_ACCESS_KEY_ID",
  "AWS_SECRET_ACCESS_KEY",
  "AWS_SESSION_TOKEN",
  "AWS_CONFIG_FILE",
  "AWS_SHARED_CREDENTIALS_FILE",
  "AWS_MAX_ATTEMPTS",
  "AWS_RETRY_MODE",
  "AWS_USE_FIPS_ENDPOINT",
  "AWS_USE_DUALSTACK_ENDPOINT",
  "AWS_EC2_METADATA_DISABLED",
  "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
  "AWS_CONTAINER_CREDENTIALS_FULL_URI",
  "AWS_WEB_IDENTITY_TOKEN_FILE",
  "AWS_ENDPOINT_URL",
  "AWS_ENDPOINT_URL_SSM",
  "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS",
  "HOME",
];

/** Credential scope and access key of a signed request. */
function signing(request: { headers: Record<string, string> }) {
  const match = /Credential=([^/]+)\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request/.exec(request.headers.authorization ?? "");
  assert.ok(match, `signed: ${request.headers.authorization}`);
  return { accessKeyId: match[1], region: match[2], service: match[3] };
}

describe("client: region, credentials and retries from config, environment and profile", () => {
  let home: string;
  const saved: Record<string, string | undefined> = {};

  beforeEach(() => {
    home = mkdtempSync(join(tmpdir(), "sjc-profile-"));
    for (const name of AWS_VARIABLES) {
      saved[name] = process.env[name];
      delete process.env[name];
    }
    process.env.HOME = home;
    process.env.AWS_CONFIG_FILE = join(home, "config");
    process.env.AWS_SHARED_CREDENTIALS_FILE = join(home, "credentials");
    process.env.AWS_EC2_METADATA_DISABLED = "true";
  });
  afterEach(() => {
    for (const name of AWS_VARIABLES) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
    rmSync(home, { recursive: true, force: true });
  });

  const files = (config: string, credentials: string) => {
    writeFileSync(join(home, "config"), config);
    writeFileSync(join(home, "credentials"), credentials);
  };

  it("takes region and credentials from the default profile, with no environment variables", async () => {
    files("[default]\nregion = eu-west-3\n", "[default]\naws_access_key_id = AKIDPROFILE\naws_secret_access_key = s\n");
    const http = new StubHttpHandler();
    const client = new SSMClient({ requestHandler: http });
    await client.send(new DescribeMaintenanceWindowExecutionTasksCommand(INPUT));
    const request = http.request();
    assert.equal(request.hostname, "ssm.eu-west-3.amazonaws.com");
    assert.deepEqual(signing(request), { accessKeyId: "AKIDPROFILE", region: "eu-west-3", service: "ssm" });
    assert.equal(client.config.region, "eu-west-3");
  });

  it("reads the profile AWS_PROFILE names, or the one `profile` names; session tokens too", async () => {
    files(
      "[default]\nregion = us-east-1\n[profile work]\nregion = ap-south-1\n[profile other]\nregion = sa-east-1\n",
      "[work]\naws_access_key_id = AKIDWORK\naws_secret_access_key = s\naws_session_token = token\n" +
        "[other]\naws_access_key_id = AKIDOTHER\naws_secret_access_key = s\n",
    );
    process.env.AWS_PROFILE = "work";
    const http = new StubHttpHandler();
    await new SSMClient({ requestHandler: http }).send(new DescribeMaintenanceWindowExecutionTasksCommand(INPUT));
    assert.deepEqual(signing(http.request()), { accessKeyId: "AKIDWORK", region: "ap-south-1", service: "ssm" });
    assert.equal(http.request().headers["x-amz-security-token"], "token");

    const other = new StubHttpHandler();
    await new SSMClient({ requestHandler: other, profile: "other" }).send(
      new DescribeMaintenanceWindowExecutionTasksCommand(INPUT),
    );
    assert.deepEqual(signing(other.request()), { accessKeyId: "AKIDOTHER", region: "sa-east-1", service: "ssm" });
  });

  it("prefers config over AWS_REGION over the profile, and environment credentials over the profile's", async () => {
    files("[default]\nregion = eu-west-3\n", "[default]\naws_access_key_id = AKIDPROFILE\naws_secret_access_key = s\n");
    process.env.AWS_REGION = "eu-north-1";
    process.env.AWS_ACCESS_KEY_ID = "AKIDENV";
    process.env.AWS_SECRET_ACCESS_KEY = "s";
    const fromEnv = new StubHttpHandler();
    await new SSMClient({ requestHandler: fromEnv }).send(new DescribeMaintenanceWindowExecutionTasksCommand(INPUT));
    assert.deepEqual(signing(fromEnv.request()), { accessKeyId: "AKIDENV", region: "eu-north-1", service: "ssm" });
    const fromConfig = new StubHttpHandler();
    await new SSMClient({ requestHandler: fromConfig, region: "ca-central-1" }).send(
      new DescribeMaintenanceWindowExecutionTasksCommand(INPUT),
    );
    assert.equal(signing(fromConfig.request()).region, "ca-central-1");
  });

  it("reads use_fips_endpoint and use_dualstack_endpoint from the profile", async () => {
    files("[default]\nregion = us-east-2\nuse_fips_endpoint = true\nuse_dualstack_endpoint = true\n", "");
    const http = new StubHttpHandler();
    const client = new SSMClient({ requestHandler: http, credentials: { accessKeyId: "A", secretAccessKey: "s" } });
    await client.send(new DescribeMaintenanceWindowExecutionTasksCommand(INPUT));
    assert.equal(http.request().hostname, "ssm-fips.us-east-2.api.aws");
  });

  it("fails with `Region is missing` before any request when no source has a region", async () => {
    files("[default]\n", "[default]\naws_access_key_id = A\naws_secret_access_key = s\n");
    const http = new StubHttpHandler();
    const error = await new SSMClient({ requestHandler: http })
      .send(new DescribeMaintenanceWindowExecutionTasksCommand(INPUT))
      .then(
        () => assert.fail("the call succeeded"),
        (e: unknown) => e as Error,
      );
    assert.match(error.message, /^Region is missing/);
    assert.equal(http.requests.length, 0);
  });

  it("fails with the chain's CredentialsProviderError before any request when no source has credentials", async () => {
    files("[default]\nregion = us-east-1\n", "");
    const http = new StubHttpHandler();
    const error = await new SSMClient({ requestHandler: http })
      .send(new DescribeMaintenanceWindowExecutionTasksCommand(INPUT))
      .then(
        () => assert.fail("the call succeeded"),
        (e: unknown) => e as Error,
      );
    assert.equal(error.name, "CredentialsProviderError");
    assert.equal(error.message, "Could not load credentials from any providers");
    assert.equal(http.requests.length, 0);
  });

  it("calls an identity provider once, and again when its credentials near expiry", async () => {
    files("[default]\nregion = us-east-1\n", "");
    let calls = 0;
    const provider = async (): Promise<AwsCredentialIdentity> => {
      calls++;
      return { accessKeyId: `AKID${calls}`, secretAccessKey: "s", expiration: new Date(Date.now() + 60_000) };
    };
    const http = new StubHttpHandler();
    const client = new SSMClient({ requestHandler: http, credentials: provider });
    await client.send(new DescribeMaintenanceWindowExecutionTasksCommand(INPUT));
    await client.send(new DescribeMaintenanceWindowExecutionTasksCommand(INPUT));
    // Within the refresh window (5 minutes before expiry) every call asks again.
    assert.equal(calls, 2);
    assert.equal(signing(http.requests[1]!).accessKeyId, "AKID2");
  });

  it("takes max_attempts and retry_mode from the profile, AWS_MAX_ATTEMPTS and config over it", async () => {
    files("[default]\nregion = us-east-1\nmax_attempts = 5\nretry_mode = adaptive\n", "");
    const credentials = { accessKeyId: "A", secretAccessKey: "s" };
    const throttled = () => new StubHttpHandler({ code: 500, body: "{}" });
    const attempts = async (client: SSMClient) => {
      await client.send(new DescribeMaintenanceWindowExecutionTasksCommand(INPUT)).catch(() => undefined);
      return client;
    };
    const fromProfile = await attempts(new SSMClient({ requestHandler: throttled(), credentials }));
    assert.equal(fromProfile.config.maxAttempts, 5);
    assert.equal(fromProfile.config.retryMode, "adaptive");
    assert.equal(fromProfile.config.retryStrategy.constructor.name, "AdaptiveRetryStrategy");

    process.env.AWS_MAX_ATTEMPTS = "1";
    const http = throttled();
    const fromEnv = await attempts(new SSMClient({ requestHandler: http, credentials }));
    assert.equal(fromEnv.config.maxAttempts, 1);
    assert.equal(http.requests.length, 1);

    const fromConfig = await attempts(
      new SSMClient({ requestHandler: throttled(), credentials, maxAttempts: 2, retryMode: "standard" }),
    );
    assert.equal(fromConfig.config.maxAttempts, 2);
    assert.equal(fromConfig.config.retryStrategy.constructor.name, "StandardRetryStrategy");
  });

  it("sends user-agent and x-amz-user-agent in the SDK's format, with customUserAgent appended", async () => {
    files("[default]\nregion = us-east-1\n", "");
    const http = new StubHttpHandler();
    const client = new SSMClient({
      requestHandler: http,
      credentials: { accessKeyId: "A", secretAccessKey: "s" },
      customUserAgent: [["myapp", "1.2"], ["extra"]],
    });
    await client.send(new DescribeMaintenanceWindowExecutionTasksCommand(INPUT));
    const { headers } = http.request();
    const version = RUNTIME_VERSION.replace(/\./g, "\\.");
    assert.match(
      headers["user-agent"]!,
      new RegExp(
        `^sjc/${version} ua/2\\.1 os/\\S+#\\S+ lang/js md/nodejs#${process.versions.node} api/ssm#2014-11-06 myapp/1\\.2 extra$`,
      ),
    );
    assert.equal(headers["x-amz-user-agent"], `sjc/${RUNTIME_VERSION} myapp/1.2 extra`);
  });

  it("sends to AWS_ENDPOINT_URL_SSM, else AWS_ENDPOINT_URL, unless told to ignore them", async () => {
    files("[default]\nregion = us-east-1\n", "");
    const credentials = { accessKeyId: "A", secretAccessKey: "s" };
    const hostOf = async (config: { ignoreConfiguredEndpointUrls?: boolean; endpoint?: string } = {}) => {
      const http = new StubHttpHandler();
      await new SSMClient({ requestHandler: http, credentials, ...config }).send(
        new DescribeMaintenanceWindowExecutionTasksCommand(INPUT),
      );
      const request = http.request();
      return `${request.protocol}//${request.hostname}${request.port ? `:${request.port}` : ""}${request.path}`;
    };
    process.env.AWS_ENDPOINT_URL = "http://127.0.0.1:4566";
    assert.equal(await hostOf(), "http://127.0.0.1:4566/");
    process.env.AWS_ENDPOINT_URL_SSM = "http://127.0.0.1:4577/ssm";
    assert.equal(await hostOf(), "http://127.0.0.1:4577/ssm/");
    assert.equal(await hostOf({ endpoint: "http://127.0.0.1:9000" }), "http://127.0.0.1:9000/");
    assert.equal(await hostOf({ ignoreConfiguredEndpointUrls: true }), "https://ssm.us-east-1.amazonaws.com/");
    process.env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS = "true";
    assert.equal(await hostOf(), "https://ssm.us-east-1.amazonaws.com/");
  });

  it("hands `logger` to the endpoint rule engine", async () => {
    files("[default]\nregion = us-east-1\n", "");
    const lines: string[] = [];
    const record = (...content: unknown[]) => void lines.push(content.map(String).join(" "));
    const logger = { trace: record, debug: record, info: record, warn: record, error: record };
    const http = new StubHttpHandler();
    const client = new SSMClient({
      requestHandler: http,
      credentials: { accessKeyId: "A", secretAccessKey: "s" },
      logger,
    });
    await client.send(new DescribeMaintenanceWindowExecutionTasksCommand(INPUT));
    assert.ok(
      lines.some((line) => line.includes("https://ssm.us-east-1.amazonaws.com")),
      `the resolved endpoint is logged: ${JSON.stringify(lines)}`,
    );
  });

  it("names the runtime's version as package.json does", async () => {
    const { default: pkg } = await import("../../runtime/package.json", { with: { type: "json" } });
    assert.equal(RUNTIME_VERSION, pkg.version);
  });
});
