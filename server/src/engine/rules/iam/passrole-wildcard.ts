// iam/passrole-wildcard: iam:PassRole on every role without iam:PassedToService lets a principal
// hand any role, administrator roles included, to any service (a privilege escalation path).
import { parseArn } from '../../iam/arn';
import { globMatcher } from '../../iam/patterns';
import { actionFlagsOf } from '../../policy/facts';
import { defineRule } from '../rule';
import { conditionRestricts, entriesNaming, namingFlag, resourceReaches } from './statement-scope';

/** A role name no narrowing pattern (`role/service-role/*`, `role/Bedrock*`) can match. */
const PROBE_ROLE = 'role/\u0000';

/** True when a Resource entry names every role of an account: `*`, `arn:aws:iam::*:role/*`, … */
function reachesEveryRole(entry: string): boolean {
  if (entry === '*') return true;
  const arn = parseArn(entry);
  if (!arn) return false;
  return globMatcher(arn.service, false).test('iam') && globMatcher(arn.resource, false).test(PROBE_ROLE);
}

/** Action entries that name iam:PassRole. */
const NAMES_PASSROLE = namingFlag('iam:PassRole');

export default defineRule({
  meta: {
    id: 'iam/passrole-wildcard',
    severity: 'warning',
    description: 'An Allow statement grants iam:PassRole on every role without an "iam:PassedToService" condition.',
    fixable: false,
    kinds: ['identity', 'resource'],
    docs: {
      rationale: [
        '`iam:PassRole` lets a principal give a role to an AWS service: a Bedrock knowledge base, agent or model customization job, a Lambda function, an EC2 instance. The service then acts with the role\'s permissions. Granted on every role (`"Resource": "*"` or `role/*`) and for every service, it lets the principal pass an administrator role to a service it controls — a well-known privilege escalation. Name the roles that may be passed, or add `"StringEquals": {"iam:PassedToService": "bedrock.amazonaws.com"}` (AWS\'s documented pattern).',
        'Reported on the Action entry that covers `iam:PassRole` (`iam:PassRole`, `iam:Pass*`, `iam:*`); the bare `"Action": "*"` and `NotAction` are left to iam/wildcard-action and iam/allow-with-not-action. A Resource that narrows the roles by path or name (`role/service-role/*`, `role/Bedrock*`) is not reported. Conditions that cannot narrow (negated operators, `Null`, `ForAllValues:`, a value of only `*`) do not count.',
      ].join('\n\n'),
      bad: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    { "Effect": "Allow", "Action": "iam:PassRole", "Resource": "*" }\n  ]\n}',
      good: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": "iam:PassRole",\n      "Resource": "arn:aws:iam::111122223333:role/service-role/BedrockKnowledgeBase*",\n      "Condition": { "StringEquals": { "iam:PassedToService": "bedrock.amazonaws.com" } }\n    }\n  ]\n}',
      references: [
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html',
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#ck_PassedToService',
        'https://docs.aws.amazon.com/bedrock/latest/userguide/security_iam_id-based-policy-examples.html',
      ],
    },
  },
  check(ctx) {
    for (const st of ctx.policy.statements) {
      if (st.effect?.value?.value !== 'Allow') continue;
      if (!(actionFlagsOf(ctx.iam, st).action & NAMES_PASSROLE.bit)) continue;
      const entry = entriesNaming(st, 'iam:PassRole')[0];
      if (!entry) continue;
      if (!resourceReaches(st, reachesEveryRole)) continue;
      if (conditionRestricts(st, (k) => k === 'iam:passedtoservice')) continue;
      const subject = entry.value.toLowerCase() === 'iam:passrole' ? 'iam:PassRole is allowed' : `${JSON.stringify(entry.value)} allows iam:PassRole`;
      ctx.report(
        entry.span,
        `${subject} on every role without an "iam:PassedToService" condition: this principal can give any role, administrator roles included, to any AWS service. Name the roles, or add a "StringEquals" condition on "iam:PassedToService".`,
      );
    }
  },
});
