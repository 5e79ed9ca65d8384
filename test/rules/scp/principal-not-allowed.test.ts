import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, expectClean, expectFindings, fixesOf, findingsOf } from '../../helpers';
import ruleModule from '../../../server/src/engine/rules/scp/principal-not-allowed';

const scp = { kind: 'scp' as const };

test('scp/principal-not-allowed reports Principal and NotPrincipal in an SCP on the key', () => {
  expectFindings(
    'scp/principal-not-allowed',
    '{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", ⟦"Principal"⟧: "*", "Action": "bedrock:*", "Resource": "*"}, {"Effect": "Deny", ⟦"NotPrincipal"⟧: {"AWS": "arn:aws:iam::111122223333:role/Admin"}, "Action": "iam:*", "Resource": "*"}]}',
    [
      'Service control policies do not support "Principal": an SCP applies to all principals of its accounts; use an "aws:PrincipalArn" condition to target some.',
      'Service control policies do not support "NotPrincipal": an SCP applies to all principals of its accounts; use an "aws:PrincipalArn" condition to target some.',
    ],
    scp,
  );
});

test('scp/principal-not-allowed applies to SCPs only (found by path or forced kind)', () => {
  const text = '{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "*"}]}';
  expectClean('scp/principal-not-allowed', text);
  expectFindings('scp/principal-not-allowed', text.replace('"Principal"', '⟦"Principal"⟧'), undefined, { path: 'org/scps/deny-s3.json' });
});

test('scp/principal-not-allowed fix removes the element and its comma', () => {
  const text = '{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Effect": "Deny",\n    "Principal": { "AWS": "*" },\n    "Action": "bedrock:DeleteGuardrail",\n    "Resource": "*"\n  }]\n}';
  const [fix] = fixesOf('scp/principal-not-allowed', text, 0, scp);
  assert.equal(fix.title, 'Remove "Principal"');
  assert.equal(fix.isPreferred, true);
  assert.equal(
    applyFix('scp/principal-not-allowed', text, scp),
    '{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Effect": "Deny",\n    "Action": "bedrock:DeleteGuardrail",\n    "Resource": "*"\n  }]\n}',
  );
  const last = '{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "s3:*", "Resource": "*", "NotPrincipal": {"AWS": "x"}}]}';
  assert.equal(applyFix('scp/principal-not-allowed', last, scp), '{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "s3:*", "Resource": "*"}]}');
});

test('scp/principal-not-allowed: the documented bad example is reported and the good one is not', () => {
  const { bad, good } = ruleModule.meta.docs;
  assert.ok(findingsOf('scp/principal-not-allowed', bad!, { kind: 'scp' }).length > 0);
  expectClean('scp/principal-not-allowed', good!, { kind: 'scp' });
});
