// AWS profiles and the credential source of the Account Posture view: the shared files read by
// the SDK's own loader, secret values never kept, and the SDK's default-chain order mirrored.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { credentialSource, describeSource, effectiveRegions, listProfiles, readProfiles, sharedFilePaths, type AwsProfile } from '../../../client/src/aws/profiles';
import { REGION_PATTERN, regionChoices, regionName } from '../../../client/src/aws/regions';
import { REGIONS } from '../../../server/src/engine/iam/regions';

const CONFIG = `# shared config
[default]
region = us-east-1

[profile dev]
sso_session = corp
sso_account_id = 111122223333
sso_role_name = ReadOnly
region = eu-central-1

[profile ops]
role_arn = arn:aws:iam::111122223333:role/Audit
source_profile = default
s3 =
  max_concurrent_requests = 4

[profile tool]
credential_process = /usr/local/bin/creds --json

[sso-session corp]
sso_start_url = https://corp.awsapps.com/start
sso_region = us-east-1

[services local]
bedrock =
  endpoint_url = http://localhost:4566
`;

const CREDENTIALS = `[default]
aws_access_key_id = AKIAIOSFODNN7EXAMPLE
aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY

[ci]
aws_access_key_id = AKIAI44QH8DHBEXAMPLE
aws_secret_access_key = je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY
aws_session_token = FQoGZXIvYXdzEXAMPLETOKEN
region = ap-southeast-2
`;

describe('shared files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bedrock-security-profiles-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('readProfiles lists the profiles of both files with their Region and kind, and no secrets', async () => {
    writeFileSync(join(dir, 'config'), CONFIG);
    writeFileSync(join(dir, 'credentials'), CREDENTIALS);
    const profiles = await readProfiles({ AWS_CONFIG_FILE: join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials') }, dir);
    assert.deepEqual(profiles, [
      { name: 'default', region: 'us-east-1', kind: 'access-keys', files: ['config', 'credentials'] },
      { name: 'ci', region: 'ap-southeast-2', kind: 'access-keys', files: ['credentials'] },
      { name: 'dev', region: 'eu-central-1', kind: 'sso', detail: 'corp', files: ['config'] },
      { name: 'ops', region: undefined, kind: 'assume-role', detail: 'arn:aws:iam::111122223333:role/Audit', files: ['config'] },
      { name: 'tool', region: undefined, kind: 'credential-process', files: ['config'] },
    ] satisfies AwsProfile[]);
    const text = JSON.stringify(profiles);
    for (const secret of ['wJalrXUtnFEMI', 'je7MtGbClwBF', 'FQoGZXIvYXdz', 'AKIA', '/usr/local/bin/creds']) assert.ok(!text.includes(secret), `${secret} leaked`);
  });

  test('missing files, an empty home and unreadable paths give no profiles', async () => {
    assert.deepEqual(await readProfiles({}, join(dir, 'no-such-home')), []);
    assert.deepEqual(await readProfiles({ AWS_CONFIG_FILE: dir, AWS_SHARED_CREDENTIALS_FILE: join(dir, 'nope') }, dir), []);
  });

  test('a broken file costs only its own profiles', async () => {
    writeFileSync(join(dir, 'broken'), '[profile __proto__]\nregion = x\n');
    writeFileSync(join(dir, 'creds2'), '[solo]\naws_access_key_id = A\n');
    assert.deepEqual((await readProfiles({ AWS_CONFIG_FILE: join(dir, 'broken'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'creds2') }, dir)).map((p) => p.name), ['solo']);
  });

  test('sharedFilePaths follows AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE, with ~ expanded', () => {
    assert.deepEqual(sharedFilePaths({}, '/home/u'), { config: '/home/u/.aws/config', credentials: '/home/u/.aws/credentials' });
    assert.deepEqual(sharedFilePaths({ AWS_CONFIG_FILE: '~/cfg/aws', AWS_SHARED_CREDENTIALS_FILE: '/etc/creds' }, '/home/u'), { config: '/home/u/cfg/aws', credentials: '/etc/creds' });
  });
});

describe('listProfiles', () => {
  test('sso-session and services sections are not profiles; `default` sorts first', () => {
    const profiles = listProfiles({ configFile: { zeta: {}, 'sso-session.corp': { sso_region: 'us-east-1' }, 'services.x': {}, default: {} }, credentialsFile: { alpha: { aws_access_key_id: 'A' } } });
    assert.deepEqual(profiles.map((p) => `${p.name}:${p.kind}`), ['default:unknown', 'alpha:access-keys', 'zeta:unknown']);
  });

  test('the config file wins over the credentials file for the same key', () => {
    const [p] = listProfiles({ configFile: { x: { region: 'eu-west-1' } }, credentialsFile: { x: { region: 'us-west-2', aws_access_key_id: 'A' } } });
    assert.deepEqual(p, { name: 'x', region: 'eu-west-1', kind: 'access-keys', files: ['config', 'credentials'] });
  });

  test('odd values (undefined sections, blank Region) do not throw', () => {
    assert.deepEqual(listProfiles({ configFile: { a: undefined, b: { region: '  ' } } }), [{ name: 'b', region: undefined, kind: 'unknown', files: ['config'] }]);
    assert.deepEqual(listProfiles({}), []);
  });
});

describe('credentialSource (the SDK default chain order)', () => {
  const profiles = listProfiles({ configFile: { default: { region: 'us-east-1' }, dev: { region: 'eu-central-1', sso_session: 's' } } });

  test('the setting names the profile, even over environment keys and AWS_PROFILE', () => {
    assert.deepEqual(credentialSource('dev', { AWS_PROFILE: 'default', AWS_ACCESS_KEY_ID: 'A', AWS_SECRET_ACCESS_KEY: 'S' }, profiles), { kind: 'profile', profile: 'dev', origin: 'setting', region: 'eu-central-1' });
  });

  test('AWS_PROFILE comes next and also wins over environment keys', () => {
    assert.deepEqual(credentialSource('', { AWS_PROFILE: 'dev', AWS_ACCESS_KEY_ID: 'A', AWS_SECRET_ACCESS_KEY: 'S' }, profiles), { kind: 'profile', profile: 'dev', origin: 'AWS_PROFILE', region: 'eu-central-1' });
  });

  test('a named profile that no file defines is reported as unknown', () => {
    assert.deepEqual(credentialSource(' prod ', {}, profiles), { kind: 'unknown-profile', profile: 'prod', origin: 'setting' });
    assert.deepEqual(credentialSource(undefined, { AWS_PROFILE: 'prod' }, profiles), { kind: 'unknown-profile', profile: 'prod', origin: 'AWS_PROFILE' });
  });

  test('without a profile: environment keys (both needed), then the default profile, then none', () => {
    assert.deepEqual(credentialSource('', { AWS_ACCESS_KEY_ID: 'A', AWS_SECRET_ACCESS_KEY: 'S' }, profiles), { kind: 'environment' });
    assert.deepEqual(credentialSource('', { AWS_ACCESS_KEY_ID: 'A' }, profiles), { kind: 'profile', profile: 'default', origin: 'default', region: 'us-east-1' });
    assert.deepEqual(credentialSource('', {}, []), { kind: 'none' });
  });

  test('describeSource names the source without secrets', () => {
    assert.equal(describeSource({ kind: 'profile', profile: 'dev', origin: 'setting' }), 'dev');
    assert.equal(describeSource({ kind: 'unknown-profile', profile: 'prod', origin: 'setting' }), 'prod (not found)');
    assert.equal(describeSource({ kind: 'environment' }), 'environment credentials');
    assert.equal(describeSource({ kind: 'none' }), 'no AWS profile');
  });
});

describe('effectiveRegions', () => {
  const dev = { kind: 'profile', profile: 'dev', origin: 'setting', region: 'eu-central-1' } as const;

  test('the setting wins; blanks, duplicates and non-strings are dropped, order kept', () => {
    assert.deepEqual(effectiveRegions(['us-west-2', ' us-east-1 ', '', 'us-west-2', 7], dev, { AWS_REGION: 'ap-south-1' }), ['us-west-2', 'us-east-1']);
  });

  test("empty setting: AWS_REGION, else AWS_DEFAULT_REGION, else the profile's Region, else none (as the SDK)", () => {
    assert.deepEqual(effectiveRegions([], dev, { AWS_REGION: 'ap-south-1', AWS_DEFAULT_REGION: 'sa-east-1' }), ['ap-south-1']);
    assert.deepEqual(effectiveRegions([], dev, { AWS_DEFAULT_REGION: 'sa-east-1' }), ['sa-east-1']);
    assert.deepEqual(effectiveRegions(undefined, dev, { AWS_REGION: ' ' }), ['eu-central-1']);
    assert.deepEqual(effectiveRegions([], { kind: 'environment' }, {}), []);
    assert.deepEqual(effectiveRegions([], { kind: 'none' }, {}), []);
  });
});

describe('Regions', () => {
  test('the picker lists Regions set by hand first, then the known ones (commercial first), with the selection marked', () => {
    const choices = regionChoices(['xx-test-1', 'eu-west-1']);
    assert.deepEqual(choices[0], { region: 'xx-test-1', name: undefined, partition: undefined, picked: true });
    assert.deepEqual(choices[1], { region: 'us-east-1', name: 'US East (N. Virginia)', partition: 'aws', picked: false });
    assert.deepEqual(choices.find((c) => c.region === 'eu-west-1'), { region: 'eu-west-1', name: 'Europe (Ireland)', partition: 'aws', picked: true });
    assert.equal(choices.filter((c) => c.picked).length, 2);
    assert.equal(choices.length, REGIONS.length + 1);
  });

  test('every known Region matches the Region pattern of the settings', () => {
    for (const r of REGIONS) assert.match(r.code, REGION_PATTERN);
    assert.equal(regionName('us-gov-west-1'), 'AWS GovCloud (US-West)');
    assert.equal(regionName('xx-nowhere-1'), undefined);
  });
});
