import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, expectClean, expectFindings, fixesOf } from '../../helpers';

const ID = 'iam/invalid-action-format';
const wrap = (actions: string, key = 'Action') => `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "${key}": ${actions}, "Resource": "*"}]}`;

test('an action without a service prefix is reported, with the prefix of a service that has it', () => {
  expectFindings(ID, wrap('["bedrock:ListFoundationModels", ⟦"InvokeModel"⟧]'), [
    '"InvokeModel" has no service prefix, so it matches no action: did you mean "bedrock:InvokeModel"?',
  ]);
});

test('the prefix fix writes the action as the data spells it, and is preferred when one service fits', () => {
  const text = wrap('["bedrock:ListFoundationModels", "invokemodel"]');
  assert.equal(applyFix(ID, text), wrap('["bedrock:ListFoundationModels", "bedrock:InvokeModel"]'));
});

test('a name that several of the policy\'s services have gets one fix per service, none preferred', () => {
  const text = wrap('["kms:Decrypt", "TagResource"]');
  const fixes = fixesOf(ID, text);
  assert.deepEqual(
    fixes.map((f) => [f.title, !!f.isPreferred]),
    [
      ['Change to "kms:TagResource"', false],
      ['Change to "bedrock:TagResource"', false],
    ],
  );
});

test('a prefix-less name that no service of the policy has explains the format, without a fix', () => {
  const text = wrap('⟦"DoSomethingUnheardOf"⟧');
  expectFindings(ID, text, ['"DoSomethingUnheardOf" has no service prefix, so it matches no action: IAM actions are written "service:Action", e.g. "bedrock:InvokeModel".']);
  assert.deepEqual(fixesOf(ID, wrap('"DoSomethingUnheardOf"')), []);
});

test('spaces and doubled colons are reported and removed by the fix', () => {
  expectFindings(ID, wrap('[⟦"bedrock: InvokeModel"⟧, ⟦"bedrock::GetGuardrail"⟧]'), [
    '"bedrock: InvokeModel" is not a valid action (IAM does not ignore spaces or extra colons): did you mean "bedrock:InvokeModel"?',
    '"bedrock::GetGuardrail" is not a valid action (IAM does not ignore spaces or extra colons): did you mean "bedrock:GetGuardrail"?',
  ]);
  assert.equal(applyFix(ID, wrap('" bedrock:InvokeModel "')), wrap('"bedrock:InvokeModel"'));
});

test('an empty name, an empty entry, an ARN and stray characters are reported', () => {
  expectFindings(ID, wrap('[⟦"bedrock:"⟧, ⟦""⟧, ⟦"arn:aws:bedrock:us-east-1::foundation-model/x"⟧, ⟦"bedrock:Invoke,Model"⟧]'), [
    '"bedrock:" has no action name after the service prefix: write "bedrock:ActionName", or "bedrock:*" for every action of the service.',
    'An empty action matches nothing: write "service:Action", e.g. "bedrock:InvokeModel".',
    '"arn:aws:bedrock:us-east-1::foundation-model/x" is an ARN, not an action: ARNs belong in "Resource"; actions are written "service:Action".',
    '"bedrock:Invoke,Model" is not a valid action: after "service:" an action name has only letters, digits and the wildcards * and ?.',
  ]);
});

test('NotAction entries are checked too', () => {
  expectFindings(ID, wrap('⟦"InvokeModel"⟧', 'NotAction'), [/has no service prefix/]);
});

test('well-formed entries are not reported: *, service:*, wildcards, any case, a wildcard prefix', () => {
  expectClean(ID, wrap('["*", "bedrock:*", "bedrock:Invoke*", "bedrock:Get?uardrail", "BEDROCK:invokemodel", "*:Get*", "bedrok:Typo"]'));
});

test('entries that are not strings and half-typed policies do not crash the rule', () => {
  expectClean(ID, wrap('[42, null, {"a": 1}]'));
  expectFindings(ID, '{"Statement": [{"Effect": "Allow", "Action": [⟦"Invoke"⟧', [/has no service prefix/]);
});
