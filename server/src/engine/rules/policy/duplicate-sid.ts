// policy/duplicate-sid: two statements of one policy with the same Sid (the second and later
// ones are reported).
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'policy/duplicate-sid',
    severity: 'error',
    description: 'Two statements of the policy have the same "Sid".',
    fixable: true,
    docs: {
      rationale:
        'A `Sid` names a statement so that people, logs and tools can refer to it. IAM requires the `Sid` values of a policy to be unique, and rejects a policy where two statements share one; several services that accept resource-based policies do the same. Duplicates usually come from a copied statement whose `Sid` was not updated, so check that the copy says what its name says.',
      bad: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    { "Sid": "Invoke", "Effect": "Allow", "Action": "bedrock:InvokeModel", "Resource": "*" },\n    { "Sid": "Invoke", "Effect": "Allow", "Action": "bedrock:InvokeModelWithResponseStream", "Resource": "*" }\n  ]\n}',
      good: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    { "Sid": "Invoke", "Effect": "Allow", "Action": "bedrock:InvokeModel", "Resource": "*" },\n    { "Sid": "InvokeStream", "Effect": "Allow", "Action": "bedrock:InvokeModelWithResponseStream", "Resource": "*" }\n  ]\n}',
      fix: 'Renames the duplicate by appending the smallest number that makes it unique (`Invoke` → `Invoke2`), which keeps it within the characters IAM allows in a `Sid` when the original was.',
      references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_sid.html'],
    },
  },
  check(ctx) {
    const first = new Map<string, number>();
    for (const st of ctx.policy.statements) {
      const v = st.sid?.value;
      if (!v || v.kind !== 'string' || v.value === '') continue;
      const seen = first.get(v.value);
      if (seen === undefined) {
        first.set(v.value, st.index);
        continue;
      }
      ctx.report(v.span, `Duplicate "Sid" ${JSON.stringify(v.value)}: statement ${seen + 1} already uses it. Sids must be unique within a policy.`, { statement: st.index });
    }
  },
  fixes(ctx, finding) {
    const index = (finding.data as { statement?: number } | undefined)?.statement;
    const sid = index === undefined ? undefined : ctx.policy.statements[index]?.sid?.value;
    if (!sid || sid.kind !== 'string' || sid.computed) return [];
    // Number every duplicate in document order, so that the fixes of several duplicates of
    // one Sid, applied together, give distinct names.
    const taken = new Set(ctx.policy.statements.map((s) => s.sid?.value?.value));
    const seen = new Set<string>();
    let next = '';
    for (const st of ctx.policy.statements) {
      const v = st.sid?.value?.kind === 'string' ? st.sid.value.value : '';
      if (v === '') continue;
      if (!seen.has(v)) {
        seen.add(v);
        continue;
      }
      let n = 2;
      while (taken.has(`${v}${n}`)) n++;
      taken.add(`${v}${n}`);
      if (st.index === index) next = `${v}${n}`;
    }
    if (!next) return [];
    return [{ title: `Rename the Sid to "${next}"`, edits: [ctx.editor.replace(sid.span, ctx.editor.literal(next))], isPreferred: true }];
  },
});
