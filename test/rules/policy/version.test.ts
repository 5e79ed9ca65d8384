import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, expectClean, expectFindings } from '../../helpers';

const stmt = '{ "Effect": "Allow", "Action": "bedrock:ListFoundationModels", "Resource": "*" }';

test('policy/missing-version reports the Statement key when Version is absent', () => {
  expectFindings('policy/missing-version', `{\n  ⟦"Statement"⟧: [${stmt}]\n}`, [
    'The policy has no "Version": add "Version": "2012-10-17" so that policy variables and current features work.',
  ]);
  expectClean('policy/missing-version', `{\n  "Version": "2012-10-17",\n  "Statement": [${stmt}]\n}`);
});

test('policy/missing-version fix inserts Version first, indented like its siblings', () => {
  const out = applyFix('policy/missing-version', `{\n  "Statement": [${stmt}]\n}`);
  assert.equal(out, `{\n  "Version": "2012-10-17",\n  "Statement": [${stmt}]\n}`);
});

test('policy/outdated-version reports 2008-10-17 and unknown values on the value', () => {
  expectFindings('policy/outdated-version', `{"Version": ⟦"2008-10-17"⟧, "Statement": [${stmt}]}`, [/does not support policy variables/]);
  expectFindings('policy/outdated-version', `{"Version": ⟦"2012-10-18"⟧, "Statement": [${stmt}]}`, ['"Version" must be "2012-10-17" (or the outdated "2008-10-17"), not "2012-10-18".']);
  expectClean('policy/outdated-version', `{"Version": "2012-10-17", "Statement": [${stmt}]}`);
  // A number is the wrong type (policy/invalid-value-type), not an outdated version.
  expectClean('policy/outdated-version', `{"Version": 2012, "Statement": [${stmt}]}`);
});

test('policy/outdated-version fix replaces only the value', () => {
  const out = applyFix('policy/outdated-version', `{"Version": "2008-10-17", "Statement": [${stmt}]}`);
  assert.equal(out, `{"Version": "2012-10-17", "Statement": [${stmt}]}`);
});
