/** The access keys SigV4 checking accepts, from a `--credentials` file or the `SSM_CREDENTIALS` variable. */
import { loadCredentialsFile, parseCredentialsSpec } from "@sjc/runtime/server";
import { CREDENTIALS_ENV, type ServeOptions } from "./cli-options.js";

/** Access keys the server cannot use; the message names their source, never a secret. */
export class AccessKeysError extends Error {
  override readonly name = "AccessKeysError";
}

/** Secrets by access key id; undefined when no source is given (SigV4 off). */
export function readAccessKeys(source: ServeOptions["credentials"]): Record<string, string> | undefined {
  if (source === undefined) return undefined;
  const origin = "file" in source ? `credentials file ${source.file}` : CREDENTIALS_ENV;
  let keys: Record<string, string>;
  try {
    keys = "file" in source ? loadCredentialsFile(source.file) : parseCredentialsSpec(source.spec);
  } catch (error) {
    throw new AccessKeysError(`${origin}: ${(error as Error).message}`);
  }
  if (Object.keys(keys).length === 0) throw new AccessKeysError(`${origin}: lists no access keys`);
  return keys;
}
