import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectClean, expectFindings, findingsOf } from '../../helpers';
import ruleModule from '../../../server/src/engine/rules/policy/missing-element';

const doc = (statement: string) => `{"Version": "2012-10-17", "Statement": [${statement}]}`;

test('policy/missing-element reports what an identity-policy statement lacks, on its opening brace', () => {
  expectFindings('policy/missing-element', doc('⟦{⟧"Effect": "Allow", "Action": "bedrock:InvokeModel"}'), ['This statement has no "Resource" or "NotResource"; AWS rejects the policy.']);
  expectFindings('policy/missing-element', doc('⟦{⟧"Action": "bedrock:InvokeModel", "Resource": "*"}'), ['This statement has no "Effect"; AWS rejects the policy.']);
  expectFindings('policy/missing-element', doc('⟦{⟧"Effect": "Allow"}'), ['This statement has no "Action" or "NotAction", and no "Resource" or "NotResource"; AWS rejects the policy.']);
  expectFindings('policy/missing-element', doc('⟦{⟧}'), ['This statement has no "Effect", and no "Action" or "NotAction", and no "Resource" or "NotResource"; AWS rejects the policy.']);
});

test('policy/missing-element reports each incomplete statement of a single-statement or array policy', () => {
  expectFindings('policy/missing-element', '{"Version": "2012-10-17", "Statement": ⟦{⟧"Effect": "Allow", "Resource": "*"}}', ['This statement has no "Action" or "NotAction"; AWS rejects the policy.']);
  expectFindings('policy/missing-element', doc('{"Effect": "Allow", "NotAction": "iam:*", "NotResource": "arn:aws:s3:::a"}, ⟦{⟧"Effect": "Deny", "Resource": "*"}'));
});

test('policy/missing-element stays silent when the element is present but misspelled (policy/unknown-element reports it)', () => {
  expectClean('policy/missing-element', doc('{"effect": "Allow", "action": "s3:GetObject", "Resources": "*"}'));
  expectClean('policy/missing-element', doc('{"Effect": "Allow", "NotActions": "s3:GetObject", "NotResource": "*"}'));
});

test('policy/missing-element: an SCP statement needs Effect and Action or NotAction, not Resource', () => {
  expectClean('policy/missing-element', doc('{"Effect": "Deny", "Action": "bedrock:DeleteGuardrail"}'), { kind: 'scp' });
  expectFindings('policy/missing-element', doc('⟦{⟧"Effect": "Deny", "Resource": "*"}'), ['This statement has no "Action" or "NotAction"; AWS rejects the policy.'], { kind: 'scp' });
});

test('policy/missing-element: a resource-policy statement needs a principal', () => {
  expectFindings(
    'policy/missing-element',
    doc('{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}, ⟦{⟧"Effect": "Deny", "Action": "s3:*", "Resource": "arn:aws:s3:::b/*"}'),
    ['This statement has no "Principal" or "NotPrincipal"; AWS rejects the policy (every statement of a resource-based policy names a principal).'],
  );
});

test('policy/missing-element: trust policies and ECR repository policies have no Resource; other resource policies need one', () => {
  expectClean('policy/missing-element', doc('{"Effect": "Allow", "Principal": {"Service": "bedrock.amazonaws.com"}, "Action": "sts:AssumeRole"}'));
  expectClean('policy/missing-element', doc('{"Effect": "Allow", "Principal": {"Federated": "cognito-identity.amazonaws.com"}, "Action": ["sts:AssumeRoleWithWebIdentity", "sts:TagSession"]}'));
  expectClean('policy/missing-element', doc('{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"]}'));
  expectFindings(
    'policy/missing-element',
    doc('⟦{⟧"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "s3:GetObject"}'),
    ['This statement has no "Resource" or "NotResource"; AWS rejects the policy.'],
  );
  expectFindings(
    'policy/missing-element',
    doc('⟦{⟧"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": ["sts:AssumeRole", "s3:GetObject"]}'),
    ['This statement has no "Resource" or "NotResource"; AWS rejects the policy.'],
  );
});

test('policy/missing-element waits until a statement being typed can be read completely', () => {
  const typing = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}, {"Effect": "Allow", "Action": "s3:Get';
  expectClean('policy/missing-element', typing);
  expectFindings('policy/missing-element', '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}, ⟦{⟧"Effect": "Allow", "Action": "s3:Get"}]}');
  // A syntax problem in another statement does not hide this one's missing element.
  expectFindings('policy/missing-element', '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*",}, ⟦{⟧"Effect": "Allow", "Action": "s3:Get"}]}');
});

test('policy/missing-element: an element with a broken value is present (other rules judge the value)', () => {
  expectClean('policy/missing-element', doc('{"Effect": 42, "Action": {}, "Resource": null}'));
});

test('policy/missing-element: the documented bad example is reported and the good one is not', () => {
  const { bad, good } = ruleModule.meta.docs;
  assert.ok(findingsOf('policy/missing-element', bad!).length > 0);
  expectClean('policy/missing-element', good!);
});
