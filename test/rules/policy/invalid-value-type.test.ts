import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, expectClean, expectFindings, fixesOf, findingsOf } from '../../helpers';
import ruleModule from '../../../server/src/engine/rules/policy/invalid-value-type';

const doc = (statement: string) => `{"Version": "2012-10-17", "Statement": [${statement}]}`;

test('policy/invalid-value-type reports Action/Resource values that are not strings or arrays of strings', () => {
  expectFindings('policy/invalid-value-type', doc('{"Effect": "Allow", "Action": ⟦{"bedrock": "InvokeModel"}⟧, "Resource": "*"}'), [
    '"Action" must be a string or an array of strings, not an object.',
  ]);
  expectFindings('policy/invalid-value-type', doc('{"Effect": "Allow", "Action": "s3:GetObject", "Resource": ["arn:aws:s3:::a/*", ⟦42⟧, ⟦["x"]⟧]}'), [
    'Each entry of "Resource" must be a string.',
    'Each entry of "Resource" must be a string.',
  ]);
  expectFindings('policy/invalid-value-type', doc('{"Effect": "Deny", "NotAction": ⟦true⟧, "NotResource": ⟦null⟧}'), [
    '"NotAction" must be a string or an array of strings, not a boolean.',
    '"NotResource" must be a string or an array of strings, not null.',
  ]);
});

test('policy/invalid-value-type reports Version, Id, Sid and Statement of the wrong type', () => {
  expectFindings('policy/invalid-value-type', '{"Version": ⟦2012⟧, "Id": ⟦["x"]⟧, "Statement": [{"Sid": ⟦1⟧, "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}', [
    '"Version" must be a string, not a number.',
    '"Id" must be a string, not an array.',
    '"Sid" must be a string, not a number.',
  ]);
  expectFindings('policy/invalid-value-type', '{"Version": "2012-10-17", "Statement": ⟦"Allow everything"⟧}', ['"Statement" must be a statement object or an array of statement objects.']);
  expectFindings('policy/invalid-value-type', '{"Version": "2012-10-17", "Statement": ⟦null⟧}', ['"Statement" must be a statement object or an array of statement objects.']);
});

test('policy/invalid-value-type reports Condition, operators and condition values of the wrong type', () => {
  expectFindings('policy/invalid-value-type', doc('{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": ⟦["aws:SecureTransport"]⟧}'), [
    '"Condition" must be an object of condition operators, not an array.',
  ]);
  expectFindings(
    'policy/invalid-value-type',
    doc('{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"Bool": ⟦"aws:SecureTransport"⟧, "StringEquals": {"aws:PrincipalTag/team": ⟦{"a": "b"}⟧, "aws:ResourceTag/x": ⟦null⟧}}}'),
    [
      'The condition operator "Bool" must map condition keys to values, not be a string.',
      'The value of "aws:PrincipalTag/team" must be a string, number or boolean, or an array of them, not an object.',
      'The value of "aws:ResourceTag/x" must be a string, number or boolean, or an array of them, not null.',
    ],
  );
});

test('policy/invalid-value-type accepts numbers and booleans as condition values', () => {
  expectClean(
    'policy/invalid-value-type',
    doc('{"Effect": "Allow", "Action": "s3:GetObject", "Resource": ["*"], "Condition": {"Bool": {"aws:SecureTransport": true}, "NumericLessThan": {"s3:max-keys": 10}}}'),
  );
});

test('policy/invalid-value-type reports principals of the wrong type, and quotes a numeric account id', () => {
  const text = doc('{"Effect": "Allow", "Principal": {"AWS": [⟦111122223333⟧, "arn:aws:iam::444455556666:root"]}, "Action": "s3:GetObject", "Resource": "*"}');
  expectFindings('policy/invalid-value-type', text, ['A principal must be a string, not a number: write account ids as strings.']);
  expectFindings('policy/invalid-value-type', doc('{"Effect": "Allow", "NotPrincipal": ⟦["*"]⟧, "Action": "s3:GetObject", "Resource": "*"}'), [
    '"NotPrincipal" must be "*" or an object such as {"AWS": "arn:aws:iam::111122223333:root"}, not an array.',
  ]);
  const plain = text.replace(/[⟦⟧]/g, '');
  const [fix] = fixesOf('policy/invalid-value-type', plain);
  assert.equal(fix.title, 'Write 111122223333 as a string');
  assert.equal(fix.isPreferred, true);
  assert.equal(applyFix('policy/invalid-value-type', plain), plain.replace('111122223333', '"111122223333"'));
});

test('policy/invalid-value-type leaves Effect to policy/invalid-effect and half-typed values to policy/syntax', () => {
  expectClean('policy/invalid-value-type', doc('{"Effect": 42, "Action": "s3:GetObject", "Resource": "*"}'));
  expectClean('policy/invalid-value-type', '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ');
  expectClean('policy/invalid-value-type', '{"Version": "2012-10-17", "Statement": ');
});

test('policy/invalid-value-type has no fix for other wrong types', () => {
  assert.deepEqual(fixesOf('policy/invalid-value-type', doc('{"Effect": "Allow", "Action": 42, "Resource": "*"}')), []);
});

test('policy/invalid-value-type: the documented bad example is reported and the good one is not', () => {
  const { bad, good } = ruleModule.meta.docs;
  assert.ok(findingsOf('policy/invalid-value-type', bad!).length > 0);
  expectClean('policy/invalid-value-type', good!);
});

test('policy/invalid-value-type reports Statement array items that are not objects', () => {
  expectFindings('policy/invalid-value-type', '{"Version": "2012-10-17", "Statement": [⟦"x"⟧, {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}, ⟦42⟧]}', [
    'Each entry of "Statement" must be a statement object.',
    'Each entry of "Statement" must be a statement object.',
  ]);
});
