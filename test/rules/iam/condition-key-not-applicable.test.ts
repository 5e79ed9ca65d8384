import { test } from 'node:test';
import { expectClean, expectFindings } from '../../helpers';

const ID = 'iam/condition-key-not-applicable';
const wrap = (action: string, condition: string, extra = '') =>
  `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ${action}, "Resource": "*"${extra}, "Condition": ${condition}}]}`;

test('a key of another service on Bedrock actions never matches', () => {
  expectFindings(ID, wrap('"bedrock:InvokeModel"', '{"StringEquals": {⟦"s3:prefix"⟧: "home/"}}'), [
    '"s3:prefix" is not available for bedrock:InvokeModel: it is never in the request, so this test never matches and the statement never applies.',
  ]);
});

test('a Bedrock key on a Bedrock action that does not support it is reported', () => {
  expectFindings(ID, wrap('["bedrock:CreateAgent", "bedrock:GetAgent"]', '{"StringEquals": {⟦"bedrock:GuardrailIdentifier"⟧: "arn:aws:bedrock:us-east-1:111122223333:guardrail/abc:1"}}'), [
    '"bedrock:GuardrailIdentifier" is not available for any of this statement\'s actions (bedrock:CreateAgent, bedrock:GetAgent): it is never in the request, so this test never matches and the statement never applies.',
  ]);
});

test('the message says what the constant test does for negated, IfExists, ForAllValues and Null operators', () => {
  expectFindings(
    ID,
    wrap(
      '"bedrock:InvokeModel"',
      '{"StringNotEquals": {⟦"s3:delimiter"⟧: "/"}, "StringLikeIfExists": {⟦"kms:ViaService"⟧: "x"}, "ForAllValues:StringEquals": {⟦"s3:prefix"⟧: "x"}, "Null": {⟦"s3:max-keys"⟧: "true"}}',
    ),
    [
      /so this negated test always passes and restricts nothing\.$/,
      /so this …IfExists test is always skipped and restricts nothing\.$/,
      /so this ForAllValues test always passes and restricts nothing\.$/,
      /so this "Null" test always passes and restricts nothing\.$/,
    ],
  );
});

test('a key that one of the actions supports is not reported', () => {
  expectClean(ID, wrap('["bedrock:InvokeModel", "bedrock:CreateAgent"]', '{"StringEquals": {"bedrock:GuardrailIdentifier": "x"}}'));
  expectClean(ID, wrap('"s3:GetObject"', '{"StringEquals": {"s3:ExistingObjectTag/Team": "x", "s3:ExistingObjectTag/<key>": "y"}}'));
  expectClean(ID, wrap('"ssm:DeregisterManagedInstance"', '{"StringEquals": {"ssm:resourceTag/env": "prod"}}'));
});

test('global keys, including service-named ones, are never reported', () => {
  expectClean(ID, wrap('"bedrock:InvokeModel"', '{"StringEquals": {"aws:SourceVpce": "vpce-1", "ec2:SourceInstanceArn": "x", "aws:ResourceTag/team": "x"}}'));
});

test('aws-marketplace:ProductId on the subscription actions is supported (the data omits it)', () => {
  expectClean(ID, wrap('["aws-marketplace:Subscribe", "aws-marketplace:Unsubscribe"]', '{"ForAnyValue:StringEquals": {"aws-marketplace:ProductId": ["prod-1"]}}'));
});

test('statements whose actions are not all known are skipped', () => {
  expectClean(ID, wrap('"*"', '{"StringEquals": {"s3:prefix": "x"}}'));
  expectClean(ID, wrap('["bedrock:InvokeModel", "bedrock:Nope"]', '{"StringEquals": {"s3:prefix": "x"}}'));
  expectClean(ID, wrap('["bedrock:InvokeModel", "InvokeModel"]', '{"StringEquals": {"s3:prefix": "x"}}'));
  expectClean(ID, wrap('"elasticloadbalancing:AddTags"', '{"StringEquals": {"elasticloadbalancing:CreateAction": "x"}}'));
  expectClean(ID, `{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "NotAction": "bedrock:InvokeModel", "Resource": "*", "Condition": {"StringEquals": {"s3:prefix": "x"}}}]}`);
});

test('service:* counts as every action of the service', () => {
  expectClean(ID, wrap('"bedrock:*"', '{"StringEquals": {"bedrock:GuardrailIdentifier": "x"}}'));
  expectFindings(ID, wrap('"bedrock:*"', '{"StringEquals": {⟦"s3:prefix"⟧: "x"}}'), [/is not available for bedrock:\*/]);
});
