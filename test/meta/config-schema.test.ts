// The .bedrock-security.json schema is generated from the rule registry and up to date, accepts
// and rejects what the engine does, and the extension manifest's settings match it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { allRules } from '../../server/src/engine/rules';
import { DEFAULT_SCP_GLOBS, defaultSettings, mergeConfig } from '../../server/src/engine/settings';
import { CONFIGURABLE_SEVERITIES, configSchema } from '../../server/src/node/config-schema';

const root = join(__dirname, '..', '..', '..');
const schemaFile = join(root, 'schemas', 'bedrock-security.schema.json');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const knownRules = new Set(allRules.map((r) => r.meta.id));
/** Editor-only settings of the Account Posture view (not config-file keys; window scope). */
const POSTURE_SETTINGS = ['bedrockSecurity.posture.profile', 'bedrockSecurity.posture.regions', 'bedrockSecurity.posture.endpointUrl'];

test('schemas/bedrock-security.schema.json is generated from the registered rules (npm run docs)', () => {
  assert.equal(readFileSync(schemaFile, 'utf8'), JSON.stringify(configSchema(allRules), null, 2) + '\n', 'stale schema: run npm run docs');
});

test('the schema accepts a config the engine accepts and rejects what the engine reports', () => {
  const validate = new Ajv({ allErrors: true, strict: false }).compile(configSchema(allRules));
  const good = {
    $schema: './node_modules/bedrock-security/schemas/bedrock-security.schema.json',
    rules: { 'policy/missing-version': 'off', 'policy/syntax': 'warning' },
    scpFiles: ['org/**/*.json'],
    guardrailArn: 'arn:aws:bedrock:us-east-1:111122223333:guardrail/abc123xyz456',
    guardrailVersion: '2',
    allowedRegions: ['us-east-1', 'eu-west-1'],
    maxFileSize: 500000,
  };
  assert.equal(validate(good), true, JSON.stringify(validate.errors));
  assert.deepEqual(mergeConfig(defaultSettings(), good, knownRules).problems, []);
  for (const bad of [{ rules: { 'no/such-rule': 'off' } }, { rules: { 'policy/syntax': 'loud' } }, { colour: 1 }, { scpFiles: 'x.json' }, { maxFileSize: 0 }]) {
    assert.equal(validate(bad), false, `${JSON.stringify(bad)} must be rejected by the schema`);
    assert.equal(mergeConfig(defaultSettings(), bad, knownRules).problems.length, 1, `${JSON.stringify(bad)} is reported by the engine`);
  }
});

test('the manifest has a bedrockSecurity.* setting for every config key, with the engine defaults', () => {
  const props = manifest.contributes.configuration.properties;
  // codeAnalysis is an object in the config file, and the setting of its one key in the editor.
  const schemaKeys = Object.keys((configSchema(allRules) as { properties: object }).properties)
    .filter((k) => k !== '$schema')
    .map((k) => (k === 'codeAnalysis' ? 'codeAnalysis.enabled' : k));
  assert.deepEqual(
    Object.keys(props).sort(),
    [...schemaKeys.map((k) => `bedrockSecurity.${k}`), 'bedrockSecurity.trace.server', ...POSTURE_SETTINGS].sort(),
  );
  assert.equal(manifest.contributes.configuration.title, 'Bedrock Security');
  assert.deepEqual(props['bedrockSecurity.rules'].additionalProperties.enum, [...CONFIGURABLE_SEVERITIES]);
  assert.deepEqual(props['bedrockSecurity.scpFiles'].default, DEFAULT_SCP_GLOBS);
  assert.equal(props['bedrockSecurity.maxFileSize'].default, defaultSettings().maxFileSize);
  assert.equal(props['bedrockSecurity.codeAnalysis.enabled'].default, defaultSettings().codeAnalysis);
  for (const [key, p] of Object.entries(props) as [string, { scope: string; description?: string; markdownDescription?: string }][]) {
    assert.equal(p.scope, key === 'bedrockSecurity.trace.server' || POSTURE_SETTINGS.includes(key) ? 'window' : 'resource', `${key} scope`);
    assert.ok((p.description ?? p.markdownDescription ?? '').length > 30, `${key} is described`);
  }
});

test('the manifest validates .bedrock-security.json with the schema and activates on JSON and the config file', () => {
  assert.deepEqual(manifest.contributes.jsonValidation, [{ fileMatch: '.bedrock-security.json', url: './schemas/bedrock-security.schema.json' }]);
  for (const e of ['onLanguage:json', 'onLanguage:jsonc', 'workspaceContains:**/.bedrock-security.json']) assert.ok(manifest.activationEvents.includes(e), e);
  const commands = manifest.contributes.commands as { command: string; category: string }[];
  for (const id of ['bedrockSecurity.lintWorkspace', 'bedrockSecurity.restartServer', 'bedrockSecurity.showOutput']) {
    assert.equal(commands.find((c) => c.command === id)?.category, 'Bedrock Security', id);
  }
});
