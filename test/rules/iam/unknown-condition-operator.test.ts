import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, expectClean, expectFindings, fixesOf } from '../../helpers';

const ID = 'iam/unknown-condition-operator';
const wrap = (condition: string) => `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": ${condition}}]}`;

test('operators are case-sensitive: a differently cased operator is reported and respelled', () => {
  expectFindings(ID, wrap('{⟦"stringEquals"⟧: {"aws:SourceAccount": "111122223333"}}'), [
    'Condition operators are case-sensitive: "stringEquals" must be written "StringEquals" (IAM rejects the policy otherwise).',
  ]);
  assert.equal(applyFix(ID, wrap('{"forallvalues:stringlike": {"aws:TagKeys": "x"}}')), wrap('{"ForAllValues:StringLike": {"aws:TagKeys": "x"}}'));
});

test('a misspelled operator or set prefix gets the closest operator', () => {
  expectFindings(ID, wrap('{⟦"StringEqualz"⟧: {"aws:SourceAccount": "1"}, ⟦"ForAnyValues:StringLike"⟧: {"aws:TagKeys": "x"}}'), [
    '"StringEqualz" is not an IAM condition operator. Did you mean "StringEquals"?',
    '"ForAnyValues:StringLike" is not an IAM condition operator. Did you mean "ForAnyValue:StringLike"?',
  ]);
  assert.equal(applyFix(ID, wrap('{"ArnLikeIfExist": {"aws:SourceArn": "x"}}')), wrap('{"ArnLikeIfExists": {"aws:SourceArn": "x"}}'));
});

test('Null takes no IfExists', () => {
  expectFindings(ID, wrap('{⟦"NullIfExists"⟧: {"aws:SourceAccount": "true"}}'), [
    '"NullIfExists" is not an operator: "Null" already tests whether the key exists, so it takes no "IfExists". Use "Null".',
  ]);
  assert.equal(applyFix(ID, wrap('{"NullIfExists": {"aws:SourceAccount": "true"}}')), wrap('{"Null": {"aws:SourceAccount": "true"}}'));
});

test('a name far from every operator is reported without a fix', () => {
  expectFindings(ID, wrap('{⟦"Whatever"⟧: {"aws:SourceAccount": "1"}}'), ['"Whatever" is not an IAM condition operator.']);
  assert.deepEqual(fixesOf(ID, wrap('{"Whatever": {"aws:SourceAccount": "1"}}')), []);
});

test('every operator IAM defines, with set prefixes and IfExists, is accepted', () => {
  expectClean(
    ID,
    wrap(
      '{"StringEquals": {}, "StringNotEqualsIgnoreCase": {}, "StringLikeIfExists": {}, "NumericLessThanEquals": {}, "DateGreaterThanIfExists": {}, "Bool": {}, "BinaryEquals": {}, "IpAddress": {}, "NotIpAddressIfExists": {}, "ArnNotLike": {}, "Null": {}, "ForAllValues:StringLike": {}, "ForAnyValue:ArnLikeIfExists": {}, "ForAnyValue:StringEquals": {}}',
    ),
  );
});
