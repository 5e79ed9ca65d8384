import { test } from 'node:test';
import { expectClean, expectFindings } from '../../helpers';

const ID = 'iam/resource-type-mismatch';
const wrap = (action: string, resource: string, effect = 'Allow') =>
  `{"Version": "2012-10-17", "Statement": [{"Effect": "${effect}", "Action": ${action}, "Resource": ${resource}}]}`;

const MODEL = 'arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0';
const GUARDRAIL = 'arn:aws:bedrock:us-east-1:111122223333:guardrail/abc123';

test('an ARN that no action of the statement takes is reported on the ARN', () => {
  expectFindings(ID, wrap('"bedrock:InvokeModel"', `["${MODEL}", ⟦"${GUARDRAIL}"⟧]`), [
    `"${GUARDRAIL}" names a guardrail resource, which none of this statement's actions (bedrock:InvokeModel) takes: the statement grants nothing on it.`,
  ]);
});

test('the classic S3 and PassRole mistakes are reported', () => {
  expectFindings(ID, wrap('"s3:ListBucket"', '["arn:aws:s3:::reports", ⟦"arn:aws:s3:::reports/*"⟧]'), [
    '"arn:aws:s3:::reports/*" names an object resource, which none of this statement\'s actions (s3:ListBucket) takes: the statement grants nothing on it.',
  ]);
  expectFindings(ID, wrap('"s3:GetObject"', '[⟦"arn:aws:s3:::reports"⟧, "arn:aws:s3:::reports/*"]'), [/names a bucket resource/]);
  expectFindings(ID, wrap('"iam:PassRole"', '[⟦"arn:aws:iam::111122223333:instance-profile/app"⟧]'), [/names an instance-profile resource/]);
});

test('ARNs that some action takes are not reported', () => {
  expectClean(ID, wrap('["s3:GetObject", "s3:ListBucket"]', '["arn:aws:s3:::reports", "arn:aws:s3:::reports/*"]'));
  expectClean(ID, wrap('["bedrock:InvokeModel", "bedrock:ApplyGuardrail"]', `["${MODEL}", "${GUARDRAIL}"]`));
  expectClean(ID, wrap('"codestar-connections:UseConnection"', '["arn:aws:codeconnections:us-east-1:111122223333:connection/abc"]'));
});

test('a wildcard-only Bedrock action given only specific ARNs is reported on the action', () => {
  expectFindings(ID, wrap('["bedrock:InvokeModel", ⟦"bedrock:ListFoundationModels"⟧]', `["${MODEL}"]`), [
    '"bedrock:ListFoundationModels" takes no resource ARN (it is wildcard-only): it needs "Resource": "*", so this statement, which lists only specific ARNs, grants nothing for it.',
  ]);
  expectFindings(ID, wrap('[⟦"bedrock:PutModelInvocationLoggingConfiguration"⟧]', `["${GUARDRAIL}"]`, 'Deny'), [/so this statement, which lists only specific ARNs, denies nothing for it\.$/]);
  expectFindings(ID, wrap('[⟦"bedrock:RetrieveAndGenerate"⟧]', '["arn:aws:bedrock:us-east-1:111122223333:knowledge-base/*"]'), [/"bedrock:RetrieveAndGenerate" takes no resource ARN/]);
});

test('a wildcard-only action is fine with "*" or an ARN whose resource part is only wildcards', () => {
  expectClean(ID, wrap('["bedrock:ListFoundationModels", "bedrock:InvokeModel"]', `["${MODEL}", "*"]`));
  expectClean(ID, wrap('"bedrock:ListFoundationModels"', '"arn:aws:bedrock:us-east-1:111122223333:*"'));
});

test('wildcard-only actions of other services are not reported: services authorize some of them against ARNs', () => {
  expectClean(ID, wrap('"s3:ListAllMyBuckets"', '"arn:aws:s3:::*"'));
  expectClean(ID, wrap('"datazone:ListProjects"', '"arn:aws:datazone:us-east-1:111122223333:domain/dzd_abc"'));
});

test('service:* counts as every action of the service', () => {
  expectClean(ID, wrap('"bedrock:*"', `["${MODEL}", "${GUARDRAIL}"]`));
  expectFindings(ID, wrap('"bedrock:*"', '[⟦"arn:aws:s3:::reports"⟧]'), [/names a bucket resource, which none of this statement's actions \(bedrock:\*\) takes/]);
});

test('statements whose actions cannot all be known are skipped', () => {
  expectClean(ID, wrap('"*"', `["${GUARDRAIL}"]`));
  expectClean(ID, wrap('["bedrock:InvokeModel", "bedrock:NotAnAction"]', `["${GUARDRAIL}"]`));
  expectClean(ID, wrap('["bedrock:InvokeModel", "InvokeModel"]', `["${GUARDRAIL}"]`));
  expectClean(ID, wrap('"elasticloadbalancing:AddTags"', '["arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/web/abc"]'));
  expectClean(ID, `{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "NotAction": "bedrock:InvokeModel", "Resource": ["${GUARDRAIL}"]}]}`);
});

test('ARNs that name no particular type, or that other rules report, are skipped', () => {
  expectClean(ID, wrap('"bedrock:InvokeModel"', '["arn:aws:bedrock:*:*:*", "arn:aws:bedrock:us-east-1:111122223333:nonsense/x", "not-an-arn", "arn:aws:*:*:*:*"]'));
});
