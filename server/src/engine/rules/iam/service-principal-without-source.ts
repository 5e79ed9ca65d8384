// iam/service-principal-without-source: a resource policy (or role trust policy) that trusts an
// AWS service principal without naming the account or resource the service acts for, so another
// customer can make the service act on this resource (the cross-service confused deputy).
import type { Statement } from '../../policy/model';
import type { Fix } from '../../types';
import { defineRule } from '../rule';
import { addConditionEdit, conditionRestricts, policyAccount } from './statement-scope';

/** The global keys that tie a service principal's request to the resource it acts for. */
const SOURCE_KEYS = new Set(['aws:sourceaccount', 'aws:sourcearn', 'aws:sourceorgid', 'aws:sourceorgpaths']);

/** Placeholders for values the user fills in; they match no real request, so they fail closed. */
export const ACCOUNT_PLACEHOLDER = 'ACCOUNT_ID';
export const ORGANIZATION_PLACEHOLDER = 'ORGANIZATION_ID';

function servicePrincipals(st: Statement) {
  return (st.principal?.entries ?? []).filter((e) => e.key.name.toLowerCase() === 'service');
}

export default defineRule({
  meta: {
    id: 'iam/service-principal-without-source',
    severity: 'warning',
    description: 'A resource or trust policy allows an AWS service principal without an aws:SourceAccount, aws:SourceArn, aws:SourceOrgID or aws:SourceOrgPaths condition.',
    fixable: true,
    kinds: ['resource'],
    docs: {
      rationale: [
        'When a resource policy allows a service principal such as `bedrock.amazonaws.com` (a KMS key policy, an S3 bucket policy for knowledge-base data or invocation logs, the trust policy of a Bedrock service role), the service may act on that resource for *any* customer who points it there: another account can create a knowledge base or a model customization job that uses your role or your bucket. This is the cross-service *confused deputy* problem. AWS recommends adding `aws:SourceAccount` and/or `aws:SourceArn` (or, for a whole organization, `aws:SourceOrgID` / `aws:SourceOrgPaths`) so that the service is trusted only when it acts for your own account or resource. Role trust policies are resource policies too, and the same recommendation applies to them.',
        'Conditions that cannot narrow (negated operators, `Null`, `ForAllValues:`, a value of only `*`) do not count. Some services do not send these keys when they assume a role (AWS keeps no list; check the service\'s "confused deputy prevention" page): a condition on a key the service does not send denies the service, so test before you deploy, and turn the rule off for such files if needed.',
      ].join('\n\n'),
      bad: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Principal": { "Service": "bedrock.amazonaws.com" },\n      "Action": "sts:AssumeRole"\n    }\n  ]\n}',
      good: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Principal": { "Service": "bedrock.amazonaws.com" },\n      "Action": "sts:AssumeRole",\n      "Condition": {\n        "StringEquals": { "aws:SourceAccount": "111122223333" },\n        "ArnLike": { "aws:SourceArn": "arn:aws:bedrock:us-east-1:111122223333:knowledge-base/*" }\n      }\n    }\n  ]\n}',
      fix: [
        'Two fixes, neither applied by "fix all" because the right value depends on where the calling resource lives:',
        `- add \`"StringEquals": {"aws:SourceAccount": "<account>"}\`, with the 12-digit account of the policy's resource ARNs when it names one (usually the account that owns the resource, and so the account of the resource the service acts for), else the placeholder \`"${ACCOUNT_PLACEHOLDER}"\`;`,
        `- add \`"StringEquals": {"aws:SourceOrgID": "${ORGANIZATION_PLACEHOLDER}"}\` to trust the service for every account of your organization.`,
        '',
        'The placeholders are not valid ids, so a policy deployed with one still in it denies the service rather than trusting it for everyone. The key is merged into an existing `StringEquals` block or `Condition` element when there is one. A statement that also allows AWS accounts, federated or canonical-user principals gets no fix: those requests carry no `aws:Source…` keys, so the condition would lock them out; move the service principal into its own statement first. For the strongest protection add `aws:SourceArn` with the ARN of the calling resource (`ArnLike`, wildcards allowed).',
      ].join('\n'),
      references: [
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html#cross-service-confused-deputy-prevention',
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-sourceaccount',
        'https://docs.aws.amazon.com/bedrock/latest/userguide/cross-service-confused-deputy-prevention.html',
      ],
    },
  },
  check(ctx) {
    for (const st of ctx.policy.statements) {
      if (st.effect?.value?.value !== 'Allow') continue;
      const services = servicePrincipals(st);
      if (services.length === 0) continue;
      if (conditionRestricts(st, (k) => SOURCE_KEYS.has(k))) continue;
      for (const entry of services) {
        for (const v of entry.values) {
          ctx.report(
            v.span,
            `The service principal ${JSON.stringify(v.value)} is allowed without an "aws:SourceAccount", "aws:SourceArn", "aws:SourceOrgID" or "aws:SourceOrgPaths" condition: another account can make the service act on this resource for it (confused deputy).`,
            { statement: st.index },
          );
        }
      }
    }
  },
  fixes(ctx, finding) {
    const st = ctx.policy.statements[Number(finding.data?.statement)];
    if (!st || !st.principal || st.principal.scalar) return [];
    // Other principal types carry no aws:Source… keys: a condition on them would lock them out.
    if (st.principal.entries.some((e) => e.key.name.toLowerCase() !== 'service')) return [];
    const account = policyAccount(ctx.policy, st);
    const fixes: Fix[] = [];
    const byAccount = addConditionEdit(ctx.editor, st, 'StringEquals', 'aws:SourceAccount', account ?? ACCOUNT_PLACEHOLDER);
    if (byAccount) {
      fixes.push({
        title: account
          ? `Add the condition "aws:SourceAccount": "${account}" (the account of this policy's resources)`
          : `Add an "aws:SourceAccount" condition (replace ${ACCOUNT_PLACEHOLDER} with the account the service acts for)`,
        edits: [byAccount],
      });
    }
    const byOrg = addConditionEdit(ctx.editor, st, 'StringEquals', 'aws:SourceOrgID', ORGANIZATION_PLACEHOLDER);
    if (byOrg) fixes.push({ title: `Add an "aws:SourceOrgID" condition (replace ${ORGANIZATION_PLACEHOLDER} with your organization id)`, edits: [byOrg] });
    return fixes;
  },
});
