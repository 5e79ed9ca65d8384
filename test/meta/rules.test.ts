// Every rule is registered, named after its file, documented by a generated page that is up to
// date, listed in the README's generated table, and has a test file of its own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allRules } from '../../server/src/engine/rules';
import { renderRuleDoc, withRuleTable } from '../../server/src/engine/rules/render-docs';

const root = join(__dirname, '..', '..', '..');
const rulesSrc = join(root, 'server', 'src', 'engine', 'rules');

/** Rule modules on disk: files under rules/<family>/ whose default export has `meta`. */
function ruleModulesOnDisk(): string[] {
  const out: string[] = [];
  for (const fam of readdirSync(rulesSrc, { withFileTypes: true })) {
    if (!fam.isDirectory()) continue;
    for (const f of readdirSync(join(rulesSrc, fam.name))) {
      if (!f.endsWith('.ts') || f === 'index.ts') continue;
      const compiled = join(root, 'out', 'server', 'src', 'engine', 'rules', fam.name, f.replace(/\.ts$/, '.js'));
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const mod = require(compiled);
      if (mod.default?.meta) out.push(`${fam.name}/${f.replace(/\.ts$/, '')}`);
    }
  }
  return out.sort();
}

test('every rule module on disk is registered, and ids are unique', () => {
  const ids = allRules.map((r) => r.meta.id);
  assert.equal(new Set(ids).size, ids.length, 'duplicate rule ids');
  assert.deepEqual([...ids].sort(), ruleModulesOnDisk());
});

test('rule ids are family/kebab-name and metadata is complete', () => {
  for (const { meta } of allRules) {
    assert.match(meta.id, /^(policy|iam|bedrock|scp|sdk|cdk)\/[a-z0-9]+(-[a-z0-9]+)*$/, meta.id);
    assert.ok(meta.description.length > 20, `${meta.id}: description`);
    assert.ok(meta.docs.rationale.length > 40, `${meta.id}: rationale`);
    assert.ok(meta.docs.references.length > 0, `${meta.id}: references`);
    if (meta.fixable) assert.ok(meta.docs.fix, `${meta.id}: a fixable rule documents its fix`);
  }
});

test('every rule has an up-to-date generated doc page', () => {
  for (const { meta } of allRules) {
    const file = join(root, 'docs', 'rules', `${meta.id}.md`);
    assert.ok(existsSync(file), `missing ${file} (run npm run docs)`);
    assert.equal(readFileSync(file, 'utf8'), renderRuleDoc(meta), `${file} is stale (run npm run docs)`);
  }
});

test('the README rule table is generated and up to date', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const regenerated = withRuleTable(readme, allRules);
  assert.ok(regenerated, 'README.md lacks the rule table markers');
  assert.equal(readme, regenerated, 'README rule table is stale (run npm run docs)');
});

test('every rule has its own test file', () => {
  const testsDir = join(root, 'test', 'rules');
  for (const { meta } of allRules) {
    const [fam, name] = meta.id.split('/');
    const dir = join(testsDir, fam);
    const files = existsSync(dir) ? readdirSync(dir) : [];
    const own = files.some((f) => f === `${name}.test.ts`) || files.some((f) => f.endsWith('.test.ts') && readFileSync(join(dir, f), 'utf8').includes(`'${meta.id}'`));
    assert.ok(own, `${meta.id} has no tests in test/rules/${fam}/`);
  }
});
