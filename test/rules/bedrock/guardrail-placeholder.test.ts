import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, expectClean, expectFindings, fixesOf } from '../../helpers';

const RULE = 'bedrock/guardrail-placeholder';
const GR = 'arn:aws:bedrock:us-east-1:111122223333:guardrail/abc123xyz456';
const PH = 'arn:aws:bedrock:REGION:ACCOUNT_ID:guardrail/GUARDRAIL_ID:VERSION';
const PH_ARN = 'arn:aws:bedrock:REGION:ACCOUNT_ID:guardrail/GUARDRAIL_ID';
const text = `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "bedrock:InvokeModel", "Resource": "*", "Condition": {"StringEquals": {"bedrock:GuardrailIdentifier": "${PH}"}}}, {"Effect": "Allow", "Action": "bedrock:ApplyGuardrail", "Resource": "${PH_ARN}"}]}`;

test('placeholders in guardrail conditions and in Resource are reported on the value', () => {
  expectFindings(RULE, text.replace(`"${PH}"`, `⟦"${PH}"⟧`).replace(`"${PH_ARN}"`, `⟦"${PH_ARN}"⟧`), [
    `"${PH}" is a placeholder: put in your guardrail's Region, account id, guardrail id and version (or set bedrockSecurity.guardrailArn and use the quick fix); until it is replaced, this condition never matches a request.`,
    `"${PH_ARN}" is a placeholder: put in your guardrail's Region, account id, guardrail id (or set bedrockSecurity.guardrailArn and use the quick fix); until it is replaced, this Resource names no guardrail.`,
  ]);
});

test('one placeholder part is enough; real values and other keys are not reported', () => {
  expectFindings(RULE, `{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "bedrock:InvokeModel", "Resource": "*", "Condition": {"StringNotLike": {"bedrock:GuardrailIdentifier": ["${GR}", ⟦"${GR}:VERSION"⟧]}}}]}`);
  expectClean(RULE, `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "bedrock:InvokeModel", "Resource": "*", "Condition": {"StringEquals": {"bedrock:GuardrailIdentifier": "${GR}:1", "aws:ResourceTag/x": "${PH}"}}}]}`);
});

test('the fix writes the configured guardrail, with its version where the placeholder has one', () => {
  const settings = { guardrailArn: GR, guardrailVersion: '4' };
  const [fix] = fixesOf(RULE, text, 0, { settings });
  assert.equal(fix.title, `Replace the placeholder with ${GR}:4`);
  assert.equal(fix.isPreferred, true);
  const once = applyFix(RULE, text, { settings });
  assert.equal(applyFix(RULE, once, { settings }), text.replace(PH, `${GR}:4`).replace(PH_ARN, GR));
});

test('no fix without a configured guardrail, or without a version for a placeholder version', () => {
  assert.deepEqual(fixesOf(RULE, text), []);
  assert.deepEqual(fixesOf(RULE, text, 0, { settings: { guardrailArn: GR } }), []);
  assert.equal(fixesOf(RULE, text, 1, { settings: { guardrailArn: GR } })[0].title, `Replace the placeholder with ${GR}`);
});
