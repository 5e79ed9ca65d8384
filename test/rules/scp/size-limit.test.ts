import { test } from 'node:test';
import { expectClean, expectFindings } from '../../helpers';

const scp = { kind: 'scp' as const };

/** An SCP whose length without whitespace is exactly `n`, pretty-printed with `indent` spaces. */
function scpOfCompactLength(n: number, indent: number): string {
  const base = { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: ['bedrock:DeleteGuardrail'], Resource: '*' }] };
  let i = 0;
  while (JSON.stringify(base).length < n - 40) base.Statement[0].Action.push(`bedrock:Action${i++}`);
  base.Statement[0].Resource += 'x'.repeat(n - JSON.stringify(base).length);
  return JSON.stringify(base, null, indent);
}

const mark = (text: string) => text.replace('"Statement"', '⟦"Statement"⟧');

test('scp/size-limit reports an SCP over 5,120 characters even without whitespace', () => {
  expectFindings('scp/size-limit', mark(scpOfCompactLength(5121, 0)), [
    'The SCP has 5,121 characters even without whitespace, more than the 5,120 AWS Organizations allows: shorten it or split it into several SCPs.',
  ], scp);
});

test('scp/size-limit counts whitespace, as Organizations does for policies saved through the API', () => {
  const text = scpOfCompactLength(5000, 2);
  expectFindings('scp/size-limit', mark(text), [
    `The SCP has ${text.length.toLocaleString('en-US')} characters as written, more than the 5,120 AWS Organizations allows; whitespace counts unless removed before upload (5,000 characters minified).`,
  ], scp);
});

test('scp/size-limit accepts an SCP of exactly 5,120 characters, and applies to SCPs only', () => {
  expectClean('scp/size-limit', scpOfCompactLength(5120, 0), scp);
  expectClean('scp/size-limit', scpOfCompactLength(6000, 2));
});
