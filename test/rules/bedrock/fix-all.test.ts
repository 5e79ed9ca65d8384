// The bedrock/* fixes compose: "fix all" on a broad Bedrock policy leaves no bedrock/* finding,
// and a policy that only lacks a configured guardrail is not given a placeholder behind the user's back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { linter, lint } from '../../helpers';
import { defaultSettings } from '../../../server/src/engine/settings';

const GR = 'arn:aws:bedrock:us-east-1:111122223333:guardrail/abc123xyz456';
const broad = '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": "bedrock:*",\n      "Resource": "*"\n    }\n  ]\n}';
const bedrockFindings = (text: string, settings = {}) => lint(text, { settings }).filter((f) => f.ruleId.startsWith('bedrock/')).map((f) => f.ruleId);

test('fix all with a configured guardrail applies only the preferred guardrail Deny; other Deny statements stay one-by-one fixes', () => {
  const settings = { ...defaultSettings(), guardrailArn: GR, guardrailVersion: '1' };
  assert.deepEqual(bedrockFindings(broad, settings), ['bedrock/bearer-token-unrestricted', 'bedrock/control-tampering', 'bedrock/guardrail-not-enforced']);
  const { text, applied } = linter.fixAllJson(broad, { path: 'policy.json', settings });
  assert.equal(applied, 1);
  // Denying control changes or long-term API keys is a choice for the user: never applied in bulk.
  assert.deepEqual(bedrockFindings(text, settings), ['bedrock/bearer-token-unrestricted', 'bedrock/control-tampering']);
  const statements = (JSON.parse(text) as { Statement: { Sid?: string }[] }).Statement.map((s) => s.Sid ?? '');
  // bedrock:* on "*" already grants bedrock:ApplyGuardrail, so no ApplyGuardrail statement is added.
  assert.deepEqual(statements.sort(), ['', 'DenyInvokeWithoutGuardrail']);
});

test('fix all adds the ApplyGuardrail grant that a guardrail condition needs', () => {
  const settings = { ...defaultSettings(), guardrailArn: GR };
  const text = '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": "bedrock:InvokeModel",\n      "Resource": "arn:aws:bedrock:us-east-1::foundation-model/*"\n    }\n  ]\n}';
  const out = linter.fixAllJson(text, { path: 'policy.json', settings });
  assert.deepEqual(bedrockFindings(out.text, settings), []);
  assert.deepEqual((JSON.parse(out.text) as { Statement: unknown[] }).Statement[1], { Sid: 'ApplyGuardrail', Effect: 'Allow', Action: 'bedrock:ApplyGuardrail', Resource: GR });
});

test('fix all never writes the guardrail placeholder on its own', () => {
  const { text } = linter.fixAllJson(broad, { path: 'policy.json', settings: defaultSettings() });
  assert.doesNotMatch(text, /GUARDRAIL_ID/);
  assert.equal(text, broad);
});
