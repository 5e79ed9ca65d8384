// scp/principal-not-allowed: Principal or NotPrincipal in a service control policy. An SCP
// applies to the principals of the accounts it is attached to; it cannot name principals.
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'scp/principal-not-allowed',
    severity: 'error',
    description: 'An SCP statement has "Principal" or "NotPrincipal", which service control policies do not support.',
    fixable: true,
    kinds: ['scp'],
    docs: {
      rationale:
        'A service control policy applies to every IAM user and role of the accounts it is attached to (except the management account), so it has no `Principal` or `NotPrincipal` element: Organizations rejects an SCP that contains one. To exempt or target particular principals, use a condition on `aws:PrincipalArn` (for example `ArnNotLike` with the ARN of a break-glass role) instead.',
      bad: '{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Effect": "Deny",\n    "Principal": { "AWS": "arn:aws:iam::111122223333:role/Developer" },\n    "Action": "bedrock:DeleteGuardrail",\n    "Resource": "*"\n  }]\n}',
      good: '{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Effect": "Deny",\n    "Action": "bedrock:DeleteGuardrail",\n    "Resource": "*",\n    "Condition": { "ArnLike": { "aws:PrincipalArn": "arn:aws:iam::111122223333:role/Developer" } }\n  }]\n}',
      fix: 'Removes the element. Review the statement afterwards: without the element it applies to every principal of the account, so move the principal into an `aws:PrincipalArn` condition if the statement must stay targeted.',
      references: [
        'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_syntax.html',
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-principalarn',
      ],
    },
  },
  check(ctx) {
    for (const st of ctx.policy.statements) {
      for (const el of [st.principal, st.notPrincipal]) {
        if (!el) continue;
        ctx.report(el.key.span, `Service control policies do not support "${el.key.name}": an SCP applies to all principals of its accounts; use an "aws:PrincipalArn" condition to target some.`, {
          statement: st.index,
          element: el.key.name,
        });
      }
    }
  },
  fixes(ctx, finding) {
    const data = finding.data as { statement?: number; element?: string } | undefined;
    const st = data?.statement === undefined ? undefined : ctx.policy.statements[data.statement];
    const el = data?.element === 'Principal' ? st?.principal : data?.element === 'NotPrincipal' ? st?.notPrincipal : undefined;
    if (!st || !el) return [];
    return [{ title: `Remove "${el.key.name}"`, edits: [ctx.editor.removeProperty(el.key, st.keys)], isPreferred: true }];
  },
});
