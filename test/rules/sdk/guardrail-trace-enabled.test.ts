import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyCodeFix, codeFixesOf, expectCodeClean, expectCodeFindings } from '../../code-helpers';

const ID = 'sdk/guardrail-trace-enabled';
const IMPORT = "import { BedrockRuntime, ConverseStreamCommand, InvokeModelWithResponseStreamCommand } from '@aws-sdk/client-bedrock-runtime';\n";

test('sdk/guardrail-trace-enabled reports the trace values that turn it on, per operation', () => {
  expectCodeFindings(
    ID,
    `${IMPORT}new ConverseStreamCommand({ modelId: 'm', guardrailConfig: { guardrailIdentifier: 'g', guardrailVersion: '1', trace: ⟦'enabled_full'⟧ } });
new InvokeModelWithResponseStreamCommand({ modelId: 'm', guardrailIdentifier: 'g', guardrailVersion: '1', trace: ⟦'ENABLED'⟧ });
new BedrockRuntime({}).converse({ modelId: 'm', guardrailConfig: { guardrailIdentifier: 'g', guardrailVersion: '1', trace: ⟦'enabled'⟧ } });`,
    [
      'ConverseStream returns the guardrail trace ("enabled_full") with every response: the filters\' findings reach the caller.',
      'InvokeModelWithResponseStream returns the guardrail trace ("ENABLED") with every response: the filters\' findings reach the caller.',
      'Converse returns the guardrail trace ("enabled") with every response: the filters\' findings reach the caller.',
    ],
  );
  expectCodeClean(ID, `${IMPORT}new ConverseStreamCommand({ modelId: 'm', guardrailConfig: { guardrailIdentifier: 'g', guardrailVersion: '1', trace: 'disabled' } });`);
  // Converse spells the values in lower case, InvokeModel in upper case: other spellings are not the trace switch.
  expectCodeClean(ID, `${IMPORT}new InvokeModelWithResponseStreamCommand({ modelId: 'm', trace: 'enabled' });`);
});

test('sdk/guardrail-trace-enabled fix turns the trace off (not preferred)', () => {
  const text = `${IMPORT}new InvokeModelWithResponseStreamCommand({ modelId: 'm', guardrailIdentifier: 'g', guardrailVersion: '1', trace: 'ENABLED_FULL' });`;
  assert.deepEqual(codeFixesOf(ID, text).map((f) => [f.title, !!f.isPreferred]), [['Set the trace to "DISABLED"', false]]);
  assert.equal(applyCodeFix(ID, text), text.replace("'ENABLED_FULL'", "'DISABLED'"));
});
