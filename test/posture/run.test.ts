// runPosture end to end with the real SDK clients against the local fake AWS endpoint, for every
// scenario: the exact results, that only read-only operations reached the endpoint (all of them
// SigV4-signed), that every dataset is fetched once per Region, and that failures — denied,
// throttled, malformed, slow, unreachable, a Region without Bedrock — become results while the
// other checks still run. Also cancellation, setup errors and what gets logged.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AwsCredentialIdentity } from '@aws-sdk/types';
import { FakeAws, loadScenario, TEST_CREDENTIALS, type Scenario } from './fake-aws';
import { runPosture, PostureSetupError, type PostureOptions, type PostureReport, type CheckResult } from '../../server/src/posture/index';
import { runPostureWith, type RunDeps } from '../../server/src/posture/run';
import { requiredActions } from '../../server/src/posture/policy';

for (const name of ['AWS_BEARER_TOKEN_BEDROCK', 'AWS_PROFILE', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_REGION', 'AWS_DEFAULT_REGION']) delete process.env[name];
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const NOW = new Date('2026-06-01T00:00:00Z');
const credentials = async (): Promise<AwsCredentialIdentity> => ({ accessKeyId: TEST_CREDENTIALS.accessKeyId, secretAccessKey: TEST_CREDENTIALS.secretAccessKey, accountId: TEST_CREDENTIALS.accountId });
const deps = (notOffered: string[] = []): RunDeps => ({ bedrockOffered: async (region) => (notOffered.includes(region) ? false : undefined), now: () => NOW });

let fake: FakeAws;
before(async () => {
  fake = await new FakeAws(loadScenario('hardened')).start();
});
after(() => fake.close());

async function run(scenario: Scenario | string, opts: Partial<PostureOptions> = {}, notOffered: string[] = []): Promise<PostureReport> {
  fake.use(typeof scenario === 'string' ? loadScenario(scenario) : scenario);
  fake.calls.length = 0;
  return runPostureWith({ regions: ['us-east-1'], endpointUrl: fake.url, credentials, timeoutMs: 5_000, maxAttempts: 2, ...opts }, deps(notOffered));
}

/** `checkId → state: summary` of one Region. */
function states(report: PostureReport, region = 'us-east-1'): Record<string, string> {
  const r = report.regions.find((x) => x.region === region);
  assert.ok(r, `region ${region} in the report`);
  return Object.fromEntries(r.results.map((c) => [c.checkId, `${c.state}: ${c.summary}`]));
}

function result(report: PostureReport, id: string, region = 'us-east-1'): CheckResult {
  const r = report.regions.find((x) => x.region === region)!.results.find((c) => c.checkId === id);
  assert.ok(r, id);
  return r;
}

/** Every call reached the endpoint signed, and only List/Get/Describe operations the policy allows. */
function assertReadOnly(): void {
  assert.ok(fake.calls.length > 0, 'calls were made');
  assert.deepEqual(fake.calls.filter((c) => !c.signed), [], 'every request carries a valid SigV4 signature');
  const allowed = new Set(requiredActions());
  for (const op of fake.operations()) {
    assert.match(op, /^[a-z0-9-]+:(List|Get|Describe)[A-Za-z]+$/, op);
    assert.ok(allowed.has(op), `${op} is in the required policy`);
  }
}

function count(operation: string, region?: string): number {
  return fake.calls.filter((c) => c.operation === operation && (!region || c.region === region)).length;
}

const ALL_OPERATIONS = [
  'bedrock:GetCustomModel',
  'bedrock:GetGuardrail',
  'bedrock:GetImportedModel',
  'bedrock:GetModelInvocationLoggingConfiguration',
  'bedrock:ListCustomModels',
  'bedrock:ListEnforcedGuardrailsConfiguration',
  'bedrock:ListGuardrails',
  'bedrock:ListImportedModels',
  'cloudtrail:DescribeTrails',
  'cloudtrail:GetEventSelectors',
  'cloudtrail:GetTrailStatus',
  'cloudwatch:DescribeAlarms',
  'ec2:DescribeVpcEndpoints',
  'iam:ListEntitiesForPolicy',
  'iam:ListServiceSpecificCredentials',
  'logs:DescribeLogGroups',
];

test('hardened account: every check passes; each dataset is fetched once (paginated) and only read-only calls are made', async () => {
  const report = await run('hardened');
  assert.deepEqual(states(report), {
    'guardrails/exists': 'pass: 2 guardrails ready',
    'guardrails/prompt-attack-high': 'pass: Prompt-attack filter at HIGH: 2 of 2 guardrails',
    'guardrails/sensitive-information': 'pass: Sensitive-information filters: 2 of 2 guardrails',
    'guardrails/contextual-grounding': 'pass: Contextual grounding checks: 2 of 2 guardrails',
    'guardrails/customer-kms-key': 'pass: Customer managed KMS key: 2 of 2 guardrails',
    'guardrails/account-enforced': 'pass: Enforced: gr1abc version 3',
    'logging/invocation-logging': 'pass: On: CloudWatch Logs',
    'logging/text-delivery': 'pass: Text delivery on',
    'logging/destinations': 'pass: CloudWatch Logs /aws/bedrock/invocations',
    'logging/log-group-protection': 'pass: KMS key, retention 400 days',
    'logging/cloudtrail-trail': 'pass: Trail org-audit: multi-Region, logging, validated, KMS',
    'logging/cloudtrail-bedrock-data-events': 'pass: Trail org-audit records AWS::Bedrock::AgentAlias, AWS::Bedrock::KnowledgeBase',
    'network/vpc-endpoints': 'pass: Available for bedrock-runtime, bedrock, bedrock-agent-runtime',
    'network/endpoint-private-dns': 'pass: Private DNS: 3 of 3 endpoints',
    'network/endpoint-policy': 'pass: Restrictive policy: 3 of 3 endpoints',
    'encryption/model-kms-key': 'pass: Customer managed KMS key: 2 of 2 models',
    'monitoring/bedrock-alarms': 'pass: 2 alarms on errors and throttles',
  });
  assert.deepEqual(states(report, 'global'), { 'identity/bedrock-full-access': 'pass: AmazonBedrockFullAccess is not attached', 'identity/long-term-api-keys': 'pass: No active long-term Bedrock API keys' });
  assert.deepEqual(report.regions.map((r) => r.region), ['us-east-1', 'global']);
  assert.deepEqual(report.summary, { pass: 19, warning: 0, fail: 0, notApplicable: 0, error: 0 });
  assert.equal(report.accountId, '111122223333');
  assert.equal(report.generatedAt, '2026-06-01T00:00:00.000Z');
  assert.deepEqual(result(report, 'logging/log-group-protection').evidence, [
    { label: 'Log group', value: 'arn:aws:logs:us-east-1:111122223333:log-group:/aws/bedrock/invocations:*' },
    { label: 'KMS key', value: 'arn:aws:kms:us-east-1:111122223333:key/1111aaaa-2222-3333-4444-555566667777' },
    { label: 'Retention', value: '400 days' },
  ]);
  assert.deepEqual(result(report, 'identity/long-term-api-keys', 'global').evidence, [{ label: 'legacy-bot', value: 'ACCA1111EXAMPLE: Inactive, created 2025-06-01, expires never' }]);
  assertReadOnly();
  assert.deepEqual(fake.operations(), ALL_OPERATIONS);
  // One item per page: 2 guardrails take 2 list pages, each read once although 5 checks use them.
  assert.deepEqual(
    ALL_OPERATIONS.map((op) => `${op} ${count(op)}`),
    [
      'bedrock:GetCustomModel 1',
      'bedrock:GetGuardrail 2',
      'bedrock:GetImportedModel 1',
      'bedrock:GetModelInvocationLoggingConfiguration 1',
      'bedrock:ListCustomModels 1',
      'bedrock:ListEnforcedGuardrailsConfiguration 1',
      'bedrock:ListGuardrails 2',
      'bedrock:ListImportedModels 1',
      'cloudtrail:DescribeTrails 1',
      'cloudtrail:GetEventSelectors 1',
      'cloudtrail:GetTrailStatus 1',
      'cloudwatch:DescribeAlarms 3',
      'ec2:DescribeVpcEndpoints 3',
      'iam:ListEntitiesForPolicy 1',
      'iam:ListServiceSpecificCredentials 1',
      'logs:DescribeLogGroups 2',
    ],
  );
  // IAM is signed for us-east-1 (the aws partition's IAM Region), everything else for the Region checked.
  assert.deepEqual([...new Set(fake.calls.map((c) => c.region))], ['us-east-1']);
});

test('bare account: the failures, warnings and not-applicable results a new account gets', async () => {
  const report = await run('bare');
  assert.deepEqual(states(report), {
    'guardrails/exists': 'fail: No guardrails',
    'guardrails/prompt-attack-high': 'not-applicable: No guardrails to inspect',
    'guardrails/sensitive-information': 'not-applicable: No guardrails to inspect',
    'guardrails/contextual-grounding': 'not-applicable: No guardrails to inspect',
    'guardrails/customer-kms-key': 'not-applicable: No guardrails to inspect',
    'guardrails/account-enforced': 'warning: No account-enforced guardrail',
    'logging/invocation-logging': 'fail: Model invocation logging is off',
    'logging/text-delivery': 'not-applicable: Model invocation logging is off',
    'logging/destinations': 'not-applicable: Model invocation logging is off',
    'logging/log-group-protection': 'not-applicable: No CloudWatch Logs destination for invocation logs',
    'logging/cloudtrail-trail': 'fail: No multi-Region trail',
    'logging/cloudtrail-bedrock-data-events': 'warning: No trail records Bedrock data events',
    'network/vpc-endpoints': 'fail: No available bedrock-runtime interface endpoint',
    'network/endpoint-private-dns': 'not-applicable: No Bedrock interface endpoints',
    'network/endpoint-policy': 'not-applicable: No Bedrock interface endpoints',
    'encryption/model-kms-key': 'not-applicable: No custom or imported models',
    'monitoring/bedrock-alarms': 'fail: No alarms on AWS/Bedrock',
  });
  assert.deepEqual(states(report, 'global'), { 'identity/bedrock-full-access': 'warning: Attached to 1 role, 1 user', 'identity/long-term-api-keys': 'fail: 1 active key without expiry (ci-bot)' });
  assert.deepEqual(report.summary, { pass: 0, warning: 3, fail: 6, notApplicable: 10, error: 0 });
  // The codecommit credential of the scenario is not a Bedrock key: ServiceName filters it out.
  assert.deepEqual(result(report, 'identity/long-term-api-keys', 'global').evidence, [{ label: 'ci-bot', value: 'ACCA2222EXAMPLE: Active, created 2026-03-01, expires never' }]);
  assert.deepEqual(result(report, 'logging/cloudtrail-trail').evidence, [{ label: 'local-trail', value: 'arn:aws:cloudtrail:us-east-1:111122223333:trail/local-trail, single-Region (us-east-1), logging, validation off, no KMS key' }]);
  assertReadOnly();
  // Nothing to inspect one by one: no Get* per guardrail or model, no log group lookup.
  assert.deepEqual(fake.operations(), ALL_OPERATIONS.filter((op) => !['bedrock:GetCustomModel', 'bedrock:GetGuardrail', 'bedrock:GetImportedModel', 'logs:DescribeLogGroups'].includes(op)));
});

test('AccessDenied on some calls: those checks say which action was denied, the others still run', async () => {
  const report = await run('access-denied');
  const s = states(report);
  assert.equal(s['guardrails/exists'], 'pass: 2 guardrails ready', 'ListGuardrails alone decides it');
  for (const id of ['guardrails/prompt-attack-high', 'guardrails/sensitive-information', 'guardrails/contextual-grounding', 'guardrails/customer-kms-key']) assert.equal(s[id], 'error: Access denied: bedrock:GetGuardrail', id);
  assert.equal(s['logging/log-group-protection'], 'error: Access denied: logs:DescribeLogGroups');
  for (const id of ['network/vpc-endpoints', 'network/endpoint-private-dns', 'network/endpoint-policy']) assert.equal(s[id], 'error: Access denied: ec2:DescribeVpcEndpoints', id);
  for (const id of ['logging/invocation-logging', 'logging/cloudtrail-trail', 'encryption/model-kms-key', 'monitoring/bedrock-alarms']) assert.match(s[id], /^pass: /, id);
  const denied = result(report, 'network/vpc-endpoints');
  assert.equal(
    denied.reason,
    'Access denied to ec2:DescribeVpcEndpoints in us-east-1 (UnauthorizedOperation). Allow ec2:DescribeVpcEndpoints for these credentials (the read-only policy of the posture checks lists every action they need), or use a profile that has it.',
  );
  assert.deepEqual(denied.evidence, [{ label: 'Call', value: 'ec2:DescribeVpcEndpoints' }]);
  assert.deepEqual(states(report, 'global'), { 'identity/bedrock-full-access': 'error: Access denied: iam:ListEntitiesForPolicy', 'identity/long-term-api-keys': 'error: Access denied: iam:ListServiceSpecificCredentials' });
  assert.equal(result(report, 'identity/bedrock-full-access', 'global').reason?.startsWith('Access denied to iam:ListEntitiesForPolicy (AccessDenied).'), true, 'IAM is global: no Region in the reason');
  assert.deepEqual(report.summary, { pass: 9, warning: 0, fail: 0, notApplicable: 0, error: 10 });
  assertReadOnly();
  assert.equal(count('ec2:DescribeVpcEndpoints'), 1, 'AccessDenied is not retried');
});

test('throttling: retried throttles recover, persistent ones become "Throttled" after every attempt', async () => {
  const report = await run('throttling', { maxAttempts: 3 });
  const s = states(report);
  assert.equal(s['guardrails/exists'], 'pass: 2 guardrails ready');
  assert.equal(s['logging/cloudtrail-trail'], 'pass: Trail org-audit: multi-Region, logging, validated, KMS');
  assert.equal(s['monitoring/bedrock-alarms'], 'error: Throttled');
  assert.equal(result(report, 'monitoring/bedrock-alarms').reason, 'AWS throttled cloudwatch:DescribeAlarms in us-east-1 (Throttling) after 3 attempts. Refresh later.');
  assert.equal(states(report, 'global')['identity/long-term-api-keys'], 'error: Throttled');
  assert.deepEqual(report.summary, { pass: 17, warning: 0, fail: 0, notApplicable: 0, error: 2 });
  assert.equal(count('bedrock:ListGuardrails'), 3, 'two throttled attempts, then the answer');
  assert.equal(count('cloudwatch:DescribeAlarms'), 3, 'maxAttempts attempts');
  assertReadOnly();
});

test('malformed responses: broken JSON and XML and wrong shapes are "Malformed response", never a crash', async () => {
  const report = await run('malformed');
  const s = states(report);
  for (const id of ['logging/invocation-logging', 'logging/text-delivery', 'logging/destinations', 'logging/log-group-protection', 'logging/cloudtrail-trail', 'logging/cloudtrail-bedrock-data-events', 'network/vpc-endpoints', 'monitoring/bedrock-alarms']) {
    assert.equal(s[id], 'error: Malformed response', id);
  }
  assert.equal(states(report, 'global')['identity/bedrock-full-access'], 'error: Malformed response');
  assert.equal(result(report, 'logging/cloudtrail-trail').reason, 'cloudtrail:DescribeTrails returned a malformed response (trailList is not a list); the result cannot be trusted, so the check was not run.');
  assert.match(result(report, 'network/vpc-endpoints').reason!, /^ec2:DescribeVpcEndpoints in us-east-1 returned a response that could not be read \(.+\)\.$/);
  assert.match(s['guardrails/exists'], /^pass: /);
  assert.deepEqual(report.summary, { pass: 8, warning: 0, fail: 0, notApplicable: 0, error: 11 });
  assertReadOnly();
});

test('a slow answer times out (after the retries) and only its checks say so', async () => {
  const report = await run('slow', { timeoutMs: 300, maxAttempts: 2 });
  const s = states(report);
  assert.equal(s['logging/cloudtrail-trail'], 'error: Timed out');
  assert.equal(s['logging/cloudtrail-bedrock-data-events'], 'error: Timed out');
  assert.equal(result(report, 'logging/cloudtrail-trail').reason, 'cloudtrail:DescribeTrails in us-east-1 got no answer within 0.3 s after 2 attempts.');
  assert.deepEqual(report.summary, { pass: 17, warning: 0, fail: 0, notApplicable: 0, error: 2 });
  assert.equal(count('cloudtrail:DescribeTrails'), 2);
});

test('expired and rejected credentials and dropped connections are named, with aws sso login for a profile', async () => {
  const scenario: Scenario = {
    ...loadScenario('hardened'),
    pageSize: 0,
    faults: [
      { operation: 'bedrock:ListGuardrails', kind: 'expired-token' },
      { operation: 'ec2:DescribeVpcEndpoints', kind: 'unrecognized-client' },
      { operation: 'logs:DescribeLogGroups', kind: 'reset' },
    ],
  };
  const report = await run(scenario, { profile: 'dev' });
  assert.equal(result(report, 'guardrails/exists').summary, 'Credentials expired');
  assert.equal(result(report, 'guardrails/exists').reason, 'The credentials expired during bedrock:ListGuardrails (ExpiredTokenException): run `aws sso login --profile dev` (SSO) or refresh the credentials of profile dev, then refresh.');
  assert.equal(report.profile, 'dev');
  assert.equal(result(report, 'network/vpc-endpoints').reason, 'ec2:DescribeVpcEndpoints in us-east-1 rejected the credentials (AuthFailure): the keys may be invalid, or the Region is not enabled for this account.');
  assert.equal(result(report, 'logging/log-group-protection').summary, 'Connection dropped');
  assert.match(result(report, 'logging/log-group-protection').reason!, /^The connection for logs:DescribeLogGroups in us-east-1 was closed before an answer \(ECONNRESET\) after 2 attempts\.$/);
  assert.equal(result(report, 'monitoring/bedrock-alarms').state, 'pass');
});

test('several Regions: each has its own results and calls; a Region without Bedrock is not applicable and never called; IAM runs once', async () => {
  const report = await run('hardened', { regions: ['us-east-1', 'eu-west-1', 'ap-nowhere-1'] }, ['ap-nowhere-1']);
  assert.deepEqual(report.regions.map((r) => r.region), ['us-east-1', 'eu-west-1', 'ap-nowhere-1', 'global']);
  assert.equal(states(report)['guardrails/exists'], 'pass: 2 guardrails ready');
  assert.equal(states(report, 'eu-west-1')['guardrails/exists'], 'fail: No guardrails', 'eu-west-1 is empty in the scenario');
  const none = report.regions[2].results;
  assert.equal(none.length, 17);
  assert.ok(none.every((r) => r.state === 'not-applicable' && r.summary === 'Amazon Bedrock is not offered in ap-nowhere-1'));
  assert.deepEqual(none[0].evidence, [{ label: 'Endpoint', value: 'bedrock.ap-nowhere-1.amazonaws.com (no DNS record)' }]);
  assert.equal(count('cloudtrail:DescribeTrails', 'ap-nowhere-1'), 0);
  assert.equal(fake.calls.filter((c) => c.region === 'ap-nowhere-1').length, 0);
  assert.equal(count('cloudtrail:DescribeTrails', 'eu-west-1'), 1);
  assert.equal(count('iam:ListEntitiesForPolicy'), 1);
  assert.equal(count('iam:ListServiceSpecificCredentials'), 1);
  assert.equal(report.summary.notApplicable, 17 + 10);
  assertReadOnly();
});

test('an unreachable endpoint: every check could not check, with the address, and the run still ends', async () => {
  const closed = await new FakeAws(loadScenario('hardened')).start();
  const url = closed.url;
  await closed.close();
  const report = await runPostureWith({ regions: ['us-east-1'], endpointUrl: url, credentials, maxAttempts: 2 }, deps());
  const results = report.regions.flatMap((r) => r.results);
  assert.equal(results.length, 19);
  assert.ok(results.every((r) => r.state === 'error' && r.summary === 'Endpoint unreachable'));
  assert.equal(result(report, 'guardrails/exists').reason, `Could not reach ${url.replace('http://', '')} for bedrock:ListGuardrails in us-east-1 (ECONNREFUSED) after 2 attempts.`);
});

test('the public runPosture works against an endpoint URL (no DNS probe) and signs Bedrock calls with SigV4 even when AWS_BEARER_TOKEN_BEDROCK is set', async () => {
  fake.use(loadScenario('hardened'));
  fake.calls.length = 0;
  process.env.AWS_BEARER_TOKEN_BEDROCK = 'bedrock-api-key-that-must-not-be-used';
  try {
    const report = await runPosture({ regions: ['us-east-1'], endpointUrl: fake.url, credentials });
    assert.equal(report.summary.pass, 19);
  } finally {
    delete process.env.AWS_BEARER_TOKEN_BEDROCK;
  }
  assertReadOnly();
});

test('temporary credentials: the session token is signed, and neither it nor the secret key reaches the log or the report', async () => {
  const messages: string[] = [];
  const token = 'SESSION-TOKEN-SECRET-VALUE';
  const report = await run('access-denied', {
    credentials: async () => ({ accessKeyId: TEST_CREDENTIALS.accessKeyId, secretAccessKey: TEST_CREDENTIALS.secretAccessKey, sessionToken: token }),
    logger: { info: (m) => messages.push(`info ${m}`), error: (m) => messages.push(`error ${m}`) },
  });
  assertReadOnly();
  assert.ok(messages.some((m) => /^info bedrock:GetModelInvocationLoggingConfiguration us-east-1: ok \(request id req-\d+\)$/.test(m)), messages.join('\n'));
  assert.ok(messages.some((m) => /^error ec2:DescribeVpcEndpoints us-east-1: UnauthorizedOperation \(HTTP 403\)$/.test(m)), messages.join('\n'));
  assert.ok(messages.some((m) => /^error iam:ListEntitiesForPolicy us-east-1: AccessDenied \(HTTP 403\) \(request id req-\d+\)$/.test(m)));
  const everything = JSON.stringify(report) + messages.join('\n');
  for (const secret of [token, TEST_CREDENTIALS.secretAccessKey]) assert.ok(!everything.includes(secret), 'no secret in the log or the report');
  assert.equal(report.accountId, undefined, 'no account id without one from the credentials');
});

test('cancelling stops the run promptly: in-flight calls are aborted and it rejects with AbortError', { timeout: 20_000 }, async () => {
  fake.use(loadScenario('slow'));
  fake.calls.length = 0;
  const controller = new AbortController();
  fake.onCall((c) => {
    if (c.operation === 'cloudtrail:DescribeTrails') controller.abort();
  });
  // The slow answer takes a minute and the request timeout is 30 s, beyond this test's 20 s
  // limit: only the abort can end the run in time.
  await assert.rejects(runPostureWith({ regions: ['us-east-1'], endpointUrl: fake.url, credentials, timeoutMs: 30_000, signal: controller.signal }, deps()), { name: 'AbortError' });
  const callsAtAbort = fake.calls.length;
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(fake.calls.length, callsAtAbort, 'nothing is sent after the abort');
});

test('an already-cancelled signal rejects before any call', async () => {
  fake.calls.length = 0;
  const controller = new AbortController();
  controller.abort();
  await assert.rejects(runPostureWith({ regions: ['us-east-1'], endpointUrl: fake.url, credentials, signal: controller.signal }, deps()), { name: 'AbortError' });
  assert.equal(fake.calls.length, 0);
});

test('setup problems reject with PostureSetupError and a one-line message', async () => {
  const noCredentials = async (): Promise<AwsCredentialIdentity> => {
    throw Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' });
  };
  const expect = async (opts: Partial<PostureOptions>, kind: string, message: string) => {
    await assert.rejects(runPostureWith({ regions: ['us-east-1'], endpointUrl: fake.url, credentials, ...opts }, deps()), (e: unknown) => {
      assert.ok(e instanceof PostureSetupError);
      assert.equal(e.kind, kind);
      assert.equal(e.message, message);
      return true;
    });
  };
  fake.calls.length = 0;
  await expect({ credentials: noCredentials }, 'no-credentials', 'No AWS credentials found: choose a profile (--profile or AWS_PROFILE), set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or run `aws configure`');
  await expect({ regions: [] }, 'options', 'No Region to check: choose at least one Region');
  await expect({ regions: ['us-east-1', 'mars'] }, 'options', '"mars" is not an AWS Region name (such as us-east-1)');
  await expect({ endpointUrl: 'ftp://example.com' }, 'options', 'The endpoint URL "ftp://example.com" must start with http:// or https://');
  await expect({ maxAttempts: 0 }, 'options', 'The number of attempts must be a positive integer');
  assert.equal(fake.calls.length, 0, 'nothing is called when the run cannot start');
});
