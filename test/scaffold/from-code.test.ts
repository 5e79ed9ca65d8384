// "Generate policy from code": Bedrock runtime calls read from TypeScript by the code analysis
// become the policy that allows exactly those operations on those models, with the guardrail
// required only when every model call passes a known one; what cannot be read is reported in
// notes, never guessed. Every generated policy lints clean.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeCode } from '../../server/src/engine/code/analyze';
import { clientRegions, codeCalls, fromCodeNeedsAccount, policyFromCode, type CodeUsage } from '../../server/src/engine/scaffold/from-code';
import { policyText } from '../../server/src/engine/scaffold/policy-document';
import { LineIndex } from '../../server/src/engine/text';
import { lint } from '../helpers';

const ACCOUNT = '111122223333';
const HAIKU = 'anthropic.claude-3-haiku-20240307-v1:0';
const SONNET = 'anthropic.claude-sonnet-4-5-20250929-v1:0';
const GUARDRAIL = `arn:aws:bedrock:us-east-1:${ACCOUNT}:guardrail/abc123xyz456`;

/** The usage of one TypeScript file named `src/app.ts`. */
function usageOf(code: string): CodeUsage {
  const { model } = analyzeCode(code, { language: 'typescript', path: 'src/app.ts' });
  return { calls: codeCalls(model, 'src/app.ts', new LineIndex(code)), regions: clientRegions(model), files: 1 };
}

const HEADER = `import { BedrockRuntimeClient, ConverseCommand, ConverseStreamCommand, InvokeModelCommand, ApplyGuardrailCommand } from '@aws-sdk/client-bedrock-runtime';
const client = new BedrockRuntimeClient({ region: 'us-east-1' });
const guardrailConfig = { guardrailIdentifier: '${GUARDRAIL}', guardrailVersion: '2' };
`;

describe('calls read from code', () => {
  test('command, line, model id, guardrail as written, and client Regions', () => {
    const usage = usageOf(`${HEADER}
export async function ask(prompt: string, input: any) {
  await client.send(new ConverseCommand({ modelId: '${HAIKU}', messages: [], guardrailConfig }));
  await client.send(new InvokeModelCommand({ modelId: process.env.MODEL_ID, body: '{}' }));
  await client.send(new ConverseCommand({ ...input, modelId: '${HAIKU}' }));
}
`);
    assert.deepEqual(usage.regions, ['us-east-1']);
    assert.deepEqual(usage.calls, [
      { file: 'src/app.ts', line: 6, command: 'ConverseCommand', modelId: HAIKU, guardrail: { identifier: GUARDRAIL, version: '2' } },
      { file: 'src/app.ts', line: 7, command: 'InvokeModelCommand', guardrail: 'none' },
      { file: 'src/app.ts', line: 8, command: 'ConverseCommand', modelId: HAIKU, guardrail: 'unknown' },
    ]);
  });
});

describe('the generated policy', () => {
  test('exactly the operations per model; the guardrail every call passes is required, and applied', () => {
    const usage = usageOf(`${HEADER}
export async function run() {
  await client.send(new ConverseCommand({ modelId: '${HAIKU}', messages: [], guardrailConfig }));
  await client.send(new ConverseStreamCommand({ modelId: 'us.${SONNET}', messages: [], guardrailConfig }));
  await client.send(new ConverseCommand({ modelId: 'us.${SONNET}', messages: [], guardrailConfig }));
}
`);
    assert.equal(fromCodeNeedsAccount(usage), true);
    const { policy, notes } = policyFromCode(usage, { regions: ['us-east-1'], account: ACCOUNT });
    const profile = `arn:aws:bedrock:us-east-1:${ACCOUNT}:inference-profile/us.${SONNET}`;
    const required = { StringEquals: { 'bedrock:GuardrailIdentifier': `${GUARDRAIL}:2` } };
    assert.deepEqual(notes, []);
    assert.deepEqual(policy.Statement, [
      { Sid: 'InvokeModels', Effect: 'Allow', Action: 'bedrock:InvokeModel', Resource: `arn:aws:bedrock:us-east-1::foundation-model/${HAIKU}`, Condition: required },
      { Sid: 'InvokeAndStreamModels', Effect: 'Allow', Action: ['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream'], Resource: profile, Condition: required },
      {
        Sid: 'InvokeAndStreamModelsThroughInferenceProfiles',
        Effect: 'Allow',
        Action: ['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream'],
        Resource: ['us-east-1', 'us-east-2', 'us-west-2', 'us-west-1'].map((r) => `arn:aws:bedrock:${r}::foundation-model/${SONNET}`),
        Condition: { StringEquals: { 'bedrock:InferenceProfileArn': profile, 'bedrock:GuardrailIdentifier': `${GUARDRAIL}:2` } },
      },
      { Sid: 'DenyInvokeWithoutGuardrail', Effect: 'Deny', Action: ['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream'], Resource: '*', Condition: { StringNotEquals: { 'bedrock:GuardrailIdentifier': `${GUARDRAIL}:2` } } },
      { Sid: 'ApplyGuardrail', Effect: 'Allow', Action: 'bedrock:ApplyGuardrail', Resource: GUARDRAIL },
    ]);
    assert.deepEqual(lint(policyText(policy)), []);
  });

  test('a guardrail given by id becomes its ARN in each Region; InvokeModel fields and ApplyGuardrail calls count too', () => {
    const usage = usageOf(`${HEADER}
export async function run() {
  await client.send(new InvokeModelCommand({ modelId: '${HAIKU}', body: '{}', guardrailIdentifier: 'abc123xyz456', guardrailVersion: 'DRAFT' }));
  await client.send(new ApplyGuardrailCommand({ guardrailIdentifier: 'zzz999', guardrailVersion: '1', source: 'INPUT', content: [] }));
}
`);
    const { policy, notes } = policyFromCode(usage, { regions: ['us-east-1', 'us-west-2'], account: ACCOUNT });
    assert.deepEqual(notes, []);
    const draft = ['us-east-1', 'us-west-2'].map((r) => `arn:aws:bedrock:${r}:${ACCOUNT}:guardrail/abc123xyz456`);
    assert.deepEqual(policy.Statement[0].Condition, { StringEquals: { 'bedrock:GuardrailIdentifier': draft } });
    assert.deepEqual(policy.Statement.at(-1), { Sid: 'ApplyGuardrail', Effect: 'Allow', Action: 'bedrock:ApplyGuardrail', Resource: [...draft, ...['us-east-1', 'us-west-2'].map((r) => `arn:aws:bedrock:${r}:${ACCOUNT}:guardrail/zzz999`)] });
    assert.deepEqual(lint(policyText(policy)), []);
  });

  test('calls without a guardrail, or whose model or guardrail is not known, are explained instead of guessed', () => {
    const usage = usageOf(`${HEADER}
export async function run(input: any) {
  await client.send(new ConverseCommand({ modelId: '${HAIKU}', messages: [] }));
  await client.send(new InvokeModelCommand({ modelId: process.env.MODEL_ID, body: '{}' }));
  await client.send(new ApplyGuardrailCommand(input));
}
`);
    const { policy, notes } = policyFromCode(usage, { regions: ['eu-west-1'] });
    assert.deepEqual(notes, [
      'src/app.ts:7: the model of InvokeModel is not known from the code; it is not in the policy.',
      'src/app.ts:8: the guardrail of ApplyGuardrail is not known from the code; allow bedrock:ApplyGuardrail on it by hand.',
      'No guardrail is required: src/app.ts:6 calls a model without one.',
    ]);
    assert.deepEqual(policy.Statement, [{ Sid: 'InvokeModels', Effect: 'Allow', Action: 'bedrock:InvokeModel', Resource: `arn:aws:bedrock:eu-west-1::foundation-model/${HAIKU}` }]);
    assert.deepEqual(lint(policyText(policy)).map((f) => f.ruleId), ['bedrock/guardrail-not-enforced']);
  });

  test('operations the generator does not cover are named; code without Bedrock calls gives an empty policy', () => {
    const usage: CodeUsage = { calls: [{ file: 'a.ts', line: 3, command: 'StartAsyncInvokeCommand', modelId: HAIKU, guardrail: 'none' }], regions: [], files: 1 };
    assert.deepEqual(policyFromCode(usage, { regions: ['us-east-1'] }), {
      policy: { Version: '2012-10-17', Statement: [] },
      notes: ['a.ts:3: StartAsyncInvoke is not covered; add its permissions by hand.'],
    });
  });
});
