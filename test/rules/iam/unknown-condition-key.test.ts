import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, expectClean, expectFindings, fixesOf } from '../../helpers';

const ID = 'iam/unknown-condition-key';
const wrap = (condition: string, effect = 'Allow') =>
  `{"Version": "2012-10-17", "Statement": [{"Effect": "${effect}", "Action": "bedrock:InvokeModel", "Resource": "*", "Condition": ${condition}}]}`;

test('bedrock:GuardrailArn is explained: it does not exist, and a Null check on it denies everything', () => {
  expectFindings(ID, wrap('{"Null": {⟦"bedrock:GuardrailArn"⟧: "true"}}', 'Deny'), [
    '"bedrock:GuardrailArn" does not exist, so it is never in a request: the guardrail of an inference request is in "bedrock:GuardrailIdentifier". A condition on a missing key never matches — and a Deny with "Null": {"bedrock:GuardrailArn": "true"} denies every request.',
  ]);
  assert.equal(applyFix(ID, wrap('{"Null": {"bedrock:GuardrailArn": "true"}}', 'Deny')), wrap('{"Null": {"bedrock:GuardrailIdentifier": "true"}}', 'Deny'));
});

test('a misspelled global key gets the closest global key', () => {
  expectFindings(ID, wrap('{"IpAddress": {⟦"aws:SourceIpp"⟧: "10.0.0.0/8"}}'), ['"aws:SourceIpp" is not a global condition key, so it is never in a request. Did you mean "aws:SourceIp"?']);
  assert.equal(applyFix(ID, wrap('{"IpAddress": {"aws:SourceIpp": "10.0.0.0/8"}}')), wrap('{"IpAddress": {"aws:SourceIp": "10.0.0.0/8"}}'));
});

test('a misspelled tag key keeps the tag name', () => {
  expectFindings(ID, wrap('{"StringEquals": {⟦"aws:RequestTags/Project"⟧: "x"}}'), [/Did you mean "aws:RequestTag\/Project"\?/]);
  assert.equal(applyFix(ID, wrap('{"StringEquals": {"aws:RequestTags/Project": "x"}}')), wrap('{"StringEquals": {"aws:RequestTag/Project": "x"}}'));
});

test('a misspelled service key gets the closest key of the service', () => {
  expectFindings(ID, wrap('{"StringEquals": {⟦"bedrock:ModelId"⟧: "x"}}'), ['"bedrock:ModelId" is not a condition key of Amazon Bedrock, so it is never in a request. Did you mean "bedrock:ModelArn"?']);
});

test('an unknown prefix is reported, with the key under the closest prefix that has it', () => {
  expectFindings(ID, wrap('{"StringEquals": {⟦"bedrok:ModelArn"⟧: "x", ⟦"zzqqxx:Thing"⟧: "y"}}'), [
    '"bedrok" is not an AWS service prefix, so "bedrok:ModelArn" is never in a request. Did you mean "bedrock:ModelArn"?',
    '"zzqqxx" is not an AWS service prefix, so "zzqqxx:Thing" is never in a request.',
  ]);
  assert.deepEqual(fixesOf(ID, wrap('{"StringEquals": {"zzqqxx:Thing": "y"}}')), []);
});

test('a key without a prefix is reported, with the global key of that name', () => {
  expectFindings(ID, wrap('{"IpAddress": {⟦"SourceIp"⟧: "10.0.0.0/8"}}'), [
    '"SourceIp" has no prefix, so it is never in a request: condition keys are written "prefix:Key" (e.g. "aws:SourceIp"). Did you mean "aws:SourceIp"?',
  ]);
});

test('keys that exist are not reported, whatever their case or tag form', () => {
  expectClean(
    ID,
    wrap(
      '{"StringEquals": {"aws:sourceip": "x", "AWS:PrincipalTag/team": "x", "aws:RequestTag/Project": "x", "bedrock:guardrailidentifier": "x", "s3:ExistingObjectTag/Team": "x", "secretsmanager:ResourceTag/aws:secretsmanager:owningService": "x", "ssm:resourceTag/env": "x", "saml:aud": "x", "identitycenter:InstanceArn": "x"}}',
    ),
  );
});

test('web identity provider keys, keys AWS itself uses, and keys of retired services are not reported', () => {
  expectClean(
    ID,
    wrap(
      '{"StringLike": {"token.actions.githubusercontent.com:sub": "repo:o/r:*", "oidc.eks.us-east-1.amazonaws.com/id/ABC:aud": "sts.amazonaws.com", "aws:PrincipalOrgMasterAccountId": "1", "lakeformation:GlueARN": "x", "deepracer:UserToken": "x"}}',
    ),
  );
});

test('conditions that are not objects, and empty keys, do not crash the rule', () => {
  expectClean(ID, wrap('"StringEquals"'));
  expectClean(ID, wrap('{"StringEquals": ["x"]}'));
  expectFindings(ID, wrap('{"StringEquals": {⟦""⟧: "x"}}'), ['An empty condition key is never in a request: write "prefix:Key", e.g. "aws:SourceIp".']);
});
