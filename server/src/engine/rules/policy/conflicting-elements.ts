// policy/conflicting-elements: a statement with both an element and its negation (Action and
// NotAction, Resource and NotResource, Principal and NotPrincipal).
import type { KeyNode, Statement } from '../../policy/model';
import { defineRule } from '../rule';

/** The pairs that exclude each other, with how to read each from a statement. */
const PAIRS: readonly { name: string; not: string; get(st: Statement): [KeyNode | undefined, KeyNode | undefined] }[] = [
  { name: 'Action', not: 'NotAction', get: (st) => [st.action?.key, st.notAction?.key] },
  { name: 'Resource', not: 'NotResource', get: (st) => [st.resource?.key, st.notResource?.key] },
  { name: 'Principal', not: 'NotPrincipal', get: (st) => [st.principal?.key, st.notPrincipal?.key] },
];

export default defineRule({
  meta: {
    id: 'policy/conflicting-elements',
    severity: 'error',
    description: 'A statement has both Action and NotAction, Resource and NotResource, or Principal and NotPrincipal.',
    fixable: true,
    docs: {
      rationale:
        'A statement names its actions with either `Action` or `NotAction`, its resources with either `Resource` or `NotResource`, and its principals with either `Principal` or `NotPrincipal`, never both: the IAM grammar defines each pair as alternatives, and IAM and Organizations reject a statement that has both. The intent is also unclear (an allow list, or everything except a list?), so split the statement or keep the element you meant.',
      bad: '{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Effect": "Deny",\n    "Action": "bedrock:*",\n    "NotAction": "bedrock:InvokeModel",\n    "Resource": "*"\n  }]\n}',
      good: '{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Effect": "Deny",\n    "NotAction": "bedrock:InvokeModel",\n    "Resource": "*"\n  }]\n}',
      fix: 'Offers two fixes, neither preferred (only the author knows which one was meant): remove the `Not…` element, or remove the positive one. Each removes the property with its separating comma.',
      references: [
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html',
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html',
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notresource.html',
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html',
      ],
    },
  },
  check(ctx) {
    for (const st of ctx.policy.statements) {
      for (const pair of PAIRS) {
        const [pos, neg] = pair.get(st);
        if (!pos || !neg) continue;
        // Report on whichever of the two comes second: that is where the conflict appears.
        const second = pos.span.start > neg.span.start ? pos : neg;
        ctx.report(second.span, `A statement cannot have both "${pair.name}" and "${pair.not}": keep one of them.`, { statement: st.index, pair: pair.name });
      }
    }
  },
  fixes(ctx, finding) {
    const data = finding.data as { statement?: number; pair?: string } | undefined;
    const st = data?.statement === undefined ? undefined : ctx.policy.statements[data.statement];
    const pair = PAIRS.find((p) => p.name === data?.pair);
    if (!st || !pair) return [];
    const [pos, neg] = pair.get(st);
    if (!pos || !neg) return [];
    return [
      { title: `Remove "${pair.not}"`, edits: [ctx.editor.removeProperty(neg, st.keys)] },
      { title: `Remove "${pair.name}"`, edits: [ctx.editor.removeProperty(pos, st.keys)] },
    ];
  },
});
