import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { COMMANDS, SDK_VERSION, STRUCTURES } from '../../../server/src/engine/code/bedrock-runtime-fields.generated';
import { applyCodeFix, codeFixesOf, expectCodeClean, expectCodeFindings } from '../../code-helpers';

const ID = 'sdk/unknown-input-field';
const root = join(__dirname, '..', '..', '..', '..');
const IMPORT = "import { ConverseCommand, ConverseStreamCommand, InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime';\n";

test('the generated field lists are those of the installed @aws-sdk/client-bedrock-runtime (node scripts/gen-sdk-fields.mjs)', () => {
  const r = spawnSync(process.execPath, [join(root, 'scripts', 'gen-sdk-fields.mjs'), '--check'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(SDK_VERSION, JSON.parse(readFileSync(join(root, 'node_modules', '@aws-sdk', 'client-bedrock-runtime', 'package.json'), 'utf8')).version);
  assert.equal(COMMANDS.ConverseStreamCommand.fields.guardrailConfig, 'GuardrailStreamConfiguration');
  assert.ok('streamProcessingMode' in STRUCTURES.GuardrailStreamConfiguration);
  assert.deepEqual(Object.keys(STRUCTURES.GuardrailConfiguration).sort(), ['guardrailIdentifier', 'guardrailVersion', 'trace']);
  assert.equal(COMMANDS.InvokeModelCommand.method, 'invokeModel');
  assert.ok('body' in COMMANDS.InvokeModelCommand.fields && 'guardrailIdentifier' in COMMANDS.InvokeModelCommand.fields);
});

test('sdk/unknown-input-field reports fields the command does not have, also inside guardrailConfig', () => {
  expectCodeFindings(
    ID,
    `${IMPORT}new ConverseStreamCommand({
  modelId: 'm',
  guardrailConfig: { guardrailIdentifier: 'g', guardrailVersion: '1' },
  ⟦guardrailStreamConfig⟧: { streamProcessingMode: 'async' },
});
new InvokeModelCommand({ modelId: 'm', body: '{}', ⟦contenType⟧: 'application/json' });
new ConverseCommand({ modelId: 'm', guardrailConfig: { ⟦guardrailId⟧: 'g', guardrailVersion: '1' } });
new ConverseCommand({ modelId: 'm', ⟦guardrailIdentifier⟧: 'g' });`,
    [
      '"guardrailStreamConfig" is not a field of ConverseStream\'s input: the SDK drops it without an error. The stream settings of a guardrail belong inside guardrailConfig (streamProcessingMode).',
      '"contenType" is not a field of InvokeModel\'s input: the SDK drops it without an error. Did you mean "contentType"?',
      '"guardrailId" is not a field of guardrailConfig (Converse): the SDK drops it without an error. Did you mean "guardrailIdentifier"?',
      '"guardrailIdentifier" is not a field of Converse\'s input: the SDK drops it without an error. guardrailIdentifier belongs inside guardrailConfig.',
    ],
  );
});

test('sdk/unknown-input-field checks only what is written in the file', () => {
  expectCodeClean(ID, `${IMPORT}new ConverseCommand({ modelId: 'm', messages: [], system: [], inferenceConfig: { maxTokens: 10, temperature: 0 }, toolConfig: { tools: [] } });`);
  expectCodeClean(ID, `${IMPORT}new ConverseCommand({ modelId: 'm', ...extra });`);
  expectCodeClean(ID, `${IMPORT}import { input } from './input';\nnew ConverseCommand(input);`, { modules: { '/work/app/input.ts': "export const input = { modelId: 'm', bogus: 1 };" } });
});

test('sdk/unknown-input-field fix renames to the field meant, keeping shorthand values', () => {
  const text = `${IMPORT}new InvokeModelCommand({ modelId: 'm', body: '{}', Accept: 'application/json' });`;
  assert.deepEqual(codeFixesOf(ID, text).map((f) => f.title), ['Rename "Accept" to "accept"']);
  assert.equal(applyCodeFix(ID, text), text.replace('Accept:', 'accept:'));
  const shorthand = `${IMPORT}const guardrailId = 'g';\nnew ConverseCommand({ modelId: 'm', guardrailConfig: { guardrailId, guardrailVersion: '1' } });`;
  assert.equal(applyCodeFix(ID, shorthand), shorthand.replace('{ guardrailId,', '{ guardrailIdentifier: guardrailId,'));
  const stream = `${IMPORT}new ConverseStreamCommand({ modelId: 'm', guardrailStreamConfig: { guardrailIdentifier: 'g', guardrailVersion: '1', streamProcessingMode: 'async' } });`;
  assert.equal(applyCodeFix(ID, stream), stream.replace('guardrailStreamConfig:', 'guardrailConfig:'));
  // Not when the object already has the field.
  assert.deepEqual(codeFixesOf(ID, `${IMPORT}new ConverseStreamCommand({ modelId: 'm', guardrailConfig: {}, guardrailStreamConfig: {} });`), []);
});
