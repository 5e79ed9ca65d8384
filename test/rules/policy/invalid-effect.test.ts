import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, expectClean, expectFindings, fixesOf, findingsOf } from '../../helpers';
import ruleModule from '../../../server/src/engine/rules/policy/invalid-effect';

const rest = '"Action": "bedrock:InvokeModel", "Resource": "*"';
const doc = (effect: string) => `{"Version": "2012-10-17", "Statement": [{"Effect": ${effect}, ${rest}}]}`;

test('policy/invalid-effect reports case variants, typos and non-strings on the value', () => {
  expectFindings('policy/invalid-effect', doc('⟦"allow"⟧'), ['"Effect" must be "Allow" or "Deny" (case-sensitive), not "allow": did you mean "Allow"?']);
  expectFindings('policy/invalid-effect', doc('⟦"DENY"⟧'), ['"Effect" must be "Allow" or "Deny" (case-sensitive), not "DENY": did you mean "Deny"?']);
  expectFindings('policy/invalid-effect', doc('⟦"Alow"⟧'), ['"Effect" must be "Allow" or "Deny" (case-sensitive), not "Alow": did you mean "Allow"?']);
  expectFindings('policy/invalid-effect', doc('⟦42⟧'), ['"Effect" must be "Allow" or "Deny" (case-sensitive), not 42.']);
  expectFindings('policy/invalid-effect', doc('⟦null⟧'), ['"Effect" must be "Allow" or "Deny" (case-sensitive), not null.']);
  expectFindings('policy/invalid-effect', doc('⟦{"x": 1}⟧'), ['"Effect" must be "Allow" or "Deny" (case-sensitive), not an object.']);
  expectFindings('policy/invalid-effect', doc('⟦"Permit"⟧'), ['"Effect" must be "Allow" or "Deny" (case-sensitive), not "Permit".']);
});

test('policy/invalid-effect accepts Allow and Deny, and ignores a value still being typed', () => {
  expectClean('policy/invalid-effect', doc('"Allow"'));
  expectClean('policy/invalid-effect', doc('"Deny"'));
  expectClean('policy/invalid-effect', '{"Version": "2012-10-17", "Statement": [{"Effect": ');
});

test('policy/invalid-effect fix: a case variant is corrected by the preferred fix', () => {
  assert.equal(applyFix('policy/invalid-effect', doc('"allow"')), doc('"Allow"'));
  assert.equal(applyFix('policy/invalid-effect', doc('" Deny "')), doc('"Deny"'));
  const [fix] = fixesOf('policy/invalid-effect', doc('"deny"'));
  assert.equal(fix.title, 'Change "Effect" to "Deny"');
  assert.equal(fix.isPreferred, true);
});

test('policy/invalid-effect fix: a typo gets a fix that is not preferred; other values get none', () => {
  const fixes = fixesOf('policy/invalid-effect', doc('"Dney"'));
  assert.deepEqual(fixes.map((f) => [f.title, !!f.isPreferred]), [['Change "Effect" to "Deny"', false]]);
  assert.equal(applyFix('policy/invalid-effect', doc('"Dney"')), doc('"Deny"'));
  assert.deepEqual(fixesOf('policy/invalid-effect', doc('42')), []);
  assert.deepEqual(fixesOf('policy/invalid-effect', doc('"Permit"')), []);
});

test('policy/invalid-effect: the documented bad example is reported and the good one is not', () => {
  const { bad, good } = ruleModule.meta.docs;
  assert.ok(findingsOf('policy/invalid-effect', bad!).length > 0);
  expectClean('policy/invalid-effect', good!);
});
