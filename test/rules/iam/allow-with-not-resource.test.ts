import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectClean, expectFindings, findingsOf, policyJson } from '../../helpers';

const ID = 'iam/allow-with-not-resource';
const GUARDRAIL = 'arn:aws:bedrock:us-east-1:111122223333:guardrail/prod1234abcd';

test('iam/allow-with-not-resource reports the NotResource key of an Allow', () => {
  expectFindings(ID, `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "bedrock:DeleteGuardrail", ⟦"NotResource"⟧: "${GUARDRAIL}"}]}`, [
    `Allow with "NotResource" grants the actions on every resource except ${GUARDRAIL}, in every account and including resources created later: list the allowed resources in "Resource" instead.`,
  ]);
  expectFindings(ID, '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", ⟦"NotResource"⟧: ["arn:aws:s3:::a/*", "arn:aws:s3:::b/*"]}]}', [
    /^Allow with "NotResource" grants the actions on every resource except the 2 listed, /,
  ]);
});

test('iam/allow-with-not-resource leaves Deny, "NotResource": "*" (grants nothing) and SCPs alone', () => {
  expectClean(ID, policyJson([{ Effect: 'Deny', Action: 'bedrock:*', NotResource: GUARDRAIL }]));
  expectClean(ID, policyJson([{ Effect: 'Allow', Action: 'bedrock:*', NotResource: ['*'] }]));
  expectClean(ID, policyJson([{ Effect: 'Allow', Action: 'bedrock:*', NotResource: GUARDRAIL }]), { kind: 'scp' });
});

test('iam/allow-with-not-resource does not throw on mistyped values', () => {
  assert.equal(findingsOf(ID, '{"Statement": [{"Effect": "Allow", "Action": "s3:*", "NotResource": 7}]}').length, 1);
  assert.doesNotThrow(() => findingsOf(ID, '{"Statement": [{"Effect": "Allow", "NotResource": ['));
});
