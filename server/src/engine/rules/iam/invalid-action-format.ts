// iam/invalid-action-format: an Action/NotAction entry that is not "*" and not written
// "service:Action" (no prefix, an empty name, spaces, an ARN…). It matches no action at all.
// iam/unknown-service and iam/unknown-action take over once the entry has the right shape.
import type { FindingData, Fix } from '../../types';
import type { Policy } from '../../policy/model';
import type { IamData } from '../../iam/data';
import { actionFlag, actionFlagsOf } from '../../policy/facts';
import { defineRule } from '../rule';
import { entriesOf, replaceEntry, resolveEntry, type EntryRef } from './entries';
import { readActionEntry } from './reference-gaps';

/** Services whose actions a prefix-less entry is compared with: those the policy already names, and Bedrock. */
function servicesInPolicy(policy: Policy): string[] {
  const out = new Set<string>();
  for (const st of policy.statements) {
    for (const { action } of entriesOf(st, ['Action', 'NotAction'])) {
      const a = action!;
      if (a.kind === 'action') out.add(a.service);
    }
  }
  out.add('bedrock');
  return [...out];
}

/** `service:Name` candidates for a name written without a prefix, spelled as the data spells them. */
function prefixCandidates(iam: IamData, policy: Policy, name: string): string[] {
  if (!/^[A-Za-z0-9*?-]+$/.test(name)) return [];
  const out: string[] = [];
  for (const s of servicesInPolicy(policy)) {
    if (/[*?]/.test(name)) {
      if (iam.matchActions(s, name).length > 0) out.push(`${s}:${name}`);
    } else {
      const a = iam.action(s, name);
      if (a) out.push(`${s}:${a.name}`);
    }
  }
  return out;
}

/** The entry with spaces removed and doubled colons collapsed, when that is a well-formed action. */
function tidied(value: string): string | undefined {
  const t = value.replace(/\s+/g, '').replace(/:{2,}/g, ':');
  return t !== value && readActionEntry(t).kind === 'action' ? t : undefined;
}

/** Entries that do not have the shape of an action (the ones `check` reports). */
const MALFORMED = actionFlag((_, t) => t.read.kind === 'malformed');

export default defineRule({
  meta: {
    id: 'iam/invalid-action-format',
    severity: 'error',
    description: 'An Action or NotAction entry is not "*" and not written "service:Action" (missing prefix, empty name, spaces, an ARN).',
    fixable: true,
    docs: {
      rationale: [
        'IAM names every action `<service-prefix>:<ActionName>` (`bedrock:InvokeModel`); the only entry without a prefix is `"*"`. An entry such as `"InvokeModel"`, `"bedrock:"`, `"bedrock: InvokeModel"` or an ARN matches no action at all: in an Allow the principal silently does not get the permission, and in a Deny (or an SCP guardrail) nothing is denied. IAM does not trim spaces.',
        'This rule reports the shape of the entry; once it reads `service:Action`, `iam/unknown-service` and `iam/unknown-action` check that the service and the action exist. Entries with a wildcard in the service part (`*:Get*`) are left alone.',
      ].join('\n\n'),
      bad: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    { "Effect": "Allow", "Action": ["bedrock:ListFoundationModels", "InvokeModel"], "Resource": "*" }\n  ]\n}',
      good: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    { "Effect": "Allow", "Action": ["bedrock:ListFoundationModels", "bedrock:InvokeModel"], "Resource": "*" }\n  ]\n}',
      fix: 'For a name without a prefix, adds the prefix of a service the policy already uses (or `bedrock`) that has an action of that name — the preferred fix when exactly one service fits. For spaces or doubled colons, removes them.',
      references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html', 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html'],
    },
  },
  check(ctx) {
    for (const st of ctx.policy.statements) {
      const flags = actionFlagsOf(ctx.iam, st);
      if (!((flags.action | flags.notAction) & MALFORMED.bit)) continue;
      for (const le of entriesOf(st, ['Action', 'NotAction'])) {
        const { entry, action } = le;
        const v = entry.value;
        if (action!.kind !== 'malformed') continue;
        const data: FindingData = { ref: le.ref };
        const shown = JSON.stringify(v);
        if (v.trim() === '') {
          ctx.report(entry.span, 'An empty action matches nothing: write "service:Action", e.g. "bedrock:InvokeModel".', data);
        } else if (v.startsWith('arn:')) {
          ctx.report(entry.span, `${shown} is an ARN, not an action: ARNs belong in "Resource"; actions are written "service:Action".`, data);
        } else if (tidied(v)) {
          ctx.report(entry.span, `${shown} is not a valid action (IAM does not ignore spaces or extra colons): did you mean ${JSON.stringify(tidied(v))}?`, data);
        } else if (!v.includes(':')) {
          const candidates = prefixCandidates(ctx.iam, ctx.policy, v.trim());
          const hint = candidates.length > 0 ? `did you mean ${candidates.map((c) => JSON.stringify(c)).join(' or ')}?` : 'IAM actions are written "service:Action", e.g. "bedrock:InvokeModel".';
          ctx.report(entry.span, `${shown} has no service prefix, so it matches no action: ${hint}`, data);
        } else if (v.endsWith(':')) {
          ctx.report(entry.span, `${shown} has no action name after the service prefix: write "${v}ActionName", or "${v}*" for every action of the service.`, data);
        } else {
          ctx.report(entry.span, `${shown} is not a valid action: after "service:" an action name has only letters, digits and the wildcards * and ?.`, data);
        }
      }
    }
  },
  fixes(ctx, finding) {
    const found = resolveEntry(ctx.policy, (finding.data as { ref?: EntryRef } | undefined)?.ref);
    if (!found) return [];
    const v = found.entry.value;
    const fixes: Fix[] = [];
    const t = tidied(v);
    if (t) fixes.push({ title: `Change to ${JSON.stringify(t)}`, edits: [replaceEntry(ctx.editor, found.entry, t)], isPreferred: true });
    else if (!v.includes(':')) {
      const candidates = prefixCandidates(ctx.iam, ctx.policy, v.trim());
      for (const c of candidates) fixes.push({ title: `Change to ${JSON.stringify(c)}`, edits: [replaceEntry(ctx.editor, found.entry, c)], isPreferred: candidates.length === 1 });
    }
    return fixes;
  },
});
