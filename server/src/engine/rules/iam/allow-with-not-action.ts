// iam/allow-with-not-action: "Effect": "Allow" with "NotAction" grants every action that is not
// listed, in every service, including actions AWS adds later.
import { defineRule } from '../rule';
import { isEveryAction } from './statement-scope';

export default defineRule({
  meta: {
    id: 'iam/allow-with-not-action',
    severity: 'warning',
    description: 'An Allow statement uses "NotAction": it grants every other action of every service, including future ones.',
    fixable: false,
    kinds: ['identity', 'resource'],
    docs: {
      rationale: [
        'In an Allow statement, `NotAction` grants every action that is *not* listed — across all AWS services, and including every action AWS launches later. `"NotAction": "iam:*"` looks like "no IAM", but it grants all of Amazon Bedrock, KMS, S3 and Organizations. AWS documents this combination as one to use with great care; an allow-list in `Action` is what least privilege needs.',
        '`NotAction` in a **Deny** statement is a common and sound pattern (deny everything except …) and is not reported. Service control policies are not checked: an Allow in an SCP grants nothing.',
      ].join('\n\n'),
      bad: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    { "Effect": "Allow", "NotAction": ["iam:*", "organizations:*"], "Resource": "*" }\n  ]\n}',
      good: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    { "Effect": "Allow", "Action": ["bedrock:InvokeModel", "bedrock:ListFoundationModels"], "Resource": "*" }\n  ]\n}',
      references: [
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html',
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege',
      ],
    },
  },
  check(ctx) {
    for (const st of ctx.policy.statements) {
      if (st.effect?.value?.value !== 'Allow' || !st.notAction) continue;
      // "NotAction": "*" excludes everything, so the statement grants nothing.
      if (st.notAction.entries.some((e) => isEveryAction(e.value))) continue;
      const n = st.notAction.entries.length;
      const except = n === 0 ? '' : n === 1 ? ` except ${st.notAction.entries[0].value}` : ` except the ${n} listed`;
      ctx.report(
        st.notAction.key.span,
        `Allow with "NotAction" grants every action${except}, in every AWS service and including actions added in the future: list the allowed actions in "Action" instead.`,
      );
    }
  },
});
