// `bedrock-security posture` as CI runs it: the real bundled command (node dist/cli.js) against
// the local fake endpoint, with credentials from the environment and an empty HOME. Exit codes
// 0/1/2, the text and JSON output, and one clear line on stderr when it cannot run — including
// when it would otherwise hang.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeAws, loadScenario, TEST_CREDENTIALS } from './fake-aws';

const CLI = join(__dirname, '..', '..', '..', 'dist', 'cli.js');
let fake: FakeAws;
let home: string;

before(async () => {
  fake = await new FakeAws(loadScenario('hardened')).start();
  home = mkdtempSync(join(tmpdir(), 'bedrock-security-home-'));
});
after(async () => {
  await fake.close();
  rmSync(home, { recursive: true, force: true });
});

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI asynchronously (the fake answers from this process) with a clean AWS environment. */
function posture(args: string[], env: Record<string, string> = {}, withKeys = true): Promise<Run> {
  const clean: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: home,
    USERPROFILE: home,
    AWS_CONFIG_FILE: join(home, 'no-config'),
    AWS_SHARED_CREDENTIALS_FILE: join(home, 'no-credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
    ...(withKeys ? { AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId, AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey, AWS_ACCOUNT_ID: TEST_CREDENTIALS.accountId } : {}),
    ...env,
  };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'posture', ...args], { env: clean });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

function use(name: string): void {
  fake.use(loadScenario(name));
  fake.calls.length = 0;
}

test('a hardened account: exit 0, text grouped by Region and category, the summary line last', async () => {
  use('hardened');
  const r = await posture(['--region', 'us-east-1', '--endpoint-url', fake.url]);
  assert.deepEqual([r.status, r.stderr], [0, '']);
  assert.ok(r.stdout.startsWith('Amazon Bedrock security posture (account 111122223333)\n\nus-east-1\n  Guardrails\n    ✓ pass             At least one guardrail exists: 2 guardrails ready  guardrails/exists\n'), r.stdout);
  assert.ok(r.stdout.includes('\nglobal (IAM, checked once)\n  Identity\n'));
  assert.ok(r.stdout.endsWith('\n\n19 passed\n'));
  assert.ok(fake.calls.length > 0 && fake.calls.every((c) => c.signed));
});

test('a bare account: exit 1; --format json prints the report', async () => {
  use('bare');
  const r = await posture(['--region=us-east-1', '--format', 'json', '--endpoint-url', fake.url]);
  assert.deepEqual([r.status, r.stderr], [1, '']);
  const report = JSON.parse(r.stdout);
  assert.deepEqual(report.summary, { pass: 0, warning: 3, fail: 6, notApplicable: 10, error: 0 });
  assert.deepEqual(report.regions.map((x: { region: string }) => x.region), ['us-east-1', 'global']);
  assert.equal(report.accountId, '111122223333');
  assert.equal(report.regions[0].results[0].checkId, 'guardrails/exists');
});

test('checks that could not run are counted on stderr; without a failure the exit code stays 0', async () => {
  use('access-denied');
  const r = await posture(['--region', 'us-east-1', '--endpoint-url', fake.url]);
  assert.deepEqual([r.status, r.stderr], [0, 'bedrock-security: 10 checks could not run (see the output)\n']);
  assert.ok(r.stdout.includes('    ? could not check  Interface VPC endpoints for Bedrock: Access denied: ec2:DescribeVpcEndpoints  network/vpc-endpoints\n'));
  assert.ok(r.stdout.endsWith('\n9 passed · 10 could not check\n'));
});

test('the Region comes from AWS_REGION when --region is not given; none at all is exit 2', async () => {
  use('hardened');
  const r = await posture(['--endpoint-url', fake.url], { AWS_REGION: 'us-east-1' });
  assert.equal(r.status, 0);
  assert.ok(r.stdout.includes('\nus-east-1\n'));
  const none = await posture(['--endpoint-url', fake.url]);
  assert.deepEqual(none, { status: 2, stdout: '', stderr: 'bedrock-security: no Region to check: pass --region, or set AWS_REGION or the region of the profile\n' });
});

test('no credentials (empty HOME, no keys) and an unknown profile: exit 2 with one line, nothing called', async () => {
  fake.calls.length = 0;
  const none = await posture(['--region', 'us-east-1', '--endpoint-url', fake.url], {}, false);
  assert.deepEqual(none, {
    status: 2,
    stdout: '',
    stderr: 'bedrock-security: No AWS credentials found: choose a profile (--profile or AWS_PROFILE), set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or run `aws configure`\n',
  });
  const unknown = await posture(['--profile', 'prod', '--region', 'us-east-1', '--endpoint-url', fake.url]);
  assert.deepEqual(unknown, {
    status: 2,
    stdout: '',
    stderr: 'bedrock-security: The AWS profile "prod" does not exist in ~/.aws/config or ~/.aws/credentials (AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE)\n',
  });
  assert.equal(fake.calls.length, 0);
});

test('bad arguments: exit 2 with a usage line', async () => {
  const cases: [string[], string][] = [
    [['--region', 'mars'], "--region must be an AWS Region such as us-east-1 (got 'mars')"],
    [['--format', 'sarif'], "--format must be one of text, json (got 'sarif')"],
    [['policies/'], "'posture' takes no paths (got 'policies/')"],
    [['--quiet'], "--quiet is not an option of 'posture'"],
    [['--endpoint-url', 'localhost:4566'], "--endpoint-url must be an http:// or https:// URL (got 'localhost:4566')"],
    [['--timeout', '0'], "--timeout must be a positive number of seconds (got '0')"],
  ];
  for (const [args, message] of cases) {
    assert.deepEqual(await posture(args), { status: 2, stdout: '', stderr: `bedrock-security: ${message} (see bedrock-security --help)\n` }, args.join(' '));
  }
});

test('a run that would hang ends at --timeout with exit 2 and one line', { timeout: 30_000 }, async () => {
  use('slow');
  const r = await posture(['--region', 'us-east-1', '--endpoint-url', fake.url, '--timeout', '2']);
  assert.deepEqual(r, { status: 2, stdout: '', stderr: 'bedrock-security: the posture checks did not finish within 2 s (--timeout)\n' });
});

test('an endpoint nobody answers: no check could run, exit 2 with the reason', { timeout: 60_000 }, async () => {
  const closed = await new FakeAws(loadScenario('hardened')).start();
  const url = closed.url;
  await closed.close();
  const r = await posture(['--region', 'us-east-1', '--endpoint-url', url, '--format', 'json']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /^bedrock-security: no check could run: Could not reach 127\.0\.0\.1:\d+ for [a-z0-9-]+:[A-Za-z]+ in us-east-1 \(ECONNREFUSED\) after 4 attempts\.\n$/);
  assert.equal(JSON.parse(r.stdout).summary.error, 19);
});
