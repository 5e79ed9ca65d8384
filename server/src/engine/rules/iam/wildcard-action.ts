// iam/wildcard-action: an Allow whose Action is "*" or "service:*" grants every action of every
// service (or of one service), including actions AWS adds later.
import type { ServiceInfo } from '../../iam/data';
import { splitAction } from '../../policy/analysis';
import { actionFlag, actionFlagsOf, statementFacts } from '../../policy/facts';
import { defineRule } from '../rule';
import { isEveryAction } from './statement-scope';

/** Access levels (as the IAM data spells them) that change resources or permissions. */
const CHANGING = /Write|Permissions management|Tagging/;

const changingCache = new WeakMap<ServiceInfo, number>();

/** How many of the service's actions change resources or permissions (cached per service). */
function changingCount(svc: ServiceInfo): number {
  let n = changingCache.get(svc);
  if (n === undefined) {
    n = svc.actionList.filter((a) => CHANGING.test(a.accessLevel)).length;
    changingCache.set(svc, n);
  }
  return n;
}

/** True for `*`, `*:*` and `service:*` (the entries `check` reports), answered once per text. */
const WILDCARD = actionFlag((_, t) => isEveryAction(t.text) || (!!t.split && /^\*+$/.test(t.split.name)));

export default defineRule({
  meta: {
    id: 'iam/wildcard-action',
    severity: 'warning',
    description: 'An Allow statement grants "*" or "service:*": every action, including destructive ones and ones AWS adds later.',
    fixable: false,
    kinds: ['identity', 'resource'],
    docs: {
      rationale: [
        '`"Action": "*"` allows every action of every AWS service, and `"bedrock:*"` allows all of Amazon Bedrock\'s actions: deleting guardrails, turning off model invocation logging, importing and invoking any model. Both also grant every action AWS adds to the service later, without anyone reviewing it. Least privilege means listing the actions the principal needs (wildcards inside a name such as `bedrock:Get*` are not reported: they are bounded by a verb).',
        'The message counts the actions the wildcard expands to today and how many of them change resources or permissions (access level Write, Permissions management or Tagging in the Service Authorization Reference). Service control policies are not checked: an Allow in an SCP grants nothing, it only sets the maximum (`FullAWSAccess` is `"Action": "*"`).',
      ].join('\n\n'),
      bad: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    { "Effect": "Allow", "Action": "bedrock:*", "Resource": "*" }\n  ]\n}',
      good: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"],\n      "Resource": [\n        "arn:aws:bedrock:*::foundation-model/*",\n        "arn:aws:bedrock:*:${aws:PrincipalAccount}:inference-profile/*"\n      ]\n    }\n  ]\n}',
      references: [
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege',
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html',
        'https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonbedrock.html',
      ],
    },
  },
  check(ctx) {
    for (const st of ctx.policy.statements) {
      if (st.effect?.value?.value !== 'Allow' || !st.action || !(actionFlagsOf(ctx.iam, st).action & WILDCARD.bit)) continue;
      const texts = statementFacts(st).action;
      for (let i = 0; i < texts.length; i++) {
        if (!(texts[i].flags(ctx.iam) & WILDCARD.bit)) continue;
        const entry = st.action.entries[i];
        if (isEveryAction(entry.value)) {
          ctx.report(entry.span, `${JSON.stringify(entry.value)} allows every action of every AWS service, including actions added in the future: list the actions this principal needs.`);
          continue;
        }
        const split = splitAction(entry.value);
        if (!split || !/^\*+$/.test(split.name)) continue;
        const svc = ctx.iam.service(split.service);
        if (!svc || svc.actionList.length === 0) continue;
        const changing = changingCount(svc);
        ctx.report(
          entry.span,
          `${JSON.stringify(entry.value)} allows all ${svc.actionList.length} ${svc.prefix} actions (${changing} of them write, tagging or permissions-management actions) and any action added later: list the actions this principal needs.`,
        );
      }
    }
  },
});
