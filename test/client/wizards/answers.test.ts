// The wizards' answer parsing (client/src/wizards/answers.ts), the status-bar texts
// (client/src/status-text.ts) and the rule documentation index (client/src/rule-docs-index.ts):
// the vscode-free parts of the editor commands.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { readRuleDoc, ruleIdOf } from '../../../client/src/rule-docs-index';
import { statusPresentation } from '../../../client/src/status-text';
import { accountOf, defaultRegions, freePath, listProblem, parseTag, policyPathProblem, splitList } from '../../../client/src/wizards/answers';
import { allRules } from '../../../server/src/engine/rules';

const root = join(__dirname, '..', '..', '..', '..');

describe('wizard answers', () => {
  test('typed lists: commas and spaces, trimmed, without duplicates; the first bad entry is reported', () => {
    assert.deepEqual(splitList(' a, b  c,,a\n'), ['a', 'b', 'c']);
    assert.equal(listProblem('', () => undefined, 'model'), 'Enter at least one model.');
    assert.equal(listProblem('ok, bad, worse', (x) => (x === 'ok' ? undefined : `no ${x}`), 'model'), 'no bad');
    assert.equal(listProblem('ok', () => undefined, 'model'), undefined);
  });

  test('policy paths: relative, no "..", ending in .json; a free name next to existing files', () => {
    assert.equal(policyPathProblem('policies/app.json'), undefined);
    assert.equal(policyPathProblem('/etc/app.json'), 'Enter a path relative to the workspace folder.');
    assert.equal(policyPathProblem('C:\\x\\app.json'), 'Enter a path relative to the workspace folder.');
    assert.equal(policyPathProblem('../app.json'), 'The path may not contain ".." or empty folder names.');
    assert.equal(policyPathProblem('policies/app.yaml'), 'Policy files end with .json.');
    assert.equal(policyPathProblem(' '), 'Enter a file name such as policies/bedrock-invoke-models.json.');
    const taken = new Set(['p/a.json', 'p/a-2.json']);
    assert.equal(freePath('p/a.json', (p) => taken.has(p)), 'p/a-3.json');
    assert.equal(freePath('p/b.json', (p) => taken.has(p)), 'p/b.json');
  });

  test('the account of the first ARN that has one; principal tags; default Regions', () => {
    assert.equal(accountOf([undefined, 'KB123', 'arn:aws:bedrock:us-east-1::foundation-model/x', 'arn:aws:bedrock:us-east-1:444455556666:guardrail/abc']), '444455556666');
    assert.equal(accountOf(['x']), undefined);
    assert.deepEqual(parseTag('team=ai-security'), { key: 'team', value: 'ai-security' });
    assert.equal(parseTag('aws:PrincipalTag=x'), undefined);
    assert.equal(parseTag('no-value-sign'), undefined);
    assert.deepEqual(defaultRegions(['eu-west-1', 'eu-west-1', 'eu-central-1'], {}), ['eu-west-1', 'eu-central-1']);
    assert.deepEqual(defaultRegions([], { AWS_REGION: 'ap-south-1' }), ['ap-south-1']);
    assert.deepEqual(defaultRegions([], { AWS_DEFAULT_REGION: 'not a region' }), ['us-east-1']);
  });
});

describe('status bar', () => {
  test('one presentation per server state; counts by severity when ready', () => {
    const none = { errors: 0, warnings: 0, infos: 0 };
    assert.deepEqual(statusPresentation('starting', none), { text: '$(loading~spin) Bedrock Security', tooltip: 'Bedrock Security: starting the language server…', action: 'output', error: false });
    assert.deepEqual(statusPresentation('error', none).action, 'output');
    assert.equal(statusPresentation('error', none).error, true);
    assert.equal(statusPresentation('stopped', none).text, '$(circle-slash) Bedrock Security');
    assert.deepEqual(statusPresentation('ready', none), {
      text: '$(shield) Bedrock Security',
      tooltip: 'Bedrock Security: no findings in open and workspace files. Click to open the Problems view; type bedrock-security in its filter to list only these.',
      action: 'problems',
      error: false,
    });
    const some = statusPresentation('ready', { errors: 1, warnings: 1200, infos: 3 });
    assert.equal(some.text, '$(shield) Bedrock Security: 1,204');
    assert.match(some.tooltip, /^Bedrock Security: 1 error, 1,200 warnings, 3 information in open and workspace files\./);
  });
});

describe('rule documentation index', () => {
  test('every generated rule page is read with the id, severity and description of its rule', () => {
    const pages = readdirSync(join(root, 'docs', 'rules')).flatMap((family) => readdirSync(join(root, 'docs', 'rules', family)).filter((n) => n.endsWith('.md')).map((n) => `${family}/${n}`));
    const rules = new Map(allRules.map((r) => [r.meta.id, r.meta]));
    assert.ok(pages.length >= 30, `${pages.length} pages`);
    for (const page of pages) {
      const e = readRuleDoc(page, readFileSync(join(root, 'docs', 'rules', page), 'utf8'));
      assert.ok(e, `${page} was not read`);
      const meta = rules.get(e.id);
      assert.ok(meta, `${page} documents ${e.id}, which is not a registered rule`);
      assert.equal(e.page, `${meta.id}.md`);
      assert.equal(e.severity, meta.severity, meta.id);
      assert.ok(e.description.length > 20 && meta.description.startsWith(e.description.slice(0, 20)), `${meta.id}: ${e.description}`);
    }
  });

  test('pages of another shape are skipped; rule ids come from string or { value } codes', () => {
    assert.equal(readRuleDoc('README.md', '# Rules\n\nA table.'), undefined);
    assert.equal(ruleIdOf({ value: 'iam/wildcard-resource', target: 'https://x' }), 'iam/wildcard-resource');
    assert.equal(ruleIdOf('policy/syntax'), 'policy/syntax');
    assert.equal(ruleIdOf(42), undefined);
    assert.equal(ruleIdOf('Not A Rule'), undefined);
  });
});
