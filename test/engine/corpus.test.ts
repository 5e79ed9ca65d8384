// The engine's promise on real policies: the 1,452 AWS managed policies in
// ../shared/corpora/managed-policies (read in place, never copied) are valid policies that AWS
// itself publishes, so linting them must give no finding of severity `error`. Warnings are fine
// (AWS's own policies are often broad). Skipped when the corpus is not there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultSettings } from '../../server/src/engine/settings';
import { linter } from '../helpers';

const root = join(__dirname, '..', '..', '..');
const corpusDir = join(root, '..', 'shared', 'corpora', 'managed-policies');
const files = existsSync(corpusDir)
  ? readdirSync(corpusDir)
      .filter((f) => f.endsWith('.json'))
      .sort()
  : [];
const skip = files.length === 0 ? `no corpus at ${corpusDir}` : false;

test('every AWS managed policy is read as an identity policy without any error finding', { skip }, () => {
  const settings = defaultSettings();
  const errors: string[] = [];
  const notPolicies: string[] = [];
  const perRule = new Map<string, number>();
  for (const f of files) {
    const text = readFileSync(join(corpusDir, f), 'utf8');
    const result = linter.lintJson(text, { path: f, settings });
    if (!result.isPolicy || result.policy?.kind !== 'identity') notPolicies.push(`${f} (${result.policy?.kind ?? 'not a policy'})`);
    for (const finding of result.findings) {
      if (finding.severity !== 'error') continue;
      perRule.set(finding.ruleId, (perRule.get(finding.ruleId) ?? 0) + 1);
      const excerpt = JSON.stringify(text.slice(finding.span.start, finding.span.end)).slice(0, 100);
      errors.push(`${f}: ${finding.ruleId}: ${finding.message} ${excerpt}`);
    }
  }
  assert.equal(files.length, 1452);
  assert.deepEqual(notPolicies, []);
  const counts = [...perRule].sort().map(([id, n]) => `${id}: ${n}`);
  assert.deepEqual(errors.length === 0 ? [] : counts, [], `${errors.length} error findings on valid AWS policies; first ones:\n${errors.slice(0, 30).join('\n')}`);
});
