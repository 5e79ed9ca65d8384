// policy/syntax: JSON that the policy cannot be read from (AWS rejects the whole document).
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'policy/syntax',
    severity: 'error',
    description: 'The policy is not valid JSON (AWS accepts no comments and no trailing commas).',
    fixable: false,
    docs: {
      rationale:
        'IAM and Organizations parse a policy as strict JSON and reject the whole document when it is not. Comments and trailing commas, which many editors allow in `.json` files, are not accepted. The rest of the policy is still analysed as far as it can be read.',
      bad: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", }\n  ]\n}',
      good: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" }\n  ]\n}',
      references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html'],
    },
  },
  check(ctx) {
    for (const p of ctx.policy.syntaxProblems) ctx.report(p.span, p.message + '.');
  },
});
