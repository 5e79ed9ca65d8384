import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, expectClean, expectFindings, linter, findingsOf } from '../../helpers';
import { defaultSettings } from '../../../server/src/engine/settings';
import ruleModule from '../../../server/src/engine/rules/policy/duplicate-sid';

const st = (sid: string, action = 'bedrock:InvokeModel') => `{"Sid": ${sid}, "Effect": "Allow", "Action": "${action}", "Resource": "*"}`;
const doc = (...statements: string[]) => `{"Version": "2012-10-17", "Statement": [${statements.join(', ')}]}`;

test('policy/duplicate-sid reports the second and later uses of a Sid on their value', () => {
  expectFindings('policy/duplicate-sid', doc(st('"Invoke"'), st('⟦"Invoke"⟧'), st('"Other"'), st('⟦"Invoke"⟧')), [
    'Duplicate "Sid" "Invoke": statement 1 already uses it. Sids must be unique within a policy.',
    'Duplicate "Sid" "Invoke": statement 1 already uses it. Sids must be unique within a policy.',
  ]);
});

test('policy/duplicate-sid is case-sensitive and ignores empty and missing Sids', () => {
  expectClean('policy/duplicate-sid', doc(st('"Invoke"'), st('"invoke"')));
  expectClean('policy/duplicate-sid', doc(st('""'), st('""')));
  expectClean('policy/duplicate-sid', doc('{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}', '{"Effect": "Allow", "Action": "s3:PutObject", "Resource": "*"}'));
});

test('policy/duplicate-sid fix appends the smallest free number', () => {
  const out = applyFix('policy/duplicate-sid', doc(st('"Invoke"'), st('"Invoke2"'), st('"Invoke"')));
  assert.equal(out, doc(st('"Invoke"'), st('"Invoke2"'), st('"Invoke3"')));
});

test('policy/duplicate-sid fixes applied together give distinct names', () => {
  const text = doc(st('"A"'), st('"A"'), st('"A"'));
  const { text: out } = linter.fixAllJson(text, { path: 'p.json', settings: defaultSettings() }, (f) => f.ruleId === 'policy/duplicate-sid');
  assert.equal(out, doc(st('"A"'), st('"A2"'), st('"A3"')));
});

test('policy/duplicate-sid: the documented bad example is reported and the good one is not', () => {
  const { bad, good } = ruleModule.meta.docs;
  assert.ok(findingsOf('policy/duplicate-sid', bad!).length > 0);
  expectClean('policy/duplicate-sid', good!);
});
