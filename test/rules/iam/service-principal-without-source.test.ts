import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, expectClean, expectFindings, findingsOf, fixesOf, linter, policyJson } from '../../helpers';
import { defaultSettings } from '../../../server/src/engine/settings';

const ID = 'iam/service-principal-without-source';
const message = (service: string) =>
  `The service principal "${service}" is allowed without an "aws:SourceAccount", "aws:SourceArn", "aws:SourceOrgID" or "aws:SourceOrgPaths" condition: another account can make the service act on this resource for it (confused deputy).`;

const TRUST = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Principal": { "Service": "bedrock.amazonaws.com" },
      "Action": "sts:AssumeRole"
    }
  ]
}`;

test('iam/service-principal-without-source reports each service principal of an unconditioned Allow', () => {
  expectFindings(ID, TRUST.replace('"bedrock.amazonaws.com"', '⟦"bedrock.amazonaws.com"⟧'), [message('bedrock.amazonaws.com')]);
  expectFindings(
    ID,
    '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": [⟦"bedrock.amazonaws.com"⟧, ⟦"logs.amazonaws.com"⟧]}, "Action": "kms:Decrypt", "Resource": "*"}]}',
    [message('bedrock.amazonaws.com'), message('logs.amazonaws.com')],
  );
});

test('iam/service-principal-without-source accepts any of the four source keys, in any case', () => {
  for (const Condition of [
    { StringEquals: { 'aws:SourceAccount': '111122223333' } },
    { ArnLike: { 'aws:SourceArn': 'arn:aws:bedrock:us-east-1:111122223333:knowledge-base/*' } },
    { StringEquals: { 'AWS:SourceOrgID': 'o-a1b2c3d4e5' } },
    { 'ForAnyValue:StringLike': { 'aws:SourceOrgPaths': 'o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/*' } },
  ]) {
    expectClean(ID, policyJson([{ Effect: 'Allow', Principal: { Service: 'bedrock.amazonaws.com' }, Action: 'sts:AssumeRole', Condition }]));
  }
});

test('iam/service-principal-without-source ignores conditions that cannot narrow, and checks only resource policies', () => {
  for (const Condition of [
    { StringNotEquals: { 'aws:SourceAccount': '111122223333' } },
    { Null: { 'aws:SourceArn': 'false' } },
    { StringLike: { 'aws:SourceAccount': '*' } },
  ]) {
    assert.equal(findingsOf(ID, policyJson([{ Effect: 'Allow', Principal: { Service: 'bedrock.amazonaws.com' }, Action: 'sts:AssumeRole', Condition }])).length, 1);
  }
  expectClean(ID, policyJson([{ Effect: 'Deny', Principal: { Service: 'bedrock.amazonaws.com' }, Action: 'sts:AssumeRole' }]));
  expectClean(ID, policyJson([{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'sts:AssumeRole' }]));
  expectClean(ID, policyJson([{ Effect: 'Allow', Action: 'bedrock:InvokeModel', Resource: '*' }]));
});

test('iam/service-principal-without-source fixes add aws:SourceAccount or aws:SourceOrgID placeholders, neither preferred', () => {
  assert.deepEqual(
    fixesOf(ID, TRUST).map((f) => [f.title, !!f.isPreferred]),
    [
      ['Add an "aws:SourceAccount" condition (replace ACCOUNT_ID with the account the service acts for)', false],
      ['Add an "aws:SourceOrgID" condition (replace ORGANIZATION_ID with your organization id)', false],
    ],
  );
  assert.equal(
    applyFix(ID, TRUST, { title: /aws:SourceAccount/ }),
    `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Principal": { "Service": "bedrock.amazonaws.com" },
      "Action": "sts:AssumeRole",
      "Condition": {
        "StringEquals": {
          "aws:SourceAccount": "ACCOUNT_ID"
        }
      }
    }
  ]
}`,
  );
  assert.match(applyFix(ID, TRUST, { title: /aws:SourceOrgID/ }), /"StringEquals": \{\n {10}"aws:SourceOrgID": "ORGANIZATION_ID"\n/);
});

test('iam/service-principal-without-source fix takes the account from the resource ARN and merges into StringEquals', () => {
  const keyPolicy = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Principal": { "Service": "bedrock.amazonaws.com" },
      "Action": ["kms:Decrypt", "kms:GenerateDataKey"],
      "Resource": "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
      "Condition": {
        "StringEquals": {
          "kms:ViaService": "bedrock.us-east-1.amazonaws.com"
        }
      }
    }
  ]
}`;
  assert.equal(fixesOf(ID, keyPolicy)[0].title, 'Add the condition "aws:SourceAccount": "111122223333" (the account of this policy\'s resources)');
  assert.equal(
    applyFix(ID, keyPolicy, { title: /aws:SourceAccount/ }),
    keyPolicy.replace('"kms:ViaService": "bedrock.us-east-1.amazonaws.com"', '"kms:ViaService": "bedrock.us-east-1.amazonaws.com",\n          "aws:SourceAccount": "111122223333"'),
  );
});

test('iam/service-principal-without-source fix adds an operator to an existing Condition, on one line when it is', () => {
  const text =
    '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "bedrock.amazonaws.com"}, "Action": "sts:AssumeRole", "Condition": {"Bool": {"aws:SecureTransport": "true"}}}]}';
  assert.equal(
    applyFix(ID, text, { title: /aws:SourceAccount/ }),
    '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "bedrock.amazonaws.com"}, "Action": "sts:AssumeRole", "Condition": {"Bool": {"aws:SecureTransport": "true"}, "StringEquals": {"aws:SourceAccount": "ACCOUNT_ID"}}}]}',
  );
  // A key that is there but cannot narrow gets the value instead of a duplicate key.
  const star = text.replace('"Bool": {"aws:SecureTransport": "true"}', '"StringEquals": {"aws:SourceAccount": "*"}');
  assert.equal(applyFix(ID, star, { title: /aws:SourceAccount/ }), text.replace('"Bool": {"aws:SecureTransport": "true"}', '"StringEquals": {"aws:SourceAccount": "ACCOUNT_ID"}'));
});

test('iam/service-principal-without-source fix clears every service principal of the statement, and fix-all leaves it alone', () => {
  const text = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": ["bedrock.amazonaws.com", "logs.amazonaws.com"]}, "Action": "kms:Decrypt", "Resource": "*"}]}';
  const out = applyFix(ID, text, { index: 1, title: /aws:SourceAccount/ });
  expectClean(ID, out);
  const opts = { path: 'policy.json', settings: defaultSettings() };
  assert.equal(linter.fixAllJson(text, opts, (f) => f.ruleId === ID).text, text);
});

test('iam/service-principal-without-source offers no fix when the statement also trusts other principals', () => {
  const text = policyJson([{ Effect: 'Allow', Principal: { Service: 'bedrock.amazonaws.com', AWS: 'arn:aws:iam::111122223333:root' }, Action: 'sts:AssumeRole' }]);
  assert.equal(findingsOf(ID, text).length, 1);
  assert.deepEqual(fixesOf(ID, text), []);
});

test('iam/service-principal-without-source does not throw on mistyped principals and conditions', () => {
  for (const text of [
    '{"Statement": [{"Effect": "Allow", "Principal": {"Service": 5}, "Action": "sts:AssumeRole"}]}',
    '{"Statement": [{"Effect": "Allow", "Principal": {"Service": "bedrock.amazonaws.com"}, "Action": "sts:AssumeRole", "Condition": "x"}]}',
    '{"Statement": [{"Effect": "Allow", "Principal": {"Service": ["bedrock.amazonaws.com"',
  ]) {
    assert.doesNotThrow(() => findingsOf(ID, text), text);
  }
  const badCondition = '{"Statement": [{"Effect": "Allow", "Principal": {"Service": "bedrock.amazonaws.com"}, "Action": "sts:AssumeRole", "Condition": "x"}]}';
  assert.deepEqual(fixesOf(ID, badCondition), []);
});
