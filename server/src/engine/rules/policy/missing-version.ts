// policy/missing-version: a policy without "Version" is evaluated with the 2008 language,
// in which policy variables are plain text.
import { defineRule } from '../rule';
import { setVersionFix } from './version-fix';

export default defineRule({
  meta: {
    id: 'policy/missing-version',
    severity: 'warning',
    description: 'The policy has no "Version"; AWS then uses the 2008-10-17 language, without policy variables.',
    fixable: true,
    docs: {
      rationale:
        'Without a `Version` element IAM evaluates the policy with the `2008-10-17` language version, in which policy variables such as `${aws:username}` are treated as literal text and newer features are unavailable. Always state `"Version": "2012-10-17"`.',
      bad: '{\n  "Statement": [{ "Effect": "Allow", "Action": "bedrock:ListFoundationModels", "Resource": "*" }]\n}',
      good: '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Allow", "Action": "bedrock:ListFoundationModels", "Resource": "*" }]\n}',
      fix: 'Inserts `"Version": "2012-10-17"` as the first element of the policy.',
      references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_version.html'],
    },
  },
  check(ctx) {
    const { policy } = ctx;
    if (policy.version) return;
    const at = policy.statementKey?.span ?? { start: policy.span.start, end: policy.span.start + 1 };
    ctx.report(at, 'The policy has no "Version": add "Version": "2012-10-17" so that policy variables and current features work.');
  },
  fixes: setVersionFix,
});
