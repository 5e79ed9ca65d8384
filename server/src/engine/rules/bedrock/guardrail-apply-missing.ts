// bedrock/guardrail-apply-missing: the policy requires a guardrail with bedrock:GuardrailIdentifier
// but grants no bedrock:ApplyGuardrail on it, which using a guardrail at inference also needs.
import { appendStatement, uniqueSid } from '../../bedrock/edits';
import { allowsAction, fullName, listText, resourceCovers } from '../../bedrock/grants';
import { exactValueProblem, GUARDRAIL_KEY, guardrailArnOf, hasWildcard, isGuardrailPlaceholder, patternProblem, splitGuardrailIdentifier } from '../../bedrock/guardrails';
import { isAllow, isDeny, splitOperator } from '../../policy/analysis';
import type { ConditionKeyNode } from '../../policy/model';
import { defineRule } from '../rule';

const KEY_LOWER = GUARDRAIL_KEY.toLowerCase();

/** Operators with which a statement names the guardrail it requires (Allow) or exempts (Deny). */
const REQUIRE_ON_ALLOW = new Set(['StringEquals', 'StringEqualsIgnoreCase', 'StringLike', 'ArnEquals', 'ArnLike']);
const REQUIRE_ON_DENY = new Set(['StringNotEquals', 'StringNotEqualsIgnoreCase', 'StringNotLike', 'ArnNotEquals', 'ArnNotLike']);

/** True when the value names a guardrail (well-formed, or the placeholder, or a matching pattern). */
function namesGuardrail(value: string): boolean {
  if (!splitGuardrailIdentifier(value) || value.includes('${')) return false;
  if (isGuardrailPlaceholder(value)) return true;
  return hasWildcard(value) ? !patternProblem(value) : !exactValueProblem(value, false);
}

export default defineRule({
  meta: {
    id: 'bedrock/guardrail-apply-missing',
    severity: 'information',
    description: 'The policy requires a guardrail with bedrock:GuardrailIdentifier but grants no bedrock:ApplyGuardrail on that guardrail.',
    fixable: true,
    kinds: ['identity'],
    docs: {
      rationale: [
        `Invoking a model with a guardrail also needs \`bedrock:ApplyGuardrail\` on the guardrail's ARN (and, for cross-Region guardrails, on the \`guardrail-profile\` ARNs of the destination Regions); AWS's enforcement examples grant it next to the \`${GUARDRAIL_KEY}\` condition. A policy that requires a guardrail but does not grant \`bedrock:ApplyGuardrail\` on it lets callers pass the guardrail check and then fails their requests, unless another policy of the principal grants it.`,
        '',
        `The rule reports the first \`${GUARDRAIL_KEY}\` condition (on an \`Allow\` with \`StringEquals\`/\`StringLike\`/\`ArnLike\`, or on a \`Deny\` with the negated operators) whose guardrails no \`Allow\` of \`bedrock:ApplyGuardrail\` in the policy covers.`,
      ].join('\n'),
      bad: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": "bedrock:InvokeModel",\n      "Resource": "*",\n      "Condition": { "StringEquals": { "bedrock:GuardrailIdentifier": "arn:aws:bedrock:us-east-1:111122223333:guardrail/abc123xyz456:1" } }\n    }\n  ]\n}',
      good: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": "bedrock:InvokeModel",\n      "Resource": "*",\n      "Condition": { "StringEquals": { "bedrock:GuardrailIdentifier": "arn:aws:bedrock:us-east-1:111122223333:guardrail/abc123xyz456:1" } }\n    },\n    { "Effect": "Allow", "Action": "bedrock:ApplyGuardrail", "Resource": "arn:aws:bedrock:us-east-1:111122223333:guardrail/abc123xyz456" }\n  ]\n}',
      fix: 'Appends an `Allow` statement (Sid `ApplyGuardrail`) of `bedrock:ApplyGuardrail` on the guardrail ARNs (without their versions) that the conditions name.',
      references: [
        'https://docs.aws.amazon.com/bedrock/latest/userguide/guardrails-permissions-id.html',
        'https://docs.aws.amazon.com/bedrock/latest/userguide/guardrails-permissions.html',
      ],
    },
  },
  check(ctx) {
    const { policy, iam } = ctx;
    const apply = iam.action('bedrock', 'ApplyGuardrail');
    if (!apply) return;
    const granted = (arn: string) => policy.statements.some((st) => allowsAction(iam, st, apply) && resourceCovers(st, arn));
    let first: ConditionKeyNode | undefined;
    const missing = new Set<string>();
    for (const st of policy.statements) {
      const requiring = isAllow(st) ? REQUIRE_ON_ALLOW : isDeny(st) ? REQUIRE_ON_DENY : undefined;
      if (!requiring) continue;
      for (const op of st.condition?.operators ?? []) {
        const { base, setOperator } = splitOperator(op.key.name);
        if (setOperator || !requiring.has(base)) continue;
        for (const ck of op.keys) {
          if (ck.key.name.toLowerCase() !== KEY_LOWER) continue;
          const arns = ck.values.map((v) => v.value).filter(namesGuardrail).map(guardrailArnOf).filter((a) => !granted(a));
          if (arns.length === 0) continue;
          first ??= ck;
          for (const a of arns) missing.add(a);
        }
      }
    }
    if (!first) return;
    const list = [...missing];
    ctx.report(first.key.span, `The policy requires ${list.length > 1 ? 'the guardrails' : 'the guardrail'} ${listText(list)} but does not allow ${fullName(apply)} on ${list.length > 1 ? 'them' : 'it'}, which invoking a model with a guardrail also needs.`, {
      arns: list,
    });
  },
  fixes(ctx, finding) {
    const raw = finding.data?.arns;
    const arns = Array.isArray(raw) ? raw.filter((a): a is string => typeof a === 'string' && a.includes(':guardrail/')) : [];
    if (arns.length === 0) return [];
    const edit = appendStatement(ctx.editor, ctx.policy, {
      Sid: uniqueSid(ctx.policy, 'ApplyGuardrail'),
      Effect: 'Allow',
      Action: 'bedrock:ApplyGuardrail',
      Resource: arns.length === 1 ? arns[0] : arns,
    });
    return edit ? [{ title: `Allow bedrock:ApplyGuardrail on ${listText(arns)}`, edits: [edit], isPreferred: true }] : [];
  },
});
