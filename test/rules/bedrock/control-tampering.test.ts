import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedIamData } from '../../../server/src/engine/iam/data';
import { CONTROL_ACTIONS } from '../../../server/src/engine/rules/bedrock/control-tampering';
import { applyFix, expectClean, expectFindings, fixesOf, lint } from '../../helpers';

const RULE = 'bedrock/control-tampering';
const policy = (statements: string) => `{"Version": "2012-10-17", "Statement": [${statements}]}`;

test('the control actions exist in the IAM data under these exact names', () => {
  const iam = sharedIamData();
  assert.deepEqual(
    CONTROL_ACTIONS.filter((a) => !iam.action('bedrock', a.slice('bedrock:'.length))),
    [],
  );
  assert.equal(CONTROL_ACTIONS.length, 6);
});

test('bedrock:* and * are reported on the Action entry, naming every control action', () => {
  const all =
    'bedrock:DeleteGuardrail, bedrock:UpdateGuardrail, bedrock:PutModelInvocationLoggingConfiguration, bedrock:DeleteModelInvocationLoggingConfiguration, bedrock:PutEnforcedGuardrailConfiguration and bedrock:DeleteEnforcedGuardrailConfiguration';
  const can = 'delete or weaken guardrails, redirect or turn off model invocation logging and replace or remove the account-enforced guardrail';
  expectFindings(RULE, policy('{"Effect": "Allow", "Action": ["s3:GetObject", ⟦"bedrock:*"⟧], "Resource": "*"}'), [
    `"bedrock:*" allows ${all} without any condition: anyone this policy applies to can ${can}.`,
  ]);
  expectFindings(RULE, policy('{"Effect": "Allow", "Action": ⟦"*"⟧, "Resource": "*"}'), [`"*" allows ${all} without any condition: anyone this policy applies to can ${can}.`]);
});

test('patterns report only the control actions they expand to', () => {
  expectFindings(RULE, policy('{"Effect": "Allow", "Action": [⟦"bedrock:Delete*"⟧, ⟦"bedrock:Put*"⟧, "bedrock:Get*"], "Resource": "*"}'), [
    '"bedrock:Delete*" allows bedrock:DeleteGuardrail, bedrock:DeleteModelInvocationLoggingConfiguration and bedrock:DeleteEnforcedGuardrailConfiguration without any condition: anyone this policy applies to can delete guardrails, turn off model invocation logging and remove the account-enforced guardrail.',
    '"bedrock:Put*" allows bedrock:PutModelInvocationLoggingConfiguration and bedrock:PutEnforcedGuardrailConfiguration without any condition: anyone this policy applies to can redirect or turn off model invocation logging and replace the account-enforced guardrail.',
  ]);
  expectFindings(RULE, policy('{"Effect": "Allow", "Action": ⟦"bedrock:updateguardrail"⟧, "Resource": "arn:aws:bedrock:us-east-1:111122223333:guardrail/abc123"}'), [
    '"bedrock:updateguardrail" allows bedrock:UpdateGuardrail without any condition: anyone this policy applies to can weaken guardrails.',
  ]);
});

test('NotAction that does not exclude the control actions is reported on the NotAction key', () => {
  expectFindings(RULE, policy('{"Effect": "Allow", ⟦"NotAction"⟧: ["iam:*", "bedrock:*Guardrail", "bedrock:*EnforcedGuardrailConfiguration"], "Resource": "*"}'), [
    '"NotAction" allows bedrock:PutModelInvocationLoggingConfiguration and bedrock:DeleteModelInvocationLoggingConfiguration without any condition: anyone this policy applies to can redirect or turn off model invocation logging.',
  ]);
});

test('the Resource must be able to apply: wildcard-only actions need "*", guardrail actions a guardrail ARN', () => {
  expectFindings(RULE, policy('{"Effect": "Allow", "Action": ⟦"bedrock:*"⟧, "Resource": "arn:aws:bedrock:*:111122223333:guardrail/*"}'), [
    '"bedrock:*" allows bedrock:DeleteGuardrail and bedrock:UpdateGuardrail without any condition: anyone this policy applies to can delete or weaken guardrails.',
  ]);
  expectClean(RULE, policy('{"Effect": "Allow", "Action": "bedrock:*", "Resource": "arn:aws:bedrock:*::foundation-model/*"}'));
  expectClean(RULE, policy('{"Effect": "Allow", "Action": "bedrock:PutModelInvocationLoggingConfiguration", "Resource": "arn:aws:bedrock:us-east-1:111122223333:guardrail/x"}'));
});

test('a condition, an unconditional Deny on "*", Deny effects and SCPs are not reported', () => {
  expectClean(RULE, policy('{"Effect": "Allow", "Action": "bedrock:*", "Resource": "*", "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}}'));
  expectClean(RULE, policy('{"Effect": "Deny", "Action": "bedrock:*", "Resource": "*"}'));
  expectClean(
    RULE,
    policy('{"Effect": "Allow", "Action": "bedrock:*Guardrail", "Resource": "*"}, {"Effect": "Deny", "Action": ["bedrock:DeleteGuardrail", "bedrock:UpdateGuardrail"], "Resource": "*"}'),
  );
  expectClean(RULE, policy('{"Effect": "Allow", "Action": "bedrock:*", "Resource": "*"}'), { kind: 'scp' });
  // A Deny that only applies under a condition does not take the action away.
  expectFindings(
    RULE,
    policy('{"Effect": "Allow", "Action": ⟦"bedrock:DeleteGuardrail"⟧, "Resource": "*"}, {"Effect": "Deny", "Action": "bedrock:DeleteGuardrail", "Resource": "*", "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "false"}}}'),
  );
});

test('fix appends a Deny statement for the reported actions, indented like its siblings', () => {
  const text = '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": "bedrock:*Guardrail",\n      "Resource": "*"\n    }\n  ]\n}';
  const [fix] = fixesOf(RULE, text);
  assert.equal(fix.title, 'Add a Deny statement for bedrock:DeleteGuardrail and bedrock:UpdateGuardrail');
  assert.equal(fix.isPreferred, undefined);
  assert.equal(
    applyFix(RULE, text),
    '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": "bedrock:*Guardrail",\n      "Resource": "*"\n    },\n    {\n      "Sid": "DenyBedrockControlChanges",\n      "Effect": "Deny",\n      "Action": [\n        "bedrock:DeleteGuardrail",\n        "bedrock:UpdateGuardrail"\n      ],\n      "Resource": "*"\n    }\n  ]\n}',
  );
});

test('fix picks a free Sid, writes a single action as a string, and needs a Statement array', () => {
  const text = policy('{"Sid": "DenyBedrockControlChanges", "Effect": "Allow", "Action": "bedrock:DeleteGuardrail", "Resource": "*"}');
  assert.equal(
    applyFix(RULE, text),
    policy(
      '{"Sid": "DenyBedrockControlChanges", "Effect": "Allow", "Action": "bedrock:DeleteGuardrail", "Resource": "*"}, {\n  "Sid": "DenyBedrockControlChanges2",\n  "Effect": "Deny",\n  "Action": "bedrock:DeleteGuardrail",\n  "Resource": "*"\n}',
    ),
  );
  const single = '{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "bedrock:DeleteGuardrail", "Resource": "*"}}';
  expectFindings(RULE, single.replace('"bedrock:DeleteGuardrail"', '⟦"bedrock:DeleteGuardrail"⟧'));
  assert.deepEqual(fixesOf(RULE, single), []);
});

test('malformed statements do not crash the rule', () => {
  for (const text of [
    policy('{"Effect": "Allow", "Action": 42, "Resource": "*"}'),
    policy('{"Effect": "Allow", "Action": ["bedrock:*", {"x": 1}], "Resource": ["*", 7]}'),
    policy('{"Effect": "Allow", "Action": "bedrock:*", "Condition": "yes"}'),
    '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["bedrock:Dele',
  ]) {
    assert.doesNotThrow(() => lint(text));
  }
  expectFindings(RULE, policy('{"Effect": "Allow", "Action": [⟦"bedrock:*"⟧, {"x": 1}], "Resource": ["*", 7]}'));
});
