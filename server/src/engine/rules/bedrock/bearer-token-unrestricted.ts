// bedrock/bearer-token-unrestricted: an Allow of bedrock:CallWithBearerToken (Bedrock API keys)
// without a bedrock:BearerTokenType condition, so long-term API keys can be used.
import { addCondition, appendStatement, uniqueSid } from '../../bedrock/edits';
import { allowsAction, fullName, hasCondition, hasStarResource, reportSpan } from '../../bedrock/grants';
import { actionRefs, conditionKeysOf, coversAction, isDeny } from '../../policy/analysis';
import type { Fix } from '../../types';
import { defineRule } from '../rule';

/** The condition key that tells short-term from long-term API keys, and its values (Bedrock User Guide, API keys permissions). */
const TYPE_KEY = 'bedrock:BearerTokenType';
const TYPE_KEY_LOWER = TYPE_KEY.toLowerCase();
const SHORT_TERM = 'SHORT_TERM';
const LONG_TERM = 'LONG_TERM';

export default defineRule({
  meta: {
    id: 'bedrock/bearer-token-unrestricted',
    severity: 'warning',
    description: 'An Allow covers bedrock:CallWithBearerToken (Bedrock API keys) without a bedrock:BearerTokenType condition, so long-term API keys work.',
    fixable: true,
    kinds: ['identity'],
    docs: {
      rationale: [
        'Amazon Bedrock API keys are bearer tokens: whoever holds one can call Bedrock with the permissions behind it, and the token is not logged. A short-term key lasts at most 12 hours (the session that created it); a long-term key is an IAM service-specific credential that lives until its expiry date, and AWS recommends it only for exploration. Using either kind is authorized by `bedrock:CallWithBearerToken`, and the condition key `bedrock:BearerTokenType` (`SHORT_TERM` or `LONG_TERM`) tells them apart. The AWS SDKs send the key whenever the environment variable `AWS_BEARER_TOKEN_BEDROCK` is set, even when other credentials are configured.',
        '',
        'The rule reports an `Allow` that grants `bedrock:CallWithBearerToken` (by name, `bedrock:*`, `*`, a pattern or `NotAction`) without testing `bedrock:BearerTokenType`. A `Deny` of the action in the same policy, unconditional or conditioned on `bedrock:BearerTokenType`, silences it.',
      ].join('\n'),
      bad: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    { "Effect": "Allow", "Action": ["bedrock:InvokeModel", "bedrock:CallWithBearerToken"], "Resource": "*" }\n  ]\n}',
      good: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    { "Effect": "Allow", "Action": "bedrock:InvokeModel", "Resource": "*" },\n    {\n      "Effect": "Allow",\n      "Action": "bedrock:CallWithBearerToken",\n      "Resource": "*",\n      "Condition": { "StringEquals": { "bedrock:BearerTokenType": "SHORT_TERM" } }\n    }\n  ]\n}',
      fix: '**Allow only short-term API keys** adds `"StringEquals": { "bedrock:BearerTokenType": "SHORT_TERM" }` to the statement; it is offered (and preferred) only when the statement grants nothing but `bedrock:CallWithBearerToken`, since the key is absent from every other request. **Add a Deny statement for long-term API keys** appends a `Deny` of `bedrock:CallWithBearerToken` when `bedrock:BearerTokenType` is `LONG_TERM`; it works for any statement.',
      references: [
        'https://docs.aws.amazon.com/bedrock/latest/userguide/api-keys-permissions.html',
        'https://docs.aws.amazon.com/bedrock/latest/userguide/api-keys.html',
        'https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonbedrock.html#amazonbedrock-policy-keys',
      ],
    },
  },
  check(ctx) {
    const { policy, iam } = ctx;
    const action = iam.action('bedrock', 'CallWithBearerToken');
    if (!action) return;
    const name = fullName(action);
    const denied = policy.statements.some((st) => isDeny(st) && hasStarResource(st) && coversAction(st, name) && (!hasCondition(st) || conditionKeysOf(st).has(TYPE_KEY_LOWER)));
    if (denied) return;
    for (const st of policy.statements) {
      if (!allowsAction(iam, st, action) || conditionKeysOf(st).has(TYPE_KEY_LOWER)) continue;
      const span = reportSpan(st, [name]);
      if (!span) continue;
      const what = st.action ? JSON.stringify(st.action.entries.find((e) => e.span.start === span.start)?.value ?? name) : '"NotAction"';
      ctx.report(span, `${what} allows ${name} without a ${TYPE_KEY} condition: Bedrock API keys of both kinds, including long-term keys, can use these permissions.`, { statement: st.index });
    }
  },
  fixes(ctx, finding) {
    const index = finding.data?.statement;
    const st = typeof index === 'number' ? ctx.policy.statements[index] : undefined;
    const action = ctx.iam.action('bedrock', 'CallWithBearerToken');
    if (!st || !action) return [];
    const out: Fix[] = [];
    const refs = st.action && !st.notAction ? actionRefs(ctx.iam, st) : [];
    const onlyBearer =
      refs.length > 0 && refs.length === st.action?.entries.length && refs.every((r) => !r.isFullWildcard && r.actions.length > 0 && r.actions.every((a) => a === action));
    if (onlyBearer) {
      const edit = addCondition(ctx.editor, st, 'StringEquals', TYPE_KEY, SHORT_TERM);
      if (edit) out.push({ title: 'Allow only short-term API keys (bedrock:BearerTokenType SHORT_TERM)', edits: [edit], isPreferred: true });
    }
    const deny = appendStatement(ctx.editor, ctx.policy, {
      Sid: uniqueSid(ctx.policy, 'DenyLongTermBedrockApiKeys'),
      Effect: 'Deny',
      Action: fullName(action),
      Resource: '*',
      Condition: { StringEquals: { [TYPE_KEY]: LONG_TERM } },
    });
    if (deny) out.push({ title: 'Add a Deny statement for long-term API keys', edits: [deny] });
    return out;
  },
});
