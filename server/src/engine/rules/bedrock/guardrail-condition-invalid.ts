// bedrock/guardrail-condition-invalid: a bedrock:GuardrailIdentifier condition that can never do
// what it appears to do: an operator of the wrong type, a value that is not a guardrail identifier,
// or a wildcard under an exact operator.
import { exactValueProblem, GUARDRAIL_KEY, hasWildcard, isGuardrailPlaceholder, patternProblem, splitGuardrailIdentifier } from '../../bedrock/guardrails';
import { CONDITION_OPERATORS, splitOperator } from '../../policy/analysis';
import type { ConditionOperatorNode, Statement } from '../../policy/model';
import type { Fix } from '../../types';
import type { FixContext } from '../rule';
import { defineRule } from '../rule';

const KEY_LOWER = GUARDRAIL_KEY.toLowerCase();

/** Operators that compare another type than strings, with what they compare and the string operator to use. */
const WRONG_TYPE: Record<string, { compares: string; use: string }> = {
  Bool: { compares: 'booleans', use: 'StringEquals' },
  BinaryEquals: { compares: 'base64-encoded binary values', use: 'StringEquals' },
  IpAddress: { compares: 'IP addresses', use: 'StringEquals' },
  NotIpAddress: { compares: 'IP addresses', use: 'StringNotEquals' },
};
for (const op of CONDITION_OPERATORS) {
  const negated = op.includes('NotEquals');
  if (op.startsWith('Numeric')) WRONG_TYPE[op] = { compares: 'numbers', use: negated ? 'StringNotEquals' : 'StringEquals' };
  if (op.startsWith('Date')) WRONG_TYPE[op] = { compares: 'dates', use: negated ? 'StringNotEquals' : 'StringEquals' };
}

/** Exact string operators, which take `*` and `?` literally, and their wildcard counterparts. */
const EXACT: Record<string, string | undefined> = {
  StringEquals: 'StringLike',
  StringNotEquals: 'StringNotLike',
  StringEqualsIgnoreCase: undefined,
  StringNotEqualsIgnoreCase: undefined,
};

/** Operators whose values may hold wildcards (the Arn operators all do). */
const PATTERN = new Set(['StringLike', 'StringNotLike', 'ArnEquals', 'ArnLike', 'ArnNotEquals', 'ArnNotLike']);

/** How a fix rebuilds its edit: replace one condition value, or rename an operator. */
type FixData =
  | { kind: 'value'; statement: number; operator: number; key: number; value: number; from: string; to: string }
  | { kind: 'operator'; statement: number; operator: number; from: string; to: string };

/** The new operator name, keeping a set-operator prefix and an IfExists suffix. */
function renamed(name: string, base: string): string {
  const { setOperator, ifExists } = splitOperator(name);
  return (setOperator ? setOperator + ':' : '') + base + (ifExists ? 'IfExists' : '');
}

/** A rename fix, when the operator tests only this key and no sibling operator has the new name. */
function renameFix(st: Statement, opIndex: number, op: ConditionOperatorNode, toBase: string): FixData | undefined {
  const to = renamed(op.key.name, toBase);
  if (op.keys.length !== 1 || st.condition?.operators.some((o) => o.key.name === to)) return undefined;
  return { kind: 'operator', statement: st.index, operator: opIndex, from: op.key.name, to };
}

export default defineRule({
  meta: {
    id: 'bedrock/guardrail-condition-invalid',
    severity: 'error',
    description: 'A bedrock:GuardrailIdentifier condition can never match: an operator of another type, or a value that is not a guardrail ARN (or ARN:version).',
    fixable: true,
    docs: {
      rationale: [
        `\`${GUARDRAIL_KEY}\` holds the guardrail of an inference request as its ARN, \`arn:aws:bedrock:<Region>:<account>:guardrail/<id>\`, followed by \`:<numeric version>\` when the caller names a numeric version (the ARN alone stands for the DRAFT version). A condition that can never equal such a value silently changes the policy: an \`Allow\` grants nothing, and a \`Deny\` meant to enforce the guardrail either never applies or applies to every call. The rule reports, as errors:`,
        '',
        '- operators of another type: `Bool`, `Numeric…`, `Date…`, `IpAddress`, `NotIpAddress`, `BinaryEquals`;',
        '- values that are not guardrail identifiers: a bare guardrail id such as `"abc123xyz456"` (the key holds the ARN, so `StringEquals` never matches it), another resource type, a missing Region or account, an invalid id or version, or `:DRAFT` (DRAFT requests carry the ARN without a version);',
        '- `*` or `?` under `StringEquals`/`StringNotEquals`, which compare them literally (use `StringLike`); patterns under `StringLike`, `ArnLike` and `ArnEquals` are accepted when they can match some guardrail identifier;',
        '- a `Null` operator whose value is not `"true"` or `"false"`.',
        '',
        'Policy variables (`${…}`) and the placeholder written by quick fixes (reported by `bedrock/guardrail-placeholder`) are not checked. A condition on a statement none of whose actions carries the key (only `bedrock:InvokeModel` and `bedrock:InvokeModelWithResponseStream` do, per the IAM data) is reported by `iam/condition-key-not-applicable`, for every condition key.',
      ].join('\n'),
      bad: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": "bedrock:InvokeModel",\n      "Resource": "*",\n      "Condition": { "StringEquals": { "bedrock:GuardrailIdentifier": "abc123xyz456" } }\n    }\n  ]\n}',
      good: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": "bedrock:InvokeModel",\n      "Resource": "*",\n      "Condition": { "StringEquals": { "bedrock:GuardrailIdentifier": "arn:aws:bedrock:us-east-1:111122223333:guardrail/abc123xyz456:1" } }\n    }\n  ]\n}',
      fix: 'Where there is one right answer: a bare id becomes the configured guardrail ARN when its id matches (else the ARN with `REGION` and `ACCOUNT_ID` placeholders to fill in); `:DRAFT` is removed; upper-case ids are lower-cased; an operator of the wrong type becomes `StringEquals` (`StringNotEquals` for negated ones), a wildcard under `StringEquals` makes it `StringLike`, and `Null` with a guardrail ARN becomes `StringEquals` — operators are renamed only when they test no other key.',
      references: [
        'https://docs.aws.amazon.com/bedrock/latest/userguide/guardrails-permissions-id.html',
        'https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonbedrock.html#amazonbedrock-policy-keys',
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html',
      ],
    },
  },
  check(ctx) {
    const { settings } = ctx;
    for (const st of ctx.policy.statements) {
      const ops = st.condition?.operators ?? [];
      ops.forEach((op, oi) => {
        const { base } = splitOperator(op.key.name);
        if (!(CONDITION_OPERATORS as readonly string[]).includes(base)) return;
        op.keys.forEach((ck, ki) => {
          if (ck.key.name.toLowerCase() !== KEY_LOWER) return;
          const wrong = WRONG_TYPE[base];
          if (wrong) {
            ctx.report(op.key.span, `"${op.key.name}" compares ${wrong.compares}, but ${GUARDRAIL_KEY} holds a guardrail ARN, so this condition cannot test the guardrail: use ${wrong.use}.`, {
              fix: renameFix(st, oi, op, wrong.use),
            });
            return;
          }
          ck.values.forEach((v, vi) => {
            const value = v.value;
            if (value.includes('${') || isGuardrailPlaceholder(value)) return;
            const valueFix = (to: string | undefined): FixData | undefined =>
              to && !v.computed ? { kind: 'value', statement: st.index, operator: oi, key: ki, value: vi, from: value, to } : undefined;
            if (base === 'Null') {
              if (value === 'true' || value === 'false') return;
              const asArn = splitGuardrailIdentifier(value) && !exactValueProblem(value, false);
              ctx.report(v.span, `"Null" takes "true" (the request has no guardrail) or "false" (it has one), not ${JSON.stringify(value)}.`, {
                fix: asArn ? renameFix(st, oi, op, 'StringEquals') : undefined,
              });
              return;
            }
            if (PATTERN.has(base)) {
              const p = patternProblem(value, settings);
              if (p) ctx.report(v.span, p.message, { fix: valueFix(p.replacement) });
              return;
            }
            if (base in EXACT && hasWildcard(value) && !patternProblem(value, settings)) {
              const like = EXACT[base];
              ctx.report(v.span, `"${base}" compares "*" and "?" literally, so ${JSON.stringify(value)} never matches: use ${like ?? 'StringLike'} for wildcards.`, {
                fix: like ? renameFix(st, oi, op, like) : undefined,
              });
              return;
            }
            const p = exactValueProblem(value, base.endsWith('IgnoreCase'), settings);
            if (p) ctx.report(v.span, p.message, { fix: valueFix(p.replacement) });
          });
        });
      });
    }
  },
  fixes(ctx, finding) {
      const data = finding.data?.fix as FixData | undefined;
    if (!data || typeof data !== 'object' || typeof data.to !== 'string' || typeof data.from !== 'string') return [];
    const fix = buildFix(ctx, data);
    return fix ? [fix] : [];
  },
});

function buildFix(ctx: FixContext, data: FixData): Fix | undefined {
  const st = ctx.policy.statements[data.statement];
  const op = st?.condition?.operators[data.operator];
  if (!op) return undefined;
  if (data.kind === 'operator') {
    if (op.key.name !== data.from) return undefined;
    return { title: `Use ${data.to}`, edits: [ctx.editor.renameKey(op.key, data.to)], isPreferred: true };
  }
  const v = op.keys[data.key]?.values[data.value];
  if (!v || v.value !== data.from || v.computed) return undefined;
  return { title: `Replace with ${JSON.stringify(data.to)}`, edits: [ctx.editor.replace(v.span, ctx.editor.literal(data.to))], isPreferred: !isGuardrailPlaceholder(data.to) };
}
