// Part-by-part matching of policy ARNs against the resource types of the IAM data (iam/arn.ts),
// and the checks IAM itself applies to Resource entries.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { arnMatchesResourceType, arnSyntaxProblem, iamArnRejection, readPolicyArn, resourceTypesForArn } from '../../server/src/engine/iam/arn';
import { linter } from '../helpers';

const iam = linter.iam;
const keys = (arn: string) => resourceTypesForArn(iam, arn).map((rt) => rt.key);
const bedrock = (key: string) => iam.resourceType('bedrock', key)!;

test('a wildcard stays in its part: a Region * does not swallow the account', () => {
  assert.equal(arnMatchesResourceType('arn:aws:bedrock:*:111122223333:foundation-model/*', bedrock('foundation-model')), false);
  assert.equal(arnMatchesResourceType('arn:aws:bedrock:*::foundation-model/*', bedrock('foundation-model')), true);
  assert.deepEqual(keys('arn:aws:bedrock:*::foundation-model/*'), ['foundation-model']);
});

test('an empty Region or account stands for an AWS-owned resource only where AWS leaves it empty', () => {
  assert.equal(arnMatchesResourceType('arn:aws:bedrock:::foundation-model/anthropic.claude-sonnet-4-5-20250929-v1:0', bedrock('foundation-model')), true);
  assert.deepEqual(keys('arn:aws:ssm:us-east-1::document/AWS-RunShellScript'), ['document']);
  assert.deepEqual(keys('arn:aws:ssm:*::parameter/aws/service/*'), ['parameter']);
  assert.deepEqual(keys('arn:aws:ssm:*::automation-definition/AWS-*:*'), ['automation-definition']);
  // Guardrails and inference profiles are the account's own: an empty account or Region names none.
  assert.deepEqual(keys('arn:aws:bedrock:us-east-1::guardrail/abc'), []);
  assert.deepEqual(keys('arn:aws:bedrock::111122223333:guardrail/abc'), []);
  assert.deepEqual(keys('arn:aws:bedrock:us-east-1::inference-profile/us.anthropic.claude-3-5-haiku-20241022-v1:0'), []);
  assert.deepEqual(keys('arn:aws:kms:*::*'), []);
  assert.equal(arnMatchesResourceType('arn::bedrock:us-east-1::foundation-model/x', bedrock('foundation-model')), false);
});

test('the resource part keeps full wildcard semantics and policy variables', () => {
  assert.deepEqual(keys('arn:aws:bedrock:us-east-1:111122223333:agent-alias/A1/*'), ['agent-alias']);
  assert.equal(arnMatchesResourceType('arn:aws:bedrock:us-east-1:111122223333:agent-alias/A1', bedrock('agent-alias')), false);
  assert.deepEqual(keys('arn:aws:iam::${aws:PrincipalAccount}:role/app-*'), ['role']);
});

test('an S3 ARN with a slash names objects, never the bucket', () => {
  assert.deepEqual(keys('arn:aws:s3:::reports/*'), ['object']);
  assert.deepEqual(keys('arn:aws:s3:::reports').includes('bucket'), true);
  assert.deepEqual(keys('arn:aws:s3:::home/${aws:username}').includes('bucket'), false);
});

test('codestar-connections and codeconnections ARNs name the same connections', () => {
  const rt = [...iam.service('codeconnections')!.resourceTypes.values()].find((t) => t.key.toLowerCase() === 'connection')!;
  assert.equal(arnMatchesResourceType('arn:aws:codestar-connections:us-east-1:111122223333:connection/abc', rt), true);
});

test('relaxed matching ignores the Region and account, to explain a mismatch', () => {
  const arn = 'arn:aws:bedrock:us-east-1:111122223333:foundation-model/x';
  assert.equal(arnMatchesResourceType(arn, bedrock('foundation-model')), false);
  assert.equal(arnMatchesResourceType(arn, bedrock('foundation-model'), { anyRegion: true, anyAccount: true }), true);
  assert.equal(arnMatchesResourceType('arn:aws:bedrock:us-east-1::guardrail/x', bedrock('guardrail'), { anyAccount: true }), true);
});

test('ARNs that cannot be read, or whose service is a wildcard or differs in case, name no type', () => {
  assert.deepEqual(keys('arn:aws:bedrock'), []);
  assert.deepEqual(keys('arn:aws:*:*:*:*'), []);
  assert.deepEqual(keys('arn:aws:nosuchservice:us-east-1:111122223333:x/y'), []);
  assert.deepEqual(keys('arn:aws:Bedrock:*::foundation-model/*'), []);
  assert.deepEqual(keys('not an arn'), []);
});

test('an ARN of fewer than six parts ending in * reaches every resource its * can run on to', () => {
  assert.deepEqual(readPolicyArn('arn:aws:bedrock:*'), { partition: 'aws', service: 'bedrock', region: '*', account: '*', resource: '*' });
  assert.deepEqual(readPolicyArn('arn:aws:bedrock:us-east-1:1111222233*'), { partition: 'aws', service: 'bedrock', region: 'us-east-1', account: '1111222233*', resource: '*' });
  assert.equal(readPolicyArn('arn:aws:bedrock'), undefined);
  assert.equal(readPolicyArn('bedrock:*'), undefined);
  assert.deepEqual(keys('arn:aws:bedrock:*'), keys('arn:aws:bedrock:*:*:*'));
  assert.ok(keys('arn:aws:bedrock:*').includes('foundation-model'));
  assert.equal(arnMatchesResourceType('arn:*', bedrock('foundation-model')), true);
  assert.equal(arnMatchesResourceType('arn:aws:s3:*', bedrock('foundation-model')), false);
  assert.equal(arnSyntaxProblem('arn:aws:bedrock:*'), undefined);
  assert.equal(arnSyntaxProblem('arn:aws:bedrock:*:1x*'), '"1x*" is not a 12-digit account id');
});

test('iamArnRejection: what IAM refuses to save, and what it accepts although it names nothing', () => {
  const cases: [string, string | undefined][] = [
    ['my-bucket', 'an ARN has six parts: arn:partition:service:region:account-id:resource'],
    ['', 'an ARN has six parts: arn:partition:service:region:account-id:resource'],
    ['arn:aws2:s3:::b', '"aws2" is not an AWS partition'],
    ['arn::s3:::b', '"" is not an AWS partition'],
    ['arn:aws', 'the service part is empty'],
    ['arn:aws::fdsasf', 'the service part is empty'],
    ['arn:aws:s3::example_bucket', 'an ARN has six parts: arn:partition:service:region:account-id:resource'],
    ['arn:aws:iam:us-east-1:111122223333:role/x', 'IAM resources are global, so their ARNs have no Region'],
    ['arn:aws:iam::111122223333:role/x', undefined],
    ['arn:aws:iam:*:111122223333:role/x', undefined],
    ['arn:aws:fdsasf', undefined],
    ['arn:aws:s3:::', undefined],
    ['arn:aws:organizations::*:', undefined],
    ['arn:aws:s3:us-east-1:12345:accesspoint/x', undefined],
    ['arn:*:ec2:*:*:instance/*', undefined],
    ['arn:aws-us-gov:s3:::b', undefined],
  ];
  for (const [arn, rejection] of cases) assert.equal(iamArnRejection(arn), rejection, arn);
});
