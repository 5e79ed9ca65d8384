import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, expectClean, expectFindings, fixesOf, linter } from '../../helpers';
import { OBSOLETE_ACTIONS, RETIRED_SERVICES } from '../../../server/src/engine/rules/iam/reference-gaps';

const ID = 'iam/deprecated-action';
const wrap = (actions: string, effect = 'Allow') => `{"Version": "2012-10-17", "Statement": [{"Effect": "${effect}", "Action": ${actions}, "Resource": "*"}]}`;

test('a renamed action is reported with its new name, and the fix renames it', () => {
  expectFindings(ID, wrap('⟦"securityagent:StartPentestExecution"⟧', 'Deny'), [
    '"securityagent:StartPentestExecution" was renamed by AWS Security Agent on 2026-03-09: the new name is "securityagent:StartPentestJob". The old name grants nothing, and a Deny of it no longer blocks the operation.',
  ]);
  assert.equal(applyFix(ID, wrap('["qapps:ImportDocumentToQApp", "qapps:GetQApp"]')), wrap('["qapps:ImportDocument", "qapps:GetQApp"]'));
});

test('when the list already has the new name, the fix removes the old one', () => {
  assert.equal(applyFix(ID, wrap('["qapps:ImportDocument", "qapps:ImportDocumentToQAppSession"]')), wrap('["qapps:ImportDocument"]'));
});

test('a removed action or a retired service is reported and removed from a longer list', () => {
  expectFindings(ID, wrap('[⟦"cloudhsm:DescribeHapg"⟧, "cloudhsm:DescribeClusters", ⟦"deepracer:*"⟧]'), [
    '"cloudhsm:DescribeHapg" belongs to the retired AWS CloudHSM Classic API: the entry grants or denies nothing and can be removed.',
    '"deepracer:*" names AWS DeepRacer, which AWS retired: the entry grants or denies nothing and can be removed.',
  ]);
  assert.equal(applyFix(ID, wrap('["cloudhsm:DescribeHapg", "cloudhsm:DescribeClusters"]')), wrap('["cloudhsm:DescribeClusters"]'));
  assert.deepEqual(fixesOf(ID, wrap('"iot1click:ListDevices"')), []);
});

test('current actions are not reported', () => {
  expectClean(ID, wrap('["securityagent:StartPentestJob", "qapps:ImportDocument", "cloudhsm:DescribeClusters", "bedrock:InvokeModel", "*"]'));
});

test('every obsolete action is absent from the IAM data, and every replacement is present', () => {
  for (const [key, info] of OBSOLETE_ACTIONS) {
    const [service, name] = key.split(':');
    assert.equal(linter.iam.action(service, name), undefined, `${key} is in the data: it is not obsolete`);
    if (info.replacement) {
      const [rs, rn] = info.replacement.split(':');
      assert.equal(linter.iam.action(rs, rn)?.name, rn, `replacement ${info.replacement} is not in the data`);
    }
  }
  for (const prefix of RETIRED_SERVICES.keys()) assert.equal(linter.iam.hasService(prefix), false, `${prefix} is in the data: it is not retired`);
});
