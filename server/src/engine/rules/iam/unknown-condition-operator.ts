// iam/unknown-condition-operator: a Condition operator IAM does not define (operators are
// case-sensitive), or one that combines parts IAM rejects (Null with IfExists).
import { closest, CONDITION_OPERATORS, splitOperator } from '../../policy/analysis';
import { defineRule } from '../rule';
import { resolveCondition, type ConditionRef } from './entries';

const SET_PREFIXES = ['', 'ForAllValues:', 'ForAnyValue:'] as const;

/** Every operator spelling IAM accepts (set prefix × base × IfExists), for suggestions. */
const ALL_OPERATORS: readonly string[] = SET_PREFIXES.flatMap((p) => CONDITION_OPERATORS.flatMap((b) => (b === 'Null' ? [p + b] : [p + b, p + b + 'IfExists'])));
const VALID = new Set(ALL_OPERATORS);
const BY_LOWER = new Map(ALL_OPERATORS.map((o) => [o.toLowerCase(), o]));

type OperatorData = { ref: ConditionRef; suggestion?: string };

export default defineRule({
  meta: {
    id: 'iam/unknown-condition-operator',
    severity: 'error',
    description: 'A Condition uses an operator IAM does not define (operators are case-sensitive; Null takes no IfExists).',
    fixable: true,
    docs: {
      rationale: [
        'A condition operator is one of IAM\'s names (`StringEquals`, `ArnLike`, `Bool`, `Null`…), optionally prefixed with `ForAllValues:` or `ForAnyValue:` and suffixed with `IfExists`. Unlike condition keys, operator names are case-sensitive. IAM rejects a policy with an unknown operator as a whole (`MalformedPolicyDocument: Invalid Condition type : stringEquals`), so the policy cannot be created or updated and the deployment that carries it (CloudFormation, Terraform, CDK) fails.',
        '`Null` already tests whether a key exists, so `NullIfExists` is not an operator.',
      ].join('\n\n'),
      bad: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": "bedrock:InvokeModel",\n      "Resource": "*",\n      "Condition": { "stringEquals": { "aws:RequestedRegion": "eu-west-1" } }\n    }\n  ]\n}',
      good: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": "bedrock:InvokeModel",\n      "Resource": "*",\n      "Condition": { "StringEquals": { "aws:RequestedRegion": "eu-west-1" } }\n    }\n  ]\n}',
      fix: 'Renames the operator to its correct spelling (case), to the closest operator, or `NullIfExists` to `Null`.',
      references: [
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html',
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html',
        'https://github.com/ministryofjustice/modernisation-platform-environments/pull/8893',
      ],
    },
  },
  check(ctx) {
    for (const st of ctx.policy.statements) {
      st.condition?.operators.forEach((op, oi) => {
        const name = op.key.name;
        if (VALID.has(name)) return;
        const ref: ConditionRef = { statement: st.index, operator: oi, key: -1, name };
        const shown = JSON.stringify(name);
        const exact = BY_LOWER.get(name.toLowerCase());
        if (exact) {
          const data: OperatorData = { ref, suggestion: exact };
          ctx.report(op.key.span, `Condition operators are case-sensitive: ${shown} must be written ${JSON.stringify(exact)} (IAM rejects the policy otherwise).`, data);
          return;
        }
        const parts = splitOperator(name);
        if (parts.ifExists && parts.base === 'Null') {
          const suggestion = (parts.setOperator ? parts.setOperator + ':' : '') + 'Null';
          const data: OperatorData = { ref, suggestion };
          ctx.report(op.key.span, `${shown} is not an operator: "Null" already tests whether the key exists, so it takes no "IfExists". Use ${JSON.stringify(suggestion)}.`, data);
          return;
        }
        const suggestion = closest(name, ALL_OPERATORS);
        const data: OperatorData = suggestion ? { ref, suggestion } : { ref };
        ctx.report(op.key.span, `${shown} is not an IAM condition operator.${suggestion ? ` Did you mean ${JSON.stringify(suggestion)}?` : ''}`, data);
      });
    }
  },
  fixes(ctx, finding) {
    const data = finding.data as Partial<OperatorData> | undefined;
    const found = resolveCondition(ctx.policy, data?.ref);
    if (!found || typeof data?.suggestion !== 'string') return [];
    return [{ title: `Rename to ${JSON.stringify(data.suggestion)}`, edits: [ctx.editor.renameKey(found.node, data.suggestion)], isPreferred: true }];
  },
});
