import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyCodeFix, codeFixesOf, expectCodeClean, expectCodeFindings } from '../../code-helpers';

const ID = 'sdk/draft-guardrail-version';
const IMPORT = "import { ConverseCommand, InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime';\n";

test('sdk/draft-guardrail-version reports "DRAFT" written as a literal or a constant, where it is used', () => {
  expectCodeFindings(ID, `${IMPORT}new ConverseCommand({ modelId: 'm', guardrailConfig: { guardrailIdentifier: 'g', guardrailVersion: ⟦'DRAFT'⟧ } });`, [
    'Converse applies guardrail version "DRAFT", which changes with every edit of the guardrail: use a numbered version.',
  ]);
  expectCodeFindings(ID, `${IMPORT}const VERSION = 'DRAFT';\nnew InvokeModelCommand({ modelId: 'm', guardrailIdentifier: 'g', guardrailVersion: ⟦VERSION⟧ });`, [/^InvokeModel applies guardrail version "DRAFT"/]);
  expectCodeClean(ID, `${IMPORT}new InvokeModelCommand({ modelId: 'm', guardrailIdentifier: 'g', guardrailVersion: '3' });`);
  expectCodeClean(ID, `${IMPORT}new InvokeModelCommand({ modelId: 'm', guardrailIdentifier: 'g', guardrailVersion: process.env.V ?? 'DRAFT' });`);
  expectCodeClean(ID, `${IMPORT}new InvokeModelCommand({ modelId: 'm', guardrailIdentifier: 'g', guardrailVersion: 'draft' });`);
});

test('sdk/draft-guardrail-version fix writes the configured version (preferred) or reads it from the environment', () => {
  const text = `${IMPORT}const VERSION = 'DRAFT';\nnew InvokeModelCommand({ modelId: 'm', guardrailIdentifier: 'g', guardrailVersion: VERSION });`;
  const fixes = codeFixesOf(ID, text, 0, { settings: { guardrailVersion: '2' } });
  assert.deepEqual(fixes.map((f) => [f.title, !!f.isPreferred]), [['Use the configured guardrail version "2"', true], ['Read the version from BEDROCK_GUARDRAIL_VERSION', false]]);
  assert.equal(applyCodeFix(ID, text, { settings: { guardrailVersion: '2' } }), text.replace("'DRAFT'", "'2'"));
  assert.equal(applyCodeFix(ID, text), text.replace("'DRAFT'", 'process.env.BEDROCK_GUARDRAIL_VERSION'));
  // A configured DRAFT is no answer to DRAFT.
  assert.deepEqual(codeFixesOf(ID, text, 0, { settings: { guardrailVersion: 'DRAFT' } }).map((f) => f.title), ['Read the version from BEDROCK_GUARDRAIL_VERSION']);
});

test('sdk/draft-guardrail-version reports a shared constant once', () => {
  expectCodeFindings(
    ID,
    `${IMPORT}const GUARDRAIL = { guardrailIdentifier: 'g', guardrailVersion: ⟦'DRAFT'⟧ };\nnew ConverseCommand({ modelId: 'm', guardrailConfig: GUARDRAIL });\nnew ConverseCommand({ modelId: 'n', guardrailConfig: GUARDRAIL });`,
    [/^Converse applies guardrail version "DRAFT"/],
  );
});
