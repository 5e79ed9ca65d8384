// How failures are classified, from the shapes of the errors the SDK v3 clients throw: each
// kind gets its summary and a reason that names the call and what to do; the DNS failure of
// Bedrock's own regional endpoint means "not offered", any other host's means "unreachable".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyFailure, PostureSetupError } from '../../server/src/posture/errors';
import { credentialSetupError } from '../../server/src/posture/credentials';
import { MalformedResponseError } from '../../server/src/posture/datasets';
import { dnsBedrockOffered } from '../../server/src/posture/run';

const ctx = { region: 'eu-west-1', timeoutMs: 15_000 };
const sdkError = (name: string, status?: number, extra: object = {}) => Object.assign(new Error(`${name} message`), { name, $fault: 'client', $metadata: { httpStatusCode: status, attempts: 4 }, ...extra });

function classify(call: string, e: unknown, profile?: string): string {
  const c = classifyFailure(call, e, { ...ctx, profile });
  return `${c.state} | ${c.summary} | ${c.reason}`;
}

test('AWS error names and statuses map to their kind', () => {
  assert.equal(
    classify('bedrock:GetGuardrail', sdkError('AccessDeniedException', 403)),
    'error | Access denied: bedrock:GetGuardrail | Access denied to bedrock:GetGuardrail in eu-west-1 (AccessDeniedException). Allow bedrock:GetGuardrail for these credentials (the read-only policy of the posture checks lists every action they need), or use a profile that has it.',
  );
  assert.match(classify('logs:DescribeLogGroups', sdkError('SomeNewDenial', 403)), /^error \| Access denied: logs:DescribeLogGroups \| /);
  assert.equal(classify('bedrock:ListGuardrails', sdkError('ExpiredTokenException', 403)), 'error | Credentials expired | The credentials expired during bedrock:ListGuardrails (ExpiredTokenException): refresh the credentials (for an SSO profile: `aws sso login --profile <name>`), then refresh.');
  assert.match(classify('bedrock:ListGuardrails', sdkError('ExpiredToken', 400), 'dev'), /run `aws sso login --profile dev` \(SSO\)/);
  assert.equal(classify('ec2:DescribeVpcEndpoints', sdkError('AuthFailure', 401)), 'error | Credentials rejected | ec2:DescribeVpcEndpoints in eu-west-1 rejected the credentials (AuthFailure): the keys may be invalid, or the Region is not enabled for this account.');
  assert.equal(classify('cloudwatch:DescribeAlarms', sdkError('Throttling', 400)), 'error | Throttled | AWS throttled cloudwatch:DescribeAlarms in eu-west-1 (Throttling) after 4 attempts. Refresh later.');
  assert.match(classify('bedrock:ListGuardrails', sdkError('SlowDownPlease', 429)), /^error \| Throttled \| /);
  assert.equal(classify('iam:ListEntitiesForPolicy', sdkError('ServiceFailure', 500)), 'error | ServiceFailure | iam:ListEntitiesForPolicy in eu-west-1 failed (HTTP 500, ServiceFailure): ServiceFailure message');
  assert.equal(classifyFailure('iam:ListEntitiesForPolicy', sdkError('AccessDenied', 403), { ...ctx, region: 'global' }).reason?.startsWith('Access denied to iam:ListEntitiesForPolicy (AccessDenied).'), true);
});

test('network failures: refused, dropped (the SDK calls it TimeoutError), timed out, DNS', () => {
  const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED', address: '127.0.0.1', port: 9, $metadata: { attempts: 2 } });
  assert.equal(classify('bedrock:ListGuardrails', refused), 'error | Endpoint unreachable | Could not reach 127.0.0.1:9 for bedrock:ListGuardrails in eu-west-1 (ECONNREFUSED) after 2 attempts.');
  const hangUp = Object.assign(new Error('socket hang up'), { name: 'TimeoutError', code: 'ECONNRESET', $metadata: { attempts: 1 } });
  assert.equal(classify('logs:DescribeLogGroups', hangUp), 'error | Connection dropped | The connection for logs:DescribeLogGroups in eu-west-1 was closed before an answer (ECONNRESET).');
  const timeout = Object.assign(new Error('Request timed out'), { name: 'TimeoutError', code: 'ETIMEDOUT', $metadata: { attempts: 3 } });
  assert.equal(classify('cloudtrail:DescribeTrails', timeout), 'error | Timed out | cloudtrail:DescribeTrails in eu-west-1 got no answer within 15 s after 3 attempts.');
  const dns = (hostname: string) => Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND', hostname });
  assert.equal(classify('bedrock:ListGuardrails', dns('bedrock.eu-west-1.amazonaws.com')), 'not-applicable | Amazon Bedrock is not offered in eu-west-1 | bedrock.eu-west-1.amazonaws.com has no DNS record.');
  assert.equal(classify('bedrock:ListGuardrails', dns('proxy.internal')), 'error | Endpoint unreachable | Could not reach proxy.internal for bedrock:ListGuardrails in eu-west-1 (ENOTFOUND).');
});

test('unreadable answers are "Malformed response"; anything else still gets a reason', () => {
  assert.equal(classify('cloudtrail:DescribeTrails', new MalformedResponseError('cloudtrail:DescribeTrails', 'trailList is not a list')), 'error | Malformed response | cloudtrail:DescribeTrails returned a malformed response (trailList is not a list); the result cannot be trusted, so the check was not run.');
  const syntax = Object.assign(new SyntaxError('Unexpected end of JSON input'), { $metadata: { httpStatusCode: 200 } });
  assert.equal(classify('bedrock:GetModelInvocationLoggingConfiguration', syntax), 'error | Malformed response | bedrock:GetModelInvocationLoggingConfiguration in eu-west-1 returned a response that could not be read (Unexpected end of JSON input).');
  assert.equal(classify('ec2:DescribeVpcEndpoints', new Error('something odd\nwith a second line')), 'error | Could not check | ec2:DescribeVpcEndpoints in eu-west-1 failed: something odd');
  assert.equal(classify('ec2:DescribeVpcEndpoints', undefined), 'error | Could not check | ec2:DescribeVpcEndpoints in eu-west-1 failed: undefined');
});

test('credential provider failures map to setup errors', () => {
  const e = (message: string) => Object.assign(new Error(message), { name: 'CredentialsProviderError' });
  const sso = credentialSetupError(e("The SSO session associated with this profile is invalid. To refresh this SSO session run aws sso login with the corresponding profile."), 'dev');
  assert.ok(sso instanceof PostureSetupError);
  assert.deepEqual([sso.kind, sso.message], ['expired-sso', 'The SSO session for profile "dev" has expired or is not signed in: run `aws sso login --profile dev`']);
  assert.deepEqual([credentialSetupError(e('Could not load credentials from any providers')).kind], ['no-credentials']);
  const other = credentialSetupError(e('Profile dev requires a role_arn\nmore'), 'dev');
  assert.deepEqual([other.kind, other.message], ['credentials', 'Could not load AWS credentials for profile "dev": Profile dev requires a role_arn']);
});

test('the DNS probe is skipped with a custom endpoint (the endpoint answers for every Region)', async () => {
  assert.equal(await dnsBedrockOffered('eu-west-1', 'http://127.0.0.1:4566'), undefined);
});
