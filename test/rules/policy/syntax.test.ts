import { test } from 'node:test';
import { expectClean, expectFindings } from '../../helpers';

test('policy/syntax reports a trailing comma and a comment at their position', () => {
  expectFindings('policy/syntax', '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow"⟦,⟧}]}', ['Trailing commas are not allowed in IAM policies.']);
  expectFindings('policy/syntax', '{⟦// note⟧\n"Version": "2012-10-17", "Statement": []}', ['Comments are not allowed in IAM policies.']);
});

test('policy/syntax reads a half-typed policy and reports where it stops', () => {
  expectFindings('policy/syntax', '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject"⟦⟧', ['Closing brace "}" expected.']);
});

test('policy/syntax ignores JSON that is not a policy', () => {
  expectClean('policy/syntax', '{"name": "x", // comment\n}');
});
