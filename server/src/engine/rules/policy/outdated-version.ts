// policy/outdated-version: "Version": "2008-10-17" (or any value other than 2012-10-17).
import { defineRule } from '../rule';
import { setVersionFix } from './version-fix';

export default defineRule({
  meta: {
    id: 'policy/outdated-version',
    severity: 'warning',
    description: 'The policy uses the 2008-10-17 language version (or an unknown one) instead of 2012-10-17.',
    fixable: true,
    docs: {
      rationale:
        'The `2008-10-17` language version does not support policy variables: `${aws:username}` in a resource is matched literally, which silently grants nothing or the wrong thing. Any other value than `2012-10-17` or `2008-10-17` is rejected by IAM.',
      bad: '{\n  "Version": "2008-10-17",\n  "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::home/${aws:username}/*" }]\n}',
      good: '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::home/${aws:username}/*" }]\n}',
      fix: 'Sets the value to `"2012-10-17"`.',
      references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_version.html'],
    },
  },
  check(ctx) {
    const v = ctx.policy.version;
    // A value that is not a string is policy/invalid-value-type's finding.
    if (!v || v.valueKind !== 'string') return;
    if (v.value?.kind === 'string' && v.value.value === '2012-10-17') return;
    if (v.value?.kind === 'string' && v.value.value === '2008-10-17') {
      ctx.report(v.valueSpan, 'Version "2008-10-17" does not support policy variables: use "2012-10-17".');
    } else {
      ctx.report(v.valueSpan, `"Version" must be "2012-10-17" (or the outdated "2008-10-17"), not ${v.value ? JSON.stringify(v.value.value) : 'this value'}.`);
    }
  },
  fixes: setVersionFix,
});
