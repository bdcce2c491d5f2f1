/**
 * Verifies AWS Signature Version 4 `Authorization` headers. The canonical
 * request is rebuilt from the headers the client says it signed, signed again
 * with @smithy/signature-v4 under the client's scope and date, and the two
 * signatures are compared in constant time. Only the `X-Amz-Date` header (not
 * `Date`) dates a request, as every AWS SDK sends it.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import type { HeaderBag, HttpRequest, QueryParameterBag } from "@smithy/types";
import { Hash, SignatureV4 } from "../platform/node.cjs";
import { headerValue, type RequestHeaders } from "./request-headers.js";
import { RequestError } from "./responses.js";

export interface CallerIdentity {
  readonly accessKeyId: string;
}

export interface SignedRequest {
  readonly method: string;
  readonly headers: RequestHeaders;
  readonly body?: unknown;
  readonly path?: string;
  readonly query?: QueryParameterBag;
}

/** Resolves to the caller's identity, or rejects with a {@link RequestError}. */
export type SigV4Verifier = (request: SignedRequest) => Promise<CallerIdentity>;

interface Authorization {
  readonly accessKeyId: string;
  readonly date: string;
  readonly region: string;
  readonly service: string;
  readonly signedHeaders: readonly string[];
  readonly signature: string;
}

const ALGORITHM = "AWS4-HMAC-SHA256";
const MAX_SKEW_MS = 15 * 60 * 1000;
const INVALID_SIGNATURE =
  "The request signature we calculated does not match the signature you provided. " +
  "Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";

/**
 * @param credentials secret access keys by access key id
 * @param signingName the service's SigV4 name; when set, the credential scope must name it
 */
export function createSigV4Verifier(
  credentials: Readonly<Record<string, string>>,
  signingName: string | undefined,
): SigV4Verifier {
  const signers = new Map<string, SignatureV4>();
  for (const [accessKeyId, secretAccessKey] of Object.entries(credentials)) {
    signers.set(
      accessKeyId,
      new SignatureV4({
        credentials: { accessKeyId, secretAccessKey },
        region: "us-east-1",
        service: signingName ?? "",
        sha256: Hash.bind(null, "sha256"),
        applyChecksum: false,
      }),
    );
  }

  return async (request) => {
    const header = headerValue(request.headers, "authorization");
    if (header === undefined) {
      throw new RequestError(400, "MissingAuthenticationTokenException", "Request is missing Authentication Token");
    }
    const auth = parseAuthorization(header);
    const signer = signers.get(auth.accessKeyId);
    if (signer === undefined) {
      throw new RequestError(
        400,
        "UnrecognizedClientException",
        "The security token included in the request is invalid.",
      );
    }
    if (signingName !== undefined && auth.service !== signingName) {
      throw invalidSignature(`Credential should be scoped to correct service: '${signingName}'.`);
    }
    const signingDate = checkDate(request.headers, auth.date);
    checkPayloadHash(request, auth.signedHeaders);
    const signed = await signer.sign(canonicalRequest(request, auth.signedHeaders), {
      signingDate,
      signingRegion: auth.region,
      signingService: auth.service,
      signableHeaders: new Set(auth.signedHeaders),
    });
    const expected = /Signature=([0-9a-f]{64})$/.exec(String(signed.headers.authorization))?.[1] ?? "";
    if (!sameSignature(expected, auth.signature)) throw invalidSignature(INVALID_SIGNATURE);
    return { accessKeyId: auth.accessKeyId };
  };
}

function parseAuthorization(header: string): Authorization {
  if (!header.startsWith(`${ALGORITHM} `)) {
    throw incompleteSignature(`Authorization header must use the ${ALGORITHM} algorithm.`);
  }
  const fields = new Map<string, string>();
  for (const part of header.slice(ALGORITHM.length + 1).split(",")) {
    const equals = part.indexOf("=");
    if (equals !== -1) fields.set(part.slice(0, equals).trim(), part.slice(equals + 1).trim());
  }
  const missing = ["Credential", "SignedHeaders", "Signature"].filter((name) => !fields.get(name));
  if (missing.length > 0) {
    throw incompleteSignature(missing.map((name) => `Authorization header requires '${name}' parameter.`).join(" "));
  }
  const [accessKeyId = "", date = "", region = "", service = "", terminator, ...rest] = fields
    .get("Credential")!
    .split("/");
  if (
    !accessKeyId ||
    !/^\d{8}$/.test(date) ||
    !region ||
    !service ||
    terminator !== "aws4_request" ||
    rest.length > 0
  ) {
    throw incompleteSignature(
      "Credential must have the form <AccessKeyId>/<YYYYMMDD>/<region>/<service>/aws4_request.",
    );
  }
  const signedHeaders = fields.get("SignedHeaders")!.split(";");
  if (!signedHeaders.every((name) => /^[a-z0-9!#$%&'*+.^_`|~-]+$/.test(name))) {
    throw incompleteSignature("SignedHeaders must be lower-case header names separated by ';'.");
  }
  if (!signedHeaders.includes("host")) {
    throw incompleteSignature("'Host' must be a 'SignedHeader' in the AWS Authorization.");
  }
  return { accessKeyId, date, region, service, signedHeaders, signature: fields.get("Signature")! };
}

/** Parses `X-Amz-Date`, which must match the scope's day and lie within 15 minutes of now. */
function checkDate(headers: RequestHeaders, scopeDate: string): Date {
  const amzDate = headerValue(headers, "x-amz-date");
  const parts = amzDate === undefined ? null : /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(amzDate);
  if (amzDate === undefined || parts === null) {
    throw incompleteSignature(
      "Authorization header requires an 'X-Amz-Date' header in ISO-8601 basic format (YYYYMMDD'T'HHMMSS'Z').",
    );
  }
  const [, year, month, day, hours, minutes, seconds] = parts.map(Number) as number[];
  const date = new Date(Date.UTC(year!, month! - 1, day!, hours!, minutes!, seconds!));
  if (amzDate.slice(0, 8) !== scopeDate) {
    throw invalidSignature(
      `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${scopeDate}' != '${amzDate.slice(0, 8)}', from 'X-Amz-Date'.`,
    );
  }
  const now = Date.now();
  if (date.getTime() < now - MAX_SKEW_MS) {
    throw invalidSignature(
      `Signature expired: ${amzDate} is now earlier than ${basicFormat(now - MAX_SKEW_MS)} (${basicFormat(now)} - 15 min.)`,
    );
  }
  if (date.getTime() > now + MAX_SKEW_MS) {
    throw invalidSignature(
      `Signature not yet current: ${amzDate} is still later than ${basicFormat(now + MAX_SKEW_MS)} (${basicFormat(now)} + 15 min.)`,
    );
  }
  return date;
}

/**
 * The signer trusts a signed `x-amz-content-sha256` instead of hashing the
 * body, so that header must match the body actually received.
 */
function checkPayloadHash(request: SignedRequest, signedHeaders: readonly string[]): void {
  if (!signedHeaders.includes("x-amz-content-sha256")) return;
  const claimed = headerValue(request.headers, "x-amz-content-sha256");
  const body = request.body;
  const actual = createHash("sha256")
    .update(typeof body === "string" || body instanceof Uint8Array ? body : "")
    .digest("hex");
  if (claimed !== actual) {
    throw invalidSignature("The provided 'x-amz-content-sha256' header does not match what was computed.");
  }
}

/** The request as the client signed it: the signed headers only, the path decoded. */
function canonicalRequest(request: SignedRequest, signedHeaders: readonly string[]): HttpRequest {
  const headers: HeaderBag = {};
  for (const name of signedHeaders) {
    const value = headerValue(request.headers, name);
    if (value !== undefined) headers[name] = value;
  }
  return {
    method: request.method,
    protocol: "https:",
    hostname: headers.host ?? "",
    path: decodePath(request.path ?? "/"),
    query: request.query ?? {},
    headers,
    body: request.body,
  };
}

function decodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    throw invalidSignature(INVALID_SIGNATURE);
  }
}

function sameSignature(expected: string, provided: string): boolean {
  const a = Buffer.from(expected, "latin1");
  const b = Buffer.from(provided, "latin1");
  return a.length === b.length && a.length > 0 && timingSafeEqual(a, b);
}

function basicFormat(time: number): string {
  return new Date(time).toISOString().replace(/[-:]|\.\d{3}/g, "");
}

function incompleteSignature(message: string): RequestError {
  return new RequestError(400, "IncompleteSignatureException", message);
}

function invalidSignature(message: string): RequestError {
  return new RequestError(400, "InvalidSignatureException", message);
}
