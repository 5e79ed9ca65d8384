// scp/size-limit: a service control policy longer than the Organizations quota of 5,120
// characters. AWS counts every character of the document as it is saved, whitespace included.
import { defineRule } from '../rule';

/**
 * "Maximum size of a policy document — Service control policies: 5120 characters"
 * (https://docs.aws.amazon.com/organizations/latest/userguide/orgs_reference_limits.html).
 * "All characters in your SCP count against its maximum size"
 * (https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_syntax.html).
 */
export const SCP_MAX_CHARS = 5120;

const fmt = (n: number) => n.toLocaleString('en-US');

export default defineRule({
  meta: {
    id: 'scp/size-limit',
    severity: 'error',
    description: 'The SCP is longer than the AWS Organizations quota of 5,120 characters (whitespace counts unless it is removed before upload).',
    fixable: false,
    kinds: ['scp'],
    docs: {
      rationale: [
        'AWS Organizations rejects a service control policy longer than 5,120 characters (`ConstraintViolationException: … POLICY_CONTENT_LIMIT_EXCEEDED`). Unlike IAM, Organizations counts **all** characters, whitespace included: "All characters in your SCP count against its maximum size". Only the AWS Management Console removes whitespace between JSON elements when it saves a policy; the API, the AWS CLI, CloudFormation and Terraform store the document exactly as given.',
        '',
        'The rule therefore reports two cases. When the SCP is over the quota even without whitespace, it must be shortened or split (an account, OU or root can have up to five SCPs attached). When only its whitespace takes it over the quota, upload it minified (for example `jq -c . scp.json`, or `jsonencode(jsondecode(file("scp.json")))` in Terraform) and keep the readable file in the repository. Lengths are counted in characters (UTF-16 code units); for the ASCII text of a policy that is also its size in bytes.',
      ].join('\n'),
      references: [
        'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_reference_limits.html',
        'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_syntax.html',
        'https://repost.aws/knowledge-center/organization-scp-size',
      ],
    },
  },
  check(ctx) {
    const { policy } = ctx;
    const compact = policy.compactLength;
    if (compact === undefined) return;
    // The policy object as written, whitespace included (JSON documents only: compactLength is set).
    const written = policy.span.end - policy.span.start;
    const at = policy.statementKey?.span ?? { start: policy.span.start, end: policy.span.start + 1 };
    if (compact > SCP_MAX_CHARS) {
      ctx.report(at, `The SCP has ${fmt(compact)} characters even without whitespace, more than the ${fmt(SCP_MAX_CHARS)} AWS Organizations allows: shorten it or split it into several SCPs.`, { length: compact });
    } else if (written > SCP_MAX_CHARS) {
      ctx.report(
        at,
        `The SCP has ${fmt(written)} characters as written, more than the ${fmt(SCP_MAX_CHARS)} AWS Organizations allows; whitespace counts unless removed before upload (${fmt(compact)} characters minified).`,
        { length: written, compactLength: compact },
      );
    }
  },
});
