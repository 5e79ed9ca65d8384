// scp/region-deny-breaks-cross-region-inference: a Deny on aws:RequestedRegion (the usual
// "allowed Regions" SCP) that also applies to Bedrock model invocation and does not exempt
// inference-profile requests. Cross-Region inference routes a request from the source Region to
// a destination Region of the profile, and the SCP is evaluated there too, with
// aws:RequestedRegion set to the destination Region, so the Deny breaks cross-Region inference.
import { arnMatchesResourceType } from '../../iam/arn';
import type { IamData } from '../../iam/data';
import { globMatcher } from '../../iam/patterns';
import { coverageProbe, coversAction, isDeny, splitOperator } from '../../policy/analysis';
import type { ConditionKeyNode, ConditionOperatorNode, Statement } from '../../policy/model';
import { defineRule } from '../rule';

/** The actions cross-Region inference is used with (Converse and ConverseStream are authorized by them). */
const INFERENCE_ACTIONS = ['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream'] as const;
for (const a of INFERENCE_ACTIONS) coverageProbe(a);

/** Operators that make a Deny apply outside a list of Regions (with any set prefix or IfExists). */
const REGION_ALLOW_LIST_OPERATORS = new Set(['StringNotEquals', 'StringNotLike', 'StringNotEqualsIgnoreCase']);

/** Operators on bedrock:InferenceProfileArn that take inference-profile requests out of a Deny. */
const EXEMPTING_OPERATORS = new Set(['ArnNotLike', 'ArnNotEquals', 'StringNotLike', 'StringNotEquals', 'StringNotEqualsIgnoreCase']);

const PROFILE_KEY = 'bedrock:InferenceProfileArn';

/** A foundation-model ARN in a destination Region, as the request is authorized there. */
const DESTINATION_MODEL_ARN = 'arn:aws:bedrock:us-east-2::foundation-model/anthropic.claude-sonnet-4-5-20250929-v1:0';

/** The `aws:RequestedRegion` key of a negated string operator, i.e. a Deny outside a Region list. */
function regionAllowList(st: Statement): { op: ConditionOperatorNode; key: ConditionKeyNode } | undefined {
  for (const op of st.condition?.operators ?? []) {
    if (!REGION_ALLOW_LIST_OPERATORS.has(splitOperator(op.key.name).base)) continue;
    const key = op.keys.find((k) => k.key.name.toLowerCase() === 'aws:requestedregion');
    if (key) return { op, key };
  }
  return undefined;
}

/** True when a condition takes requests made through an inference profile out of the Deny. */
function exemptsProfilesByCondition(st: Statement): boolean {
  return !!st.condition?.operators.some((op) => {
    const base = splitOperator(op.key.name).base;
    return op.keys.some((k) => {
      if (k.key.name.toLowerCase() !== PROFILE_KEY.toLowerCase()) return false;
      if (EXEMPTING_OPERATORS.has(base)) return true;
      // "Null": {"bedrock:InferenceProfileArn": "true"}: deny only requests without a profile.
      return base === 'Null' && k.values.length > 0 && k.values.every((v) => v.value === 'true');
    });
  });
}

/** True when the statement's Resource/NotResource lets it apply to model invocation in another Region. */
function appliesToModelInvocation(iam: IamData, st: Statement): boolean {
  if (st.notResource) return !st.notResource.entries.some((e) => globMatcher(e.value, false).test(DESTINATION_MODEL_ARN));
  if (!st.resource) return true;
  const fm = iam.resourceType('bedrock', 'foundation-model');
  return st.resource.entries.some((e) => e.value === '*' || (fm !== undefined && arnMatchesResourceType(e.value, fm)));
}

/**
 * The ARN patterns of the exemption: the inference profiles and application inference profiles
 * of the Regions the statement allows, so that requests whose source Region is outside the list
 * stay denied. Falls back to every Region when the list has no usable value.
 */
function exemptionArns(regions: readonly string[]): string[] {
  const usable = regions.map((r) => r.toLowerCase()).filter((r) => /^[a-z0-9*?-]+$/.test(r));
  const list = usable.length > 0 ? usable : ['*'];
  return list.flatMap((r) => [`arn:aws:bedrock:${r}:*:inference-profile/*`, `arn:aws:bedrock:${r}:*:application-inference-profile/*`]);
}

export default defineRule({
  meta: {
    id: 'scp/region-deny-breaks-cross-region-inference',
    severity: 'warning',
    description: 'An SCP that denies requests outside a list of Regions also denies Bedrock cross-Region inference, because it does not exempt inference-profile requests.',
    fixable: true,
    kinds: ['scp'],
    docs: {
      rationale: [
        'The common "allowed Regions" SCP denies every request whose `aws:RequestedRegion` is not in a list. Amazon Bedrock cross-Region inference (inference profiles such as `us.anthropic.claude-…`, `eu.…`, `global.…`) accepts the request in the source Region and routes it to one of the profile\'s destination Regions. The request is authorized in the destination Region as well, and there `aws:RequestedRegion` is the destination Region, so the SCP denies it: callers get `AccessDeniedException … with an explicit deny in a service control policy` for a Region they never asked for, intermittently, depending on where Bedrock routed the request.',
        '',
        'The rule reports a `Deny` statement of an SCP when all of these hold: a `StringNotEquals`, `StringNotLike` or `StringNotEqualsIgnoreCase` condition (with or without `ForAnyValue:`/`ForAllValues:` or `IfExists`) tests `aws:RequestedRegion`; its `Action` covers `bedrock:InvokeModel` or `bedrock:InvokeModelWithResponseStream` (`bedrock:*`, `bedrock:Invoke*`, `*`, or a `NotAction` that does not list them); its `Resource` can name a foundation model; and it does not exempt inference-profile requests with a negated condition (`ArnNotLike`, `ArnNotEquals`, `StringNotLike`, `StringNotEquals`) or `"Null": "true"` on `bedrock:InferenceProfileArn`. A deny list (`StringEquals` with the Regions to block) is not reported: blocking those Regions for inference too may well be the intent.',
        '',
        'The exemption works because the condition operators of a statement are ANDed: the `Deny` applies only when the Region is outside the list **and** the request did not come through one of the exempted inference profiles. A request that names a profile therefore passes the SCP in its destination Regions. The quick fix lists the profiles of the Regions the statement allows (`arn:aws:bedrock:us-east-1:*:inference-profile/*`), not of every Region: the profile ARN carries the source Region, so a call made from a Region outside the list through that Region\'s profile is still denied, and the source Region stays restricted. An exemption written with `*` as the Region, as in AWS\'s knowledge-center example, also lets callers use inference profiles from any source Region.',
        '',
        'Where data residency matters, also restrict which profiles may be used (for example deny `global.` profiles, whose destinations include every commercial Region).',
      ].join('\n'),
      bad: '{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Sid": "DenyOutsideAllowedRegions",\n    "Effect": "Deny",\n    "NotAction": ["iam:*", "organizations:*", "sts:*", "support:*"],\n    "Resource": "*",\n    "Condition": {\n      "StringNotEquals": { "aws:RequestedRegion": ["us-east-1", "us-west-2"] }\n    }\n  }]\n}',
      good: '{\n  "Version": "2012-10-17",\n  "Statement": [{\n    "Sid": "DenyOutsideAllowedRegions",\n    "Effect": "Deny",\n    "NotAction": ["iam:*", "organizations:*", "sts:*", "support:*"],\n    "Resource": "*",\n    "Condition": {\n      "StringNotEquals": { "aws:RequestedRegion": ["us-east-1", "us-west-2"] },\n      "ArnNotLike": {\n        "bedrock:InferenceProfileArn": [\n          "arn:aws:bedrock:us-east-1:*:inference-profile/*",\n          "arn:aws:bedrock:us-east-1:*:application-inference-profile/*",\n          "arn:aws:bedrock:us-west-2:*:inference-profile/*",\n          "arn:aws:bedrock:us-west-2:*:application-inference-profile/*"\n        ]\n      }\n    }\n  }]\n}',
      fix: 'Adds `"ArnNotLike": {"bedrock:InferenceProfileArn": [...]}` to the statement\'s `Condition`, with the inference-profile and application-inference-profile ARN patterns of each Region the `aws:RequestedRegion` condition allows (every Region, `*`, when it lists none). When the `Condition` already has an `ArnNotLike` operator, the key is added to it instead of creating a second `ArnNotLike`.',
      references: [
        'https://docs.aws.amazon.com/bedrock/latest/userguide/cross-region-inference.html',
        'https://repost.aws/knowledge-center/bedrock-access-denied-exception',
        'https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-prereq.html',
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-requestedregion',
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-logic-multiple-context-keys-or-values.html',
        'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_examples_general.html',
      ],
    },
  },
  check(ctx) {
    for (const st of ctx.policy.statements) {
      if (!isDeny(st)) continue;
      const region = regionAllowList(st);
      if (!region) continue;
      const covered = INFERENCE_ACTIONS.filter((a) => coversAction(st, a));
      if (covered.length === 0 || exemptsProfilesByCondition(st) || !appliesToModelInvocation(ctx.iam, st)) continue;
      ctx.report(
        region.key.key.span,
        `This Deny outside the listed Regions also blocks Bedrock cross-Region inference (${covered.join(', ')}): inference profiles route requests to other Regions, where this SCP denies them. Exempt inference-profile requests with an "ArnNotLike" condition on "${PROFILE_KEY}".`,
        { statement: st.index },
      );
    }
  },
  fixes(ctx, finding) {
    const index = (finding.data as { statement?: number } | undefined)?.statement;
    const st = index === undefined ? undefined : ctx.policy.statements[index];
    const cond = st?.condition;
    const region = st && regionAllowList(st);
    if (!st || !cond || cond.valueKind !== 'object' || !region) return [];
    const arns = exemptionArns(region.key.values.map((v) => v.value));
    const existing = cond.operators.find((op) => op.key.name === 'ArnNotLike');
    const title = `Exempt inference-profile requests ("ArnNotLike" on ${PROFILE_KEY})`;
    if (existing) {
      if (existing.valueKind !== 'object' || existing.keys.some((k) => k.key.name.toLowerCase() === PROFILE_KEY.toLowerCase())) return [];
      const edit = ctx.editor.insertProperty(existing.valueSpan, existing.keys.map((k) => k.key), PROFILE_KEY, arns);
      return [{ title, edits: [edit], isPreferred: true }];
    }
    const edit = ctx.editor.insertProperty(cond.valueSpan, cond.operators.map((op) => op.key), 'ArnNotLike', { [PROFILE_KEY]: arns });
    return [{ title, edits: [edit], isPreferred: true }];
  },
});
