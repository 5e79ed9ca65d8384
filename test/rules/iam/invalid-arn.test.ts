import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultSettings } from '../../../server/src/engine/settings';
import { applyFix, expectClean, expectFindings, fixesOf, linter } from '../../helpers';

const ID = 'iam/invalid-arn';
const wrap = (resources: string, action = '"bedrock:InvokeModel"', key = 'Resource') =>
  `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ${action}, "${key}": ${resources}}]}`;
const SIX_PARTS = 'an ARN has six parts: arn:partition:service:region:account-id:resource';

test('a foundation-model ARN with an account ID is explained and fixed by emptying the account', () => {
  const arn = 'arn:aws:bedrock:us-east-1:111122223333:foundation-model/anthropic.claude-3-haiku-20240307-v1:0';
  expectFindings(ID, wrap(`⟦"${arn}"⟧`), [
    `Foundation-model ARNs have no account ID: foundation models are owned by AWS, so the account field must be empty ("arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0"). "${arn}" matches no foundation model.`,
  ]);
  assert.equal(fixesOf(ID, wrap(`"${arn}"`))[0].isPreferred, true);
  assert.equal(applyFix(ID, wrap(`"${arn}"`)), wrap('"arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0"'));
});

test('a wildcard Region does not let an account ID reach into the resource part', () => {
  expectFindings(ID, wrap('[⟦"arn:aws:bedrock:*:111122223333:foundation-model/*"⟧]'), [/^Foundation-model ARNs have no account ID/]);
  assert.equal(applyFix(ID, wrap('["arn:aws:bedrock:*:111122223333:foundation-model/*"]')), wrap('["arn:aws:bedrock:*::foundation-model/*"]'));
});

test('foundation-model ARNs with or without a Region, other Bedrock ARNs and short ARNs ending in * are valid', () => {
  expectClean(
    ID,
    wrap(
      '["arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-pro-v1:0", "arn:aws:bedrock:::foundation-model/anthropic.claude-sonnet-4-5-20250929-v1:0", "arn:aws:bedrock:*::foundation-model/*", "arn:aws:bedrock:us-east-1:111122223333:inference-profile/global.anthropic.claude-sonnet-4-5-20250929-v1:0", "arn:aws:bedrock:eu-west-1:111122223333:guardrail/abc123", "arn:aws:bedrock:us-east-1:111122223333:agent-alias/AGENT1/ALIAS1", "arn:aws:bedrock:*:${aws:PrincipalAccount}:application-inference-profile/*", "arn:aws:bedrock:*", "arn:aws:bedrock:us-east-1:*"]',
    ),
  );
});

test('entries IAM rejects are reported with the reason, whatever their service', () => {
  expectFindings(ID, wrap('[⟦"my-bucket"⟧, ⟦"arn:aws2:s3:::b"⟧, ⟦"arn:aws"⟧, ⟦"arn:aws::fdsasf"⟧, ⟦"arn:aws:s3::example-bucket"⟧, ⟦"s3:::b"⟧]', '"*"'), [
    `"my-bucket" is not a valid ARN: ${SIX_PARTS}.`,
    '"arn:aws2:s3:::b" is not a valid ARN: "aws2" is not an AWS partition.',
    '"arn:aws" is not a valid ARN: the service part is empty.',
    '"arn:aws::fdsasf" is not a valid ARN: the service part is empty.',
    `"arn:aws:s3::example-bucket" is not a valid ARN: ${SIX_PARTS}.`,
    `"s3:::b" is not a valid ARN: ${SIX_PARTS}.`,
  ]);
  assert.deepEqual(fixesOf(ID, wrap('"my-bucket"')), []);
});

test('an IAM ARN with a Region is rejected by IAM and fixed by emptying the Region', () => {
  const text = wrap('⟦"arn:aws:iam:us-east-1:111122223333:role/app"⟧', '"iam:GetRole"');
  expectFindings(ID, text, [
    '"arn:aws:iam:us-east-1:111122223333:role/app" is not a valid ARN: IAM resources are global, so their ARNs have no Region. Did you mean "arn:aws:iam::111122223333:role/app"?',
  ]);
  assert.equal(applyFix(ID, wrap('"arn:aws:iam:us-east-1:111122223333:role/app"', '"iam:GetRole"')), wrap('"arn:aws:iam::111122223333:role/app"', '"iam:GetRole"'));
  expectClean(ID, wrap('"arn:aws:iam:*:111122223333:role/app"', '"iam:GetRole"'));
});

test('a malformed Bedrock ARN that IAM accepts is still an error', () => {
  expectFindings(ID, wrap('[⟦"arn:aws:bedrock"⟧, ⟦"arn:aws:bedrock:us-east-1:12345:guardrail/x"⟧, ⟦"arn:aws:bedrock:us-east-1:111122223333:"⟧]'), [
    `"arn:aws:bedrock" is not a valid ARN: ${SIX_PARTS}.`,
    '"arn:aws:bedrock:us-east-1:12345:guardrail/x" is not a valid ARN: "12345" is not a 12-digit account id.',
    '"arn:aws:bedrock:us-east-1:111122223333:" is not a valid ARN: the resource part is empty.',
  ]);
});

test('a misspelled Bedrock resource type is reported and fixed', () => {
  expectFindings(ID, wrap('⟦"arn:aws:bedrock:us-east-1:111122223333:guardrails/abc"⟧'), [
    '"arn:aws:bedrock:us-east-1:111122223333:guardrails/abc" names no resource: no bedrock resource type is called "guardrails". Did you mean "arn:aws:bedrock:us-east-1:111122223333:guardrail/abc"?',
  ]);
  assert.equal(applyFix(ID, wrap('"arn:aws:bedrock:us-east-1:111122223333:guardrails/abc"')), wrap('"arn:aws:bedrock:us-east-1:111122223333:guardrail/abc"'));
});

test('a Bedrock ARN whose service differs in case is fixed', () => {
  expectFindings(ID, wrap('⟦"arn:aws:Bedrock:us-east-1::foundation-model/x"⟧'), [
    'ARN service names are lower-case: "arn:aws:Bedrock:us-east-1::foundation-model/x" matches no resource. Did you mean "arn:aws:bedrock:us-east-1::foundation-model/x"?',
  ]);
  assert.equal(applyFix(ID, wrap('"arn:aws:Bedrock:us-east-1::foundation-model/x"')), wrap('"arn:aws:bedrock:us-east-1::foundation-model/x"'));
});

test('a guardrail or inference-profile ARN without its account or Region names no resource', () => {
  expectFindings(ID, wrap('[⟦"arn:aws:bedrock:us-east-1::guardrail/abc"⟧, ⟦"arn:aws:bedrock::111122223333:guardrail/abc"⟧, ⟦"arn:aws:bedrock:us-east-1::inference-profile/us.amazon.nova-pro-v1:0"⟧]'), [
    'bedrock guardrail ARNs have an account ID, so "arn:aws:bedrock:us-east-1::guardrail/abc" names no resource.',
    'bedrock guardrail ARNs have a Region, so "arn:aws:bedrock::111122223333:guardrail/abc" names no resource.',
    'bedrock inference-profile ARNs have an account ID, so "arn:aws:bedrock:us-east-1::inference-profile/us.amazon.nova-pro-v1:0" names no resource.',
  ]);
  assert.deepEqual(fixesOf(ID, wrap('"arn:aws:bedrock:us-east-1::guardrail/abc"')), []);
});

test('a Bedrock ARN of no known resource type is reported without a fix', () => {
  expectFindings(ID, wrap('⟦"arn:aws:bedrock:us-east-1:111122223333:model/claude"⟧'), ['"arn:aws:bedrock:us-east-1:111122223333:model/claude" names no resource type of bedrock.']);
  assert.deepEqual(fixesOf(ID, wrap('"arn:aws:bedrock:us-east-1:111122223333:model/claude"')), []);
});

test('a service misspelled for bedrock is fixed when the corrected ARN names a resource', () => {
  expectFindings(ID, wrap('⟦"arn:aws:bedrok:us-east-1::foundation-model/x"⟧'), [
    '"bedrok" is not an AWS service, so "arn:aws:bedrok:us-east-1::foundation-model/x" names no resource. Did you mean "arn:aws:bedrock:us-east-1::foundation-model/x"?',
  ]);
  assert.equal(applyFix(ID, wrap('"arn:aws:bedrok:us-east-1::foundation-model/x"')), wrap('"arn:aws:bedrock:us-east-1::foundation-model/x"'));
});

test('ARNs of other services that IAM accepts are not errors, even when they name nothing', () => {
  expectClean(
    ID,
    wrap(
      '["*", "arn:aws:iam::*:root", "arn:aws:ssm:us-east-1::document/AWS-RunShellScript", "arn:aws:cloudformation:us-east-1:aws:transform/Serverless-2016-10-31", "arn:aws:waf::111122223333:changetoken/x", "arn:aws:s3:::my-bucket/*", "arn:aws:s3:::home/${aws:username}/*", "arn:aws:iam::${aws:PrincipalAccount}:role/app", "arn:aws:*:*:*:*", "arn:aws:deepracer:*:*:model/*", "arn:aws:codestar-connections:us-east-1:111122223333:connection/abc", "${aws:SourceArn}", "arn:aws:s3:::", "arn:aws:organizations::*:", "arn:aws:states:*:*:statemachine:*", "arn:aws:cloudformation:*:*:stack/app", "arn:aws:sqs:us-east-1:12345:queue", "arn:aws:fdsasf", "arn:aws:S3:::b", "arn:aws:s33:::b"]',
      '"*"',
    ),
  );
});

test('NotResource entries are checked; ARNs in Condition values are not', () => {
  expectFindings(ID, wrap('⟦"arn:aws:bedrock:us-east-1:111122223333:foundation-model/x"⟧', '"bedrock:InvokeModel"', 'NotResource'), [/^Foundation-model ARNs have no account ID/]);
  expectClean(
    ID,
    '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "bedrock:InvokeModel", "Resource": "*", "Condition": {"ArnLike": {"bedrock:InferenceProfileArn": "arn:aws:bedrock:us-east-1:111122223333:foundation-model/x"}}}]}',
  );
});

test('a finding whose entry has changed since offers no fix', () => {
  const settings = defaultSettings();
  const text = wrap('"arn:aws:bedrock:us-east-1:111122223333:guardrails/abc"');
  const edited = wrap('"arn:aws:bedrock:us-east-1:111122223333:guardrail/abc"');
  const finding = linter.lintJson(text, { path: 'p.json', settings }).findings.find((f) => f.ruleId === ID)!;
  const policy = linter.lintJson(edited, { path: 'p.json', settings }).policy!;
  assert.deepEqual(linter.fixesFor(policy, edited, settings, JSON.parse(JSON.stringify(finding))), []);
});
