import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, expectClean, expectFindings, fixesOf, linter, findingsOf } from '../../helpers';
import { defaultSettings } from '../../../server/src/engine/settings';
import ruleModule from '../../../server/src/engine/rules/policy/unknown-element';

test('policy/unknown-element reports misspelled statement elements on the key', () => {
  expectFindings(
    'policy/unknown-element',
    '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", ⟦"action"⟧: "s3:GetObject", ⟦"Resources"⟧: "*", ⟦"Conditions"⟧: {}}]}',
    [
      'Element names are case-sensitive: "action" must be written "Action".',
      'Unknown element "Resources" in a statement: did you mean "Resource"?',
      'Unknown element "Conditions" in a statement: did you mean "Condition"?',
    ],
  );
});

test('policy/unknown-element reports unknown top-level keys, and keys that resemble nothing', () => {
  expectFindings('policy/unknown-element', '{⟦"version"⟧: "2012-10-17", ⟦"Comment"⟧: "x", "Statement": []}', [
    'Element names are case-sensitive: "version" must be written "Version".',
    'Unknown element "Comment" at the top of a policy: IAM accepts only "Version", "Id", "Statement".',
  ]);
  expectFindings('policy/unknown-element', '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", ⟦"Description"⟧: "x"}]}', [
    'Unknown element "Description" in a statement: IAM accepts only "Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Resource", "NotResource", "Condition".',
  ]);
});

test('policy/unknown-element accepts every element AWS defines', () => {
  expectClean(
    'policy/unknown-element',
    '{"Version": "2012-10-17", "Id": "x", "Statement": [{"Sid": "a", "Effect": "Deny", "NotPrincipal": {"AWS": "arn:aws:iam::111122223333:root"}, "NotAction": "s3:GetObject", "NotResource": "arn:aws:s3:::a", "Condition": {}}, {"Principal": "*", "Action": "s3:*", "Resource": "*"}]}',
  );
});

test('policy/unknown-element fix renames the key, keeping the value', () => {
  const text = '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Allow", "action": "s3:GetObject", "Resources": ["*"] }]\n}';
  const [fix] = fixesOf('policy/unknown-element', text);
  assert.equal(fix.title, 'Rename "action" to "Action"');
  assert.equal(fix.isPreferred, true);
  assert.equal(applyFix('policy/unknown-element', text), '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resources": ["*"] }]\n}');
  assert.equal(applyFix('policy/unknown-element', text, { index: 1 }), '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Allow", "action": "s3:GetObject", "Resource": ["*"] }]\n}');
});

test('policy/unknown-element never offers a rename that would create a duplicate key', () => {
  const present = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", ⟦"action"⟧: "s3:PutObject", "Resource": "*"}]}';
  expectFindings('policy/unknown-element', present, ['Element names are case-sensitive: "action" must be written "Action" (the statement already has "Action").']);
  assert.deepEqual(fixesOf('policy/unknown-element', present.replace(/[⟦⟧]/g, '')), []);
  // Two keys that both stand for "Action": only the first one is renamed.
  const twice = '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "action": "s3:GetObject", "Actions": "s3:PutObject", "Resource": "*"}]}';
  assert.equal(fixesOf('policy/unknown-element', twice, 0).length, 1);
  assert.deepEqual(fixesOf('policy/unknown-element', twice, 1), []);
  const { text } = linter.fixAllJson(twice, { path: 'p.json', settings: defaultSettings() }, (f) => f.ruleId === 'policy/unknown-element');
  assert.equal(text, '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Actions": "s3:PutObject", "Resource": "*"}]}');
  assert.doesNotThrow(() => JSON.parse(text));
});

test('policy/unknown-element: the documented bad example is reported and the good one is not', () => {
  const { bad, good } = ruleModule.meta.docs;
  assert.ok(findingsOf('policy/unknown-element', bad!).length > 0);
  expectClean('policy/unknown-element', good!);
});
