import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectClean, expectFindings, findingsOf, policyJson } from '../../helpers';

const ID = 'iam/wildcard-action';

test('iam/wildcard-action reports "*" and "service:*" entries of an Allow, on the entry', () => {
  expectFindings(
    ID,
    '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": [⟦"*"⟧, ⟦"bedrock:*"⟧, "bedrock:InvokeModel"], "Resource": "*"}]}',
    [
      '"*" allows every action of every AWS service, including actions added in the future: list the actions this principal needs.',
      '"bedrock:*" allows all 262 bedrock actions (134 of them write, tagging or permissions-management actions) and any action added later: list the actions this principal needs.',
    ],
  );
});

test('iam/wildcard-action treats "*:*" as "*" and matches the service prefix case-insensitively', () => {
  expectFindings(ID, '{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": ⟦"*:*"⟧, "Resource": "*"}}', [/^"\*:\*" allows every action of every AWS service/]);
  expectFindings(ID, '{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": ⟦"Bedrock:*"⟧, "Resource": "*"}}', [/^"Bedrock:\*" allows all 262 bedrock actions/]);
});

test('iam/wildcard-action leaves verb-bounded patterns, Deny statements and unknown services alone', () => {
  expectClean(ID, policyJson([{ Effect: 'Allow', Action: ['bedrock:Get*', 'bedrock:List*', 's3:*Object'], Resource: '*' }]));
  expectClean(ID, policyJson([{ Effect: 'Deny', Action: 'bedrock:*', Resource: '*' }]));
  expectClean(ID, policyJson([{ Effect: 'Allow', Action: 'notaservice:*', Resource: '*' }]));
});

test('iam/wildcard-action checks resource policies but not SCPs (an Allow in an SCP grants nothing)', () => {
  const resourcePolicy = policyJson([{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 's3:*', Resource: 'arn:aws:s3:::bucket/*' }]);
  assert.equal(findingsOf(ID, resourcePolicy).length, 1);
  expectClean(ID, policyJson([{ Effect: 'Allow', Action: '*', Resource: '*' }]), { kind: 'scp' });
});

test('iam/wildcard-action does not throw on half-typed or mistyped policies', () => {
  for (const text of [
    '{"Statement": [{"Effect": "Allow", "Action": ["bedrock:',
    '{"Statement": [{"Effect": "Allow", "Action": 42}]}',
    '{"Statement": [{"Effect": "Allow", "Action": [null, {"a": 1}, "*"]}]}',
    '{"Statement": "x"}',
  ]) {
    assert.doesNotThrow(() => findingsOf(ID, text), text);
  }
  assert.equal(findingsOf(ID, '{"Statement": [{"Effect": "Allow", "Action": [null, {"a": 1}, "*"]}]}').length, 1);
});
