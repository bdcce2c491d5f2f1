/** Where a client's AWS credentials come from: config, else the environment. */
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from "@smithy/types";

/** Refresh memoised credentials this long before they expire. */
const REFRESH_BEFORE_EXPIRY_MS = 5 * 60_000;

/**
 * A provider for the configured credentials: a provider is memoised until its
 * credentials near expiry; without config, `AWS_ACCESS_KEY_ID`,
 * `AWS_SECRET_ACCESS_KEY` and `AWS_SESSION_TOKEN` are read now. Missing
 * credentials reject when a request is signed, not here.
 */
export function resolveCredentials(
  credentials: AwsCredentialIdentity | AwsCredentialIdentityProvider | undefined,
): AwsCredentialIdentityProvider {
  if (typeof credentials === "function") return memoize(credentials);
  const identity = credentials ?? fromEnv();
  if (identity === undefined) return () => Promise.reject(missingCredentials());
  const resolved = Promise.resolve(identity);
  return () => resolved;
}

function fromEnv(): AwsCredentialIdentity | undefined {
  const { AWS_ACCESS_KEY_ID: accessKeyId, AWS_SECRET_ACCESS_KEY: secretAccessKey } = process.env;
  if (!accessKeyId || !secretAccessKey) return undefined;
  const sessionToken = process.env.AWS_SESSION_TOKEN || undefined;
  return sessionToken ? { accessKeyId, secretAccessKey, sessionToken } : { accessKeyId, secretAccessKey };
}

function missingCredentials(): Error {
  const error = new Error(
    "No AWS credentials: pass `credentials` in the client config, or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY",
  );
  error.name = "CredentialsProviderError";
  return error;
}

function memoize(provider: AwsCredentialIdentityProvider): AwsCredentialIdentityProvider {
  let current: Promise<AwsCredentialIdentity> | undefined;
  let refreshAt = Number.POSITIVE_INFINITY;
  return () => {
    if (current === undefined || Date.now() >= refreshAt) {
      refreshAt = Number.POSITIVE_INFINITY;
      current = provider().then(
        (identity) => {
          if (identity.expiration) refreshAt = identity.expiration.getTime() - REFRESH_BEFORE_EXPIRY_MS;
          return identity;
        },
        (error: unknown) => {
          current = undefined;
          throw error;
        },
      );
    }
    return current;
  };
}
