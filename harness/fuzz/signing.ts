/**
 * SigV4 inputs for a handler that checks signatures: no Authorization,
 * forged ones built from the header's grammar, and real signatures (right or
 * wrong key, scope, date) tampered with after signing.
 */
import { Hash } from "@smithy/hash-node";
import { HttpRequest } from "@smithy/protocol-http";
import { SignatureV4 } from "@smithy/signature-v4";
import fc from "fast-check";
import { type BodySpec, type Fixture, bodyOf, mutatedBody, validBody } from "./bodies.js";
import { CONTENT_TYPE, TARGET } from "./invariants.js";

export const ACCESS_KEY_ID = "AKIDFUZZ";
export const SECRET_ACCESS_KEY = "fuzz-secret/KEY+1";
const SIGNING_NAME = "ssm";

/** The error types of a refused signature. */
export const SIGV4_ERRORS: readonly string[] = [
  "MissingAuthenticationTokenException",
  "IncompleteSignatureException",
  "InvalidSignatureException",
  "UnrecognizedClientException",
];

export type Tamper =
  | "none"
  | "body"
  | "target"
  | "signature"
  | "date"
  | "path"
  | "drop signed header"
  | "algorithm case"
  | "repeat authorization";

export interface Signing {
  readonly accessKeyId: string;
  readonly secret: string;
  readonly region: string;
  readonly service: string;
  /** Minutes between the signing date and now; the server allows 15. */
  readonly skewMinutes: number;
  readonly payloadHash: "none" | "right" | "wrong";
  readonly tamper: Tamper;
}

export interface SigV4Spec {
  readonly body: BodySpec;
  readonly auth:
    | { readonly kind: "missing" }
    | { readonly kind: "forged"; readonly header: string; readonly date: string | undefined }
    | ({ readonly kind: "signed" } & Signing);
}

const hex64 = fc.stringMatching(/^[0-9a-f]{64}$/);

/** `AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…` with every part varied. */
function forgedHeader(): fc.Arbitrary<string> {
  const credential = fc
    .tuple(
      fc.constantFrom(ACCESS_KEY_ID, "AKIDOTHER", "", "__proto__"),
      fc.constantFrom(basicDate(Date.now()).slice(0, 8), "20200101", "2024010", "abcdefgh", ""),
      fc.constantFrom("us-east-1", "", "eu-west-1"),
      fc.constantFrom(SIGNING_NAME, "ec2", ""),
      fc.constantFrom("aws4_request", "aws4_requests", ""),
      fc.constantFrom([], ["extra"]),
    )
    .map(([key, date, region, service, end, extra]) => [key, date, region, service, end, ...extra].join("/"));
  const signedHeaders = fc
    .subarray(["host", "x-amz-date", "content-type", "x-amz-target", "x-amz-content-sha256", "Host", "x y", ""])
    .map((names) => names.join(";"));
  const signature = fc.oneof(hex64, fc.constantFrom("", "abc", "g".repeat(64), "0".repeat(65)));
  const fields = fc.tuple(credential, signedHeaders, signature).chain(([c, s, g]) =>
    fc.shuffledSubarray([`Credential=${c}`, `SignedHeaders=${s}`, `Signature=${g}`, `Signature=${g}`], {
      maxLength: 4,
    }),
  );
  return fc.oneof(
    {
      weight: 6,
      arbitrary: fc
        .tuple(
          fc.constantFrom("AWS4-HMAC-SHA256", "AWS4-HMAC-SHA1", "aws4-hmac-sha256", ""),
          fields,
          fc.constantFrom(", ", ",", " , "),
        )
        .map(([algorithm, list, separator]) => `${algorithm} ${list.join(separator)}`),
    },
    { weight: 1, arbitrary: fc.string({ maxLength: 80 }) },
  );
}

export function sigV4Request(fixture: Fixture): fc.Arbitrary<SigV4Spec> {
  const body = fc.oneof(
    { weight: 3, arbitrary: validBody(fixture) },
    { weight: 1, arbitrary: mutatedBody(fixture, { hugeString: 8 * 1024 }) },
  );
  const signed = fc.record({
    kind: fc.constant("signed" as const),
    accessKeyId: fc.oneof(
      { weight: 8, arbitrary: fc.constant(ACCESS_KEY_ID) },
      { weight: 1, arbitrary: fc.constant("AKIDOTHER") },
    ),
    secret: fc.oneof(
      { weight: 8, arbitrary: fc.constant(SECRET_ACCESS_KEY) },
      { weight: 1, arbitrary: fc.constant("wrong-secret") },
    ),
    region: fc.constantFrom("us-east-1", "eu-west-1"),
    service: fc.oneof(
      { weight: 8, arbitrary: fc.constant(SIGNING_NAME) },
      { weight: 1, arbitrary: fc.constant("ec2") },
    ),
    skewMinutes: fc.oneof(
      { weight: 8, arbitrary: fc.constant(0) },
      { weight: 1, arbitrary: fc.constantFrom(-60, -16, -14, 14, 16, 60) },
    ),
    payloadHash: fc.constantFrom("none" as const, "right" as const, "wrong" as const),
    tamper: fc.oneof(
      { weight: 6, arbitrary: fc.constant("none" as const) },
      {
        weight: 4,
        arbitrary: fc.constantFrom<Tamper>(
          "body",
          "target",
          "signature",
          "date",
          "path",
          "drop signed header",
          "algorithm case",
          "repeat authorization",
        ),
      },
    ),
  });
  const forged = fc.record({
    kind: fc.constant("forged" as const),
    header: forgedHeader(),
    date: fc.option(fc.constantFrom(basicDate(Date.now()), "20200101T000000Z", "garbage", ""), { nil: undefined }),
  });
  const auth = fc.oneof(
    { weight: 1, arbitrary: fc.constant({ kind: "missing" as const }) },
    { weight: 3, arbitrary: forged },
    { weight: 6, arbitrary: signed },
  );
  return fc.record({ body, auth });
}

export interface SignedCall {
  readonly method: string;
  readonly path: string;
  readonly headers: Record<string, string | string[]>;
  readonly body: string | Uint8Array;
  /** True when the signature must be accepted, false when it must be refused, undefined when either is right. */
  readonly mustVerify: boolean | undefined;
}

/** Builds (and signs, for `signed`) the request of `spec`. */
export async function signedCall(spec: SigV4Spec): Promise<SignedCall> {
  const body = bodyOf(spec.body);
  const headers: Record<string, string | string[]> = {
    host: "127.0.0.1:8080",
    "content-type": CONTENT_TYPE,
    "x-amz-target": TARGET,
  };
  if (spec.auth.kind === "missing") return { method: "POST", path: "/", headers, body, mustVerify: false };
  if (spec.auth.kind === "forged") {
    const forged = {
      ...headers,
      authorization: spec.auth.header,
      ...(spec.auth.date !== undefined && { "x-amz-date": spec.auth.date }),
    };
    return { method: "POST", path: "/", headers: forged, body, mustVerify: false };
  }
  const auth = spec.auth;
  const signer = new SignatureV4({
    credentials: { accessKeyId: auth.accessKeyId, secretAccessKey: auth.secret },
    region: auth.region,
    service: auth.service,
    sha256: Hash.bind(null, "sha256"),
    applyChecksum: auth.payloadHash === "right",
  });
  const unsigned = new HttpRequest({
    method: "POST",
    protocol: "http:",
    hostname: "127.0.0.1",
    port: 8080,
    path: "/",
    headers: {
      ...(headers as Record<string, string>),
      ...(auth.payloadHash === "wrong" && { "x-amz-content-sha256": "0".repeat(64) }),
    },
    body,
  });
  const signed = await signer.sign(unsigned, { signingDate: new Date(Date.now() + auth.skewMinutes * 60_000) });
  const out: Record<string, string | string[]> = { ...signed.headers };
  let outBody: string | Uint8Array = body;
  let outPath = "/";
  const authorization = String(out.authorization);
  switch (auth.tamper) {
    case "none":
      break;
    case "body":
      outBody = typeof body === "string" ? `${body} ` : Buffer.concat([body, Buffer.from(" ")]);
      break;
    case "target":
      out["x-amz-target"] = `${TARGET}x`;
      break;
    case "signature":
      out.authorization = authorization.slice(0, -1) + (authorization.endsWith("0") ? "1" : "0");
      break;
    case "date": {
      const date = String(out["x-amz-date"]);
      out["x-amz-date"] = date.slice(0, -2) + (date.slice(-2, -1) === "0" ? "1" : "0") + "Z";
      break;
    }
    case "path":
      outPath = "/x";
      break;
    case "drop signed header":
      delete out["x-amz-target"];
      break;
    case "algorithm case":
      out.authorization = authorization.replace("AWS4-HMAC-SHA256", "aws4-hmac-sha256");
      break;
    case "repeat authorization":
      out.authorization = [authorization, authorization];
      break;
  }
  const honest =
    auth.accessKeyId === ACCESS_KEY_ID &&
    auth.secret === SECRET_ACCESS_KEY &&
    auth.service === SIGNING_NAME &&
    Math.abs(auth.skewMinutes) < 15 &&
    auth.payloadHash !== "wrong";
  const mustVerify = auth.tamper === "repeat authorization" ? undefined : honest && auth.tamper === "none";
  return { method: "POST", path: outPath, headers: out, body: outBody, mustVerify };
}

function basicDate(time: number): string {
  return new Date(time).toISOString().replace(/[-:]|\.\d{3}/g, "");
}
