import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyCodeFix, codeFixesOf, expectCodeClean, expectCodeFindings } from '../../code-helpers';

const ID = 'cdk/agent-without-guardrail';
const L1 = "import * as bedrock from 'aws-cdk-lib/aws-bedrock';\n";
const L2 = "import { bedrock } from '@cdklabs/generative-ai-cdk-constructs';\n";

test('cdk/agent-without-guardrail reports CfnAgent without guardrailConfiguration, on the class name', () => {
  expectCodeFindings(ID, `${L1}new bedrock.⟦CfnAgent⟧(this, 'Agent', { agentName: 'a', foundationModel: 'anthropic.claude-3-haiku-20240307-v1:0' });`, [
    'This Bedrock agent (CfnAgent) has no guardrail: user input and agent responses are not filtered; add guardrailConfiguration.',
  ]);
  expectCodeFindings(ID, "import { CfnAgent } from 'aws-cdk-lib/aws-bedrock';\nconst props = { agentName: 'a' };\nnew ⟦CfnAgent⟧(this, 'A', props);", [/CfnAgent\) has no guardrail/]);
  expectCodeClean(ID, `${L1}new bedrock.CfnAgent(this, 'Agent', { agentName: 'a', guardrailConfiguration: { guardrailIdentifier: g.attrGuardrailId, guardrailVersion: '1' } });`);
  expectCodeClean(ID, `${L1}new bedrock.CfnAgent(this, 'Agent', props);\nnew bedrock.CfnAgent(this, 'B', { ...common, agentName: 'b' });`);
});

test('cdk/agent-without-guardrail reports the L2 Agent without guardrail or addGuardrail()', () => {
  expectCodeFindings(
    ID,
    `${L2}const a = new bedrock.⟦Agent⟧(this, 'A', { foundationModel: m, instruction: 'x' });\nconst b = new bedrock.Agent(this, 'B', { foundationModel: m, guardrail });\nconst c = new bedrock.Agent(this, 'C', { foundationModel: m });\nc.addGuardrail(guardrail);`,
    ['This Bedrock agent (Agent) has no guardrail: user input and agent responses are not filtered; set guardrail or call addGuardrail().'],
  );
  expectCodeClean(ID, "import { Agent } from './my-agents';\nnew Agent(this, 'A', { name: 'x' });");
  assert.deepEqual(codeFixesOf(ID, `${L2}new bedrock.Agent(this, 'A', { foundationModel: m });`), []);
});

test('cdk/agent-without-guardrail fix adds guardrailConfiguration to a CfnAgent', () => {
  const text = `${L1}new bedrock.CfnAgent(this, 'Agent', {\n  agentName: 'support',\n  foundationModel: 'anthropic.claude-3-haiku-20240307-v1:0',\n});\n`;
  assert.equal(
    applyCodeFix(ID, text, { settings: { guardrailArn: 'arn:aws:bedrock:us-east-1:111122223333:guardrail/abc123def456', guardrailVersion: '1' } }),
    `${L1}new bedrock.CfnAgent(this, 'Agent', {\n  agentName: 'support',\n  foundationModel: 'anthropic.claude-3-haiku-20240307-v1:0',\n  guardrailConfiguration: {\n    guardrailIdentifier: 'arn:aws:bedrock:us-east-1:111122223333:guardrail/abc123def456',\n    guardrailVersion: '1'\n  },\n});\n`,
  );
});
