import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyCodeFix, codeFixesOf, expectCodeClean, expectCodeFindings } from '../../code-helpers';

const ID = 'sdk/region-not-allowed';
const IMPORT = "import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';\nimport { BedrockAgentRuntime } from '@aws-sdk/client-bedrock-agent-runtime';\n";
const EU = { allowedRegions: ['eu-central-1', 'eu-west-1'] };

test('sdk/region-not-allowed reports clients for Regions outside allowedRegions, on the Region', () => {
  expectCodeFindings(ID, `${IMPORT}const REGION = 'us-east-1';\nnew BedrockRuntimeClient({ region: ⟦REGION⟧ });\nnew BedrockAgentRuntime({ region: ⟦'ap-south-1'⟧ });\nnew BedrockRuntimeClient({ region: 'eu-west-1' });`, [
    'BedrockRuntimeClient is created for us-east-1, which is outside the Regions allowed by the allowedRegions setting (eu-central-1, eu-west-1).',
    'BedrockAgentRuntime is created for ap-south-1, which is outside the Regions allowed by the allowedRegions setting (eu-central-1, eu-west-1).',
  ], { settings: EU });
});

test('sdk/region-not-allowed uses the Regions the workspace SCPs allow, with their wildcards', () => {
  expectCodeFindings(ID, `${IMPORT}new BedrockRuntimeClient({ region: ⟦'us-west-2'⟧ });\nnew BedrockRuntimeClient({ region: 'eu-north-1' });`, [
    "BedrockRuntimeClient is created for us-west-2, which is outside the Regions allowed by the workspace's SCPs (eu-*, us-east-1).",
  ], { settings: { scpRegions: ['eu-*', 'us-east-1'] } });
});

test('sdk/region-not-allowed is silent without a Region list and for Regions that are not literals', () => {
  expectCodeClean(ID, `${IMPORT}new BedrockRuntimeClient({ region: 'us-east-1' });`);
  expectCodeClean(ID, `${IMPORT}new BedrockRuntimeClient({ region: process.env.AWS_REGION });\nnew BedrockRuntimeClient({});\nnew BedrockRuntimeClient(config);`, { settings: EU });
});

test('sdk/region-not-allowed offers each allowed Region, replacing the literal where it is written', () => {
  const text = `${IMPORT}const REGION = 'us-east-1';\nnew BedrockRuntimeClient({ region: REGION });`;
  assert.deepEqual(codeFixesOf(ID, text, 0, { settings: EU }).map((f) => [f.title, !!f.isPreferred]), [['Use eu-central-1', false], ['Use eu-west-1', false]]);
  assert.equal(applyCodeFix(ID, text, { settings: EU, title: 'Use eu-west-1' }), text.replace("'us-east-1'", "'eu-west-1'"));
  // Only Regions both lists allow.
  assert.deepEqual(codeFixesOf(ID, text, 0, { settings: { ...EU, scpRegions: ['eu-west-1'] } }).map((f) => f.title), ['Use eu-west-1']);
});
