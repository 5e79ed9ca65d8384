// policy/size-limit: an identity policy longer than the IAM managed-policy quota of 6,144
// characters, counted without whitespace (Policy.compactLength).
import { defineRule } from '../rule';

/**
 * "Managed policy character size: 6,144" — IAM does not count white space
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html#reference_iam-quotas-entity-length).
 */
export const MANAGED_POLICY_MAX_CHARS = 6144;

export default defineRule({
  meta: {
    id: 'policy/size-limit',
    severity: 'warning',
    description: 'The identity policy is longer than the IAM managed-policy quota of 6,144 characters (whitespace not counted).',
    fixable: false,
    kinds: ['identity'],
    docs: {
      rationale: [
        'IAM rejects a managed policy longer than 6,144 characters (`LimitExceeded: Cannot exceed quota for PolicySize: 6144`). IAM does not count white space, so the length reported here is that of the policy without whitespace outside strings. Inline policies have different, aggregate quotas (2,048 characters for all inline policies of a user, 5,120 of a group, 10,240 of a role), so a policy near this limit is too long for most inline uses as well.',
        '',
        'Shorten the policy by merging statements with the same `Effect`, `Resource` and `Condition`, removing `Sid` values, and using action wildcards only where they do not grant more than needed; or split it into several managed policies (a role can have 10 attached by default). SCPs have their own quota (`scp/size-limit`); resource-based policies are not checked, because each service sets its own quota (20 KB for an S3 bucket policy, 32 KB for a KMS key policy, 8,192 bytes for an SQS queue policy, …).',
      ].join('\n'),
      references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html#reference_iam-quotas-entity-length'],
    },
  },
  check(ctx) {
    const { policy } = ctx;
    const n = policy.compactLength;
    if (n === undefined || n <= MANAGED_POLICY_MAX_CHARS) return;
    const at = policy.statementKey?.span ?? { start: policy.span.start, end: policy.span.start + 1 };
    ctx.report(
      at,
      `The policy has ${n.toLocaleString('en-US')} characters without whitespace, more than the ${MANAGED_POLICY_MAX_CHARS.toLocaleString('en-US')} IAM allows for a managed policy: merge statements or split it.`,
      { length: n },
    );
  },
});
