import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectClean, expectFindings, findingsOf, policyJson } from '../../helpers';

const ID = 'iam/passrole-wildcard';
const MESSAGE_TAIL =
  ' on every role without an "iam:PassedToService" condition: this principal can give any role, administrator roles included, to any AWS service. Name the roles, or add a "StringEquals" condition on "iam:PassedToService".';

test('iam/passrole-wildcard reports iam:PassRole on "*" on the Action entry', () => {
  expectFindings(ID, '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["bedrock:CreateKnowledgeBase", ⟦"iam:PassRole"⟧], "Resource": "*"}]}', [
    'iam:PassRole is allowed' + MESSAGE_TAIL,
  ]);
});

test('iam/passrole-wildcard reports patterns that include PassRole and Resources that reach every role', () => {
  expectFindings(ID, '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ⟦"iam:*"⟧, "Resource": "arn:aws:iam::111122223333:role/*"}]}', [
    '"iam:*" allows iam:PassRole' + MESSAGE_TAIL,
  ]);
  expectFindings(ID, '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ⟦"IAM:Pass*"⟧, "Resource": "arn:aws:iam::*:*"}]}', [
    '"IAM:Pass*" allows iam:PassRole' + MESSAGE_TAIL,
  ]);
  // NotResource that excludes only a user still reaches every role.
  expectFindings(ID, '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ⟦"iam:passrole"⟧, "NotResource": "arn:aws:iam::111122223333:user/admin"}]}', [
    'iam:PassRole is allowed' + MESSAGE_TAIL,
  ]);
});

test('iam/passrole-wildcard accepts named roles, role paths and an iam:PassedToService condition that narrows', () => {
  expectClean(ID, policyJson([{ Effect: 'Allow', Action: 'iam:PassRole', Resource: 'arn:aws:iam::111122223333:role/service-role/*' }]));
  expectClean(ID, policyJson([{ Effect: 'Allow', Action: 'iam:PassRole', Resource: 'arn:aws:iam::111122223333:role/BedrockKb*' }]));
  expectClean(ID, policyJson([{ Effect: 'Allow', Action: 'iam:PassRole', Resource: '*', Condition: { StringEquals: { 'iam:PassedToService': 'bedrock.amazonaws.com' } } }]));
  expectClean(ID, policyJson([{ Effect: 'Allow', Action: 'iam:PassRole', Resource: '*', Condition: { StringLike: { 'IAM:PassedToService': ['bedrock.*'] } } }]));
  expectClean(ID, policyJson([{ Effect: 'Deny', Action: 'iam:PassRole', Resource: '*' }]));
});

test('iam/passrole-wildcard ignores conditions that cannot narrow', () => {
  for (const Condition of [
    { StringNotEquals: { 'iam:PassedToService': 'ec2.amazonaws.com' } },
    { StringLike: { 'iam:PassedToService': '*' } },
    { Null: { 'iam:PassedToService': 'false' } },
    { 'ForAllValues:StringEquals': { 'iam:PassedToService': 'bedrock.amazonaws.com' } },
  ]) {
    assert.equal(findingsOf(ID, policyJson([{ Effect: 'Allow', Action: 'iam:PassRole', Resource: '*', Condition }])).length, 1, JSON.stringify(Condition));
  }
});

test('iam/passrole-wildcard leaves "Action": "*" and NotAction to the wildcard rules', () => {
  expectClean(ID, policyJson([{ Effect: 'Allow', Action: '*', Resource: '*' }]));
  expectClean(ID, policyJson([{ Effect: 'Allow', NotAction: 's3:*', Resource: '*' }]));
});

test('iam/passrole-wildcard does not throw on mistyped values', () => {
  assert.doesNotThrow(() => findingsOf(ID, '{"Statement": [{"Effect": "Allow", "Action": "iam:PassRole", "Resource": {"a": 1}, "Condition": "x"}]}'));
  assert.doesNotThrow(() => findingsOf(ID, '{"Statement": [{"Effect": "Allow", "Action": "iam:PassRole", "Resource": ["arn:'));
});
