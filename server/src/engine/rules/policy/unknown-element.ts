// policy/unknown-element: a key that AWS does not define at the policy or statement level
// ("Resources", "action", "Conditions"). IAM rejects the document; element names are
// case-sensitive.
import type { KeyNode, Policy } from '../../policy/model';
import { defineRule } from '../rule';
import { intendedElement, knownElements, unknownKeys, type ElementLevel } from './element-names';

/** The keys of the object a finding points into (the policy, or one statement). */
function objectKeys(policy: Policy, level: ElementLevel, statement: number | undefined): readonly KeyNode[] | undefined {
  if (level === 'policy') return policy.keys;
  return statement === undefined ? undefined : policy.statements[statement]?.keys;
}

/**
 * The element `key` can safely be renamed to: its intended element, provided that the object
 * does not already have that element and no earlier unknown key claims the same rename (two
 * renames to one name would create a duplicate key).
 */
function safeRename(keys: readonly KeyNode[], key: KeyNode, level: ElementLevel): string | undefined {
  const target = intendedElement(key.name, level);
  if (!target || keys.some((k) => k.name === target)) return undefined;
  for (const other of unknownKeys(keys, level)) {
    if (other.span.start >= key.span.start) break;
    if (intendedElement(other.name, level) === target) return undefined;
  }
  return target;
}

function message(key: KeyNode, level: ElementLevel, keys: readonly KeyNode[]): string {
  const where = level === 'policy' ? 'at the top of a policy' : 'in a statement';
  const target = intendedElement(key.name, level);
  if (!target) return `Unknown element "${key.name}" ${where}: IAM accepts only ${knownElements(level).map((k) => `"${k}"`).join(', ')}.`;
  const present = keys.some((k) => k.name === target);
  if (target.toLowerCase() === key.name.toLowerCase()) {
    const holder = level === 'policy' ? 'policy' : 'statement';
    return `Element names are case-sensitive: "${key.name}" must be written "${target}"${present ? ` (the ${holder} already has "${target}")` : ''}.`;
  }
  return `Unknown element "${key.name}" ${where}: did you mean "${target}"${present ? ` (already present)` : ''}?`;
}

export default defineRule({
  meta: {
    id: 'policy/unknown-element',
    severity: 'error',
    description: 'A key that IAM does not define at the policy or statement level, such as "Resources", "action" or "Conditions".',
    fixable: true,
    docs: {
      rationale:
        'IAM knows `Version`, `Id` and `Statement` at the top of a policy, and `Sid`, `Effect`, `Principal`, `NotPrincipal`, `Action`, `NotAction`, `Resource`, `NotResource` and `Condition` in a statement. Element names are case-sensitive. A misspelled element is not ignored: IAM and Organizations reject the whole document (`MalformedPolicyDocument`), and tools that read the policy without validating it silently skip the element, so a `"Conditions"` block restricts nothing.',
      bad: '{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Effect": "Allow",\n    "action": "bedrock:InvokeModel",\n    "Resources": "arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-pro-v1:0"\n  }]\n}',
      good: '{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Effect": "Allow",\n    "Action": "bedrock:InvokeModel",\n    "Resource": "arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-pro-v1:0"\n  }]\n}',
      fix: 'Renames the key to the element it most likely stands for: the case-insensitive match, else the closest element name by edit distance. No rename is offered when the object already has that element, or when an earlier key is renamed to it, because that would create a duplicate key.',
      references: [
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements.html',
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html',
      ],
    },
  },
  check(ctx) {
    const { policy } = ctx;
    for (const key of unknownKeys(policy.keys, 'policy')) {
      ctx.report(key.span, message(key, 'policy', policy.keys), { level: 'policy', name: key.name, offset: key.span.start });
    }
    for (const st of policy.statements) {
      for (const key of unknownKeys(st.keys, 'statement')) {
        ctx.report(key.span, message(key, 'statement', st.keys), { level: 'statement', statement: st.index, name: key.name, offset: key.span.start });
      }
    }
  },
  fixes(ctx, finding) {
    const data = finding.data as { level?: ElementLevel; statement?: number; name?: string; offset?: number } | undefined;
    if (!data?.level || data.name === undefined) return [];
    const keys = objectKeys(ctx.policy, data.level, data.statement);
    const key = keys?.find((k) => k.span.start === data.offset && k.name === data.name);
    if (!keys || !key) return [];
    const target = safeRename(keys, key, data.level);
    if (!target) return [];
    return [{ title: `Rename "${key.name}" to "${target}"`, edits: [ctx.editor.renameKey(key, target)], isPreferred: true }];
  },
});
