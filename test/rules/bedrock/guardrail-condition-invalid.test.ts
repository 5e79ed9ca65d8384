import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, expectClean, expectFindings, fixesOf, lint } from '../../helpers';

const RULE = 'bedrock/guardrail-condition-invalid';
const GR = 'arn:aws:bedrock:us-east-1:111122223333:guardrail/abc123xyz456';
/** A policy whose only statement allows InvokeModel under `condition` (JSON text of the Condition value). */
const allow = (condition: string, action = '"bedrock:InvokeModel"') =>
  `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ${action}, "Resource": "*", "Condition": ${condition}}]}`;

test('guardrail ARNs, ARN:version, patterns that can match, variables and the placeholder are valid', () => {
  for (const cond of [
    `{"StringEquals": {"bedrock:GuardrailIdentifier": ["${GR}", "${GR}:1", "${GR}:12345678"]}}`,
    `{"StringLike": {"bedrock:GuardrailIdentifier": ["${GR}:*", "arn:aws:bedrock:*:*:guardrail/*", "*"]}}`,
    `{"ArnLike": {"bedrock:GuardrailIdentifier": "arn:aws:bedrock:*:111122223333:guardrail/*"}}`,
    `{"StringEqualsIgnoreCase": {"bedrock:GuardrailIdentifier": "arn:aws:bedrock:us-east-1:111122223333:guardrail/ABC123XYZ456"}}`,
    '{"StringEquals": {"bedrock:GuardrailIdentifier": "arn:aws:bedrock:${aws:RequestedRegion}:111122223333:guardrail/abc"}}',
    '{"StringEquals": {"bedrock:GuardrailIdentifier": "arn:aws:bedrock:REGION:ACCOUNT_ID:guardrail/GUARDRAIL_ID:VERSION"}}',
    '{"Null": {"bedrock:GuardrailIdentifier": ["true", "false"]}}',
    `{"StringEqualsIfExists": {"bedrock:GuardrailIdentifier": "${GR}"}}`,
  ]) {
    expectClean(RULE, allow(cond));
  }
  expectClean(RULE, allow('{"Null": {"bedrock:GuardrailIdentifier": true}}'));
  expectClean(RULE, allow(`{"Bool": {"aws:SecureTransport": "true"}, "StringEquals": {"bedrock:GuardrailIdentifier": "${GR}:1"}}`));
});

test('a bare guardrail id is reported; the fix writes the ARN with placeholders, or the configured ARN', () => {
  const text = allow('{"StringEquals": {"bedrock:GuardrailIdentifier": "abc123xyz456"}}');
  expectFindings(RULE, text.replace('"abc123xyz456"', '⟦"abc123xyz456"⟧'), [
    '"abc123xyz456" looks like a guardrail id, but bedrock:GuardrailIdentifier holds the guardrail\'s ARN (arn:aws:bedrock:<Region>:<account>:guardrail/abc123xyz456), so this value never matches.',
  ]);
  assert.equal(fixesOf(RULE, text)[0].isPreferred, false, 'a placeholder is not the one right answer');
  assert.equal(applyFix(RULE, text), allow('{"StringEquals": {"bedrock:GuardrailIdentifier": "arn:aws:bedrock:REGION:ACCOUNT_ID:guardrail/abc123xyz456"}}'));
  assert.equal(fixesOf(RULE, text, 0, { settings: { guardrailArn: GR } })[0].isPreferred, true);
  const settings = { guardrailArn: GR };
  assert.equal(applyFix(RULE, text, { settings }), allow(`{"StringEquals": {"bedrock:GuardrailIdentifier": "${GR}"}}`));
  const withVersion = allow('{"StringEquals": {"bedrock:GuardrailIdentifier": "abc123xyz456:2"}}');
  assert.equal(applyFix(RULE, withVersion, { settings }), allow(`{"StringEquals": {"bedrock:GuardrailIdentifier": "${GR}:2"}}`));
  expectFindings(RULE, allow('{"StringEquals": {"bedrock:GuardrailIdentifier": ⟦123456⟧}}'), [/^"123456" looks like a guardrail id/]);
});

test('values that are not guardrail identifiers are reported with the reason', () => {
  expectFindings(
    RULE,
    allow(
      '{"StringEquals": {"bedrock:GuardrailIdentifier": [⟦"arn:aws:bedrock:us-east-1:111122223333:guardrail-profile/us.guardrail.v1:0"⟧, ⟦"arn:aws:bedrock:::guardrail/abc"⟧, ⟦"arn:aws:bedrock:us-east-1:1234:guardrail/abc"⟧, ⟦"arn:aws:bedrock:us-east-1:111122223333:guardrail/ab_c"⟧, ⟦"arn:aws:bedrock:us-east-1:111122223333:guardrail/abc:v1"⟧, ⟦"arn:aws:bedrock:us-east-1:111122223333:guardrail/ABC"⟧]}}',
    ),
    [
      '"arn:aws:bedrock:us-east-1:111122223333:guardrail-profile/us.guardrail.v1:0" is not a guardrail identifier (arn:aws:bedrock:<Region>:<account>:guardrail/<id>, optionally followed by :<numeric version>), so this value never matches.',
      '"arn:aws:bedrock:::guardrail/abc" has no Region: guardrail ARNs name the guardrail\'s Region, so this value never matches.',
      '"arn:aws:bedrock:us-east-1:1234:guardrail/abc" has no 12-digit account id ("1234"), so this value never matches.',
      '"arn:aws:bedrock:us-east-1:111122223333:guardrail/ab_c" has an invalid guardrail id ("ab_c"): ids are lower-case letters and digits, so this value never matches.',
      '"arn:aws:bedrock:us-east-1:111122223333:guardrail/abc:v1" has an invalid version ("v1"): the identifier is the guardrail ARN, optionally followed by a numeric version such as ":1".',
      '"arn:aws:bedrock:us-east-1:111122223333:guardrail/ABC" has upper-case letters in the guardrail id; guardrail ids are lower-case and this operator compares case-sensitively, so this value never matches.',
    ],
  );
});

test(':DRAFT is reported and the fix removes it (DRAFT requests carry the ARN alone)', () => {
  const text = allow(`{"StringNotEquals": {"bedrock:GuardrailIdentifier": "${GR}:DRAFT"}}`);
  expectFindings(RULE, text.replace(`"${GR}:DRAFT"`, `⟦"${GR}:DRAFT"⟧`), [
    `"${GR}:DRAFT" names the DRAFT version, but requests that use DRAFT carry the guardrail ARN without a version: write "${GR}".`,
  ]);
  const [fix] = fixesOf(RULE, text);
  assert.equal(fix.title, `Replace with "${GR}"`);
  assert.equal(applyFix(RULE, text), allow(`{"StringNotEquals": {"bedrock:GuardrailIdentifier": "${GR}"}}`));
});

test('operators of another type are reported on the operator; the fix renames them when they test only this key', () => {
  const text = allow(`{"Bool": {"bedrock:GuardrailIdentifier": "${GR}:1"}}`);
  expectFindings(RULE, text.replace('"Bool"', '⟦"Bool"⟧'), [
    '"Bool" compares booleans, but bedrock:GuardrailIdentifier holds a guardrail ARN, so this condition cannot test the guardrail: use StringEquals.',
  ]);
  assert.equal(applyFix(RULE, text), allow(`{"StringEquals": {"bedrock:GuardrailIdentifier": "${GR}:1"}}`));
  expectFindings(RULE, allow(`{⟦"NumericNotEqualsIfExists"⟧: {"bedrock:GuardrailIdentifier": "1"}, ⟦"NotIpAddress"⟧: {"bedrock:GuardrailIdentifier": "10.0.0.0/8", "aws:SourceIp": "10.0.0.0/8"}, ⟦"DateGreaterThan"⟧: {"bedrock:GuardrailIdentifier": "2020-01-01"}}`), [
    /^"NumericNotEqualsIfExists" compares numbers, .*: use StringNotEquals\.$/,
    /^"NotIpAddress" compares IP addresses, .*: use StringNotEquals\.$/,
    /^"DateGreaterThan" compares dates, .*: use StringEquals\.$/,
  ]);
  const numeric = allow(`{"NumericNotEqualsIfExists": {"bedrock:GuardrailIdentifier": "${GR}"}}`);
  assert.equal(applyFix(RULE, numeric), allow(`{"StringNotEqualsIfExists": {"bedrock:GuardrailIdentifier": "${GR}"}}`));
  assert.deepEqual(fixesOf(RULE, allow('{"NotIpAddress": {"bedrock:GuardrailIdentifier": "x", "aws:SourceIp": "10.0.0.0/8"}}')), []);
  assert.deepEqual(fixesOf(RULE, allow(`{"Bool": {"bedrock:GuardrailIdentifier": "x"}, "StringEquals": {"bedrock:GuardrailIdentifier": "${GR}"}}`)), []);
});

test('wildcards under StringEquals are literal: reported, and the fix switches to StringLike', () => {
  const text = allow(`{"StringEquals": {"bedrock:GuardrailIdentifier": "${GR}:*"}}`);
  expectFindings(RULE, text.replace(`"${GR}:*"`, `⟦"${GR}:*"⟧`), [`"StringEquals" compares "*" and "?" literally, so "${GR}:*" never matches: use StringLike for wildcards.`]);
  assert.equal(applyFix(RULE, text), allow(`{"StringLike": {"bedrock:GuardrailIdentifier": "${GR}:*"}}`));
  const ignoreCase = allow(`{"StringNotEqualsIgnoreCase": {"bedrock:GuardrailIdentifier": "${GR}*"}}`);
  expectFindings(RULE, ignoreCase.replace(`"${GR}*"`, `⟦"${GR}*"⟧`), [/use StringLike for wildcards\.$/]);
  assert.deepEqual(fixesOf(RULE, ignoreCase), []);
});

test('patterns that cannot match any guardrail identifier are reported', () => {
  expectFindings(RULE, allow('{"StringLike": {"bedrock:GuardrailIdentifier": [⟦"abc*"⟧, ⟦"arn:aws:bedrock:*:*:guardrail-profile/*"⟧, "arn:aws:bedrock:*"]}}'), [
    '"abc*" cannot match any guardrail identifier (arn:aws:bedrock:<Region>:<account>:guardrail/<id>, optionally followed by :<numeric version>), so this value never matches.',
    '"arn:aws:bedrock:*:*:guardrail-profile/*" cannot match any guardrail identifier (arn:aws:bedrock:<Region>:<account>:guardrail/<id>, optionally followed by :<numeric version>), so this value never matches.',
  ]);
});

test('Null takes "true" or "false"; a guardrail ARN under Null gets the StringEquals fix', () => {
  const text = allow(`{"Null": {"bedrock:GuardrailIdentifier": "${GR}"}}`);
  expectFindings(RULE, text.replace(`"${GR}"`, `⟦"${GR}"⟧`), [`"Null" takes "true" (the request has no guardrail) or "false" (it has one), not "${GR}".`]);
  assert.equal(applyFix(RULE, text), allow(`{"StringEquals": {"bedrock:GuardrailIdentifier": "${GR}"}}`));
  expectFindings(RULE, allow('{"Null": {"bedrock:GuardrailIdentifier": ⟦"yes"⟧}}'));
  assert.deepEqual(fixesOf(RULE, allow('{"Null": {"bedrock:GuardrailIdentifier": "yes"}}')), []);
});

test('conditions on statements whose actions never carry the key are left to iam/condition-key-not-applicable', () => {
  expectClean(RULE, allow(`{"StringEquals": {"bedrock:GuardrailIdentifier": "${GR}:1"}}`, '"bedrock:ApplyGuardrail"'));
});

test('the rule also runs on SCPs, where guardrails are commonly enforced', () => {
  expectFindings(
    RULE,
    '{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "bedrock:InvokeModel", "Resource": "*", "Condition": {"StringNotEquals": {"bedrock:GuardrailIdentifier": ⟦"abc123xyz456"⟧}}}]}',
    [/looks like a guardrail id/],
    { kind: 'scp' },
  );
});

test('malformed conditions do not crash the rule', () => {
  for (const cond of ['"x"', '[]', '{"StringEquals": "x"}', '{"StringEquals": {"bedrock:GuardrailIdentifier": {"a": 1}}}', '{"StringEquals": {"bedrock:GuardrailIdentifier": [null, ""]}}', '{"NoSuchOperator": {"bedrock:GuardrailIdentifier": "x"}}']) {
    assert.doesNotThrow(() => lint(allow(cond)));
  }
  expectFindings(RULE, allow('{"StringEquals": {"bedrock:GuardrailIdentifier": [null, ⟦""⟧]}}'), [/^"" is not a guardrail identifier/]);
  expectClean(RULE, allow('{"NoSuchOperator": {"bedrock:GuardrailIdentifier": "x"}}'));
});
