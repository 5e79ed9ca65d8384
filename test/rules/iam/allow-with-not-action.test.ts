import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectClean, expectFindings, findingsOf, policyJson } from '../../helpers';

const ID = 'iam/allow-with-not-action';

test('iam/allow-with-not-action reports the NotAction key of an Allow', () => {
  expectFindings(ID, '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", ⟦"NotAction"⟧: ["iam:*", "organizations:*"], "Resource": "*"}]}', [
    'Allow with "NotAction" grants every action except the 2 listed, in every AWS service and including actions added in the future: list the allowed actions in "Action" instead.',
  ]);
  expectFindings(ID, '{"Version": "2012-10-17", "Statement": {"Effect": "Allow", ⟦"NotAction"⟧: "iam:*", "Resource": "*"}}', [
    'Allow with "NotAction" grants every action except iam:*, in every AWS service and including actions added in the future: list the allowed actions in "Action" instead.',
  ]);
});

test('iam/allow-with-not-action leaves Deny, "NotAction": "*" (grants nothing) and SCPs alone', () => {
  expectClean(ID, policyJson([{ Effect: 'Deny', NotAction: ['bedrock:InvokeModel'], Resource: '*' }]));
  expectClean(ID, policyJson([{ Effect: 'Allow', NotAction: '*', Resource: '*' }]));
  expectClean(ID, policyJson([{ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }]), { kind: 'scp' });
});

test('iam/allow-with-not-action reports an empty or mistyped NotAction without throwing', () => {
  expectFindings(ID, '{"Statement": [{"Effect": "Allow", ⟦"NotAction"⟧: [], "Resource": "*"}]}', [
    'Allow with "NotAction" grants every action, in every AWS service and including actions added in the future: list the allowed actions in "Action" instead.',
  ]);
  assert.doesNotThrow(() => findingsOf(ID, '{"Statement": [{"Effect": "Allow", "NotAction": {"x": 1}'));
});
