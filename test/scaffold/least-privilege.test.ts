// The least-privilege policy builder behind "New least-privilege policy…": the exact policy for
// each purpose, cross-Region inference resources per AWS's documented pattern, the guardrail
// pattern (Allow with the condition, matching Deny, ApplyGuardrail), input validation, and that
// every generated policy lints clean with our own rules.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildLeastPrivilegePolicy, leastPrivilegeProblems, needsAccount, type LeastPrivilegeOptions } from '../../server/src/engine/scaffold/least-privilege';
import { modelIdProblem, modelRef } from '../../server/src/engine/scaffold/models';
import { policyText } from '../../server/src/engine/scaffold/policy-document';
import { lint } from '../helpers';

const ACCOUNT = '111122223333';
const GUARDRAIL = `arn:aws:bedrock:us-east-1:${ACCOUNT}:guardrail/abc123xyz456`;
const HAIKU = 'anthropic.claude-3-haiku-20240307-v1:0';
const SONNET = 'anthropic.claude-sonnet-4-5-20250929-v1:0';

/** The findings of a generated policy as `severity rule-id`, for exact assertions. */
function findings(o: LeastPrivilegeOptions): string[] {
  return lint(policyText(buildLeastPrivilegePolicy(o).policy)).map((f) => `${f.severity} ${f.ruleId}`);
}

describe('invoke models', () => {
  test('on-demand models, a US and a global profile, streaming, a guardrail version', () => {
    const options: LeastPrivilegeOptions = { purpose: 'invoke-models', account: ACCOUNT, regions: ['us-east-1'], models: [HAIKU, `us.${SONNET}`, `global.${SONNET}`], streaming: true, guardrail: { arn: GUARDRAIL, version: '1' } };
    const { policy, skipped } = buildLeastPrivilegePolicy(options);
    const both = ['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream'];
    const guardrail = `${GUARDRAIL}:1`;
    assert.deepEqual(skipped, []);
    assert.deepEqual(policy, {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'InvokeModels',
          Effect: 'Allow',
          Action: both,
          Resource: [`arn:aws:bedrock:us-east-1::foundation-model/${HAIKU}`, `arn:aws:bedrock:us-east-1:${ACCOUNT}:inference-profile/us.${SONNET}`, `arn:aws:bedrock:us-east-1:${ACCOUNT}:inference-profile/global.${SONNET}`],
          Condition: { StringEquals: { 'bedrock:GuardrailIdentifier': guardrail } },
        },
        {
          Sid: 'InvokeModelsThroughInferenceProfiles',
          Effect: 'Allow',
          Action: both,
          Resource: [
            `arn:aws:bedrock:us-east-1::foundation-model/${SONNET}`,
            `arn:aws:bedrock:us-east-2::foundation-model/${SONNET}`,
            `arn:aws:bedrock:us-west-2::foundation-model/${SONNET}`,
            `arn:aws:bedrock:us-west-1::foundation-model/${SONNET}`,
            `arn:aws:bedrock:::foundation-model/${SONNET}`,
          ],
          Condition: {
            StringEquals: {
              'bedrock:InferenceProfileArn': [`arn:aws:bedrock:us-east-1:${ACCOUNT}:inference-profile/us.${SONNET}`, `arn:aws:bedrock:us-east-1:${ACCOUNT}:inference-profile/global.${SONNET}`],
              'bedrock:GuardrailIdentifier': guardrail,
            },
          },
        },
        { Sid: 'DenyInvokeWithoutGuardrail', Effect: 'Deny', Action: both, Resource: '*', Condition: { StringNotEquals: { 'bedrock:GuardrailIdentifier': guardrail } } },
        { Sid: 'ApplyGuardrail', Effect: 'Allow', Action: 'bedrock:ApplyGuardrail', Resource: GUARDRAIL },
      ],
    });
    assert.deepEqual(findings(options), []);
  });

  test('the exact text: two-space indentation, single values as strings, a final newline', () => {
    const { policy } = buildLeastPrivilegePolicy({ purpose: 'invoke-models', account: ACCOUNT, regions: ['us-west-2'], models: [HAIKU], guardrail: { arn: GUARDRAIL, version: '3' } });
    assert.equal(
      policyText(policy),
      `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "InvokeModels",
      "Effect": "Allow",
      "Action": "bedrock:InvokeModel",
      "Resource": "arn:aws:bedrock:us-west-2::foundation-model/${HAIKU}",
      "Condition": {
        "StringEquals": {
          "bedrock:GuardrailIdentifier": "${GUARDRAIL}:3"
        }
      }
    },
    {
      "Sid": "DenyInvokeWithoutGuardrail",
      "Effect": "Deny",
      "Action": [
        "bedrock:InvokeModel",
        "bedrock:InvokeModelWithResponseStream"
      ],
      "Resource": "*",
      "Condition": {
        "StringNotEquals": {
          "bedrock:GuardrailIdentifier": "${GUARDRAIL}:3"
        }
      }
    },
    {
      "Sid": "ApplyGuardrail",
      "Effect": "Allow",
      "Action": "bedrock:ApplyGuardrail",
      "Resource": "${GUARDRAIL}"
    }
  ]
}
`,
    );
  });

  test('a guardrail without a version accepts any version of it (StringLike on ARN and ARN:*)', () => {
    const options: LeastPrivilegeOptions = { purpose: 'invoke-models', account: ACCOUNT, regions: ['eu-west-1'], models: ['eu.amazon.nova-pro-v1:0'], guardrail: { arn: GUARDRAIL } };
    const { policy } = buildLeastPrivilegePolicy(options);
    const any = [GUARDRAIL, `${GUARDRAIL}:*`];
    assert.deepEqual(policy.Statement[0].Condition, { StringLike: { 'bedrock:GuardrailIdentifier': any } });
    assert.deepEqual(policy.Statement[1], {
      Sid: 'InvokeModelsThroughInferenceProfiles',
      Effect: 'Allow',
      Action: 'bedrock:InvokeModel',
      Resource: ['eu-west-1', 'eu-central-1', 'eu-west-3', 'eu-north-1', 'eu-south-1', 'eu-south-2'].map((r) => `arn:aws:bedrock:${r}::foundation-model/amazon.nova-pro-v1:0`),
      Condition: { StringEquals: { 'bedrock:InferenceProfileArn': `arn:aws:bedrock:eu-west-1:${ACCOUNT}:inference-profile/eu.amazon.nova-pro-v1:0` }, StringLike: { 'bedrock:GuardrailIdentifier': any } },
    });
    assert.deepEqual(policy.Statement[2].Condition, { StringNotLike: { 'bedrock:GuardrailIdentifier': any } });
    assert.deepEqual(findings(options), []);
  });

  test('the DRAFT version is required as the ARN without a version, which is what DRAFT requests carry', () => {
    const options: LeastPrivilegeOptions = { purpose: 'invoke-models', regions: ['us-east-1'], models: [HAIKU], guardrail: { arn: GUARDRAIL, version: 'DRAFT' } };
    const { policy } = buildLeastPrivilegePolicy(options);
    assert.deepEqual(policy.Statement[0].Condition, { StringEquals: { 'bedrock:GuardrailIdentifier': GUARDRAIL } });
    assert.deepEqual(policy.Statement[1].Condition, { StringNotEquals: { 'bedrock:GuardrailIdentifier': GUARDRAIL } });
    assert.deepEqual(findings(options), []);
  });

  test('several source Regions: a model ARN per Region; a geographic profile only where it exists', () => {
    const { policy, skipped } = buildLeastPrivilegePolicy({ purpose: 'invoke-models', account: ACCOUNT, regions: ['us-east-1', 'eu-west-1'], models: [HAIKU, `us.${SONNET}`], guardrail: { arn: GUARDRAIL, version: '1' } });
    assert.deepEqual(policy.Statement[0].Resource, [
      `arn:aws:bedrock:us-east-1::foundation-model/${HAIKU}`,
      `arn:aws:bedrock:eu-west-1::foundation-model/${HAIKU}`,
      `arn:aws:bedrock:us-east-1:${ACCOUNT}:inference-profile/us.${SONNET}`,
    ]);
    assert.deepEqual(skipped, [`us.${SONNET} in eu-west-1: US profiles are called from us-east-1, us-east-2, us-west-2, us-west-1`]);
  });

  test('an application inference profile or provisioned model ARN is granted as written', () => {
    const app = `arn:aws:bedrock:us-east-1:${ACCOUNT}:application-inference-profile/a1b2c3d4e5f6`;
    const { policy } = buildLeastPrivilegePolicy({ purpose: 'invoke-models', account: ACCOUNT, regions: ['us-east-1'], models: [app], guardrail: { arn: GUARDRAIL, version: '1' } });
    assert.equal(policy.Statement[0].Resource, app);
    assert.equal(policy.Statement.length, 3);
  });

  test('without a guardrail the only finding is the information that none is required; foundation models need no account', () => {
    const options: LeastPrivilegeOptions = { purpose: 'invoke-models', regions: ['us-east-1'], models: [HAIKU] };
    assert.equal(needsAccount(options), false);
    assert.deepEqual(buildLeastPrivilegePolicy(options).policy.Statement, [{ Sid: 'InvokeModels', Effect: 'Allow', Action: 'bedrock:InvokeModel', Resource: `arn:aws:bedrock:us-east-1::foundation-model/${HAIKU}` }]);
    assert.deepEqual(findings(options), ['information bedrock/guardrail-not-enforced']);
  });
});

describe('other purposes', () => {
  test('knowledge base: Retrieve on the knowledge base, RetrieveAndGenerate on "*", the generation model with the guardrail', () => {
    const options: LeastPrivilegeOptions = { purpose: 'knowledge-base', account: ACCOUNT, regions: ['us-east-1'], models: [HAIKU], knowledgeBases: ['KB12345678'], guardrail: { arn: GUARDRAIL, version: '1' } };
    const { policy } = buildLeastPrivilegePolicy(options);
    assert.deepEqual(policy.Statement.slice(0, 3), [
      { Sid: 'RetrieveFromKnowledgeBases', Effect: 'Allow', Action: 'bedrock:Retrieve', Resource: `arn:aws:bedrock:us-east-1:${ACCOUNT}:knowledge-base/KB12345678` },
      { Sid: 'RetrieveAndGenerate', Effect: 'Allow', Action: 'bedrock:RetrieveAndGenerate', Resource: '*' },
      { Sid: 'InvokeGenerationModels', Effect: 'Allow', Action: 'bedrock:InvokeModel', Resource: `arn:aws:bedrock:us-east-1::foundation-model/${HAIKU}`, Condition: { StringEquals: { 'bedrock:GuardrailIdentifier': `${GUARDRAIL}:1` } } },
    ]);
    assert.deepEqual(policy.Statement.slice(3).map((s) => s.Sid), ['DenyInvokeWithoutGuardrail', 'ApplyGuardrail']);
    assert.deepEqual(findings(options), []);
  });

  test('agents: InvokeAgent on agent-alias ARNs (ids or ARNs)', () => {
    const arn = `arn:aws:bedrock:eu-west-1:${ACCOUNT}:agent-alias/AGENT99999/ALIAS99999`;
    const options: LeastPrivilegeOptions = { purpose: 'agents', account: ACCOUNT, regions: ['us-east-1'], agentAliases: ['AGENT12345/ALIAS12345', arn] };
    assert.deepEqual(buildLeastPrivilegePolicy(options).policy, {
      Version: '2012-10-17',
      Statement: [{ Sid: 'InvokeAgents', Effect: 'Allow', Action: 'bedrock:InvokeAgent', Resource: [`arn:aws:bedrock:us-east-1:${ACCOUNT}:agent-alias/AGENT12345/ALIAS12345`, arn] }],
    });
    assert.deepEqual(findings(options), []);
  });

  // CreateGuardrail and ListGuardrails list only optional resource types, so the requests that
  // name no guardrail profile or guardrail are authorized against "*": AWS's own guardrail admin
  // example grants them on "*" (https://docs.aws.amazon.com/bedrock/latest/userguide/guardrails-permissions.html).
  // iam/wildcard-resource leaves list and create actions with only optional resource types alone.
  test('guardrails admin: every statement gated by the principal tag', () => {
    const options: LeastPrivilegeOptions = { purpose: 'guardrails-admin', account: ACCOUNT, regions: ['us-east-1', 'us-west-2'], adminTag: { key: 'team', value: 'ai-security' } };
    assert.deepEqual(buildLeastPrivilegePolicy(options).policy.Statement, [
      {
        Sid: 'CreateAndListGuardrails',
        Effect: 'Allow',
        Action: ['bedrock:CreateGuardrail', 'bedrock:ListGuardrails'],
        Resource: '*',
        Condition: { StringEquals: { 'aws:PrincipalTag/team': 'ai-security', 'aws:RequestedRegion': ['us-east-1', 'us-west-2'] } },
      },
      {
        Sid: 'ManageGuardrails',
        Effect: 'Allow',
        Action: ['bedrock:GetGuardrail', 'bedrock:UpdateGuardrail', 'bedrock:DeleteGuardrail', 'bedrock:CreateGuardrailVersion', 'bedrock:ApplyGuardrail'],
        Resource: [`arn:aws:bedrock:us-east-1:${ACCOUNT}:guardrail/*`, `arn:aws:bedrock:us-west-2:${ACCOUNT}:guardrail/*`],
        Condition: { StringEquals: { 'aws:PrincipalTag/team': 'ai-security' } },
      },
    ]);
    assert.deepEqual(findings(options), []);
  });
});

describe('input', () => {
  test('model identifiers are classified by their shape', () => {
    assert.deepEqual(modelRef(HAIKU), { kind: 'foundation-model', modelId: HAIKU });
    assert.equal(modelRef(`apac.${SONNET}`).kind, 'inference-profile');
    assert.deepEqual(modelRef(`arn:aws:bedrock:us-east-1::foundation-model/${HAIKU}`), { kind: 'foundation-model', modelId: HAIKU });
    const profile = modelRef(`arn:aws:bedrock:us-east-1:${ACCOUNT}:inference-profile/global.${SONNET}`);
    assert.ok(profile.kind === 'inference-profile' && profile.global && profile.modelId === SONNET);
    assert.deepEqual(modelRef(`arn:aws:bedrock:us-east-1:${ACCOUNT}:provisioned-model/abc`), { kind: 'arn', arn: `arn:aws:bedrock:us-east-1:${ACCOUNT}:provisioned-model/abc`, resourceType: 'provisioned-model' });
  });

  test('bad model identifiers are explained', () => {
    assert.equal(modelIdProblem(''), 'Enter a model id, an inference profile id or a model ARN.');
    assert.equal(modelIdProblem('anthropic.*'), 'Wildcards are not least privilege: name each model.');
    assert.equal(modelIdProblem('claude'), '"claude" is not a model id such as anthropic.claude-3-haiku-20240307-v1:0 or us.amazon.nova-pro-v1:0.');
    assert.equal(modelIdProblem(`arn:aws:bedrock:us-east-1:${ACCOUNT}:guardrail/abc`), 'guardrail ARNs cannot be invoked; use one of: foundation-model, inference-profile, application-inference-profile, provisioned-model, custom-model-deployment, imported-model, prompt-router.');
    assert.equal(modelIdProblem('arn:aws:s3:::bucket'), 'arn:aws:s3:::bucket is not an Amazon Bedrock ARN.');
  });

  test('every bad answer is reported, and the builder refuses to run on them', () => {
    const bad: LeastPrivilegeOptions = { purpose: 'invoke-models', account: '1234', regions: ['US East'], models: [], guardrail: { arn: 'abc', version: 'draft' } };
    assert.deepEqual(leastPrivilegeProblems(bad), [
      'An AWS account id has 12 digits.',
      '"US East" is not a Region code such as us-east-1.',
      'Name at least one model.',
      'A guardrail ARN looks like arn:aws:bedrock:us-east-1:111122223333:guardrail/abc123xyz456.',
      'A numeric version such as 1, DRAFT, or empty for any version.',
    ]);
    assert.throws(() => buildLeastPrivilegePolicy(bad), /An AWS account id has 12 digits\./);
    assert.deepEqual(leastPrivilegeProblems({ purpose: 'invoke-models', regions: ['us-east-1'], models: [`us.${SONNET}`] }), ['An AWS account id has 12 digits.'], 'inference profiles need the account');
    assert.deepEqual(leastPrivilegeProblems({ purpose: 'agents', regions: ['us-east-1'], agentAliases: [`arn:aws:bedrock:us-east-1:${ACCOUNT}:agent-alias/A1/B2`] }), [], 'ARNs carry their account');
  });
});
