import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedIamData } from '../../../server/src/engine/iam/data';
import { guardrailActions } from '../../../server/src/engine/rules/bedrock/guardrail-not-enforced';
import { applyFix, expectClean, expectFindings, findingsOf, fixesOf } from '../../helpers';

const RULE = 'bedrock/guardrail-not-enforced';
const policy = (statements: string) => `{"Version": "2012-10-17", "Statement": [${statements}]}`;
const GR = 'arn:aws:bedrock:us-east-1:111122223333:guardrail/abc123xyz456';
const TAIL = 'without requiring a guardrail: no statement of this policy tests bedrock:GuardrailIdentifier.';

test('the IAM data puts bedrock:GuardrailIdentifier on InvokeModel and InvokeModelWithResponseStream only', () => {
  assert.deepEqual(
    guardrailActions(sharedIamData()).map((a) => a.name),
    ['InvokeModel', 'InvokeModelWithResponseStream'],
  );
});

test('an Allow of model invocation is reported on its Action entry', () => {
  expectFindings(RULE, policy('{"Effect": "Allow", "Action": ⟦"bedrock:InvokeModel"⟧, "Resource": "arn:aws:bedrock:us-east-1::foundation-model/*"}'), [
    `"bedrock:InvokeModel" allows bedrock:InvokeModel (and so Converse) ${TAIL}`,
  ]);
  expectFindings(RULE, policy('{"Effect": "Allow", "Action": ["s3:GetObject", ⟦"bedrock:InvokeModel*"⟧], "Resource": "*"}'), [
    `"bedrock:InvokeModel*" allows bedrock:InvokeModel and bedrock:InvokeModelWithResponseStream (and so Converse and ConverseStream) ${TAIL}`,
  ]);
  expectFindings(RULE, policy('{"Effect": "Allow", "Action": [⟦"bedrock:InvokeModel"⟧, "bedrock:InvokeModelWithResponseStream"], "Resource": "*"}'), [
    `This statement allows bedrock:InvokeModel and bedrock:InvokeModelWithResponseStream (and so Converse and ConverseStream) ${TAIL}`,
  ]);
  expectFindings(RULE, policy('{"Effect": "Allow", ⟦"NotAction"⟧: "iam:*", "Resource": "*"}'), [
    `"NotAction" allows bedrock:InvokeModel and bedrock:InvokeModelWithResponseStream (and so Converse and ConverseStream) ${TAIL}`,
  ]);
});

test('a guardrail condition anywhere in the policy, a Resource that cannot apply, a Deny and other kinds are not reported', () => {
  expectClean(
    RULE,
    policy(
      `{"Effect": "Allow", "Action": "bedrock:InvokeModel", "Resource": "*"}, {"Effect": "Deny", "Action": "bedrock:InvokeModel", "Resource": "*", "Condition": {"StringNotEquals": {"bedrock:guardrailidentifier": "${GR}:1"}}}`,
    ),
  );
  expectClean(RULE, policy('{"Effect": "Allow", "Action": "bedrock:*", "Resource": "arn:aws:bedrock:us-east-1:111122223333:guardrail/*"}'));
  expectClean(RULE, policy('{"Effect": "Deny", "Action": "bedrock:InvokeModel", "Resource": "*"}'));
  expectClean(RULE, policy('{"Effect": "Allow", "Action": "bedrock:InvokeModel", "Resource": "*"}, {"Effect": "Deny", "Action": "bedrock:Invoke*", "Resource": "*"}'));
  expectClean(RULE, policy('{"Effect": "Allow", "Action": "bedrock:InvokeModel", "Resource": "*"}'), { kind: 'scp' });
});

const single = '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": "bedrock:InvokeModel",\n      "Resource": "*"\n    }\n  ]\n}';

test('without a configured guardrail the fixes write the placeholder, which is a reminder and not an invalid condition', () => {
  const fixes = fixesOf(RULE, single);
  assert.deepEqual(
    fixes.map((f) => [f.title, f.isPreferred]),
    [
      ['Require the guardrail in this statement (a placeholder guardrail ARN to fill in)', false],
      ['Add a Deny statement for model invocations without the guardrail (a placeholder guardrail ARN to fill in)', false],
      ['Add a Deny statement for model invocations that name no guardrail (any guardrail)', undefined],
    ],
  );
  const out = applyFix(RULE, single, { title: /^Require/ });
  assert.equal(
    out,
    '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": "bedrock:InvokeModel",\n      "Resource": "*",\n      "Condition": {\n        "StringEquals": {\n          "bedrock:GuardrailIdentifier": "arn:aws:bedrock:REGION:ACCOUNT_ID:guardrail/GUARDRAIL_ID:VERSION"\n        }\n      }\n    }\n  ]\n}',
  );
  assert.deepEqual(findingsOf('bedrock/guardrail-condition-invalid', out), []);
  assert.equal(findingsOf('bedrock/guardrail-placeholder', out).length, 1);
});

test('with a configured guardrail and version the preferred fix requires exactly that version', () => {
  const settings = { guardrailArn: GR, guardrailVersion: '3' };
  const [fix] = fixesOf(RULE, single, 0, { settings });
  assert.equal(fix.title, `Require the guardrail in this statement (${GR}:3)`);
  assert.equal(fix.isPreferred, true);
  const out = applyFix(RULE, single, { settings });
  assert.match(out, /"StringEquals": \{\n {10}"bedrock:GuardrailIdentifier": "arn:aws:bedrock:us-east-1:111122223333:guardrail\/abc123xyz456:3"\n/);
  assert.deepEqual(findingsOf('bedrock/guardrail-condition-invalid', out, { settings }), []);
});

test('with a configured guardrail but no version the fix allows any version of it with StringLike', () => {
  const settings = { guardrailArn: GR };
  const text = policy('{"Effect": "Allow", "Action": "bedrock:InvokeModel", "Resource": "*", "Condition": {"StringEquals": {"aws:RequestedRegion": "us-east-1"}}}');
  assert.equal(
    applyFix(RULE, text, { settings }),
    policy(
      `{"Effect": "Allow", "Action": "bedrock:InvokeModel", "Resource": "*", "Condition": {"StringEquals": {"aws:RequestedRegion": "us-east-1"},\n  "StringLike": {\n    "bedrock:GuardrailIdentifier": [\n      "${GR}",\n      "${GR}:*"\n    ]\n  }}}`,
    ),
  );
});

test('the condition is added to an existing operator of the same name', () => {
  const settings = { guardrailArn: GR, guardrailVersion: '1' };
  const text = '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": "bedrock:InvokeModelWithResponseStream",\n      "Resource": "*",\n      "Condition": {\n        "StringEquals": {\n          "aws:RequestedRegion": "us-east-1"\n        }\n      }\n    }\n  ]\n}';
  assert.equal(
    applyFix(RULE, text, { settings }),
    `{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": "bedrock:InvokeModelWithResponseStream",\n      "Resource": "*",\n      "Condition": {\n        "StringEquals": {\n          "aws:RequestedRegion": "us-east-1",\n          "bedrock:GuardrailIdentifier": "${GR}:1"\n        }\n      }\n    }\n  ]\n}`,
  );
});

test('a statement with other actions only gets the Deny fix, the pattern AWS documents', () => {
  const text = '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": "bedrock:*",\n      "Resource": "*"\n    }\n  ]\n}';
  const settings = { guardrailArn: GR, guardrailVersion: '2' };
  const fixes = fixesOf(RULE, text, 0, { settings });
  assert.deepEqual(
    fixes.map((f) => [f.title, f.isPreferred]),
    [
      [`Add a Deny statement for model invocations without the guardrail (${GR}:2)`, true],
      ['Add a Deny statement for model invocations that name no guardrail (any guardrail)', undefined],
    ],
  );
  assert.equal(
    applyFix(RULE, text, { settings }),
    `{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": "bedrock:*",\n      "Resource": "*"\n    },\n    {\n      "Sid": "DenyInvokeWithoutGuardrail",\n      "Effect": "Deny",\n      "Action": [\n        "bedrock:InvokeModel",\n        "bedrock:InvokeModelWithResponseStream"\n      ],\n      "Resource": "*",\n      "Condition": {\n        "StringNotEquals": {\n          "bedrock:GuardrailIdentifier": "${GR}:2"\n        }\n      }\n    }\n  ]\n}`,
  );
});

test('the Null fix requires some guardrail without any configuration', () => {
  const text = '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": "bedrock:*",\n      "Resource": "*"\n    }\n  ]\n}';
  assert.equal(
    applyFix(RULE, text, { title: /name no guardrail/ }),
    '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": "bedrock:*",\n      "Resource": "*"\n    },\n    {\n      "Sid": "DenyInvokeWithoutGuardrail",\n      "Effect": "Deny",\n      "Action": [\n        "bedrock:InvokeModel",\n        "bedrock:InvokeModelWithResponseStream"\n      ],\n      "Resource": "*",\n      "Condition": {\n        "Null": {\n          "bedrock:GuardrailIdentifier": "true"\n        }\n      }\n    }\n  ]\n}',
  );
});

test('an invalid configured guardrail falls back to the placeholder', () => {
  const [fix] = fixesOf(RULE, single, 0, { settings: { guardrailArn: 'abc123xyz456' } });
  assert.equal(fix.title, 'Require the guardrail in this statement (a placeholder guardrail ARN to fill in)');
});

test('malformed input does not crash the rule', () => {
  expectFindings(RULE, '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": [⟦"bedrock:InvokeModel"⟧, 3], "Resource": "*", "Condition": []}]}');
  expectClean(RULE, '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "bedrock:InvokeModel", "Resource": "*", "Condition": {"StringEquals": {"bedrock:GuardrailIdentifier": 5}}}]}');
  assert.deepEqual(findingsOf(RULE, '{"Statement": [{"Effect": "Allow", "Action": "bedrock:Invo'), []);
});
