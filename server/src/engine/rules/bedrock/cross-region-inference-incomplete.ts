// bedrock/cross-region-inference-incomplete: a statement allows invoking a cross-Region inference
// profile, but the policy does not allow the profile's foundation model in every Region the
// profile routes to (or, for a global profile, the Region-less foundation-model ARN).
import { appendToList } from '../../bedrock/edits';
import { allowsAction, fullName, listText, resourceCovers } from '../../bedrock/grants';
import { foundationModelArn, inferenceProfileRef, requiredModelRegions, type InferenceProfileRef } from '../../bedrock/inference-profiles';
import { globMatcher } from '../../iam/patterns';
import { isAllow } from '../../policy/analysis';
import type { ActionInfo } from '../../iam/data';
import type { Statement } from '../../policy/model';
import type { Fix } from '../../types';
import { defineRule } from '../rule';
import { guardrailActions } from './guardrail-not-enforced';

/** Regions in messages: `''` is the Region-less ARN of global profiles. */
function regionName(r: string): string {
  return r === '' ? 'the Region-less ARN' : r;
}


/** The resources some statements cover, indexed: exact ARNs in a set, patterns in a list. */
interface Coverage {
  exact: Set<string>;
  patterns: string[];
  notResource: Statement[];
}

function coverageOf(statements: readonly Statement[]): Coverage {
  const exact = new Set<string>();
  const patterns = new Set<string>();
  const notResource: Statement[] = [];
  for (const st of statements) {
    if (st.notResource) notResource.push(st);
    for (const e of st.resource?.entries ?? []) (/[*?$]/.test(e.value) ? patterns : exact).add(e.value);
  }
  return { exact, patterns: [...patterns], notResource };
}

/** True when the indexed resources cover the ARN `arn` (as `Resource` entries match: case-sensitive globs). */
function covers(c: Coverage, arn: string): boolean {
  return c.exact.has(arn) || c.patterns.some((p) => globMatcher(p, false).test(arn)) || c.notResource.some((st) => resourceCovers(st, arn));
}

/** The message for a profile whose model is missing in `missing`. */
function message(ref: InferenceProfileRef, missing: readonly string[], covered: (region: string) => boolean): string {
  const model = `foundation-model/${ref.modelId}`;
  if (ref.global) {
    const parts = missing.map((r) => (r === '' ? `the Region-less ARN ${foundationModelArn(ref.partition, '', ref.modelId)}` : `${model} in the source Region ${r}`));
    return `Global inference profile "${ref.profileId}" can route requests to any commercial Region, which needs ${listText(parts)}; the policy does not allow ${missing.length > 1 ? 'them' : 'it'}, so these invocations are denied.`;
  }
  const g = ref.geography!;
  const also = g.alsoRegions.filter((r) => !covered(r));
  const alsoText = also.length ? ` Some ${g.name} profiles also route to ${listText(also)}: GetInferenceProfile lists the exact Regions of this one.` : '';
  const source = ref.sourceRegion && !g.regions.includes(ref.sourceRegion) ? ` and is called from ${ref.sourceRegion}` : '';
  return `${g.name} inference profile "${ref.profileId}" can route requests to ${listText(g.regions)}${source}, but the policy does not allow ${model} in ${listText(missing.map(regionName))}, so requests routed there are denied.${alsoText}`;
}

export default defineRule({
  meta: {
    id: 'bedrock/cross-region-inference-incomplete',
    severity: 'warning',
    description: 'A cross-Region inference profile is allowed, but its foundation model is not allowed in every Region the profile routes to (or, for global profiles, the Region-less ARN).',
    fixable: true,
    kinds: ['identity'],
    docs: {
      rationale: [
        'A cross-Region (system-defined) inference profile such as `us.anthropic.claude-sonnet-4-5-20250929-v1:0` sends each request to one of several destination Regions, and IAM authorizes the request again in the Region where it runs. Invoking a geographic profile (`us.`, `eu.`, `apac.`, `jp.`, `au.`, `us-gov.`) therefore needs the inference-profile ARN, the foundation model in the source Region and the foundation model in every destination Region; a global profile (`global.`) needs the foundation model in the source Region and the Region-less ARN `arn:aws:bedrock:::foundation-model/<model>`. A policy that pins the foundation model to fewer Regions works most of the time and fails with AccessDenied whenever Bedrock routes elsewhere.',
        '',
        "The rule reports each inference-profile ARN of an `Allow` of `bedrock:InvokeModel` or `bedrock:InvokeModelWithResponseStream` whose model is not allowed, by any `Allow` statement of the policy for the same action, in the source Region (the profile ARN's Region) and in the geography's destination Regions. A `*` Region in the foundation-model ARN satisfies every Region. Routing differs per model and per source Region, so the table of destinations is conservative (checked against AWS documentation on 2026-11-30, in `server/src/engine/bedrock/inference-profiles.ts`): it asks for the Regions a geography's profiles route to from their usual source Regions and only mentions Regions that some newer models add; `aws bedrock get-inference-profile` lists the exact Regions of a profile. Application inference profiles and profile ARNs with wildcards in the id prefix are not checked. Conditions (for example on `aws:RequestedRegion`) are not evaluated.",
      ].join('\n'),
      bad: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": "bedrock:InvokeModel",\n      "Resource": [\n        "arn:aws:bedrock:us-east-1:111122223333:inference-profile/us.anthropic.claude-sonnet-4-5-20250929-v1:0",\n        "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-sonnet-4-5-20250929-v1:0"\n      ]\n    }\n  ]\n}',
      good: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": "bedrock:InvokeModel",\n      "Resource": [\n        "arn:aws:bedrock:us-east-1:111122223333:inference-profile/us.anthropic.claude-sonnet-4-5-20250929-v1:0",\n        "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-sonnet-4-5-20250929-v1:0",\n        "arn:aws:bedrock:us-east-2::foundation-model/anthropic.claude-sonnet-4-5-20250929-v1:0",\n        "arn:aws:bedrock:us-west-2::foundation-model/anthropic.claude-sonnet-4-5-20250929-v1:0"\n      ]\n    }\n  ]\n}',
      fix: '**Add the missing foundation-model ARNs** (preferred) appends the model\'s ARN in each missing Region (for a global profile, the Region-less ARN) to the statement\'s `Resource`. **Allow the model in every Region** appends `arn:aws:bedrock:*::foundation-model/<model>` instead, which also covers Regions that only some models route to. To keep such a grant usable only through inference profiles, add a condition on `bedrock:InferenceProfileArn` in a separate statement, as in the AWS examples.',
      references: [
        'https://docs.aws.amazon.com/bedrock/latest/userguide/geographic-cross-region-inference.html',
        'https://docs.aws.amazon.com/bedrock/latest/userguide/global-cross-region-inference.html',
        'https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-support.html',
        'https://docs.aws.amazon.com/bedrock/latest/userguide/cross-region-inference.html',
        'https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-prereq.html',
      ],
    },
  },
  check(ctx) {
    const { policy, iam } = ctx;
    const invoke = guardrailActions(iam);
    // The statements that grant each invoke action and what their resources cover, computed once.
    const granting = new Map<ActionInfo, Statement[]>(invoke.map((a) => [a, policy.statements.filter((s) => allowsAction(iam, s, a))]));
    const coverage = new Map<ActionInfo, Coverage>([...granting].map(([a, sts]) => [a, coverageOf(sts)]));
    for (const st of policy.statements) {
      if (!isAllow(st) || !st.resource) continue;
      const actions = invoke.filter((a) => granting.get(a)!.includes(st));
      if (actions.length === 0) continue;
      st.resource.entries.forEach((entry, entryIndex) => {
        const ref = inferenceProfileRef(entry.value);
        if (!ref) return;
        const covered = (region: string) => {
          const arn = foundationModelArn(ref.partition, region, ref.modelId);
          return actions.every((a) => covers(coverage.get(a)!, arn));
        };
        const missing = requiredModelRegions(ref).filter((r) => !covered(r));
        if (missing.length === 0) return;
        ctx.report(entry.span, message(ref, missing, covered), {
          statement: st.index,
          entry: entryIndex,
          profile: entry.value,
          arns: missing.map((r) => foundationModelArn(ref.partition, r, ref.modelId)),
          allRegions: foundationModelArn(ref.partition, '*', ref.modelId),
          actions: actions.map(fullName),
        });
      });
    }
  },
  fixes(ctx, finding) {
    const d = finding.data ?? {};
    const st = typeof d.statement === 'number' ? ctx.policy.statements[d.statement] : undefined;
    const entry = typeof d.entry === 'number' ? st?.resource?.entries[d.entry] : undefined;
    if (!st?.resource || !entry || entry.value !== d.profile) return [];
    const arns = Array.isArray(d.arns) ? d.arns.filter((a): a is string => typeof a === 'string' && a.includes(':foundation-model/')) : [];
    const out: Fix[] = [];
    const add = appendToList(ctx.editor, st.resource, arns);
    if (add) out.push({ title: `Add the foundation model in ${listText(arns.map((a) => regionName(a.split(':')[3])))}`, edits: [add], isPreferred: true });
    if (typeof d.allRegions === 'string' && d.allRegions.includes(':foundation-model/')) {
      const all = appendToList(ctx.editor, st.resource, [d.allRegions]);
      if (all) out.push({ title: `Allow the model in every Region (${d.allRegions})`, edits: [all] });
    }
    return out;
  },
});
