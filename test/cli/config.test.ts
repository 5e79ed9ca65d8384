// The configuration file (.bedrock-security.json or --config) and how SCPs are recognised:
// severity overrides, scpFiles globs relative to the config file, --policy-type, and bad configs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cli, NO_VERSION_POLICY, workspace } from './cli-helpers';

interface Out {
  file: string;
  ruleId: string;
  severity: string;
}

function findings(cwd: string, args: string[]): { status: number | null; stderr: string; list: string[] } {
  const r = cli(cwd, ['lint', '--format', 'json', ...args]);
  return { status: r.status, stderr: r.stderr, list: (JSON.parse(r.stdout) as Out[]).map((f) => `${f.file} ${f.ruleId} ${f.severity}`) };
}

test('.bedrock-security.json in the current directory overrides severities and turns rules off', () => {
  const dir = workspace({ 'a.json': NO_VERSION_POLICY, '.bedrock-security.json': '{\n  // comments are allowed here\n  "rules": { "policy/missing-version": "error" },\n}\n' });
  assert.deepEqual(findings(dir, []), { status: 1, stderr: '', list: ['a.json policy/missing-version error'] });
  const off = workspace({ 'a.json': NO_VERSION_POLICY, '.bedrock-security.json': '{ "rules": { "policy/missing-version": "off" } }' });
  assert.deepEqual(findings(off, []), { status: 0, stderr: '', list: [] });
});

test('--config names another file; its scpFiles globs are relative to its folder', () => {
  const scpStatement = '{ "Sid": "DenyDelete", "Effect": "Deny", "Principal": "*", "Action": "bedrock:DeleteGuardrail", "Resource": "*" }';
  const scp = `{\n  "Version": "2012-10-17",\n  "Statement": [\n    ${scpStatement}\n  ]\n}\n`;
  const dir = workspace({
    'infra/org/guardrails.json': scp,
    'infra/bedrock-security.json': '{ "scpFiles": ["org/*.json"], "rules": { "policy/missing-version": "hint" } }',
    'org/other.json': scp,
    'a.json': NO_VERSION_POLICY,
  });
  const scpOnly = (list: string[]) => list.filter((l) => l.includes(' scp/'));
  assert.deepEqual(scpOnly(findings(dir, []).list), []);
  const r = findings(dir, ['--config', 'infra/bedrock-security.json']);
  assert.deepEqual(scpOnly(r.list), ['infra/org/guardrails.json scp/principal-not-allowed error']);
  assert.ok(r.list.includes('a.json policy/missing-version hint'), r.list.join('\n'));
  assert.equal(r.stderr, '');
});

test('SCPs are recognised by the default globs, and --policy-type forces the kind of every file', () => {
  const scpStatement = '{ "Sid": "DenyDelete", "Effect": "Deny", "Principal": "*", "Action": "bedrock:DeleteGuardrail", "Resource": "*" }';
  const policy = `{\n  "Version": "2012-10-17",\n  "Statement": [\n    ${scpStatement}\n  ]\n}\n`;
  const dir = workspace({ 'scps/deny.json': policy, 'deny.json': policy });
  const scpRule = (list: string[]) => list.filter((l) => l.includes('scp/principal-not-allowed'));
  assert.deepEqual(scpRule(findings(dir, []).list), ['scps/deny.json scp/principal-not-allowed error']);
  assert.deepEqual(scpRule(findings(dir, ['--policy-type', 'scp']).list), ['deny.json scp/principal-not-allowed error', 'scps/deny.json scp/principal-not-allowed error']);
  assert.deepEqual(scpRule(findings(dir, ['--policy-type', 'resource']).list), []);
});

test('problems in the configuration are shown on stderr and the valid parts still apply', () => {
  const dir = workspace({
    'a.json': NO_VERSION_POLICY,
    '.bedrock-security.json': '{ "rules": { "policy/missing-version": "error", "iam/no-such-rule": "off", "policy/syntax": "loud" }, "colour": true }',
  });
  const r = findings(dir, []);
  assert.equal(r.status, 1);
  assert.deepEqual(r.list, ['a.json policy/missing-version error']);
  assert.equal(
    r.stderr,
    'bedrock-security: .bedrock-security.json: unknown rule "iam/no-such-rule" in "rules"\n' +
      'bedrock-security: .bedrock-security.json: severity of "policy/syntax" must be one of error, warning, information, hint, off\n' +
      'bedrock-security: .bedrock-security.json: unknown setting "colour"\n',
  );
});

test('a configuration file that is not JSON, or a --config file that does not exist, exits 2', () => {
  const dir = workspace({ 'a.json': NO_VERSION_POLICY, '.bedrock-security.json': '{\n  "rules": {\n' });
  const r = cli(dir, ['lint']);
  assert.equal(r.status, 2);
  assert.equal(r.stdout, '');
  assert.equal(r.stderr, 'bedrock-security: .bedrock-security.json:3:1: the configuration file is not valid JSON: close brace expected\n');
  const missing = cli(dir, ['lint', '--config', 'nope.json']);
  assert.deepEqual([missing.status, missing.stdout, missing.stderr], [2, '', 'bedrock-security: nope.json: configuration file not found\n']);
});
