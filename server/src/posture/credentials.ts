// Credentials and the default Region of an AWS profile, from the standard sources (environment,
// ~/.aws/config and ~/.aws/credentials including SSO and credential_process, container and
// instance roles) through @aws-sdk/credential-providers. Problems become a `PostureSetupError`
// with one line that says what to do.
import { fromIni, fromNodeProviderChain } from '@aws-sdk/credential-providers';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@aws-sdk/types';
import { loadConfig, loadSharedConfigFiles, NODE_REGION_CONFIG_FILE_OPTIONS, NODE_REGION_CONFIG_OPTIONS } from '@smithy/core/config';
import { PostureSetupError } from './errors';

/** The profile the SDK would use: the one given, else AWS_PROFILE, else none (the default chain). */
export function effectiveProfile(profile?: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  return profile || env.AWS_PROFILE || undefined;
}

/** Maps a credential provider's failure to a setup error. */
export function credentialSetupError(error: unknown, profile?: string): PostureSetupError {
  const message = String((error as { message?: unknown })?.message ?? error);
  const forProfile = profile ? ` for profile "${profile}"` : '';
  if (/sso/i.test(message) && /(expired|invalid|not found|refresh)/i.test(message)) {
    const login = profile ? `aws sso login --profile ${profile}` : 'aws sso login --profile <name>';
    return new PostureSetupError('expired-sso', `The SSO session${forProfile} has expired or is not signed in: run \`${login}\``);
  }
  if (/could not load credentials from any providers|could not resolve credentials using profile/i.test(message)) {
    return new PostureSetupError(
      'no-credentials',
      profile
        ? `No AWS credentials${forProfile}: add keys, SSO or credential_process to the profile`
        : 'No AWS credentials found: choose a profile (--profile or AWS_PROFILE), set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or run `aws configure`',
    );
  }
  const line = message.split('\n')[0].trim();
  return new PostureSetupError('credentials', `Could not load AWS credentials${forProfile}: ${line}`);
}

/** Whether a named profile exists in the shared config or credentials file. */
async function profileExists(profile: string): Promise<boolean> {
  const files = await loadSharedConfigFiles();
  return Object.prototype.hasOwnProperty.call(files.configFile ?? {}, profile) || Object.prototype.hasOwnProperty.call(files.credentialsFile ?? {}, profile);
}

/**
 * Resolves credentials once for `profile` (or the default chain) and returns a provider that
 * keeps refreshing them. Throws `PostureSetupError`: unknown profile, no credentials, expired
 * SSO session, or another credential source failure.
 */
export async function resolveCredentials(profile?: string): Promise<AwsCredentialIdentityProvider> {
  const name = effectiveProfile(profile);
  if (name && name !== 'default' && !(await profileExists(name))) {
    throw new PostureSetupError('unknown-profile', `The AWS profile "${name}" does not exist in ~/.aws/config or ~/.aws/credentials (AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE)`);
  }
  // A named profile: its own sources (keys, SSO, credential_process, assumed role, web identity)
  // through fromIni, whose errors say what failed (the full chain would only say "Could not load
  // credentials from any providers"). No profile: the whole default chain.
  const provider = name ? fromIni({ profile: name }) : fromNodeProviderChain();
  await checkCredentials(provider, name);
  return provider;
}

/** Calls `provider` once; a failure becomes a `PostureSetupError`. */
export async function checkCredentials(provider: AwsCredentialIdentityProvider, profile?: string): Promise<AwsCredentialIdentity> {
  try {
    const identity = await provider();
    if (!identity || typeof identity.accessKeyId !== 'string' || typeof identity.secretAccessKey !== 'string') throw new Error('the credential provider returned no keys');
    return identity;
  } catch (e) {
    throw e instanceof PostureSetupError ? e : credentialSetupError(e, profile);
  }
}

/** The default Region of a profile (AWS_REGION, AWS_DEFAULT_REGION, then `region` of the profile), if any. */
export async function profileRegion(profile?: string): Promise<string | undefined> {
  try {
    const region = await loadConfig(NODE_REGION_CONFIG_OPTIONS, { ...NODE_REGION_CONFIG_FILE_OPTIONS, profile: effectiveProfile(profile) })();
    return typeof region === 'string' && region !== '' ? region : undefined;
  } catch {
    return undefined;
  }
}
