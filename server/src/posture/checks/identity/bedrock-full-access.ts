// identity/bedrock-full-access: the AWS managed policy AmazonBedrockFullAccess (every Bedrock
// action on every resource, plus related permissions) is attached to no user, group or role;
// grant least-privilege policies instead (Amazon Bedrock User Guide, "AWS managed policies").
// A global check: IAM is not regional.
import { defineCheck, plural } from '../../check';
import { DOCS, iamConsoleUrl } from '../../aws-links';
import { BEDROCK_FULL_ACCESS } from '../../datasets';
import { capped } from '../evidence';

export default defineCheck({
  id: 'identity/bedrock-full-access',
  title: 'AmazonBedrockFullAccess not attached',
  category: 'Identity',
  needs: ['bedrockFullAccess'],
  evaluate({ bedrockFullAccess: e }, ctx) {
    const url = iamConsoleUrl(ctx.partition, `#/policies/details/${encodeURIComponent(e.policyArn)}?section=entities_attached`);
    const entries = [
      ...e.roles.map((r) => ({ kind: 'role', name: r?.RoleName ?? '?', detach: `aws iam detach-role-policy --role-name ${r?.RoleName} --policy-arn ${e.policyArn}` })),
      ...e.users.map((u) => ({ kind: 'user', name: u?.UserName ?? '?', detach: `aws iam detach-user-policy --user-name ${u?.UserName} --policy-arn ${e.policyArn}` })),
      ...e.groups.map((g) => ({ kind: 'group', name: g?.GroupName ?? '?', detach: `aws iam detach-group-policy --group-name ${g?.GroupName} --policy-arn ${e.policyArn}` })),
    ];
    if (entries.length === 0) return { state: 'pass', summary: `${BEDROCK_FULL_ACCESS} is not attached`, evidence: [{ label: 'Policy', value: e.policyArn }], consoleUrl: url };
    const counts = [plural(e.roles.length, 'role'), plural(e.users.length, 'user'), plural(e.groups.length, 'group')].filter((c) => !c.startsWith('0 '));
    return {
      state: 'warning',
      summary: `Attached to ${counts.join(', ')}`,
      evidence: capped(entries.map((x) => ({ label: x.kind.charAt(0).toUpperCase() + x.kind.slice(1), value: x.name }))),
      consoleUrl: url,
      remediation: {
        title: `Replace ${BEDROCK_FULL_ACCESS} with least-privilege policies, then detach it (first attachment shown)`,
        cliCommand: entries[0].detach,
        docsUrl: DOCS.managedPolicies,
      },
    };
  },
});
