// `--format sarif`: the log validates against the SARIF 2.1.0 schema (vendored in fixtures/, see
// its SOURCE.md), describes every registered rule, and points each result at the right region.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import type * as Sarif from 'sarif';
import { allRules } from '../../server/src/engine/rules';
import { docsUrl } from '../../server/src/engine/rules/docs-url';
import { cli, CLEAN_POLICY, FIXTURES, NO_VERSION_POLICY, TRAILING_COMMA_POLICY, workspace } from './cli-helpers';

const ajv = new Ajv({ allErrors: true });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(join(FIXTURES, 'sarif-schema-2.1.0.json'), 'utf8')));

function assertValid(log: unknown): void {
  const ok = validate(log);
  assert.ok(ok, `SARIF schema errors:\n${JSON.stringify(validate.errors, null, 2)}`);
}

function sarif(cwd: string, args: string[] = []): { status: number | null; stderr: string; log: Sarif.Log } {
  const r = cli(cwd, ['lint', '--format', 'sarif', ...args]);
  return { status: r.status, stderr: r.stderr, log: JSON.parse(r.stdout) as Sarif.Log };
}

const dir = workspace({
  'clean.json': CLEAN_POLICY,
  'policies/no version.json': NO_VERSION_POLICY,
  'policies/trailing-comma.json': TRAILING_COMMA_POLICY,
  '.bedrock-security.json': '{ "rules": { "policy/missing-version": "information" } }',
});

test('the SARIF log validates against the SARIF 2.1.0 schema, and the schema does reject a bad log', () => {
  const { status, stderr, log } = sarif(dir);
  assert.equal(status, 1);
  assert.equal(stderr, '');
  assertValid(log);
  const broken = structuredClone(log);
  (broken.runs[0].results![0] as { level: string }).level = 'fatal';
  assert.equal(validate(broken), false);
});

test('tool.driver describes every registered rule with its docs link and default level', () => {
  const { log } = sarif(dir);
  const driver = log.runs[0].tool.driver;
  const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as { version: string };
  assert.equal(driver.name, 'bedrock-security');
  assert.equal(driver.version, pkg.version);
  assert.equal(driver.informationUri, 'https://github.com/bedrock-security/bedrock-security');
  const levels = { error: 'error', warning: 'warning', information: 'note', hint: 'note' } as const;
  for (const rule of allRules) {
    const d = driver.rules!.find((r) => r.id === rule.meta.id);
    assert.ok(d, `${rule.meta.id} is described`);
    assert.equal(d.shortDescription?.text, rule.meta.description);
    assert.equal(d.helpUri, docsUrl(rule.meta.id));
    assert.equal(d.defaultConfiguration?.level, levels[rule.meta.severity]);
    assert.ok(d.help?.markdown?.startsWith(`# ${rule.meta.id}\n`), `${rule.meta.id} help is its docs page`);
  }
  assert.equal(new Set(driver.rules!.map((r) => r.id)).size, driver.rules!.length, 'rule ids are unique');
});

test('results carry rule id and index, the effective level, and 1-based regions relative to %SRCROOT%', () => {
  const { log } = sarif(dir);
  const run = log.runs[0];
  assert.equal(run.columnKind, 'utf16CodeUnits');
  assert.deepEqual(run.originalUriBaseIds, { '%SRCROOT%': { uri: pathToFileURL(dir).href + '/' } });
  const rules = run.tool.driver.rules!;
  const summary = run.results!.map((r) => {
    assert.equal(rules[r.ruleIndex!].id, r.ruleId);
    const loc = r.locations![0].physicalLocation!;
    return { ruleId: r.ruleId, level: r.level, message: r.message.text, uri: loc.artifactLocation!.uri, base: loc.artifactLocation!.uriBaseId, region: loc.region };
  });
  assert.deepEqual(summary, [
    {
      ruleId: 'policy/missing-version',
      level: 'note',
      message: 'The policy has no "Version": add "Version": "2012-10-17" so that policy variables and current features work.',
      uri: 'policies/no%20version.json',
      base: '%SRCROOT%',
      region: { startLine: 2, startColumn: 3, endLine: 2, endColumn: 14 },
    },
    {
      ruleId: 'policy/syntax',
      level: 'error',
      message: 'Trailing commas are not allowed in IAM policies.',
      uri: 'policies/trailing-comma.json',
      base: '%SRCROOT%',
      region: { startLine: 4, startColumn: 106, endLine: 4, endColumn: 107 },
    },
  ]);
  const invocation = run.invocations![0];
  assert.equal(invocation.executionSuccessful, true);
  const overridden = invocation.ruleConfigurationOverrides!.map((o) => [o.descriptor.id, o.configuration.level]);
  assert.deepEqual(overridden, [['policy/missing-version', 'note']]);
});

test('files that cannot be read make the invocation unsuccessful, with a notification per file', () => {
  const bad = workspace({ 'a.json': NO_VERSION_POLICY, 'binary.json': Buffer.from([0x00, 0x01, 0x02]) });
  const { status, log } = sarif(bad);
  assert.equal(status, 2);
  assertValid(log);
  const invocation = log.runs[0].invocations![0];
  assert.equal(invocation.executionSuccessful, false);
  assert.deepEqual(
    invocation.toolExecutionNotifications!.map((n) => [n.level, n.message.text, n.locations![0].physicalLocation!.artifactLocation!.uri]),
    [['error', 'cannot read the file: binary content (NUL bytes); UTF-16 text needs a byte order mark', 'binary.json']],
  );
  assert.equal(log.runs[0].results!.length, 1);
});
