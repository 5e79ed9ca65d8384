// sdk/region-not-allowed: an AWS SDK client created with a literal Region outside the Regions the
// organization allows: the allowedRegions setting, or the Regions the workspace's SCPs leave open.
import { replaceLiteral } from '../../code/edits';
import type { ClientConstruction } from '../../code/model';
import { propValue, type StringValue } from '../../code/values';
import { globMatcher } from '../../iam/patterns';
import type { EngineSettings } from '../../settings';
import type { Fix } from '../../types';
import { defineCodeRule } from '../rule';

/** The client's `region` when it is a known string. */
function regionOf(c: ClientConstruction): StringValue | undefined {
  const v = propValue(c.config, 'region');
  return v?.kind === 'string' && v.complete && v.value !== '' ? v : undefined;
}

/** Which list a Region falls outside of, if any (the setting first, then the SCPs). */
function violation(region: string, settings: EngineSettings): { source: string; allowed: readonly string[] } | undefined {
  const allowed = settings.allowedRegions;
  if (allowed.length > 0 && !allowed.some((r) => globMatcher(r, true).test(region))) return { source: 'the allowedRegions setting', allowed };
  const scp = settings.scpRegions;
  if (scp && !scp.some((r) => globMatcher(r, true).test(region))) return { source: "the workspace's SCPs", allowed: scp };
  return undefined;
}

/** Regions a fix can write: concrete ones allowed by both lists. */
function candidates(settings: EngineSettings): string[] {
  const base = settings.allowedRegions.length > 0 ? settings.allowedRegions : (settings.scpRegions ?? []);
  return base.filter((r) => /^[a-z]{2}(-[a-z]+)+-\d+$/.test(r) && !violation(r, settings));
}

export default defineCodeRule({
  meta: {
    id: 'sdk/region-not-allowed',
    target: 'code',
    severity: 'warning',
    description: 'An AWS SDK client is created with a literal Region outside the allowedRegions setting or the Regions the workspace\'s SCPs allow.',
    fixable: true,
    docs: {
      rationale: [
        'Data residency for generative AI is decided by the Region a request goes to: prompts, documents and responses are processed there. Organizations restrict Regions with a service control policy that denies requests outside a list (`aws:RequestedRegion`), and keep that list in the `allowedRegions` setting. A client created for another Region either fails at run time with `AccessDenied` (when an SCP denies it), or — without an SCP — sends the data where it must not go.',
        '',
        'The rule checks clients of every `@aws-sdk/client-*` package whose `region` is a string literal or constant. The allowed Regions are the `allowedRegions` setting (or `.bedrock-security.json`), and otherwise the Regions the workspace\'s SCP files leave open: a `Deny` of every action (or of `bedrock:*`) with `StringNotEquals`/`StringNotLike` on `aws:RequestedRegion`. Regions read from the environment or configuration are not checked. Cross-Region inference profiles route requests to other Regions of their geography by design; see scp/region-deny-breaks-cross-region-inference.',
      ].join('\n'),
      bad: "import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';\n\n// allowedRegions: [\"eu-central-1\", \"eu-west-1\"]\nconst client = new BedrockRuntimeClient({ region: 'us-east-1' });",
      good: "import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';\n\n// allowedRegions: [\"eu-central-1\", \"eu-west-1\"]\nconst client = new BedrockRuntimeClient({ region: 'eu-central-1' });",
      fix: 'Offers one fix per allowed Region (not preferred: which one is right depends on the data and the model), replacing the literal where it is written, also in a constant of the same file.',
      references: [
        'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_examples_general.html#example-scp-deny-region',
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-requestedregion',
        'https://docs.aws.amazon.com/sdk-for-javascript/v3/developer-guide/setting-region.html',
      ],
    },
  },
  check(ctx) {
    for (const c of ctx.code.clients) {
      const r = regionOf(c);
      const v = r && violation(r.value, ctx.settings);
      if (!r || !v) continue;
      ctx.report(r.span, `${c.className} is created for ${r.value}, which is outside the Regions allowed by ${v.source} (${v.allowed.join(', ')}).`, { client: c.index, region: r.value });
    }
  },
  fixes(ctx, finding) {
    const c = ctx.code.clients[Number(finding.data?.client)];
    const r = c && regionOf(c);
    if (!r || r.value !== finding.data?.region) return [];
    const fixes: Fix[] = [];
    for (const region of candidates(ctx.settings)) {
      const edit = replaceLiteral(ctx.editor, r, region);
      if (edit) fixes.push({ title: `Use ${region}`, edits: [edit] });
    }
    return fixes;
  },
});
