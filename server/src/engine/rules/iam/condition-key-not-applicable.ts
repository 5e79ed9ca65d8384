// iam/condition-key-not-applicable: a service-specific condition key that none of the statement's
// actions supports, so the key is never in the request context when the statement is evaluated.
import type { ActionInfo, ConditionKeyInfo, IamData, ServiceInfo } from '../../iam/data';
import { splitOperator } from '../../policy/analysis';
import { statementFacts } from '../../policy/facts';
import type { ConditionOperatorNode, Statement } from '../../policy/model';
import { defineRule } from '../rule';
import { summarize } from './entries';
import { MERGED_PREFIXES, UNLISTED_ACTION_KEYS } from './reference-gaps';

const globalsCache = new WeakMap<IamData, Set<ConditionKeyInfo>>();

/** True for keys that are in every request (aws:*, and the few service-named global keys such as ec2:SourceInstanceArn). */
function isGlobalKey(iam: IamData, info: ConditionKeyInfo): boolean {
  let set = globalsCache.get(iam);
  if (!set) {
    set = new Set(iam.conditionKeysOf('aws'));
    globalsCache.set(iam, set);
  }
  return set.has(info) || info.key.toLowerCase().startsWith('aws:');
}

/**
 * One spelling for a key template: the data writes the same key `ssm:resourceTag/${TagKey}` in one
 * place and `ssm:resourceTag/tag-key` in another (and `s3:ExistingObjectTag/<key>`).
 */
const canonicalCache = new Map<string, string>();

function canonical(key: string): string {
  let c = canonicalCache.get(key);
  if (c === undefined) {
    c = key
      .toLowerCase()
      .replace(/\/(<[^>]+>|tag-key)$/, '/${}')
      .replace(/\$\{[^}]*\}/g, '${}');
    if (canonicalCache.size > 20_000) canonicalCache.clear();
    canonicalCache.set(key, c);
  }
  return c;
}

const keysOfAction = new WeakMap<ActionInfo, Set<string>>();

/**
 * The condition keys (canonical templates) available to an action: its own keys, the keys of its
 * resource types for this action, the resource types' keys, and keys the data omits.
 */
function actionKeys(iam: IamData, a: ActionInfo): Set<string> {
  let set = keysOfAction.get(a);
  if (!set) {
    set = new Set(a.conditionKeys.map(canonical));
    for (const r of a.resourceTypes) {
      for (const k of r.conditionKeys) set.add(canonical(k));
      for (const k of iam.resourceType(a.service, r.name)?.conditionKeys ?? []) set.add(canonical(k));
    }
    for (const k of UNLISTED_ACTION_KEYS.get(`${a.service}:${a.name.toLowerCase()}`) ?? []) set.add(canonical(k));
    keysOfAction.set(a, set);
  }
  return set;
}

const attachedKeys = new WeakMap<ServiceInfo, Set<string>>();

/** The keys of a service that at least one of its actions or resource types lists. */
function keysAttached(iam: IamData, svc: ServiceInfo): Set<string> {
  let set = attachedKeys.get(svc);
  if (!set) {
    set = new Set();
    for (const a of svc.actionList) for (const k of actionKeys(iam, a)) set.add(k);
    attachedKeys.set(svc, set);
  }
  return set;
}

/**
 * Every action of the statement, one list per Action entry, or undefined when that cannot be
 * known: NotAction, `"*"`, an entry that is malformed or names an unknown service or action.
 */
function statementActions(iam: IamData, st: Statement): ActionInfo[][] | undefined {
  if (!st.action || st.notAction || st.action.invalidEntries.length > 0 || st.action.entries.length === 0) return undefined;
  const out: ActionInfo[][] = [];
  // Every entry must name known actions of one service (what actionRefs would resolve).
  for (const t of statementFacts(st).action) {
    const split = t.split;
    if (!split || split.service === '*' || MERGED_PREFIXES.has(split.service)) return undefined;
    const actions = t.actions(iam);
    if (actions.length === 0) return undefined;
    out.push(actions);
  }
  return out;
}

const NEGATED = new Set(['StringNotEquals', 'StringNotEqualsIgnoreCase', 'StringNotLike', 'NumericNotEquals', 'DateNotEquals', 'ArnNotEquals', 'ArnNotLike', 'NotIpAddress']);

/**
 * What a test on an absent key evaluates to
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html,
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html).
 */
function outcome(op: ConditionOperatorNode, values: readonly string[]): string {
  const p = splitOperator(op.key.name);
  if (p.base === 'Null') {
    if (values.length > 0 && values.every((v) => v === 'true')) return 'so this "Null" test always passes and restricts nothing';
    if (values.length > 0 && values.every((v) => v === 'false')) return 'so this "Null" test never passes and the statement never applies';
    return 'so this "Null" test has a constant result';
  }
  if (p.ifExists) return 'so this …IfExists test is always skipped and restricts nothing';
  if (p.setOperator === 'ForAllValues') return 'so this ForAllValues test always passes and restricts nothing';
  if (NEGATED.has(p.base)) return 'so this negated test always passes and restricts nothing';
  return 'so this test never matches and the statement never applies';
}

export default defineRule({
  meta: {
    id: 'iam/condition-key-not-applicable',
    severity: 'warning',
    description: 'A service-specific condition key that none of the statement\'s actions supports: it is never in the request, so the test is constant.',
    fixable: false,
    docs: {
      rationale: [
        'A service sets its condition keys only on the requests of the actions that support them (the Service Authorization Reference lists them per action and per resource type). When no action of the statement supports a key — `s3:prefix` on `bedrock:InvokeModel`, `bedrock:GuardrailIdentifier` on `bedrock:CreateAgent` — the key is absent from every request the statement matches. The test is then constant: `StringEquals`, `ArnLike`… never match (an Allow grants nothing, a Deny denies nothing), while negated operators, `…IfExists`, `ForAllValues:` and `"Null": "true"` always pass (the condition restricts nothing). Either way the condition does not do what it says; usually the key belongs in another statement.',
        'Global keys (`aws:…`, and the few service-named global keys such as `ec2:SourceInstanceArn`) are present in every request and are not checked. A key is reported only when every action of the statement is known: statements with `NotAction`, `"*"`, or an unknown or malformed action are skipped, and so are keys that the data attaches to no action at all (the data cannot say where they apply). `service:*` counts as every action of the service.',
      ].join('\n\n'),
      bad: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": "bedrock:CreateAgent",\n      "Resource": "*",\n      "Condition": { "StringEquals": { "bedrock:GuardrailIdentifier": "arn:aws:bedrock:us-east-1:123456789012:guardrail/abc123:1" } }\n    }\n  ]\n}',
      good: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": "bedrock:InvokeModel",\n      "Resource": "*",\n      "Condition": { "StringEquals": { "bedrock:GuardrailIdentifier": "arn:aws:bedrock:us-east-1:123456789012:guardrail/abc123:1" } }\n    }\n  ]\n}',
      references: [
        'https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html',
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html',
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html',
      ],
    },
  },
  check(ctx) {
    const { iam } = ctx;
    for (const st of ctx.policy.statements) {
      if (!st.condition || st.condition.operators.length === 0) continue;
      const actions = statementActions(iam, st);
      if (!actions) continue;
      for (const op of st.condition.operators) {
        for (const ck of op.keys) {
          const info = iam.conditionKey(ck.key.name);
          if (!info || isGlobalKey(iam, info)) continue;
          const template = canonical(info.key);
          const svc = iam.service(info.service);
          if (!svc || !keysAttached(iam, svc).has(template)) continue;
          if (actions.some((list) => list.some((a) => actionKeys(iam, a).has(template)))) continue;
          const listed = summarize(st.action!.entries.map((e) => e.value));
          ctx.report(
            ck.key.span,
            `${JSON.stringify(ck.key.name)} is not available for ${st.action!.entries.length === 1 ? listed : `any of this statement's actions (${listed})`}: it is never in the request, ${outcome(op, ck.values.map((v) => v.value))}.`,
          );
        }
      }
    }
  },
});
