import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, expectClean, expectFindings, fixesOf } from '../../helpers';

const ID = 'iam/invalid-arn';
const wrap = (resources: string, action = '"bedrock:InvokeModel"', key = 'Resource') =>
  `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ${action}, "${key}": ${resources}}]}`;

test('a foundation-model ARN with an account ID is explained and fixed by emptying the account', () => {
  const arn = 'arn:aws:bedrock:us-east-1:111122223333:foundation-model/anthropic.claude-3-haiku-20240307-v1:0';
  expectFindings(ID, wrap(`⟦"${arn}"⟧`), [
    `Foundation-model ARNs have no account ID: foundation models are owned by AWS, so the account field must be empty ("arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0"). "${arn}" matches no foundation model.`,
  ]);
  assert.equal(applyFix(ID, wrap(`"${arn}"`)), wrap('"arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0"'));
});

test('a wildcard Region does not let an account ID reach into the resource part', () => {
  expectFindings(ID, wrap('[⟦"arn:aws:bedrock:*:111122223333:foundation-model/*"⟧]'), [/^Foundation-model ARNs have no account ID/]);
  assert.equal(applyFix(ID, wrap('["arn:aws:bedrock:*:111122223333:foundation-model/*"]')), wrap('["arn:aws:bedrock:*::foundation-model/*"]'));
});

test('foundation-model ARNs with or without a Region, and other Bedrock ARNs, are valid', () => {
  expectClean(
    ID,
    wrap(
      '["arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-pro-v1:0", "arn:aws:bedrock:::foundation-model/anthropic.claude-sonnet-4-5-20250929-v1:0", "arn:aws:bedrock:*::foundation-model/*", "arn:aws:bedrock:us-east-1:111122223333:inference-profile/global.anthropic.claude-sonnet-4-5-20250929-v1:0", "arn:aws:bedrock:eu-west-1:111122223333:guardrail/abc123", "arn:aws:bedrock:us-east-1:111122223333:agent-alias/AGENT1/ALIAS1", "arn:aws:bedrock:*:${aws:PrincipalAccount}:application-inference-profile/*"]',
    ),
  );
});

test('malformed ARNs are reported with the reason', () => {
  expectFindings(ID, wrap('[⟦"arn:aws:bedrock"⟧, ⟦"my-bucket"⟧, ⟦"arn:aws:s3:::"⟧, ⟦"arn:aws:bedrock:us-east-1:12345:guardrail/x"⟧, ⟦"arn:aws2:s3:::b"⟧]'), [
    '"arn:aws:bedrock" is not a valid ARN: an ARN has six parts: arn:partition:service:region:account-id:resource.',
    '"my-bucket" is not a valid ARN: an ARN has six parts: arn:partition:service:region:account-id:resource.',
    '"arn:aws:s3:::" is not a valid ARN: the resource part is empty.',
    '"arn:aws:bedrock:us-east-1:12345:guardrail/x" is not a valid ARN: "12345" is not a 12-digit account id.',
    '"arn:aws2:s3:::b" is not a valid ARN: "aws2" is not an AWS partition.',
  ]);
});

test('a misspelled resource type is reported and fixed', () => {
  expectFindings(ID, wrap('⟦"arn:aws:bedrock:us-east-1:111122223333:guardrails/abc"⟧'), [
    '"arn:aws:bedrock:us-east-1:111122223333:guardrails/abc" names no resource: no bedrock resource type is called "guardrails". Did you mean "arn:aws:bedrock:us-east-1:111122223333:guardrail/abc"?',
  ]);
  assert.equal(applyFix(ID, wrap('"arn:aws:bedrock:us-east-1:111122223333:guardrails/abc"')), wrap('"arn:aws:bedrock:us-east-1:111122223333:guardrail/abc"'));
});

test('ARNs are case-sensitive: a differently cased resource type or service is fixed', () => {
  assert.equal(
    applyFix(ID, wrap('"arn:aws:states:us-east-1:111122223333:statemachine:orders"', '"states:StartExecution"')),
    wrap('"arn:aws:states:us-east-1:111122223333:stateMachine:orders"', '"states:StartExecution"'),
  );
  expectFindings(ID, wrap('⟦"arn:aws:Bedrock:us-east-1::foundation-model/x"⟧'), [
    'ARN service names are lower-case: "arn:aws:Bedrock:us-east-1::foundation-model/x" matches no resource. Did you mean "arn:aws:bedrock:us-east-1::foundation-model/x"?',
  ]);
});

test('a Bedrock ARN of no known resource type is reported without a fix', () => {
  expectFindings(ID, wrap('⟦"arn:aws:bedrock:us-east-1:111122223333:model/claude"⟧'), ['"arn:aws:bedrock:us-east-1:111122223333:model/claude" names no resource type of bedrock.']);
  assert.deepEqual(fixesOf(ID, wrap('"arn:aws:bedrock:us-east-1:111122223333:model/claude"')), []);
});

test('a known resource type in the wrong shape names its ARN format', () => {
  expectFindings(ID, wrap('⟦"arn:aws:cloudformation:us-east-1:111122223333:stack/app"⟧', '"cloudformation:DescribeStacks"'), [
    '"arn:aws:cloudformation:us-east-1:111122223333:stack/app" does not have the form of a cloudformation stack ARN (arn:${Partition}:cloudformation:${Region}:${Account}:stack/${StackName}/${Id}), so it names no resource.',
  ]);
});

test('a misspelled service is fixed when the corrected ARN names a resource', () => {
  assert.equal(applyFix(ID, wrap('"arn:aws:bedrok:us-east-1::foundation-model/x"')), wrap('"arn:aws:bedrock:us-east-1::foundation-model/x"'));
});

test('AWS-owned and unusual ARNs that the data does not describe are not reported', () => {
  expectClean(
    ID,
    wrap(
      '["*", "arn:aws:iam::*:root", "arn:aws:ssm:us-east-1::document/AWS-RunShellScript", "arn:aws:cloudformation:us-east-1:aws:transform/Serverless-2016-10-31", "arn:aws:waf::111122223333:changetoken/x", "arn:aws:s3:::my-bucket/*", "arn:aws:s3:::home/${aws:username}/*", "arn:aws:iam::${aws:PrincipalAccount}:role/app", "arn:aws:*:*:*:*", "arn:aws:deepracer:*:*:model/*", "arn:aws:codestar-connections:us-east-1:111122223333:connection/abc", "${aws:SourceArn}"]',
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
