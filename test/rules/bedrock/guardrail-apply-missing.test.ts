import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, expectClean, expectFindings, fixesOf } from '../../helpers';

const RULE = 'bedrock/guardrail-apply-missing';
const GR = 'arn:aws:bedrock:us-east-1:111122223333:guardrail/abc123xyz456';
const GR2 = 'arn:aws:bedrock:eu-west-1:111122223333:guardrail/zzz999';
const invoke = (op: string, values: string) =>
  `{"Effect": "Allow", "Action": "bedrock:InvokeModel", "Resource": "*", "Condition": {"${op}": {"bedrock:GuardrailIdentifier": ${values}}}}`;
const policy = (...statements: string[]) => `{\n  "Version": "2012-10-17",\n  "Statement": [\n    ${statements.join(',\n    ')}\n  ]\n}`;

test('a required guardrail without bedrock:ApplyGuardrail is reported once, on the first condition key', () => {
  expectFindings(
    RULE,
    policy(invoke('StringEquals', `"${GR}:1"`).replace('"bedrock:GuardrailIdentifier"', '⟦"bedrock:GuardrailIdentifier"⟧'), `{"Effect": "Deny", "Action": "bedrock:InvokeModel", "Resource": "*", "Condition": {"StringNotLike": {"bedrock:GuardrailIdentifier": ["${GR2}", "${GR2}:*"]}}}`),
    [`The policy requires the guardrails ${GR} and ${GR2} but does not allow bedrock:ApplyGuardrail on them, which invoking a model with a guardrail also needs.`],
  );
});

test('ApplyGuardrail on the guardrail, on a pattern or on "*" satisfies the rule', () => {
  for (const resource of [`"${GR}"`, '"arn:aws:bedrock:*:111122223333:guardrail/*"', '"*"']) {
    expectClean(RULE, policy(invoke('StringEquals', `"${GR}:1"`), `{"Effect": "Allow", "Action": "bedrock:ApplyGuardrail", "Resource": ${resource}}`));
  }
  expectFindings(RULE, policy(invoke('StringEquals', `"${GR}:1"`).replace('"bedrock:GuardrailIdentifier"', '⟦"bedrock:GuardrailIdentifier"⟧'), `{"Effect": "Allow", "Action": "bedrock:ApplyGuardrail", "Resource": "${GR2}"}`));
});

test('conditions that do not name a required guardrail are ignored', () => {
  expectClean(RULE, policy(invoke('StringNotEquals', `"${GR}"`)));
  expectClean(RULE, policy(invoke('StringEquals', '"abc123xyz456"')));
  expectClean(RULE, policy(invoke('Null', '"false"')));
  expectClean(RULE, policy(invoke('ForAnyValue:StringEquals', `"${GR}"`)));
  expectClean(RULE, policy(invoke('StringEquals', `"${GR}"`)), { kind: 'scp' });
});

test('the fix appends an Allow of bedrock:ApplyGuardrail on the guardrail ARNs without versions', () => {
  const text = policy(invoke('StringLike', `["${GR}", "${GR}:*"]`));
  const [fix] = fixesOf(RULE, text);
  assert.equal(fix.title, `Allow bedrock:ApplyGuardrail on ${GR}`);
  assert.equal(fix.isPreferred, true);
  assert.equal(
    applyFix(RULE, text),
    policy(invoke('StringLike', `["${GR}", "${GR}:*"]`), `{\n      "Sid": "ApplyGuardrail",\n      "Effect": "Allow",\n      "Action": "bedrock:ApplyGuardrail",\n      "Resource": "${GR}"\n    }`),
  );
});

test('the placeholder carries over into the Resource the fix writes', () => {
  const text = policy(invoke('StringEquals', '"arn:aws:bedrock:REGION:ACCOUNT_ID:guardrail/GUARDRAIL_ID:VERSION"'));
  const out = applyFix(RULE, text);
  assert.match(out, /"Resource": "arn:aws:bedrock:REGION:ACCOUNT_ID:guardrail\/GUARDRAIL_ID"/);
});
