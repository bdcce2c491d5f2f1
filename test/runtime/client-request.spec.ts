import assert from "node:assert/strict";
import { Hash } from "@smithy/hash-node";
import { HttpRequest } from "@smithy/protocol-http";
import { SignatureV4 } from "@smithy/signature-v4";
import type { AwsCredentialIdentity, MetadataBearer } from "@smithy/types";
import { Command, JsonRpcClient, type ServiceDescription } from "../../runtime/src/index.js";
import {
  CREDENTIALS,
  GetWidgetCommand,
  PingCommand,
  PutWidgetCommand,
  WidgetsClient,
  WidgetsServiceException,
  bodyText,
  rejection,
  stubHandler,
  widgetsDescription,
} from "./client-fixture.js";

const AMZ_DATE = /^\d{8}T\d{6}Z$/;
const AUTHORIZATION =
  /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/(\d{8})\/us-west-2\/widgets\/aws4_request, SignedHeaders=([a-z0-9;-]+), Signature=[0-9a-f]{64}$/;

/** Runs `body` with the given environment variables set (undefined: unset), then restores them. */
async function withEnv(vars: Record<string, string | undefined>, body: () => Promise<void>): Promise<void> {
  const saved = Object.fromEntries(Object.keys(vars).map((key) => [key, process.env[key]]));
  const apply = (values: Record<string, string | undefined>) => {
    for (const [key, value] of Object.entries(values)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
  apply(vars);
  try {
    await body();
  } finally {
    apply(saved);
  }
}

/** No AWS settings in the environment, no shared config files, no instance metadata. */
const NO_ENV = {
  AWS_REGION: undefined,
  AWS_DEFAULT_REGION: undefined,
  AWS_ACCESS_KEY_ID: undefined,
  AWS_SECRET_ACCESS_KEY: undefined,
  AWS_SESSION_TOKEN: undefined,
  AWS_PROFILE: undefined,
  AWS_CONFIG_FILE: "/nonexistent/sjc-test/config",
  AWS_SHARED_CREDENTIALS_FILE: "/nonexistent/sjc-test/credentials",
  AWS_EC2_METADATA_DISABLED: "true",
  AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: undefined,
  AWS_CONTAINER_CREDENTIALS_FULL_URI: undefined,
  AWS_WEB_IDENTITY_TOKEN_FILE: undefined,
};

/** `user-agent` and `x-amz-user-agent` as the client sends them. */
const USER_AGENT = /^sjc\/\d+\.\d+\.\d+ ua\/2\.1 os\/\S+#\S+ lang\/js md\/nodejs#\S+ api\/widgetservice#2024-01-01$/;
const AMZ_USER_AGENT = /^sjc\/\d+\.\d+\.\d+$/;

function signedHeaders(request: HttpRequest): string {
  return AUTHORIZATION.exec(request.headers.authorization ?? "")?.[2] ?? "(unsigned)";
}

describe("client: request", () => {
  it("sends a signed awsJson 1.1 POST with exactly the expected headers and body", async () => {
    const stub = stubHandler({ body: "{}" });
    const client = new WidgetsClient({ region: "us-west-2", credentials: CREDENTIALS, requestHandler: stub });
    await client.send(new GetWidgetCommand({ Name: "w1", ChangedSince: new Date(1_700_000_000_500) }));

    assert.equal(stub.requests.length, 1);
    const request = stub.requests[0]!;
    assert.equal(request.method, "POST");
    assert.equal(request.protocol, "https:");
    assert.equal(request.hostname, "widgets.us-west-2.amazonaws.com");
    assert.equal(request.path, "/");
    assert.equal(bodyText(request), '{"Name":"w1","ChangedSince":1700000000.5}');
    const {
      authorization,
      "x-amz-date": amzDate,
      "user-agent": userAgent,
      "x-amz-user-agent": amzUserAgent,
      ...rest
    } = request.headers;
    assert.match(userAgent!, USER_AGENT);
    assert.match(amzUserAgent!, AMZ_USER_AGENT);
    assert.deepEqual(rest, {
      "content-type": "application/x-amz-json-1.1",
      "x-amz-target": "WidgetService.GetWidget",
      host: "widgets.us-west-2.amazonaws.com",
      "content-length": "41",
    });
    assert.match(amzDate!, AMZ_DATE);
    const match = AUTHORIZATION.exec(authorization!);
    assert.ok(match, authorization);
    assert.equal(match[1], amzDate!.slice(0, 8));
    assert.equal(match[2], "content-length;content-type;host;x-amz-date;x-amz-target;x-amz-user-agent");
  });

  it("signs so that an independent SigV4 signer agrees", async () => {
    const stub = stubHandler({ body: "{}" });
    const client = new WidgetsClient({ region: "us-west-2", credentials: CREDENTIALS, requestHandler: stub });
    await client.send(new GetWidgetCommand({ Name: "w1" }));
    const sent = stub.requests[0]!;
    const date = sent.headers["x-amz-date"]!;
    const signingDate = new Date(
      `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}T${date.slice(9, 11)}:${date.slice(11, 13)}:${date.slice(13, 15)}Z`,
    );
    const signer = new SignatureV4({
      service: "widgets",
      region: "us-west-2",
      credentials: CREDENTIALS,
      sha256: Hash.bind(null, "sha256"),
      applyChecksum: false,
    });
    const resigned = await signer.sign(HttpRequest.clone(sent), { signingDate });
    assert.equal(sent.headers.authorization, resigned.headers.authorization);
  });

  it("sends {} for an operation without input", async () => {
    const stub = stubHandler({ body: "" });
    const client = new WidgetsClient({ region: "us-west-2", credentials: CREDENTIALS, requestHandler: stub });
    await client.send(new PingCommand());
    assert.equal(bodyText(stub.requests[0]!), "{}");
    assert.equal(stub.requests[0]!.headers["content-length"], "2");
    assert.equal(stub.requests[0]!.headers["x-amz-target"], "WidgetService.Ping");
  });

  it("counts content-length in bytes, not characters", async () => {
    const stub = stubHandler({ body: "{}" });
    const client = new WidgetsClient({ region: "us-west-2", credentials: CREDENTIALS, requestHandler: stub });
    await client.send(new GetWidgetCommand({ Name: "é€😀" }));
    assert.equal(bodyText(stub.requests[0]!), '{"Name":"é€😀"}');
    assert.equal(stub.requests[0]!.headers["content-length"], String(11 + 2 + 3 + 4));
  });

  it("speaks awsJson 1.0 without signing when the service has no signing name", async () => {
    const description: ServiceDescription = {
      ...widgetsDescription,
      schema: { ...widgetsDescription.schema, protocol: "awsJson1_0", signingName: undefined, queryCompatible: true },
    };
    await withEnv(NO_ENV, async () => {
      const stub = stubHandler({ body: "{}" });
      const client = new JsonRpcClient(description, { endpoint: "http://localhost:8000", requestHandler: stub });
      await client.send(new PingCommand());
      const { "user-agent": userAgent, "x-amz-user-agent": amzUserAgent, ...headers } = stub.requests[0]!.headers;
      assert.match(userAgent!, USER_AGENT);
      assert.match(amzUserAgent!, AMZ_USER_AGENT);
      assert.deepEqual(headers, {
        "content-type": "application/x-amz-json-1.0",
        "x-amz-target": "WidgetService.Ping",
        host: "localhost:8000",
        "content-length": "2",
        "x-amzn-query-mode": "true",
      });
    });
  });

  it("re-signs each attempt", async () => {
    const stub = stubHandler({ status: 500, body: "{}" }, { body: "{}" });
    const client = new WidgetsClient({
      region: "us-west-2",
      credentials: CREDENTIALS,
      requestHandler: stub,
      maxAttempts: 2,
    });
    await client.send(new PingCommand());
    assert.equal(stub.requests.length, 2);
    assert.notEqual(stub.requests[0], stub.requests[1]);
    for (const request of stub.requests) assert.match(request.headers.authorization!, AUTHORIZATION);
  });

  describe("endpoint", () => {
    it("defaults to https://<endpointPrefix>.<region>.amazonaws.com", async () => {
      const stub = stubHandler({ body: "{}" });
      const client = new WidgetsClient({ region: "cn-north-1", credentials: CREDENTIALS, requestHandler: stub });
      assert.deepEqual(client.config.endpoint, {
        protocol: "https:",
        hostname: "widgets.cn-north-1.amazonaws.com.cn",
        path: "/",
      });
    });

    it("takes a URL string with port, path and query", async () => {
      const stub = stubHandler({ body: "{}" });
      const client = new WidgetsClient({
        region: "us-west-2",
        credentials: CREDENTIALS,
        requestHandler: stub,
        endpoint: "http://localhost:4566/proxy/?stage=test",
      });
      await client.send(new PingCommand());
      const request = stub.requests[0]!;
      assert.equal(request.protocol, "http:");
      assert.equal(request.hostname, "localhost");
      assert.equal(request.port, 4566);
      assert.equal(request.path, "/proxy/");
      assert.deepEqual(request.query, { stage: "test" });
      assert.equal(request.headers.host, "localhost:4566");
    });

    it("takes an Endpoint object", async () => {
      const stub = stubHandler({ body: "{}" });
      const client = new WidgetsClient({
        region: "us-west-2",
        credentials: CREDENTIALS,
        requestHandler: stub,
        endpoint: { protocol: "https:", hostname: "widgets.internal", path: "" },
      });
      await client.send(new PingCommand());
      assert.equal(stub.requests[0]!.headers.host, "widgets.internal");
      assert.equal(stub.requests[0]!.path, "/");
    });

    it("prepends the operation's host prefix, with labels from the input, and signs that host", async () => {
      const stub = stubHandler({ body: "{}" });
      const client = new WidgetsClient({ region: "us-west-2", credentials: CREDENTIALS, requestHandler: stub });
      await client.send(new PutWidgetCommand({ Shard: "eu-7" }));
      assert.equal(stub.requests[0]!.hostname, "data-eu-7.widgets.us-west-2.amazonaws.com");
      assert.equal(stub.requests[0]!.headers.host, "data-eu-7.widgets.us-west-2.amazonaws.com");
      assert.match(signedHeaders(stub.requests[0]!), /(^|;)host(;|$)/);
    });

    it("rejects a host label that is missing or not hostname-safe, before any request", async () => {
      const stub = stubHandler({ body: "{}" });
      const client = new WidgetsClient({ region: "us-west-2", credentials: CREDENTIALS, requestHandler: stub });
      for (const Shard of [undefined, "", "evil.com/x", "a b", "-a"]) {
        const error = await rejection(client.send(new PutWidgetCommand({ Shard })));
        assert.ok(error instanceof WidgetsServiceException, String(error));
        assert.equal(error.name, "ValidationException");
        assert.equal(error.$fault, "client");
        assert.match(error.message, /Host label Shard/);
      }
      assert.equal(stub.requests.length, 0);
    });

    it("ignores host prefixes with disableHostPrefix", async () => {
      const stub = stubHandler({ body: "{}" });
      const client = new WidgetsClient({
        region: "us-west-2",
        credentials: CREDENTIALS,
        requestHandler: stub,
        disableHostPrefix: true,
      });
      await client.send(new PutWidgetCommand({ Shard: undefined }));
      assert.equal(stub.requests[0]!.hostname, "widgets.us-west-2.amazonaws.com");
    });
  });

  describe("region and credentials", () => {
    it("reads the region from AWS_REGION, then AWS_DEFAULT_REGION", async () => {
      await withEnv({ ...NO_ENV, AWS_DEFAULT_REGION: "eu-west-1" }, async () => {
        assert.equal(new WidgetsClient({ credentials: CREDENTIALS }).config.region, "eu-west-1");
      });
      await withEnv({ ...NO_ENV, AWS_REGION: "eu-central-1", AWS_DEFAULT_REGION: "eu-west-1" }, async () => {
        const client = new WidgetsClient({ credentials: CREDENTIALS });
        assert.equal(client.config.region, "eu-central-1");
        assert.equal(client.config.endpoint?.hostname, "widgets.eu-central-1.amazonaws.com");
      });
    });

    it("reads credentials, with a session token, from the environment", async () => {
      await withEnv(
        { ...NO_ENV, AWS_ACCESS_KEY_ID: "AKIDEXAMPLE", AWS_SECRET_ACCESS_KEY: "secret", AWS_SESSION_TOKEN: "token" },
        async () => {
          const stub = stubHandler({ body: "{}" });
          const client = new WidgetsClient({ region: "us-west-2", requestHandler: stub });
          await client.send(new PingCommand());
          const request = stub.requests[0]!;
          assert.equal(request.headers["x-amz-security-token"], "token");
          assert.equal(
            signedHeaders(request),
            "content-length;content-type;host;x-amz-date;x-amz-security-token;x-amz-target;x-amz-user-agent",
          );
        },
      );
    });

    it("fails at send, before any request, when there are no credentials", async () => {
      await withEnv(NO_ENV, async () => {
        const stub = stubHandler({ body: "{}" });
        const client = new WidgetsClient({ region: "us-west-2", requestHandler: stub });
        const error = await rejection(client.send(new PingCommand()));
        assert.equal(error.name, "CredentialsProviderError");
        assert.equal(error.message, "Could not load credentials from any providers");
        assert.equal(stub.requests.length, 0);
      });
    });

    it("fails at send when there is no region", async () => {
      await withEnv(NO_ENV, async () => {
        const stub = stubHandler({ body: "{}" });
        const client = new WidgetsClient({
          credentials: CREDENTIALS,
          requestHandler: stub,
          endpoint: "http://localhost:1",
        });
        const error = await rejection(client.send(new PingCommand()));
        assert.match(error.message, /Region is missing/);
        assert.equal(stub.requests.length, 0);
      });
    });

    it("memoises a credential provider until its credentials near expiry", async () => {
      const stub = stubHandler({ body: "{}" });
      let calls = 0;
      const lasting = async (): Promise<AwsCredentialIdentity> => (
        calls++,
        { ...CREDENTIALS, expiration: new Date(Date.now() + 3_600_000) }
      );
      const client = new WidgetsClient({ region: "us-west-2", credentials: lasting, requestHandler: stub });
      for (let i = 0; i < 3; i++) await client.send(new PingCommand());
      assert.equal(calls, 1);

      calls = 0;
      const expiring = async (): Promise<AwsCredentialIdentity> => (
        calls++,
        { ...CREDENTIALS, expiration: new Date(Date.now() + 60_000) }
      );
      const refreshing = new WidgetsClient({ region: "us-west-2", credentials: expiring, requestHandler: stub });
      for (let i = 0; i < 3; i++) await refreshing.send(new PingCommand());
      assert.equal(calls, 3);
    });

    it("retries a credential provider that failed", async () => {
      const stub = stubHandler({ body: "{}" });
      let calls = 0;
      const flaky = async (): Promise<AwsCredentialIdentity> => {
        if (calls++ === 0) throw new Error("metadata service unavailable");
        return CREDENTIALS;
      };
      const client = new WidgetsClient({ region: "us-west-2", credentials: flaky, requestHandler: stub });
      assert.match((await rejection(client.send(new PingCommand()))).message, /metadata service unavailable/);
      await client.send(new PingCommand());
      assert.equal(calls, 2);
    });
  });

  it("resolves its config once, with defaults", () => {
    const client = new WidgetsClient({ region: "us-west-2", credentials: CREDENTIALS });
    try {
      assert.equal(client.config.maxAttempts, 3);
      assert.equal(client.config.validateInput, false);
      assert.equal(client.config.disableHostPrefix, false);
      assert.equal(client.config.requestHandler.constructor.name, "NodeHttpHandler");
      assert.equal(client.config.retryStrategy.constructor.name, "StandardRetryStrategy");
    } finally {
      client.destroy();
    }
  });

  it("rejects an operation the service does not have", async () => {
    const stub = stubHandler();
    const client = new WidgetsClient({ region: "us-west-2", credentials: CREDENTIALS, requestHandler: stub });
    const error = await rejection(client.send(new Command<object, MetadataBearer>("Explode", {})));
    assert.equal(error.message, 'WidgetService has no operation named "Explode"');
    assert.equal(stub.requests.length, 0);
  });

  it("keeps the command's input readable", () => {
    const input = { Name: "w1" };
    const command = new GetWidgetCommand(input);
    assert.equal(command.input, input);
    assert.equal(command.operationName, "GetWidget");
  });

  it("destroys the request handler", () => {
    let destroyed = 0;
    const client = new WidgetsClient({
      region: "us-west-2",
      credentials: CREDENTIALS,
      requestHandler: { ...stubHandler(), destroy: () => void destroyed++ },
    });
    client.destroy();
    assert.equal(destroyed, 1);
  });
});
