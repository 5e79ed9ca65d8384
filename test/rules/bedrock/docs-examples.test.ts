// The "Reported" and "Not reported" examples of every bedrock/* rule's documentation are true:
// the first triggers the rule, the second does not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bedrockRules } from '../../../server/src/engine/rules/bedrock';
import { findingsOf } from '../../helpers';

for (const { meta } of bedrockRules) {
  test(`${meta.id}: the documented examples behave as documented`, () => {
    assert.ok(meta.docs.bad && meta.docs.good, 'both examples are documented');
    assert.ok(findingsOf(meta.id, meta.docs.bad).length > 0, 'the "Reported" example is reported');
    assert.deepEqual(findingsOf(meta.id, meta.docs.good), [], 'the "Not reported" example is not reported');
  });
}
