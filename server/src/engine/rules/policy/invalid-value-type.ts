// policy/invalid-value-type: an element whose JSON value has the wrong type: an Action that is an
// object, a number in a Resource list, a Condition that is not an object, a Statement that is
// neither an object nor an array, a Version that is not a string, an account id written as a
// number in a Principal. (Effect has its own rule, policy/invalid-effect.)
import type { ListElement, PrincipalElement, Statement, ValueKind } from '../../policy/model';
import type { RuleContext } from '../rule';
import { defineRule } from '../rule';

const ARTICLE: Record<ValueKind, string> = {
  string: 'a string',
  number: 'a number',
  boolean: 'a boolean',
  null: 'null',
  array: 'an array',
  object: 'an object',
  unknown: 'an unreadable value',
};

/** True when there is a value to judge (a property still being typed has none). */
const hasValue = (kind: ValueKind) => kind !== 'unknown';

function checkList(ctx: RuleContext, el: ListElement | undefined): void {
  if (!el || !hasValue(el.valueKind)) return;
  if (el.valueKind !== 'string' && el.valueKind !== 'array') {
    ctx.report(el.valueSpan, `"${el.key.name}" must be a string or an array of strings, not ${ARTICLE[el.valueKind]}.`);
    return;
  }
  for (const span of el.invalidEntries) ctx.report(span, `Each entry of "${el.key.name}" must be a string.`);
}

function checkPrincipal(ctx: RuleContext, st: Statement, el: PrincipalElement | undefined): void {
  if (!el || !hasValue(el.valueKind)) return;
  if (el.valueKind !== 'string' && el.valueKind !== 'object') {
    ctx.report(el.valueSpan, `"${el.key.name}" must be "*" or an object such as {"AWS": "arn:aws:iam::111122223333:root"}, not ${ARTICLE[el.valueKind]}.`);
    return;
  }
  for (const entry of el.entries) {
    for (const v of entry.values) {
      if (v.kind === 'string') continue;
      const hint = v.kind === 'number' ? ': write account ids as strings' : '';
      ctx.report(v.span, `A principal must be a string, not ${ARTICLE[v.kind]}${hint}.`, { statement: st.index, element: el.key.name, offset: v.span.start });
    }
  }
}

function checkCondition(ctx: RuleContext, st: Statement): void {
  const el = st.condition;
  if (!el || !hasValue(el.valueKind)) return;
  if (el.valueKind !== 'object') {
    ctx.report(el.valueSpan, `"Condition" must be an object of condition operators, not ${ARTICLE[el.valueKind]}.`);
    return;
  }
  for (const op of el.operators) {
    if (!hasValue(op.valueKind)) continue;
    if (op.valueKind !== 'object') {
      ctx.report(op.valueSpan, `The condition operator "${op.key.name}" must map condition keys to values, not be ${ARTICLE[op.valueKind]}.`);
      continue;
    }
    for (const k of op.keys) {
      // IAM accepts strings, numbers and booleans (and arrays of them) as condition values.
      if (k.valueKind === 'object' || k.valueKind === 'null') {
        ctx.report(k.valueSpan, `The value of "${k.key.name}" must be a string, number or boolean, or an array of them, not ${ARTICLE[k.valueKind]}.`);
      }
    }
  }
}

export default defineRule({
  meta: {
    id: 'policy/invalid-value-type',
    severity: 'error',
    description: 'A policy element has a value of the wrong JSON type (an object for "Action", a number in "Resource", a "Condition" that is not an object, …).',
    fixable: true,
    docs: {
      rationale: [
        'The IAM policy grammar fixes the JSON type of every element, and IAM and Organizations reject a policy whose values have another type:',
        '',
        '- `Version`, `Id` and `Sid`: a string.',
        '- `Statement`: a statement object or an array of them.',
        '- `Action`, `NotAction`, `Resource`, `NotResource`: a string or an array of strings.',
        '- `Principal`, `NotPrincipal`: `"*"` or an object whose values are strings or arrays of strings; an account id written as a number (`"AWS": 111122223333`) is a common slip from templating tools.',
        '- `Condition`: an object of operators, each an object of condition keys whose values are strings, numbers or booleans, or arrays of them.',
        '',
        '`Effect` is checked by `policy/invalid-effect`. Values that are still being typed are left to `policy/syntax`.',
      ].join('\n'),
      bad: '{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Effect": "Allow",\n    "Action": { "bedrock": "InvokeModel" },\n    "Resource": ["arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-pro-v1:0", 42]\n  }]\n}',
      good: '{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Effect": "Allow",\n    "Action": "bedrock:InvokeModel",\n    "Resource": ["arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-pro-v1:0"]\n  }]\n}',
      fix: 'For a principal written as a number (an account id), writes it as a string (`111122223333` → `"111122223333"`). Other wrong types have no automatic fix.',
      references: [
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html',
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html',
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html',
      ],
    },
  },
  check(ctx) {
    const { policy } = ctx;
    for (const el of [policy.version, policy.id]) {
      if (el && hasValue(el.valueKind) && el.valueKind !== 'string') ctx.report(el.valueSpan, `"${el.key.name}" must be a string, not ${ARTICLE[el.valueKind]}.`);
    }
    const sv = policy.statementValueSpan;
    if (policy.statementKey && sv && sv.end > sv.start && !policy.statementIsArray && policy.statements.length === 0) {
      ctx.report(sv, '"Statement" must be a statement object or an array of statement objects.');
    }
    for (const span of policy.invalidStatements) ctx.report(span, 'Each entry of "Statement" must be a statement object.');
    for (const st of policy.statements) {
      if (st.sid && hasValue(st.sid.valueKind) && st.sid.valueKind !== 'string') ctx.report(st.sid.valueSpan, `"Sid" must be a string, not ${ARTICLE[st.sid.valueKind]}.`);
      checkList(ctx, st.action);
      checkList(ctx, st.notAction);
      checkList(ctx, st.resource);
      checkList(ctx, st.notResource);
      checkPrincipal(ctx, st, st.principal);
      checkPrincipal(ctx, st, st.notPrincipal);
      checkCondition(ctx, st);
    }
  },
  fixes(ctx, finding) {
    const data = finding.data as { statement?: number; element?: string; offset?: number } | undefined;
    const st = data?.statement === undefined ? undefined : ctx.policy.statements[data.statement];
    const el = data?.element === 'Principal' ? st?.principal : data?.element === 'NotPrincipal' ? st?.notPrincipal : undefined;
    const value = el?.entries.flatMap((e) => e.values).find((v) => v.span.start === data?.offset);
    if (!value || value.kind !== 'number' || value.computed) return [];
    return [{ title: `Write ${value.value} as a string`, edits: [ctx.editor.replace(value.span, ctx.editor.literal(value.value))], isPreferred: true }];
  },
});
