import { test } from 'node:test';
import { expectClean, expectFindings } from '../../helpers';

/** An identity policy whose length without whitespace is exactly `n` characters. */
function policyOfCompactLength(n: number, indent = 0): string {
  const base = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'bedrock:InvokeModel', Resource: 'arn:aws:bedrock:us-east-1::foundation-model/' }] };
  const pad = n - JSON.stringify(base).length;
  base.Statement[0].Resource += 'x'.repeat(pad);
  return JSON.stringify(base, null, indent);
}

test('policy/size-limit reports an identity policy over 6,144 characters without whitespace', () => {
  const text = policyOfCompactLength(6145, 2).replace('"Statement"', '⟦"Statement"⟧');
  expectFindings('policy/size-limit', text, [
    'The policy has 6,145 characters without whitespace, more than the 6,144 IAM allows for a managed policy: merge statements or split it.',
  ]);
});

test('policy/size-limit does not count whitespace', () => {
  expectClean('policy/size-limit', policyOfCompactLength(6144, 8));
});

test('policy/size-limit skips SCPs and resource policies (their quotas differ)', () => {
  expectClean('policy/size-limit', policyOfCompactLength(7000), { kind: 'scp' });
  expectClean('policy/size-limit', policyOfCompactLength(7000), { kind: 'resource' });
});
