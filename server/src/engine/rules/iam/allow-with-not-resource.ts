// iam/allow-with-not-resource: "Effect": "Allow" with "NotResource" grants the actions on every
// resource that is not listed, in every account, including resources created later.
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'iam/allow-with-not-resource',
    severity: 'warning',
    description: 'An Allow statement uses "NotResource": it grants the actions on every other resource, in any account, including future ones.',
    fixable: false,
    kinds: ['identity', 'resource'],
    docs: {
      rationale: [
        'In an Allow statement, `NotResource` grants the statement\'s actions on every resource that is *not* listed — in every Region and every account, and on every resource created later. Excluding one guardrail or one bucket is easy to read as "only the others of mine", but it also reaches resources in other accounts that trust this principal. List the allowed resources in `Resource` instead.',
        '`NotResource` in a **Deny** statement is a sound pattern and is not reported. Service control policies are not checked: an Allow in an SCP grants nothing.',
      ].join('\n\n'),
      bad: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": "bedrock:DeleteGuardrail",\n      "NotResource": "arn:aws:bedrock:us-east-1:111122223333:guardrail/prod1234abcd"\n    }\n  ]\n}',
      good: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": "bedrock:DeleteGuardrail",\n      "Resource": "arn:aws:bedrock:us-east-1:111122223333:guardrail/test5678efgh"\n    }\n  ]\n}',
      references: [
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notresource.html',
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege',
      ],
    },
  },
  check(ctx) {
    for (const st of ctx.policy.statements) {
      if (st.effect?.value?.value !== 'Allow' || !st.notResource) continue;
      // "NotResource": "*" excludes everything, so the statement grants nothing.
      if (st.notResource.entries.some((e) => e.value === '*')) continue;
      const n = st.notResource.entries.length;
      const except = n === 0 ? '' : n === 1 ? ` except ${st.notResource.entries[0].value}` : ` except the ${n} listed`;
      ctx.report(
        st.notResource.key.span,
        `Allow with "NotResource" grants the actions on every resource${except}, in every account and including resources created later: list the allowed resources in "Resource" instead.`,
      );
    }
  },
});
