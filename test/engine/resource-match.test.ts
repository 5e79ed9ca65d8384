// Part-by-part matching of policy ARNs against the resource types of the IAM data.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { arnNamesType, typesNamedBy } from '../../server/src/engine/iam/resource-match';
import { linter } from '../helpers';

const iam = linter.iam;
const keys = (arn: string) => typesNamedBy(iam, arn).map((rt) => rt.key);
const bedrock = (key: string) => iam.resourceType('bedrock', key)!;

test('a wildcard stays in its part: a Region * does not swallow the account', () => {
  assert.equal(arnNamesType('arn:aws:bedrock:*:111122223333:foundation-model/*', bedrock('foundation-model')), false);
  assert.equal(arnNamesType('arn:aws:bedrock:*::foundation-model/*', bedrock('foundation-model')), true);
  assert.deepEqual(keys('arn:aws:bedrock:*::foundation-model/*'), ['foundation-model']);
});

test('an empty Region or account stands for an AWS-owned or Region-less resource', () => {
  assert.equal(arnNamesType('arn:aws:bedrock:::foundation-model/anthropic.claude-sonnet-4-5-20250929-v1:0', bedrock('foundation-model')), true);
  assert.deepEqual(keys('arn:aws:ssm:us-east-1::document/AWS-RunShellScript'), ['document']);
});

test('the resource part keeps full wildcard semantics and policy variables', () => {
  assert.deepEqual(keys('arn:aws:bedrock:us-east-1:111122223333:agent-alias/A1/*'), ['agent-alias']);
  assert.equal(arnNamesType('arn:aws:bedrock:us-east-1:111122223333:agent-alias/A1', bedrock('agent-alias')), false);
  assert.deepEqual(keys('arn:aws:iam::${aws:PrincipalAccount}:role/app-*'), ['role']);
});

test('an S3 ARN with a slash names objects, never the bucket', () => {
  assert.deepEqual(keys('arn:aws:s3:::reports/*'), ['object']);
  assert.deepEqual(keys('arn:aws:s3:::reports').includes('bucket'), true);
  assert.deepEqual(keys('arn:aws:s3:::home/${aws:username}').includes('bucket'), false);
});

test('codestar-connections and codeconnections ARNs name the same connections', () => {
  const rt = [...iam.service('codeconnections')!.resourceTypes.values()].find((t) => t.key.toLowerCase() === 'connection')!;
  assert.equal(arnNamesType('arn:aws:codestar-connections:us-east-1:111122223333:connection/abc', rt), true);
});

test('relaxed matching ignores the Region and account, to explain a mismatch', () => {
  const arn = 'arn:aws:bedrock:us-east-1:111122223333:foundation-model/x';
  assert.equal(arnNamesType(arn, bedrock('foundation-model')), false);
  assert.equal(arnNamesType(arn, bedrock('foundation-model'), { anyRegion: true, anyAccount: true }), true);
});

test('ARNs that cannot be read or whose service is a wildcard name no type', () => {
  assert.deepEqual(keys('arn:aws:bedrock'), []);
  assert.deepEqual(keys('arn:aws:*:*:*:*'), []);
  assert.deepEqual(keys('arn:aws:nosuchservice:us-east-1:111122223333:x/y'), []);
});
