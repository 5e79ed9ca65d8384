// The documented examples of every code rule (sdk/*, cdk/*) are real: the "Reported" example
// triggers the rule, the "Not reported" one does not (with the settings the example's comment
// names), and both are code that parses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { syntaxErrorCount } from '../../../server/src/engine/code/module';
import { allRules } from '../../../server/src/engine/rules';
import { codeFindingsOf } from '../../code-helpers';

const SETTINGS: Record<string, object> = {
  'sdk/region-not-allowed': { allowedRegions: ['eu-central-1', 'eu-west-1'] },
};

for (const rule of allRules.filter((r) => r.meta.target === 'code')) {
  const { id, docs } = rule.meta;
  test(`${id}: the documented examples are reported and not reported as they say`, () => {
    const settings = SETTINGS[id];
    assert.ok(docs.bad, `${id} documents a reported example`);
    assert.equal(syntaxErrorCount(docs.bad, 'typescript'), 0, `${id} bad example parses`);
    assert.ok(codeFindingsOf(id, docs.bad, { settings }).length > 0, `${id} reports its bad example:\n${docs.bad}`);
    if (docs.good) {
      assert.equal(syntaxErrorCount(docs.good, 'typescript'), 0, `${id} good example parses`);
      assert.deepEqual(codeFindingsOf(id, docs.good, { settings }).map((f) => f.message), [], `${id} does not report its good example`);
    }
  });
}
