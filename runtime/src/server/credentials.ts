/** Loads the access keys a SigV4-checking server accepts. */
import { readFileSync } from "node:fs";

/**
 * Parses `AKID:SECRET,AKID2:SECRET2` (pairs may also be separated by
 * newlines; blank lines and `#` comments are skipped). Error messages name
 * entries by position, never echoing a secret.
 */
export function parseCredentialsSpec(spec: string): Record<string, string> {
  const credentials: Record<string, string> = Object.create(null);
  const entries = spec
    .split(/[,\n]/)
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "" && !entry.startsWith("#"));
  entries.forEach((entry, index) => {
    const colon = entry.indexOf(":");
    if (colon <= 0 || colon === entry.length - 1) {
      throw new Error(`Credentials entry ${index + 1} must have the form ACCESS_KEY_ID:SECRET_ACCESS_KEY`);
    }
    addCredential(credentials, entry.slice(0, colon).trim(), entry.slice(colon + 1).trim());
  });
  return credentials;
}

/**
 * Reads a credentials file: either a JSON object `{ "AKID": "SECRET" }` or
 * the text format of {@link parseCredentialsSpec}.
 */
export function loadCredentialsFile(path: string): Record<string, string> {
  const text = readFileSync(path, "utf8");
  if (!text.trimStart().startsWith("{")) return parseCredentialsSpec(text);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`Credentials file ${path} is not valid JSON: ${(error as Error).message}`);
  }
  const credentials: Record<string, string> = Object.create(null);
  for (const [accessKeyId, secret] of Object.entries(parsed as Record<string, unknown>)) {
    if (typeof secret !== "string" || secret === "") {
      throw new Error(`Credentials file ${path}: the secret of ${accessKeyId} must be a non-empty string`);
    }
    addCredential(credentials, accessKeyId, secret);
  }
  return credentials;
}

function addCredential(credentials: Record<string, string>, accessKeyId: string, secret: string): void {
  if (accessKeyId === "") throw new Error("An access key id must not be empty");
  if (Object.hasOwn(credentials, accessKeyId)) throw new Error(`Access key id ${accessKeyId} is listed twice`);
  credentials[accessKeyId] = secret;
}
