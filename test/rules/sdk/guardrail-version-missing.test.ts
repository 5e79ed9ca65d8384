import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyCodeFix, codeFixesOf, expectCodeClean, expectCodeFindings } from '../../code-helpers';

const ID = 'sdk/guardrail-version-missing';
const IMPORT = "import { ConverseCommand, InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime';\n";

test('sdk/guardrail-version-missing reports an identifier without a version, on the identifier key', () => {
  expectCodeFindings(ID, `${IMPORT}new InvokeModelCommand({ modelId: 'm', body: '{}', ⟦guardrailIdentifier⟧: 'abc123' });`, [
    'InvokeModel: the input has guardrailIdentifier but no guardrailVersion; Bedrock rejects the request. Add the version to apply (a number such as "1").',
  ]);
  expectCodeFindings(ID, `${IMPORT}const guardrailConfig = { ⟦guardrailIdentifier⟧: process.env.G };\nnew ConverseCommand({ modelId: 'm', guardrailConfig });`, [
    'Converse: guardrailConfig has guardrailIdentifier but no guardrailVersion; Bedrock rejects the request. Add the version to apply (a number such as "1").',
  ]);
});

test('sdk/guardrail-version-missing is silent with a version, without a guardrail, or when the object is not fully known', () => {
  expectCodeClean(ID, `${IMPORT}new InvokeModelCommand({ modelId: 'm', guardrailIdentifier: 'g', guardrailVersion: version });`);
  expectCodeClean(ID, `${IMPORT}new ConverseCommand({ modelId: 'm', guardrailConfig: { guardrailIdentifier: 'g', guardrailVersion: '1' } });`);
  expectCodeClean(ID, `${IMPORT}new ConverseCommand({ modelId: 'm' });`);
  expectCodeClean(ID, `${IMPORT}new ConverseCommand({ modelId: 'm', guardrailConfig: { guardrailIdentifier: 'g', ...versionOf(env) } });`);
  expectCodeClean(ID, `${IMPORT}new ConverseCommand({ modelId: 'm', guardrailConfig: config });`);
});

test('sdk/guardrail-version-missing fix adds the configured version, else the environment variable', () => {
  const text = `${IMPORT}new InvokeModelCommand({\n  modelId: 'm',\n  guardrailIdentifier: 'abc123',\n});\n`;
  assert.equal(codeFixesOf(ID, text, 0, { settings: { guardrailVersion: '4' } })[0].title, 'Add guardrailVersion (the configured version "4")');
  assert.equal(applyCodeFix(ID, text, { settings: { guardrailVersion: '4' } }), `${IMPORT}new InvokeModelCommand({\n  modelId: 'm',\n  guardrailIdentifier: 'abc123',\n  guardrailVersion: '4',\n});\n`);
  assert.equal(
    applyCodeFix(ID, `${IMPORT}new ConverseCommand({ modelId: 'm', guardrailConfig: { guardrailIdentifier: 'abc123' } });`),
    `${IMPORT}new ConverseCommand({ modelId: 'm', guardrailConfig: { guardrailIdentifier: 'abc123', guardrailVersion: process.env.BEDROCK_GUARDRAIL_VERSION } });`,
  );
});
