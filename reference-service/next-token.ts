/**
 * Opaque, tamper-evident NextTokens. A token is `<payload>.<mac>`: the payload
 * is the base64url JSON `[1, offset, windowExecutionId, filtersHash]` (format
 * version, index of the next matching task, the query it continues, and a
 * hash of its canonical filters), the mac is the base64url HMAC-SHA256 of the
 * payload text under the server's key. The key is random per process unless
 * given, so tokens do not survive a restart.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { SSMServiceException } from "@sjc/ssm";
import { validationException } from "./validation-exception.js";

const VERSION = 1;

/** The query a page belongs to: a token only continues the query it came from. */
export interface PageQuery {
  readonly windowExecutionId: string;
  /** Canonical text of the filters (see `TaskFilter.canonical`). */
  readonly filters: string;
}

export interface NextTokenCodec {
  /** A token resuming `query` at `offset`, a positive index into its matching tasks. */
  encode(query: PageQuery, offset: number): string;
  /** The offset `token` resumes at; a ValidationException unless this codec issued it for `query`. */
  decode(token: string, query: PageQuery): number;
}

/** Issued tokens are remembered (they are deterministic), up to this many; then the memo starts over. */
const MEMO_LIMIT = 10_000;

export function createNextTokenCodec(key: Uint8Array = randomBytes(32)): NextTokenCodec {
  const mac = (payload: string) => createHmac("sha256", key).update(payload).digest();
  const issued = new Map<string, string>();
  return {
    encode(query, offset) {
      const memoKey = `${offset}\u0000${query.windowExecutionId}\u0000${query.filters}`;
      const known = issued.get(memoKey);
      if (known !== undefined) return known;
      const payload = Buffer.from(
        JSON.stringify([VERSION, offset, query.windowExecutionId, filtersHash(query.filters)]),
      ).toString("base64url");
      const token = `${payload}.${mac(payload).toString("base64url")}`;
      if (issued.size >= MEMO_LIMIT) issued.clear();
      issued.set(memoKey, token);
      return token;
    },
    decode(token, query) {
      const [payload = "", signature = "", ...rest] = token.split(".");
      // Compared as text: base64 decoders ignore the spare bits of the last character.
      const given = Buffer.from(signature);
      const expected = Buffer.from(mac(payload).toString("base64url"));
      if (rest.length > 0 || given.length !== expected.length || !timingSafeEqual(given, expected)) {
        throw invalidToken("it was not issued by this server, or the server has restarted since");
      }
      const [version, offset, windowExecutionId, hash] = JSON.parse(
        Buffer.from(payload, "base64url").toString("utf8"),
      ) as unknown[];
      if (version !== VERSION || !Number.isSafeInteger(offset) || (offset as number) < 1) {
        throw invalidToken("its format is not supported");
      }
      if (windowExecutionId !== query.windowExecutionId) {
        throw invalidToken("it was issued for another WindowExecutionId");
      }
      if (hash !== filtersHash(query.filters)) throw invalidToken("it was issued for different Filters");
      return offset as number;
    },
  };
}

export function invalidToken(reason: string): SSMServiceException {
  return validationException(`The NextToken is invalid: ${reason}. Repeat the request without a NextToken.`);
}

/** 128 bits of SHA-256 are plenty: the mac, not the hash, is what resists forgery. */
function filtersHash(filters: string): string {
  return createHash("sha256").update(filters).digest("base64url").slice(0, 22);
}
