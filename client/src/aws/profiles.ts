// The AWS profiles and the credential source the posture view would use, without calling AWS.
// The shared files are read by the AWS SDK's own loader (`loadSharedConfigFiles` of
// @smithy/core/config, as the credential providers read them); this module keeps only profile
// names and non-secret keys. Editor-agnostic (no `vscode` import) so that node:test covers it.
//
// File format and locations: https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-files.html
// (config sections are `[default]` and `[profile NAME]`, credentials sections are `[NAME]`;
// AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE move the files). Credential provider order of
// the SDK's default chain (@aws-sdk/credential-provider-node): a profile named by the caller or
// AWS_PROFILE wins over AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY; without a profile, environment
// keys come first, then the `default` profile, then container/web-identity/instance credentials.
import { homedir } from 'node:os';
import { join } from 'node:path';
import { loadSharedConfigFiles } from '@smithy/core/config';

/** How a profile gets its credentials (shown in the profile picker; never the secret itself). */
export type ProfileKind = 'sso' | 'assume-role' | 'credential-process' | 'access-keys' | 'web-identity' | 'login' | 'unknown';

/** One named profile of the shared config/credentials files. */
export interface AwsProfile {
  name: string;
  /** The profile's `region`. */
  region?: string;
  kind: ProfileKind;
  /** Files that define it. */
  files: ('config' | 'credentials')[];
  /** For `sso`: the `sso_session` or start URL; for roles: the role ARN. Never a secret. */
  detail?: string;
}

/** Parsed shared files as the SDK's loader returns them: section → key → value. */
export interface SharedFiles {
  configFile?: Record<string, Record<string, string | undefined> | undefined>;
  credentialsFile?: Record<string, Record<string, string | undefined> | undefined>;
}

type Keys = Record<string, string | undefined>;

function kindOf(keys: Keys): Pick<AwsProfile, 'kind' | 'detail'> {
  if (keys.sso_session || keys.sso_start_url) return { kind: 'sso', detail: keys.sso_session || keys.sso_start_url };
  if (keys.role_arn && keys.web_identity_token_file) return { kind: 'web-identity', detail: keys.role_arn };
  if (keys.role_arn) return { kind: 'assume-role', detail: keys.role_arn };
  if (keys.credential_process) return { kind: 'credential-process' };
  if (keys.login_session) return { kind: 'login' };
  if (keys.aws_access_key_id) return { kind: 'access-keys' };
  return { kind: 'unknown' };
}

/**
 * The profiles of the parsed shared files, sorted by name with `default` first. The loader keys
 * other config sections as `sso-session.NAME` and `services.NAME`: those are not profiles.
 * A profile in both files merges their keys, the config file's values winning (as the SDK's
 * `loadConfig` with `preferredFile: 'config'` does for `region`).
 */
export function listProfiles(files: SharedFiles): AwsProfile[] {
  const merged = new Map<string, { keys: Keys; files: Set<'config' | 'credentials'> }>();
  const add = (name: string, keys: Keys | undefined, file: 'config' | 'credentials'): void => {
    if (!name || !keys || typeof keys !== 'object') return;
    const entry = merged.get(name) ?? { keys: {}, files: new Set() };
    entry.keys = file === 'config' ? { ...entry.keys, ...keys } : { ...keys, ...entry.keys };
    entry.files.add(file);
    merged.set(name, entry);
  };
  for (const [section, keys] of Object.entries(files.configFile ?? {})) {
    if (!/^(sso-session|services)\./.test(section)) add(section, keys, 'config');
  }
  for (const [section, keys] of Object.entries(files.credentialsFile ?? {})) add(section, keys, 'credentials');
  return [...merged.entries()]
    .map(([name, { keys, files }]) => ({ name, region: keys.region?.trim() || undefined, ...kindOf(keys), files: (['config', 'credentials'] as const).filter((f) => files.has(f)) }))
    .sort((a, b) => (a.name === 'default' ? -1 : b.name === 'default' ? 1 : a.name.localeCompare(b.name)));
}

/** Where the shared files are: AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE, else ~/.aws/. */
export function sharedFilePaths(env: NodeJS.ProcessEnv, home = homedir()): { config: string; credentials: string } {
  const expand = (p: string): string => (p === '~' || p.startsWith('~/') ? join(home, p.slice(1)) : p);
  return {
    config: expand(env.AWS_CONFIG_FILE || join(home, '.aws', 'config')),
    credentials: expand(env.AWS_SHARED_CREDENTIALS_FILE || join(home, '.aws', 'credentials')),
  };
}

/** Reads the profiles of the shared files (fresh each time); missing or unreadable files count as empty. */
export async function readProfiles(env: NodeJS.ProcessEnv = process.env, home = homedir()): Promise<AwsProfile[]> {
  const paths = sharedFilePaths(env, home);
  try {
    return listProfiles(await loadSharedConfigFiles({ configFilepath: paths.config, filepath: paths.credentials, ignoreCache: true }));
  } catch {
    return [];
  }
}

/** Where the credentials of a posture run would come from. */
export type CredentialSource =
  /** A profile of the shared files; `origin` says who chose it. */
  | { kind: 'profile'; profile: string; origin: 'setting' | 'AWS_PROFILE' | 'default'; region?: string }
  /** A profile was chosen (setting or AWS_PROFILE) but no shared file defines it. */
  | { kind: 'unknown-profile'; profile: string; origin: 'setting' | 'AWS_PROFILE' }
  /** AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY in the editor's environment. */
  | { kind: 'environment' }
  /** Container, web-identity or instance credentials the SDK may find (no profile, no keys). */
  | { kind: 'none' };

/**
 * The credential source the SDK's default chain would try first for `settingProfile` (the
 * `bedrockSecurity.posture.profile` setting, empty for none), given the environment and profiles.
 */
export function credentialSource(settingProfile: string | undefined, env: NodeJS.ProcessEnv, profiles: AwsProfile[]): CredentialSource {
  const chosen = settingProfile?.trim() ? { profile: settingProfile.trim(), origin: 'setting' as const } : env.AWS_PROFILE?.trim() ? { profile: env.AWS_PROFILE.trim(), origin: 'AWS_PROFILE' as const } : undefined;
  if (chosen) {
    const found = profiles.find((p) => p.name === chosen.profile);
    return found ? { kind: 'profile', ...chosen, region: found.region } : { kind: 'unknown-profile', ...chosen };
  }
  if (env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY) return { kind: 'environment' };
  const fallback = profiles.find((p) => p.name === 'default');
  if (fallback) return { kind: 'profile', profile: 'default', origin: 'default', region: fallback.region };
  return { kind: 'none' };
}

/**
 * The Regions to check: the setting when it lists any, else the default Region as the SDK (and
 * the CLI twin, server/src/posture `profileRegion`) finds it: AWS_REGION, AWS_DEFAULT_REGION,
 * then the profile's `region`. Empty when none is known. Duplicates and blanks are dropped,
 * order kept.
 */
export function effectiveRegions(settingRegions: readonly unknown[] | undefined, source: CredentialSource, env: NodeJS.ProcessEnv): string[] {
  const listed = [...new Set((settingRegions ?? []).filter((r): r is string => typeof r === 'string').map((r) => r.trim()).filter(Boolean))];
  if (listed.length) return listed;
  const fallback = env.AWS_REGION?.trim() || env.AWS_DEFAULT_REGION?.trim() || (source.kind === 'profile' ? source.region : undefined);
  return fallback ? [fallback] : [];
}

/** A short, secret-free description of a credential source (status bar, view description). */
export function describeSource(source: CredentialSource): string {
  switch (source.kind) {
    case 'profile':
      return source.profile;
    case 'unknown-profile':
      return `${source.profile} (not found)`;
    case 'environment':
      return 'environment credentials';
    case 'none':
      return 'no AWS profile';
  }
}
