/** Where a client's AWS credentials come from: config, else the SDK's default chain. */
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider, Logger } from "@smithy/types";
import { defaultCredentialChain } from "../platform/node.cjs";

/** Refresh memoised credentials this long before they expire. */
const REFRESH_BEFORE_EXPIRY_MS = 5 * 60_000;

export interface CredentialChainOptions {
  readonly profile?: string;
  readonly logger?: Logger;
}

/**
 * A provider for the configured credentials: given ones as they are, a given
 * provider memoised until its credentials near expiry. Without config, the
 * default chain of `@aws-sdk/credential-provider-node` (environment, SSO,
 * web identity, profiles, process, container, instance metadata), loaded and
 * memoised the same way on first use; when it finds nothing the call fails
 * with its `CredentialsProviderError`, before any request is sent.
 */
export function resolveCredentials(
  credentials: AwsCredentialIdentity | AwsCredentialIdentityProvider | undefined,
  options: CredentialChainOptions = {},
): AwsCredentialIdentityProvider {
  if (typeof credentials === "function") return memoize(credentials);
  if (credentials !== undefined) {
    const resolved = Promise.resolve(credentials);
    return () => resolved;
  }
  let chain: AwsCredentialIdentityProvider | undefined;
  return memoize(() => (chain ??= defaultCredentialChain(options))());
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
