import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, expectClean, expectFindings, fixesOf, linter } from '../../helpers';
import { defaultSettings } from '../../../server/src/engine/settings';

const ID = 'iam/unknown-service';
const wrap = (actions: string, key = 'Action') => `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "${key}": ${actions}, "Resource": "*"}]}`;

test('a misspelled prefix is reported with the closest prefix that has the action', () => {
  expectFindings(ID, wrap('[⟦"bedrok:InvokeModel"⟧]'), ['"bedrok" is not an AWS service prefix, so "bedrok:InvokeModel" matches no action. Did you mean "bedrock:InvokeModel"?']);
  assert.equal(applyFix(ID, wrap('["bedrok:InvokeModel"]')), wrap('["bedrock:InvokeModel"]'));
});

test('Bedrock endpoint names used as prefixes get their own message and become bedrock:', () => {
  expectFindings(ID, wrap('[⟦"bedrock-runtime:InvokeModel"⟧, ⟦"bedrock-agent-runtime:Retrieve"⟧]'), [
    '"bedrock-runtime" is an API endpoint name, not an IAM service prefix: Amazon Bedrock\'s runtime, agent and data-automation APIs are authorized by "bedrock:" actions. Did you mean "bedrock:InvokeModel"?',
    '"bedrock-agent-runtime" is an API endpoint name, not an IAM service prefix: Amazon Bedrock\'s runtime, agent and data-automation APIs are authorized by "bedrock:" actions. Did you mean "bedrock:Retrieve"?',
  ]);
  assert.equal(applyFix(ID, wrap('"bedrock-agent-runtime:Retrieve"')), wrap('"bedrock:Retrieve"'));
});

test('a prefix close to nothing is reported without a fix', () => {
  const text = wrap('"zzqqxxv:Get"');
  expectFindings(ID, wrap('⟦"zzqqxxv:Get"⟧'), ['"zzqqxxv" is not an AWS service prefix, so "zzqqxxv:Get" matches no action.']);
  assert.deepEqual(fixesOf(ID, text), []);
});

test('NotAction entries are checked too', () => {
  expectFindings(ID, wrap('⟦"bedrok:*"⟧', 'NotAction'), [/Did you mean "bedrock:\*"\?/]);
});

test('known prefixes in any case, retired services AWS still names, and malformed entries are not reported', () => {
  expectClean(ID, wrap('["Bedrock:InvokeModel", "S3:GetObject", "deepracer:*", "deeplens:*", "iot1click:ListDevices", "*", "InvokeModel", "*:Get*"]'));
});

test('a fix is rebuilt from the finding alone and refuses a stale finding', () => {
  const opts = { settings: defaultSettings() };
  const before = wrap('"bedrok:InvokeModel"');
  const finding = linter.lintJson(before, opts).findings.find((f) => f.ruleId === ID)!;
  const wire = JSON.parse(JSON.stringify(finding));
  const after = wrap('"bedrok:GetGuardrail"');
  const policy = linter.lintJson(after, opts).policy!;
  assert.deepEqual(linter.fixesFor(policy, after, opts.settings, wire), []);
});
