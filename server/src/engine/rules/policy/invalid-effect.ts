// policy/invalid-effect: an Effect that is not exactly "Allow" or "Deny" ("allow", "Alow", 42).
import { closest } from '../../policy/analysis';
import type { ScalarElement } from '../../policy/model';
import { defineRule } from '../rule';

const EFFECTS = ['Allow', 'Deny'] as const;

/** The value as the message shows it: a string quoted, other literals as written. */
function shown(el: ScalarElement): string {
  if (!el.value) return el.valueKind === 'null' ? 'null' : `an ${el.valueKind}`;
  return el.value.kind === 'string' ? JSON.stringify(el.value.value) : el.value.value;
}

/** The effect a string most likely meant: a case variant, else a close typo. */
function intendedEffect(value: string): { effect: string; caseOnly: boolean } | undefined {
  const byCase = EFFECTS.find((e) => e.toLowerCase() === value.trim().toLowerCase());
  if (byCase) return { effect: byCase, caseOnly: true };
  const typo = closest(value.trim(), EFFECTS);
  return typo ? { effect: typo, caseOnly: false } : undefined;
}

export default defineRule({
  meta: {
    id: 'policy/invalid-effect',
    severity: 'error',
    description: 'An "Effect" that is not exactly "Allow" or "Deny" (the value is case-sensitive and must be a string).',
    fixable: true,
    docs: {
      rationale:
        'The only values of `Effect` are the strings `"Allow"` and `"Deny"`, and they are case-sensitive. IAM and Organizations reject a policy with any other value (`"allow"`, `"DENY"`, `"Alow"`, `true`, `42`). Tools that read such a policy without validating it may treat the statement as neither allowing nor denying, which hides a `Deny` the author meant to enforce.',
      bad: '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "deny", "Action": "bedrock:DeleteGuardrail", "Resource": "*" }]\n}',
      good: '{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Deny", "Action": "bedrock:DeleteGuardrail", "Resource": "*" }]\n}',
      fix: 'When the value differs from `"Allow"` or `"Deny"` only in letter case or surrounding spaces, replaces it with the correct spelling (preferred fix). When it is a near typo (`"Alow"`, `"Dney"`), offers the closest value as a fix that is not marked preferred. Other values have no fix: only the author knows which effect was meant.',
      references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_effect.html'],
    },
  },
  check(ctx) {
    for (const st of ctx.policy.statements) {
      const el = st.effect;
      // A value still being typed (no value yet) is a syntax problem, reported by policy/syntax.
      if (!el || el.valueKind === 'unknown') continue;
      if (el.value?.kind === 'string' && (EFFECTS as readonly string[]).includes(el.value.value)) continue;
      const meant = el.value?.kind === 'string' ? intendedEffect(el.value.value) : undefined;
      const hint = meant ? `: did you mean "${meant.effect}"?` : '.';
      ctx.report(el.valueSpan, `"Effect" must be "Allow" or "Deny" (case-sensitive), not ${shown(el)}${hint}`, { statement: st.index });
    }
  },
  fixes(ctx, finding) {
    const index = (finding.data as { statement?: number } | undefined)?.statement;
    const el = index === undefined ? undefined : ctx.policy.statements[index]?.effect;
    if (!el?.value || el.value.kind !== 'string' || el.value.computed) return [];
    const meant = intendedEffect(el.value.value);
    if (!meant) return [];
    return [{ title: `Change "Effect" to "${meant.effect}"`, edits: [ctx.editor.replace(el.valueSpan, ctx.editor.literal(meant.effect))], isPreferred: meant.caseOnly }];
  },
});
