import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint, linter } from '../../helpers';
import { FILE_TOO_LARGE } from '../../../server/src/engine/linter';
import fileTooLarge from '../../../server/src/engine/rules/policy/file-too-large';
import { defaultSettings } from '../../../server/src/engine/settings';

const policy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'bedrock:*', Resource: '*' }] }, null, 2);

test('policy/file-too-large is the id the linter reports', () => {
  assert.equal(fileTooLarge.meta.id, FILE_TOO_LARGE);
  assert.equal(linter.rule(FILE_TOO_LARGE), fileTooLarge);
});

test('policy/file-too-large: a policy over maxFileSize yields exactly that one finding at 0-0', () => {
  const findings = lint(policy, { settings: { maxFileSize: 100 } });
  assert.deepEqual(findings, [
    {
      ruleId: 'policy/file-too-large',
      severity: 'information',
      message: `Not analysed: the file has ${policy.length} characters, more than the limit of 100 (setting bedrockSecurity.maxFileSize).`,
      span: { start: 0, end: 0 },
    },
  ]);
  // The same policy under the limit is analysed normally (here it has other findings).
  assert.ok(lint(policy).every((f) => f.ruleId !== 'policy/file-too-large'));
});

test('policy/file-too-large: a huge JSON document that is not a policy yields nothing', () => {
  const huge = JSON.stringify({ items: Array.from({ length: 5000 }, (_, i) => ({ id: i, name: `item-${i}` })) });
  assert.deepEqual(lint(huge, { settings: { maxFileSize: 1000 } }), []);
  assert.equal(linter.lintJson(huge, { settings: { ...defaultSettings(), maxFileSize: 1000 } }).isPolicy, false);
});

test('policy/file-too-large can be turned off or given another severity', () => {
  assert.deepEqual(lint(policy, { settings: { maxFileSize: 100, severities: { 'policy/file-too-large': 'off' } } }), []);
  assert.equal(lint(policy, { settings: { maxFileSize: 100, severities: { 'policy/file-too-large': 'warning' } } })[0].severity, 'warning');
});

test('policy/file-too-large: its own check reports nothing on a policy under the limit', () => {
  const found: unknown[] = [];
  fileTooLarge.check({ policy: linter.parseJson(policy, { settings: defaultSettings() })!, iam: linter.iam, settings: defaultSettings(), report: (...a) => found.push(a) });
  assert.deepEqual(found, []);
});

