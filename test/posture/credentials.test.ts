// Credentials and Regions of AWS profiles, read from throw-away config files: an unknown profile,
// a profile without credentials, an SSO profile that is not signed in, a failing
// credential_process and no credentials at all each become a PostureSetupError with one line
// that says what to do; keys and Regions are found where the SDK finds them.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { profileRegion, resolveCredentials, PostureSetupError } from '../../server/src/posture/index';

let dir: string;
const saved = { ...process.env };

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'bedrock-security-aws-'));
  writeFileSync(
    join(dir, 'config'),
    [
      '[profile sso]',
      'sso_session = corp',
      'sso_account_id = 111122223333',
      'sso_role_name = ReadOnly',
      'region = eu-west-1',
      '[sso-session corp]',
      'sso_start_url = https://corp.awsapps.com/start',
      'sso_region = us-east-1',
      '[profile partial]',
      'region = us-west-2',
      '[profile proc]',
      `credential_process = "${process.execPath}" -e "process.exit(3)"`,
      '',
    ].join('\n'),
  );
  writeFileSync(join(dir, 'credentials'), ['[keys]', 'aws_access_key_id = AKIDFROMFILE0001', 'aws_secret_access_key = file-secret', ''].join('\n'));
  for (const k of Object.keys(process.env)) if (k.startsWith('AWS_')) delete process.env[k];
  Object.assign(process.env, { HOME: dir, USERPROFILE: dir, AWS_CONFIG_FILE: join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'), AWS_EC2_METADATA_DISABLED: 'true' });
});

after(() => {
  process.env = saved;
  rmSync(dir, { recursive: true, force: true });
});

async function setupError(profile: string | undefined): Promise<PostureSetupError> {
  try {
    await resolveCredentials(profile);
  } catch (e) {
    assert.ok(e instanceof PostureSetupError, String(e));
    assert.ok(!e.message.includes('\n'), 'one line');
    return e;
  }
  assert.fail('resolveCredentials should have thrown');
}

test('an unknown profile, given or from AWS_PROFILE', async () => {
  const e = await setupError('nope');
  assert.equal(e.kind, 'unknown-profile');
  assert.equal(e.message, 'The AWS profile "nope" does not exist in ~/.aws/config or ~/.aws/credentials (AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE)');
  process.env.AWS_PROFILE = 'ghost';
  try {
    assert.equal((await setupError(undefined)).message, 'The AWS profile "ghost" does not exist in ~/.aws/config or ~/.aws/credentials (AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE)');
  } finally {
    delete process.env.AWS_PROFILE;
  }
});

test('an SSO profile without a valid session says to run aws sso login for it', async () => {
  const e = await setupError('sso');
  assert.equal(e.kind, 'expired-sso');
  assert.equal(e.message, 'The SSO session for profile "sso" has expired or is not signed in: run `aws sso login --profile sso`');
});

test('a profile without credentials, and no credentials anywhere', async () => {
  const partial = await setupError('partial');
  assert.deepEqual([partial.kind, partial.message], ['no-credentials', 'No AWS credentials for profile "partial": add keys, SSO or credential_process to the profile']);
  const none = await setupError(undefined);
  assert.deepEqual([none.kind, none.message], ['no-credentials', 'No AWS credentials found: choose a profile (--profile or AWS_PROFILE), set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or run `aws configure`']);
});

test('a failing credential_process is a credentials error naming the profile', async () => {
  const e = await setupError('proc');
  assert.equal(e.kind, 'credentials');
  assert.match(e.message, /^Could not load AWS credentials for profile "proc": .+/);
});

test('keys from the credentials file and from the environment resolve', async () => {
  const provider = await resolveCredentials('keys');
  const id = await provider();
  assert.deepEqual([id.accessKeyId, id.secretAccessKey], ['AKIDFROMFILE0001', 'file-secret']);
  Object.assign(process.env, { AWS_ACCESS_KEY_ID: 'AKIDFROMENV00001', AWS_SECRET_ACCESS_KEY: 'env-secret' });
  try {
    assert.equal((await (await resolveCredentials())()).accessKeyId, 'AKIDFROMENV00001');
  } finally {
    delete process.env.AWS_ACCESS_KEY_ID;
    delete process.env.AWS_SECRET_ACCESS_KEY;
  }
});

test('profileRegion: the profile region, AWS_REGION over it, nothing when unset', async () => {
  assert.equal(await profileRegion('partial'), 'us-west-2');
  assert.equal(await profileRegion('sso'), 'eu-west-1');
  assert.equal(await profileRegion('keys'), undefined);
  process.env.AWS_REGION = 'ap-south-1';
  try {
    assert.equal(await profileRegion('partial'), 'ap-south-1');
  } finally {
    delete process.env.AWS_REGION;
  }
});
