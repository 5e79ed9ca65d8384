import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, expectClean, expectFindings, fixesOf, findingsOf } from '../../helpers';
import ruleModule from '../../../server/src/engine/rules/policy/conflicting-elements';

test('policy/conflicting-elements reports each pair on the element that comes second', () => {
  expectFindings(
    'policy/conflicting-elements',
    '{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "bedrock:*", ⟦"NotAction"⟧: "bedrock:InvokeModel", "Resource": "*"}]}',
    ['A statement cannot have both "Action" and "NotAction": keep one of them.'],
  );
  expectFindings(
    'policy/conflicting-elements',
    '{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "NotResource": "arn:aws:s3:::logs/*", "Action": "s3:*", ⟦"Resource"⟧: "*"}]}',
    ['A statement cannot have both "Resource" and "NotResource": keep one of them.'],
  );
  expectFindings(
    'policy/conflicting-elements',
    '{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Principal": "*", ⟦"NotPrincipal"⟧: {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "s3:*", "Resource": "*"}]}',
    ['A statement cannot have both "Principal" and "NotPrincipal": keep one of them.'],
  );
});

test('policy/conflicting-elements reports every conflicting pair of a statement', () => {
  expectFindings(
    'policy/conflicting-elements',
    '{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "s3:*", ⟦"NotAction"⟧: "s3:Get*", "Resource": "*", ⟦"NotResource"⟧: "arn:aws:s3:::a"}]}',
  );
});

test('policy/conflicting-elements accepts a statement using one element of each pair', () => {
  expectClean('policy/conflicting-elements', '{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "NotAction": "bedrock:InvokeModel", "NotResource": "arn:aws:s3:::a", "Principal": "*"}]}');
});

test('policy/conflicting-elements offers both removals, neither preferred', () => {
  const text = '{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Effect": "Deny",\n    "Action": "bedrock:*",\n    "NotAction": "bedrock:InvokeModel",\n    "Resource": "*"\n  }]\n}';
  const fixes = fixesOf('policy/conflicting-elements', text);
  assert.deepEqual(fixes.map((f) => [f.title, !!f.isPreferred]), [['Remove "NotAction"', false], ['Remove "Action"', false]]);
  assert.equal(
    applyFix('policy/conflicting-elements', text, { title: 'Remove "NotAction"' }),
    '{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Effect": "Deny",\n    "Action": "bedrock:*",\n    "Resource": "*"\n  }]\n}',
  );
  assert.equal(
    applyFix('policy/conflicting-elements', text, { title: 'Remove "Action"' }),
    '{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Effect": "Deny",\n    "NotAction": "bedrock:InvokeModel",\n    "Resource": "*"\n  }]\n}',
  );
});

test('policy/conflicting-elements: the documented bad example is reported and the good one is not', () => {
  const { bad, good } = ruleModule.meta.docs;
  assert.ok(findingsOf('policy/conflicting-elements', bad!).length > 0);
  expectClean('policy/conflicting-elements', good!);
});
