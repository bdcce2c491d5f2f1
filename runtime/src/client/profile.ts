/**
 * Client settings from the shared config files, as SDK v3 reads them: the
 * profile named by `profile`, else `AWS_PROFILE`, else `default`, of
 * `AWS_CONFIG_FILE` (else `~/.aws/config`) and `AWS_SHARED_CREDENTIALS_FILE`
 * (else `~/.aws/credentials`), through `loadConfig` of
 * `@smithy/node-config-provider`. Only settings that neither the client
 * configuration nor the environment gave are read, on a client's first call.
 */
import type { Profile } from "@smithy/types";
import { configLoader } from "../platform/node.cjs";

export interface ProfileSettings {
  readonly region: string;
  readonly maxAttempts: number;
  readonly retryMode: string;
  readonly useFipsEndpoint: boolean;
  readonly useDualstackEndpoint: boolean;
}

export type ProfileSetting = keyof ProfileSettings;

interface Entry<T> {
  /** The profile key. */
  readonly key: string;
  readonly parse: (text: string, key: string) => T;
  /** The file whose profile wins where both have the key, as in SDK v3. */
  readonly preferredFile?: "config" | "credentials";
}

const text = (value: string) => value;

const ENTRIES: { readonly [K in ProfileSetting]: Entry<ProfileSettings[K]> } = {
  region: { key: "region", parse: text, preferredFile: "credentials" },
  maxAttempts: { key: "max_attempts", parse: integer },
  retryMode: { key: "retry_mode", parse: text },
  useFipsEndpoint: { key: "use_fips_endpoint", parse: flag },
  useDualstackEndpoint: { key: "use_dualstack_endpoint", parse: flag },
};

/** The `settings` the profile has; those it lacks are left out. */
export async function readProfileSettings(
  settings: readonly ProfileSetting[],
  profile: string | undefined,
): Promise<Partial<ProfileSettings>> {
  const loadConfig = settings.length === 0 ? undefined : configLoader();
  if (loadConfig === undefined) return {};
  // The files are read once for all settings (the loader caches them), so the settings load together.
  const values = await Promise.all(
    settings.map((setting) => {
      const entry = ENTRIES[setting] as Entry<unknown>;
      return loadConfig(
        {
          // The environment was read already, when the client was constructed.
          environmentVariableSelector: () => undefined,
          configFileSelector: (values: Profile) => {
            const raw = values[entry.key];
            return raw === undefined || raw === "" ? undefined : entry.parse(raw, entry.key);
          },
          default: () => undefined,
        },
        { ...(profile ? { profile } : {}), ...(entry.preferredFile ? { preferredFile: entry.preferredFile } : {}) },
      )();
    }),
  );
  const found: Record<string, unknown> = {};
  settings.forEach((setting, i) => {
    if (values[i] !== undefined) found[setting] = values[i];
  });
  return found as Partial<ProfileSettings>;
}

function integer(value: string, key: string): number {
  const number = parseInt(value, 10);
  if (Number.isNaN(number)) throw new Error(`Shared config file entry ${key} must be a number, got "${value}"`);
  return number;
}

function flag(value: string, key: string): boolean {
  if (value === "true" || value === "false") return value === "true";
  throw new Error(`Cannot load config "${key}". Expected "true" or "false", got ${value}.`);
}
