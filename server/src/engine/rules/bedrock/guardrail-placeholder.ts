// bedrock/guardrail-placeholder: a guardrail condition value or guardrail Resource still holds the
// placeholder that bedrock/* quick fixes write when no guardrail is configured.
import { configuredGuardrail, GUARDRAIL_KEY, GUARDRAIL_PLACEHOLDER, isGuardrailPlaceholder, splitGuardrailIdentifier } from '../../bedrock/guardrails';
import type { ScalarNode, Statement } from '../../policy/model';
import { defineRule } from '../rule';

const KEY_LOWER = GUARDRAIL_KEY.toLowerCase();

export default defineRule({
  meta: {
    id: 'bedrock/guardrail-placeholder',
    severity: 'warning',
    description: 'A guardrail ARN still holds the placeholder (REGION, ACCOUNT_ID, GUARDRAIL_ID, VERSION) written by a quick fix.',
    fixable: true,
    docs: {
      rationale: [
        `When no guardrail is configured, the quick fixes of \`bedrock/guardrail-not-enforced\`, \`bedrock/guardrail-condition-invalid\` and \`bedrock/guardrail-apply-missing\` write the placeholder \`${GUARDRAIL_PLACEHOLDER}\` (or the guardrail ARN part of it). It is a reminder, not a working value: a \`${GUARDRAIL_KEY}\` condition that compares with it never matches, so an \`Allow\` grants nothing and a \`Deny\` with \`StringNotEquals\` denies every invocation; a \`Resource\` that names it grants nothing.`,
        '',
        'Replace the upper-case parts with your guardrail\'s Region, account id, guardrail id and numeric version, or set `bedrockSecurity.guardrailArn` (and `guardrailVersion`) and use the quick fix. Values with the placeholder are not reported by `bedrock/guardrail-condition-invalid`.',
      ].join('\n'),
      bad: `{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": "bedrock:InvokeModel",\n      "Resource": "*",\n      "Condition": { "StringEquals": { "bedrock:GuardrailIdentifier": "${GUARDRAIL_PLACEHOLDER}" } }\n    }\n  ]\n}`,
      good: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": "bedrock:InvokeModel",\n      "Resource": "*",\n      "Condition": { "StringEquals": { "bedrock:GuardrailIdentifier": "arn:aws:bedrock:us-east-1:111122223333:guardrail/abc123xyz456:1" } }\n    }\n  ]\n}',
      fix: 'Replaces the placeholder with the configured guardrail (`bedrockSecurity.guardrailArn`, and `guardrailVersion` where the placeholder has a version). Without a configured guardrail there is no fix.',
      references: ['https://docs.aws.amazon.com/bedrock/latest/userguide/guardrails-permissions-id.html'],
    },
  },
  check(ctx) {
    const report = (node: ScalarNode, where: 'condition' | 'resource') => {
      const tail =
        where === 'condition'
          ? 'until it is replaced, this condition never matches a request'
          : 'until it is replaced, this Resource names no guardrail';
      ctx.report(
        node.span,
        `${JSON.stringify(node.value)} is a placeholder: put in your guardrail's Region, account id, guardrail id${splitGuardrailIdentifier(node.value)?.version !== undefined ? ' and version' : ''} (or set bedrockSecurity.guardrailArn and use the quick fix); ${tail}.`,
        { value: node.value },
      );
    };
    for (const st of ctx.policy.statements) {
      for (const op of st.condition?.operators ?? []) {
        for (const ck of op.keys) {
          if (ck.key.name.toLowerCase() !== KEY_LOWER) continue;
          for (const v of ck.values) if (isGuardrailPlaceholder(v.value)) report(v, 'condition');
        }
      }
      for (const e of [...(st.resource?.entries ?? []), ...(st.notResource?.entries ?? [])]) if (isGuardrailPlaceholder(e.value)) report(e, 'resource');
    }
  },
  fixes(ctx, finding) {
    const value = finding.data?.value;
    const g = configuredGuardrail(ctx.settings);
    if (typeof value !== 'string' || !g) return [];
    const hasVersion = splitGuardrailIdentifier(value)?.version !== undefined;
    if (hasVersion && !g.version) return [];
    const replacement = hasVersion ? `${g.arn}:${g.version}` : g.arn;
    const node = findNode(ctx.policy.statements, finding.span.start, value);
    if (!node || node.computed) return [];
    return [{ title: `Replace the placeholder with ${replacement}`, edits: [ctx.editor.replace(node.span, ctx.editor.literal(replacement))], isPreferred: true }];
  },
});

/** The condition value or Resource entry at `start` whose value is `value`. */
function findNode(statements: readonly Statement[], start: number, value: string): ScalarNode | undefined {
  for (const st of statements) {
    for (const op of st.condition?.operators ?? []) for (const ck of op.keys) for (const v of ck.values) if (v.span.start === start && v.value === value) return v;
    for (const e of [...(st.resource?.entries ?? []), ...(st.notResource?.entries ?? [])]) if (e.span.start === start && e.value === value) return e;
  }
  return undefined;
}
