// The SCP builder behind "New service control policy…": the exact statements for each
// protection, a Region deny that exempts cross-Region inference, and that the result lints clean
// as an SCP (including the rule that catches Region denies breaking cross-Region inference).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildScp, scpProblems, type ScpOptions } from '../../server/src/engine/scaffold/scp';
import { policyText } from '../../server/src/engine/scaffold/policy-document';
import { lint } from '../helpers';

const GUARDRAIL = 'arn:aws:bedrock:us-east-1:111122223333:guardrail/abc123xyz456';
const CONTROLS = [
  'bedrock:DeleteGuardrail',
  'bedrock:UpdateGuardrail',
  'bedrock:PutModelInvocationLoggingConfiguration',
  'bedrock:DeleteModelInvocationLoggingConfiguration',
  'bedrock:PutEnforcedGuardrailConfiguration',
  'bedrock:DeleteEnforcedGuardrailConfiguration',
];

function findings(o: ScpOptions): string[] {
  return lint(policyText(buildScp(o)), { path: 'scps/bedrock.json' }).map((f) => `${f.severity} ${f.ruleId}`);
}

test('Regions, any guardrail and control protection with an administrator role', () => {
  const options: ScpOptions = { allowedRegions: ['us-east-1', 'eu-west-1'], guardrail: { mode: 'any' }, protectControls: true, adminRoles: ['arn:aws:iam::*:role/BedrockSecurityAdmin'] };
  assert.deepEqual(buildScp(options), {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'DenyBedrockOutsideAllowedRegions',
        Effect: 'Deny',
        Action: 'bedrock:*',
        Resource: '*',
        Condition: {
          StringNotEquals: { 'aws:RequestedRegion': ['us-east-1', 'eu-west-1'] },
          ArnNotLike: {
            'bedrock:InferenceProfileArn': [
              'arn:aws:bedrock:us-east-1:*:inference-profile/*',
              'arn:aws:bedrock:us-east-1:*:application-inference-profile/*',
              'arn:aws:bedrock:eu-west-1:*:inference-profile/*',
              'arn:aws:bedrock:eu-west-1:*:application-inference-profile/*',
            ],
          },
        },
      },
      { Sid: 'DenyInvokeWithoutGuardrail', Effect: 'Deny', Action: ['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream'], Resource: '*', Condition: { Null: { 'bedrock:GuardrailIdentifier': 'true' } } },
      { Sid: 'DenyBedrockControlChanges', Effect: 'Deny', Action: CONTROLS, Resource: '*', Condition: { ArnNotLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/BedrockSecurityAdmin' } } },
    ],
  });
  assert.deepEqual(findings(options), []);
});

test('a specific guardrail version; control changes denied to everyone without administrator roles', () => {
  const options: ScpOptions = { allowedRegions: [], guardrail: { mode: 'specific', arn: GUARDRAIL, version: '2' }, protectControls: true };
  assert.deepEqual(buildScp(options).Statement, [
    { Sid: 'DenyInvokeWithoutGuardrail', Effect: 'Deny', Action: ['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream'], Resource: '*', Condition: { StringNotEquals: { 'bedrock:GuardrailIdentifier': `${GUARDRAIL}:2` } } },
    { Sid: 'DenyBedrockControlChanges', Effect: 'Deny', Action: CONTROLS, Resource: '*' },
  ]);
  assert.deepEqual(findings(options), []);
});

test('a specific guardrail without a version allows every version of it', () => {
  const options: ScpOptions = { allowedRegions: ['us-east-1'], guardrail: { mode: 'specific', arn: GUARDRAIL }, protectControls: false };
  assert.deepEqual(buildScp(options).Statement[1].Condition, { StringNotLike: { 'bedrock:GuardrailIdentifier': [GUARDRAIL, `${GUARDRAIL}:*`] } });
  assert.deepEqual(findings(options), []);
});

test('the Region deny alone, written as the SCP rule wants it: no finding, well under the size quota', () => {
  const options: ScpOptions = { allowedRegions: ['us-east-1', 'us-east-2', 'us-west-2', 'eu-central-1', 'eu-west-1', 'ap-northeast-1'], guardrail: { mode: 'none' }, protectControls: false };
  const text = policyText(buildScp(options));
  assert.deepEqual(findings(options), []);
  assert.ok(text.length < 5120 / 2, `${text.length} characters`);
});

test('bad answers are reported and nothing is built from them', () => {
  const bad: ScpOptions = { allowedRegions: ['mars-1'], guardrail: { mode: 'specific', arn: 'arn:aws:bedrock:us-east-1:111122223333:guardrail/ABC' }, protectControls: true, adminRoles: ['BedrockAdmin'] };
  assert.deepEqual(scpProblems(bad), [
    '"mars-1" is not a Region code such as us-east-1.',
    'A guardrail ARN looks like arn:aws:bedrock:us-east-1:111122223333:guardrail/abc123xyz456.',
    '"BedrockAdmin" is not a role ARN such as arn:aws:iam::*:role/BedrockSecurityAdmin.',
  ]);
  assert.deepEqual(scpProblems({ allowedRegions: [], guardrail: { mode: 'none' }, protectControls: false }), ['Choose at least one protection.']);
  assert.throws(() => buildScp(bad), /mars-1/);
});
