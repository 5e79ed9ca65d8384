// bedrock/guardrail-not-enforced: model invocation is allowed, but nothing in the policy requires a
// guardrail (no statement tests bedrock:GuardrailIdentifier).
import type { ActionInfo, IamData } from '../../iam/data';
import { addCondition, appendStatement, uniqueSid } from '../../bedrock/edits';
import { allowsAction, fullName, listText, reportSpan, unconditionallyDenied } from '../../bedrock/grants';
import { describeCondition, GUARDRAIL_KEY, GUARDRAIL_PLACEHOLDER, guardrailCondition } from '../../bedrock/guardrails';
import { globMatcher } from '../../iam/patterns';
import { memoByIam } from '../../memo';
import { actionRefs, conditionKeysOf } from '../../policy/analysis';
import type { Statement } from '../../policy/model';
import type { Fix } from '../../types';
import { defineRule } from '../rule';

const KEY_LOWER = GUARDRAIL_KEY.toLowerCase();

/** True when the IAM data lists the guardrail key for the action (on the action or a resource type). */
export function carriesGuardrailKey(a: ActionInfo): boolean {
  const has = (keys: readonly string[]) => keys.some((k) => k.toLowerCase() === KEY_LOWER);
  return has(a.conditionKeys) || a.resourceTypes.some((r) => has(r.conditionKeys));
}

/**
 * The bedrock actions whose requests carry bedrock:GuardrailIdentifier (InvokeModel,
 * InvokeModelWithResponseStream). Memoised per IamData: the same (read-only) array every time.
 */
export const guardrailActions: (iam: IamData) => readonly ActionInfo[] = memoByIam((iam) => (iam.service('bedrock')?.actionList ?? []).filter(carriesGuardrailKey));

/** The runtime APIs each invoke action authorizes besides itself. */
const ALSO_AUTHORIZES: Record<string, string> = { 'bedrock:InvokeModel': 'Converse', 'bedrock:InvokeModelWithResponseStream': 'ConverseStream' };

/** True when every action the statement's Action entries name carries the guardrail key. */
function onlyGuardrailActions(iam: IamData, st: Statement): boolean {
  if (!st.action || st.notAction) return false;
  const refs = actionRefs(iam, st);
  if (refs.length !== st.action.entries.length) return false;
  return refs.every((r) => !r.isFullWildcard && r.actions.length > 0 && r.actions.every(carriesGuardrailKey));
}

export default defineRule({
  meta: {
    id: 'bedrock/guardrail-not-enforced',
    severity: 'information',
    description: 'The policy allows bedrock:InvokeModel or InvokeModelWithResponseStream, but no statement requires a guardrail with bedrock:GuardrailIdentifier.',
    fixable: true,
    kinds: ['identity'],
    docs: {
      rationale: [
        'An application that may call `bedrock:InvokeModel` or `bedrock:InvokeModelWithResponseStream` (which also authorize the Converse and ConverseStream APIs) can send prompts with no guardrail at all, unless a policy requires one. The condition key `bedrock:GuardrailIdentifier` holds the guardrail of the request (its ARN, or `ARN:<numeric version>`), so a policy can make a guardrail mandatory.',
        '',
        "AWS's documented pattern is an `Allow` of the invoke actions with `StringEquals` on `bedrock:GuardrailIdentifier`, plus a matching explicit `Deny` with `StringNotEquals` so that no other policy of the principal can grant invocation without the guardrail; the caller also needs `bedrock:ApplyGuardrail` on the guardrail (see `bedrock/guardrail-apply-missing`). The rule reports an `Allow` that grants invocation when no statement of the policy tests `bedrock:GuardrailIdentifier`. If guardrails are enforced elsewhere (an SCP, or an account-level enforced guardrail configured with `PutEnforcedGuardrailConfiguration`), turn the rule off.",
        '',
        'A requested version is part of the identifier: `StringEquals` on `…:guardrail/abc123:1` matches calls that use version 1, the ARN alone matches calls that use the DRAFT version, and `StringLike` on the ARN and `ARN:*` matches every version.',
      ].join('\n'),
      bad: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    { "Effect": "Allow", "Action": "bedrock:InvokeModel", "Resource": "arn:aws:bedrock:us-east-1::foundation-model/*" }\n  ]\n}',
      good: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": "bedrock:InvokeModel",\n      "Resource": "arn:aws:bedrock:us-east-1::foundation-model/*",\n      "Condition": { "StringEquals": { "bedrock:GuardrailIdentifier": "arn:aws:bedrock:us-east-1:111122223333:guardrail/abc123xyz456:1" } }\n    },\n    {\n      "Effect": "Deny",\n      "Action": ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"],\n      "Resource": "*",\n      "Condition": { "StringNotEquals": { "bedrock:GuardrailIdentifier": "arn:aws:bedrock:us-east-1:111122223333:guardrail/abc123xyz456:1" } }\n    },\n    { "Effect": "Allow", "Action": "bedrock:ApplyGuardrail", "Resource": "arn:aws:bedrock:us-east-1:111122223333:guardrail/abc123xyz456" }\n  ]\n}',
      fix: [
        'Two fixes, both using the guardrail of the `bedrockSecurity.guardrailArn` setting (or `guardrailArn` in `.bedrock-security.json`): with `guardrailVersion` set they write `StringEquals` on `ARN:version`; without a version, `StringLike` on the ARN and `ARN:*` (any version of that guardrail). When no guardrail is configured they write the placeholder `' +
          GUARDRAIL_PLACEHOLDER +
          '`, which `bedrock/guardrail-placeholder` then reports until it is replaced (it is not reported as an invalid condition).',
        '',
        '- **Require the guardrail in this statement** adds the condition to the reported statement. It is offered only when every action of the statement carries the key (adding it to, say, `bedrock:*` would stop the statement from granting any other action), and is the preferred fix when a guardrail is configured.',
        '- **Add a Deny statement** appends AWS\'s matching `Deny` of `bedrock:InvokeModel` and `bedrock:InvokeModelWithResponseStream` on `"Resource": "*"` with the negated condition; it works for any statement, and is the preferred fix for statements that cannot take the condition when a guardrail is configured.',
        '- **Add a Deny statement for model invocations that name no guardrail** appends the same `Deny` with `"Null": { "bedrock:GuardrailIdentifier": "true" }`: it needs no configuration and requires *some* guardrail on every call, which is weaker than naming yours (a principal that can create guardrails can bring its own).',
        '',
        'Fixes that would write the placeholder are never preferred, so "fix all" does not apply them.',
      ].join('\n'),
      references: [
        'https://docs.aws.amazon.com/bedrock/latest/userguide/guardrails-permissions-id.html',
        'https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonbedrock.html#amazonbedrock-policy-keys',
        'https://docs.aws.amazon.com/bedrock/latest/APIReference/API_AccountEnforcedGuardrailInferenceInputConfiguration.html',
      ],
    },
  },
  check(ctx) {
    const { policy, iam } = ctx;
    if (policy.statements.some((st) => conditionKeysOf(st).has(KEY_LOWER))) return;
    const invoke = guardrailActions(iam).filter((a) => !unconditionallyDenied(policy, a));
    if (invoke.length === 0) return;
    for (const st of policy.statements) {
      const granted = invoke.filter((a) => allowsAction(iam, st, a)).map(fullName);
      const span = granted.length > 0 ? reportSpan(st, granted) : undefined;
      if (!span) continue;
      const via = granted.map((n) => ALSO_AUTHORIZES[n]).filter((x) => !!x);
      const entry = entryText(st, span);
      const what = !st.action ? '"NotAction"' : granted.every((n) => globMatcher(entry, true).test(n)) ? JSON.stringify(entry) : 'This statement';
      ctx.report(
        span,
        `${what} allows ${listText(granted)}${via.length ? ` (and so ${listText(via)})` : ''} without requiring a guardrail: no statement of this policy tests ${GUARDRAIL_KEY}.`,
        { statement: st.index },
      );
    }
  },
  fixes(ctx, finding) {
    const index = finding.data?.statement;
    const st = typeof index === 'number' ? ctx.policy.statements[index] : undefined;
    if (!st) return [];
    const out: Fix[] = [];
    if (onlyGuardrailActions(ctx.iam, st)) {
      const cond = guardrailCondition(ctx.settings, false);
      const edit = addCondition(ctx.editor, st, cond.operator, GUARDRAIL_KEY, cond.value);
      if (edit) out.push({ title: `Require the guardrail in this statement (${describeCondition(cond)})`, edits: [edit], isPreferred: !cond.placeholder });
    }
    const deny = guardrailCondition(ctx.settings, true);
    const names = guardrailActions(ctx.iam).map(fullName);
    const denyStatement = (condition: Record<string, unknown>) =>
      appendStatement(ctx.editor, ctx.policy, { Sid: uniqueSid(ctx.policy, 'DenyInvokeWithoutGuardrail'), Effect: 'Deny', Action: names, Resource: '*', Condition: condition });
    const specific = denyStatement({ [deny.operator]: { [GUARDRAIL_KEY]: deny.value } });
    // The configured guardrail's Deny is the answer when the statement itself cannot take the
    // condition; a placeholder is never something "fix all" should write on its own.
    if (specific) {
      out.push({
        title: `Add a Deny statement for model invocations without the guardrail (${describeCondition(deny)})`,
        edits: [specific],
        isPreferred: !deny.placeholder && out.length === 0,
      });
    }
    const any = denyStatement({ Null: { [GUARDRAIL_KEY]: 'true' } });
    if (any) out.push({ title: 'Add a Deny statement for model invocations that name no guardrail (any guardrail)', edits: [any] });
    return out;
  },
});

/** The value of the Action entry at `span`. */
function entryText(st: Statement, span: { start: number }): string {
  return st.action?.entries.find((e) => e.span.start === span.start)?.value ?? '';
}
