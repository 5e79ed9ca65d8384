// bedrock/control-tampering: an unconditional Allow of the actions that switch off Bedrock's
// security controls (guardrails, model invocation logging, the account-enforced guardrail).
import type { ActionInfo, IamData } from '../../iam/data';
import { appendStatement, uniqueSid } from '../../bedrock/edits';
import { fullName, hasCondition, listText, resourceApplies, unconditionallyDenied } from '../../bedrock/grants';
import { globMatcher } from '../../iam/patterns';
import { memoByIam } from '../../memo';
import { coverageProbe, coversAction, isAllow } from '../../policy/analysis';
import { defineRule } from '../rule';

/**
 * The control actions, grouped by the control they switch off, with what a holder can do. Names
 * as in the IAM data (service authorization reference for Amazon Bedrock); the rule uses only
 * those that the installed data knows.
 */
const CONTROLS = [
  { actions: ['DeleteGuardrail', 'UpdateGuardrail'], effect: { DeleteGuardrail: 'delete guardrails', UpdateGuardrail: 'weaken guardrails', both: 'delete or weaken guardrails' } },
  {
    actions: ['PutModelInvocationLoggingConfiguration', 'DeleteModelInvocationLoggingConfiguration'],
    effect: { PutModelInvocationLoggingConfiguration: 'redirect or turn off model invocation logging', DeleteModelInvocationLoggingConfiguration: 'turn off model invocation logging', both: 'redirect or turn off model invocation logging' },
  },
  {
    actions: ['PutEnforcedGuardrailConfiguration', 'DeleteEnforcedGuardrailConfiguration'],
    effect: { PutEnforcedGuardrailConfiguration: 'replace the account-enforced guardrail', DeleteEnforcedGuardrailConfiguration: 'remove the account-enforced guardrail', both: 'replace or remove the account-enforced guardrail' },
  },
] as const;

/** The `bedrock:` names of the control actions, in the order messages list them. */
export const CONTROL_ACTIONS: readonly string[] = CONTROLS.flatMap((g) => g.actions.map((a) => `bedrock:${a}`));
for (const a of CONTROL_ACTIONS) coverageProbe(a);

/** The control actions the IAM data knows (memoised per IamData). */
const controlActions: (iam: IamData) => readonly ActionInfo[] = memoByIam((iam) =>
  CONTROLS.flatMap((g) => g.actions.map((a) => iam.action('bedrock', a))).filter((a): a is ActionInfo => !!a),
);

/** What a holder of the given control actions can do, e.g. "delete guardrails and turn off …". */
function consequences(names: readonly string[]): string {
  const parts: string[] = [];
  for (const g of CONTROLS) {
    const have = g.actions.filter((a) => names.includes(`bedrock:${a}`));
    if (have.length === 2) parts.push(g.effect.both);
    else if (have.length === 1) parts.push((g.effect as Record<string, string>)[have[0]]);
  }
  return listText(parts);
}

export default defineRule({
  meta: {
    id: 'bedrock/control-tampering',
    severity: 'warning',
    description: 'An Allow without any condition grants actions that switch off Bedrock guardrails, model invocation logging or the account-enforced guardrail.',
    fixable: true,
    kinds: ['identity', 'resource'],
    docs: {
      rationale: [
        'Guardrails, model invocation logging and the account-level enforced guardrail are the controls that make Amazon Bedrock use safe and auditable. A principal that may call `bedrock:DeleteGuardrail` or `bedrock:UpdateGuardrail` can remove or weaken the guardrail your applications and policies rely on; `bedrock:PutModelInvocationLoggingConfiguration` and `bedrock:DeleteModelInvocationLoggingConfiguration` can redirect or stop the logs of every prompt and response; `bedrock:PutEnforcedGuardrailConfiguration` and `bedrock:DeleteEnforcedGuardrailConfiguration` can replace or remove the guardrail the account enforces on every call.',
        '',
        'The rule reports each Action entry of an `Allow` statement without any `Condition` that grants one of these actions — by name, by a pattern such as `bedrock:Delete*` or `bedrock:Put*`, by `bedrock:*` or `*`, or through `NotAction` — when its `Resource` can apply to the action (the logging and enforced-guardrail actions accept only `"Resource": "*"`). An unconditional `Deny` of the action on `"Resource": "*"` in the same policy takes it away again and silences the rule. Only administrators of the Bedrock security configuration should hold these actions, ideally behind a condition such as `aws:MultiFactorAuthPresent` or `aws:PrincipalTag/…`. The rule does not run on SCPs, whose Allow statements grant nothing.',
      ].join('\n'),
      bad: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    { "Effect": "Allow", "Action": "bedrock:*", "Resource": "*" }\n  ]\n}',
      good: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    { "Effect": "Allow", "Action": "bedrock:*", "Resource": "*" },\n    {\n      "Sid": "DenyBedrockControlChanges",\n      "Effect": "Deny",\n      "Action": [\n        "bedrock:DeleteGuardrail",\n        "bedrock:UpdateGuardrail",\n        "bedrock:PutModelInvocationLoggingConfiguration",\n        "bedrock:DeleteModelInvocationLoggingConfiguration",\n        "bedrock:PutEnforcedGuardrailConfiguration",\n        "bedrock:DeleteEnforcedGuardrailConfiguration"\n      ],\n      "Resource": "*"\n    }\n  ]\n}',
      fix: 'Appends a `Deny` statement (Sid `DenyBedrockControlChanges`) for the control actions the reported entry grants, on `"Resource": "*"`. It is offered when `Statement` is an array.',
      references: [
        'https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonbedrock.html',
        'https://docs.aws.amazon.com/bedrock/latest/userguide/guardrails-permissions.html',
        'https://docs.aws.amazon.com/bedrock/latest/userguide/model-invocation-logging.html',
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html',
      ],
    },
  },
  check(ctx) {
    const { policy, iam } = ctx;
    const controls = controlActions(iam).filter((a) => !unconditionallyDenied(policy, a));
    if (controls.length === 0) return;
    for (const st of policy.statements) {
      if (!isAllow(st) || hasCondition(st)) continue;
      const granted = controls.filter((a) => coversAction(st, fullName(a)) && resourceApplies(iam, st, a)).map(fullName);
      if (granted.length === 0) continue;
      if (st.action) {
        for (const entry of st.action.entries) {
          const names = granted.filter((n) => globMatcher(entry.value, true).test(n));
          if (names.length === 0) continue;
          ctx.report(entry.span, `${JSON.stringify(entry.value)} allows ${listText(names)} without any condition: anyone this policy applies to can ${consequences(names)}.`, { actions: names });
        }
      } else if (st.notAction) {
        ctx.report(st.notAction.key.span, `"NotAction" allows ${listText(granted)} without any condition: anyone this policy applies to can ${consequences(granted)}.`, { actions: granted });
      }
    }
  },
  fixes(ctx, finding) {
    const raw = finding.data?.actions;
    const actions = Array.isArray(raw) ? raw.filter((a): a is string => typeof a === 'string' && CONTROL_ACTIONS.includes(a)) : [];
    if (actions.length === 0) return [];
    const edit = appendStatement(ctx.editor, ctx.policy, {
      Sid: uniqueSid(ctx.policy, 'DenyBedrockControlChanges'),
      Effect: 'Deny',
      Action: actions.length === 1 ? actions[0] : actions,
      Resource: '*',
    });
    return edit ? [{ title: `Add a Deny statement for ${listText(actions)}`, edits: [edit] }] : [];
  },
});
