import { test } from 'node:test';
import { expectCodeClean, expectCodeFindings } from '../../code-helpers';

const ID = 'sdk/guardrail-with-tools';
const IMPORT = "import { ConverseCommand, InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime';\n";

test('sdk/guardrail-with-tools reports toolConfig next to a guardrail, on the toolConfig key', () => {
  expectCodeFindings(ID, `${IMPORT}const tools = { tools: [] };\nnew ConverseCommand({ modelId: 'm', ⟦toolConfig⟧: tools, guardrailConfig: { guardrailIdentifier: 'g', guardrailVersion: '1' } });`, [
    'Converse uses tools with a guardrail, but the guardrail does not evaluate tool specs, tool inputs or tool results: validate them in code.',
  ]);
  expectCodeClean(ID, `${IMPORT}new ConverseCommand({ modelId: 'm', toolConfig: { tools: [] } });`);
  expectCodeClean(ID, `${IMPORT}new ConverseCommand({ modelId: 'm', guardrailConfig: g });`);
  expectCodeClean(ID, `${IMPORT}new InvokeModelCommand({ modelId: 'm', guardrailIdentifier: 'g', guardrailVersion: '1', toolConfig: {} });`);
});
