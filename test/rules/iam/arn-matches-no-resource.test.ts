import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, expectClean, expectFindings, fixesOf } from '../../helpers';

const ID = 'iam/arn-matches-no-resource';
const statement = (resources: string, action = '"*"', key = 'Resource', effect = 'Allow') => `{"Effect": "${effect}", "Action": ${action}, "${key}": ${resources}}`;
const wrap = (resources: string, action = '"*"', key = 'Resource', effect = 'Allow') => `{"Version": "2012-10-17", "Statement": [${statement(resources, action, key, effect)}]}`;
const GRANTS = 'As written, this entry grants nothing, unless the IAM data lags AWS.';

test('a resource type word in the wrong case is reported and fixed (the preferred fix)', () => {
  const arn = 'arn:aws:states:*:*:statemachine:*sagemaker*';
  expectFindings(ID, wrap(`[⟦"${arn}"⟧]`, '"states:StartExecution"'), [
    `"${arn}" matches no states resource type in the IAM data: ARNs are case-sensitive. Did you mean "arn:aws:states:*:*:stateMachine:*sagemaker*"? ${GRANTS}`,
  ]);
  const fixes = fixesOf(ID, wrap(`"${arn}"`, '"states:StartExecution"'));
  assert.deepEqual(fixes.map((f) => [f.title, f.isPreferred]), [['Change to "arn:aws:states:*:*:stateMachine:*sagemaker*"', true]]);
  assert.equal(applyFix(ID, wrap(`"${arn}"`, '"states:StartExecution"')), wrap('"arn:aws:states:*:*:stateMachine:*sagemaker*"', '"states:StartExecution"'));
  expectFindings(ID, wrap('⟦"arn:aws:quicksight:*:*:vpcconnection/*"⟧'), [
    `"arn:aws:quicksight:*:*:vpcconnection/*" matches no quicksight resource type in the IAM data: ARNs are case-sensitive. Did you mean "arn:aws:quicksight:*:*:vpcConnection/*"? ${GRANTS}`,
  ]);
});

test('a misspelled resource type word is reported with a fix that is offered, not preferred', () => {
  const text = wrap('⟦"arn:aws:sagemaker:*:*:endpointconfig/*"⟧');
  expectFindings(ID, text, [
    `"arn:aws:sagemaker:*:*:endpointconfig/*" matches no sagemaker resource type in the IAM data: none is called "endpointconfig". Did you mean "arn:aws:sagemaker:*:*:endpoint-config/*"? ${GRANTS}`,
  ]);
  const plain = wrap('"arn:aws:sagemaker:*:*:endpointconfig/*"');
  assert.deepEqual(fixesOf(ID, plain).map((f) => [f.title, f.isPreferred]), [['Change to "arn:aws:sagemaker:*:*:endpoint-config/*"', false]]);
  assert.equal(applyFix(ID, plain), wrap('"arn:aws:sagemaker:*:*:endpoint-config/*"'));
});

test('a known type word in another shape names the ARN format, without a fix', () => {
  const text = wrap(
    '[⟦"arn:aws:cloudformation:us-east-1:111122223333:stack/app"⟧, ⟦"arn:aws:elasticloadbalancing:*:*:listener/awseb-*"⟧, ⟦"arn:aws:pricingplanmanager::*:subscription:*"⟧]',
  );
  expectFindings(ID, text, [
    `"arn:aws:cloudformation:us-east-1:111122223333:stack/app" matches no cloudformation resource type in the IAM data: a stack ARN has the form arn:\${Partition}:cloudformation:\${Region}:\${Account}:stack/\${StackName}/\${Id}. ${GRANTS}`,
    `"arn:aws:elasticloadbalancing:*:*:listener/awseb-*" matches no elasticloadbalancing resource type in the IAM data: a listener/app ARN has the form arn:\${Partition}:elasticloadbalancing:\${Region}:\${Account}:listener/app/\${LoadBalancerName}/\${LoadBalancerId}/\${ListenerId}. ${GRANTS}`,
    `"arn:aws:pricingplanmanager::*:subscription:*" matches no pricingplanmanager resource type in the IAM data: a subscription ARN has the form arn:\${Partition}:pricingplanmanager::\${Account}:subscription/\${SubscriptionId}. ${GRANTS}`,
  ]);
  assert.deepEqual(fixesOf(ID, wrap('"arn:aws:cloudformation:us-east-1:111122223333:stack/app"')), []);
});

test('an empty resource part matches no resource type', () => {
  expectFindings(ID, wrap('[⟦"arn:aws:organizations::*:"⟧, ⟦"arn:aws:s3:::"⟧]'), [
    `"arn:aws:organizations::*:" matches no organizations resource type in the IAM data: its resource part is empty. ${GRANTS}`,
    `"arn:aws:s3:::" matches no s3 resource type in the IAM data: its resource part is empty. ${GRANTS}`,
  ]);
});

test('an account ID or Region where the type has none, or none where it has one, is explained', () => {
  expectFindings(ID, wrap('[⟦"arn:aws:s3::111122223333:my-bucket"⟧, ⟦"arn:aws:kms:*::*"⟧]'), [
    `"arn:aws:s3::111122223333:my-bucket" matches no s3 resource type in the IAM data: s3 bucket ARNs have no account ID. Did you mean "arn:aws:s3:::my-bucket"? ${GRANTS}`,
    `"arn:aws:kms:*::*" matches no kms resource type in the IAM data: kms alias ARNs have an account ID. ${GRANTS}`,
  ]);
  const plain = wrap('"arn:aws:s3::111122223333:my-bucket"');
  assert.equal(fixesOf(ID, plain)[0].isPreferred, false);
  assert.equal(applyFix(ID, plain), wrap('"arn:aws:s3:::my-bucket"'));
});

test('ARNs that cannot name anything are reported without the data caveat', () => {
  expectFindings(ID, wrap('[⟦"arn:aws:sqs:us-east-1:12345:queue"⟧, ⟦"arn:aws:s3:my-bucket"⟧]'), [
    '"arn:aws:sqs:us-east-1:12345:queue" names no resource: "12345" is not a 12-digit account id. As written, this entry grants nothing.',
    '"arn:aws:s3:my-bucket" names no resource: an ARN has six parts: arn:partition:service:region:account-id:resource. As written, this entry grants nothing.',
  ]);
});

test('a service in the wrong case is fixed (preferred); a misspelled service is offered a fix', () => {
  expectFindings(ID, wrap('[⟦"arn:aws:S3:::my-bucket"⟧, ⟦"arn:aws:s33:::my-bucket"⟧]'), [
    'ARN service names are lower-case: "arn:aws:S3:::my-bucket" matches no resource. Did you mean "arn:aws:s3:::my-bucket"? As written, this entry grants nothing.',
    `"s33" is not an AWS service, so "arn:aws:s33:::my-bucket" names no resource. Did you mean "arn:aws:s3:::my-bucket"? ${GRANTS}`,
  ]);
  assert.equal(fixesOf(ID, wrap('"arn:aws:S3:::my-bucket"'))[0].isPreferred, true);
  assert.equal(fixesOf(ID, wrap('"arn:aws:s33:::my-bucket"'))[0].isPreferred, false);
  assert.equal(applyFix(ID, wrap('"arn:aws:s33:::my-bucket"')), wrap('"arn:aws:s3:::my-bucket"'));
});

test('the message says what the entry fails to do: grant, deny or exclude', () => {
  const arn = 'arn:aws:states:us-east-1:111122223333:statemachine:orders';
  const text = `{"Version": "2012-10-17", "Statement": [${statement(`⟦"${arn}"⟧`, '"states:*"', 'Resource', 'Deny')}, ${statement(`⟦"${arn}"⟧`, '"states:*"', 'NotResource', 'Deny')}]}`;
  const ending = / As written, this entry (\w+) nothing, unless the IAM data lags AWS\.$/;
  const found = expectFindings(ID, text);
  assert.deepEqual(
    found.map((f) => ending.exec(f.message)?.[1]),
    ['denies', 'excludes'],
  );
});

test('well-formed ARNs, unknown type words of other services and Bedrock ARNs are not reported', () => {
  expectClean(
    ID,
    wrap(
      '["*", "arn:aws:states:us-east-1:111122223333:stateMachine:orders", "arn:aws:iam::*:root", "arn:aws:ssm:us-east-1::document/AWS-RunShellScript", "arn:aws:ssm:*::parameter/aws/service/*", "arn:aws:cloudformation:us-east-1:aws:transform/Serverless-2016-10-31", "arn:aws:waf::111122223333:changetoken/x", "arn:aws:aps:*:*:/workspaces", "arn:aws:s3:::my-bucket/*", "arn:aws:*:*:*:*", "arn:aws:s3:*", "arn:aws:deepracer:*:*:model/*", "arn:aws:codestar-connections:us-east-1:111122223333:connection/abc", "arn:aws:bedrock:us-east-1:111122223333:foundation-model/x", "arn:aws:bedrock:us-east-1:111122223333:guardrails/abc", "arn:aws:bedrock", "my-bucket", "arn:aws:iam:us-east-1:111122223333:role/app"]',
    ),
  );
});
