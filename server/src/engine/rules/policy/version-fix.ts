// The shared fix of policy/missing-version and policy/outdated-version: "Version": "2012-10-17".
import type { FixContext } from '../rule';
import type { Fix } from '../../types';

export function setVersionFix(ctx: FixContext): Fix[] {
  const { policy, editor } = ctx;
  const edit = policy.version
    ? editor.replace(policy.version.valueSpan, editor.literal('2012-10-17'))
    : editor.insertProperty(policy.span, policy.keys, 'Version', '2012-10-17', 'first');
  return [{ title: 'Set "Version" to "2012-10-17"', edits: [edit], isPreferred: true }];
}
