// iam/deprecated-action: an Action/NotAction entry that names an action AWS renamed or removed, or
// a service AWS retired. It grants (or denies) nothing any more; a renamed action gets its new name.
import { globMatcher } from '../../iam/patterns';
import { actionFlag, actionFlagsOf } from '../../policy/facts';
import type { Fix } from '../../types';
import { defineRule } from '../rule';
import { entriesOf, removeEntry, replaceEntry, resolveEntry, type EntryRef } from './entries';
import { OBSOLETE_ACTIONS, RETIRED_SERVICES } from './reference-gaps';

type DeprecatedData = { ref: EntryRef; replacement?: string };

/** True when the entry names a retired service or an obsolete action (the checks of `check`, once per text). */
const DEPRECATED = actionFlag((_, t) => {
  const a = t.read;
  return a.kind === 'action' && (RETIRED_SERVICES.has(a.service) || OBSOLETE_ACTIONS.has(a.key));
});

export default defineRule({
  meta: {
    id: 'iam/deprecated-action',
    severity: 'warning',
    description: 'An Action or NotAction entry names an action AWS renamed or removed, or a service AWS retired: it grants or denies nothing any more.',
    fixable: true,
    docs: {
      rationale: [
        'When AWS renames an action, policies that name the old action stop working on the day of the rename: an Allow no longer grants the operation, and — worse for a guardrail — a Deny or an SCP no longer blocks it, because the operation is now authorized under the new name. AWS Security Agent renamed fourteen actions on 2026-03-09 (`securityagent:StartPentestExecution` became `securityagent:StartPentestJob`…); Amazon Q Apps folded `qapps:ImportDocumentToQApp` into `qapps:ImportDocument`.',
        'Actions of retired APIs (AWS CloudHSM Classic) and of retired services (AWS DeepRacer, DeepLens, DeepComposer, Elastic Inference, IoT 1-Click, the `zocalo` prefix of WorkDocs) grant nothing and only make a policy longer and harder to review. AWS managed policies written before these changes still name them, which is why they are reported here as warnings and not as `iam/unknown-action` or `iam/unknown-service` errors.',
        'The list is kept in the engine with its sources (AWS announcements and user guides); everything else that is missing from the Service Authorization Reference is reported by `iam/unknown-action`.',
      ].join('\n\n'),
      bad: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    { "Effect": "Deny", "Action": "securityagent:StartPentestExecution", "Resource": "*" }\n  ]\n}',
      good: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    { "Effect": "Deny", "Action": "securityagent:StartPentestJob", "Resource": "*" }\n  ]\n}',
      fix: 'Replaces a renamed action with its new name (or removes it when the list already has the new name); removes an entry of a removed action or a retired service when the list has other entries.',
      references: [
        'https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html',
        'https://docs.aws.amazon.com/amazonq/latest/qbusiness-ug/deploy-experience-iam-role.html',
        'https://docs.aws.amazon.com/iot-1-click/latest/developerguide/doc-history.html',
      ],
    },
  },
  check(ctx) {
    for (const st of ctx.policy.statements) {
      const flags = actionFlagsOf(ctx.iam, st);
      if (!((flags.action | flags.notAction) & DEPRECATED.bit)) continue;
      for (const le of entriesOf(st, ['Action', 'NotAction'])) {
        if (!(le.text!.flags(ctx.iam) & DEPRECATED.bit)) continue;
        const { entry, action } = le;
        const a = action!;
        if (a.kind !== 'action') continue;
        const shown = JSON.stringify(entry.value);
        const retired = RETIRED_SERVICES.get(a.service);
        if (retired) {
          ctx.report(entry.span, `${shown} names ${retired}, which AWS retired: the entry grants or denies nothing and can be removed.`, { ref: le.ref });
          continue;
        }
        const obsolete = OBSOLETE_ACTIONS.get(a.key);
        if (!obsolete) continue;
        if (obsolete.replacement) {
          const replacement = `${a.prefix}:${obsolete.replacement.slice(obsolete.replacement.indexOf(':') + 1)}`;
          const data: DeprecatedData = { ref: le.ref, replacement };
          ctx.report(
            entry.span,
            `${shown} ${obsolete.why}: the new name is ${JSON.stringify(replacement)}. The old name grants nothing, and a Deny of it no longer blocks the operation.`,
            data,
          );
        } else {
          ctx.report(entry.span, `${shown} ${obsolete.why}: the entry grants or denies nothing and can be removed.`, { ref: le.ref });
        }
      }
    }
  },
  fixes(ctx, finding) {
    const data = finding.data as Partial<DeprecatedData> | undefined;
    const found = resolveEntry(ctx.policy, data?.ref);
    if (!found) return [];
    const fixes: Fix[] = [];
    const target = data?.replacement;
    const covered = typeof target === 'string' && found.list.entries.some((e) => e !== found.entry && globMatcher(e.value, true).test(target));
    if (typeof target === 'string' && !covered) {
      fixes.push({ title: `Replace with ${JSON.stringify(target)}`, edits: [replaceEntry(ctx.editor, found.entry, target)], isPreferred: true });
    } else {
      const removal = removeEntry(found.list, found.entry);
      if (removal) fixes.push({ title: `Remove ${JSON.stringify(found.entry.value)}`, edits: [removal], isPreferred: true });
    }
    return fixes;
  },
});
