// Builds an AWS Organizations service control policy for Amazon Bedrock from a few answers: deny
// Bedrock outside the allowed Regions without breaking cross-Region inference, deny model calls
// without a guardrail, and deny changes to guardrails, invocation logging and the enforced
// guardrail except by administrator roles. Used by the "New service control policy…" wizard and
// tested to lint clean as an SCP with our own rules.
//
// Sources: AWS Organizations, "SCP examples" (Region restriction with aws:RequestedRegion)
// https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_examples_general.html;
// Amazon Bedrock User Guide, cross-Region inference and SCPs (requests are authorized again in
// the destination Region, so the Region deny must exempt inference-profile requests through
// bedrock:InferenceProfileArn)
// https://docs.aws.amazon.com/bedrock/latest/userguide/geographic-cross-region-inference.html;
// guardrail enforcement with bedrock:GuardrailIdentifier
// https://docs.aws.amazon.com/bedrock/latest/userguide/guardrails-permissions-id.html.
// The Region deny covers Bedrock only (`bedrock:*`), next to an organisation's general Region SCP.
// Only inference-profile requests are exempted: a guardrail with cross-Region inference (guardrail
// profiles) applies it in destination Regions, which a Region list without them still denies.
import { GUARDRAIL_KEY } from '../bedrock/guardrails';
import { CONTROL_ACTIONS } from '../rules/bedrock/control-tampering';
import { guardrailArnProblem, guardrailRequirement, guardrailVersionProblem, INVOKE_ACTIONS, regionProblem, type GuardrailRequirement } from './least-privilege';
import { oneOrMany, statement, type ConditionBlock, type PolicyDocument, type PolicyStatement } from './policy-document';

/** How the SCP enforces guardrails on model invocation. */
export type GuardrailEnforcement =
  /** Not at all. */
  | { mode: 'none' }
  /** Every InvokeModel/InvokeModelWithResponseStream call must name some guardrail (works across accounts). */
  | { mode: 'any' }
  /** Every call must use this guardrail (guardrails belong to one account and Region). */
  | ({ mode: 'specific' } & GuardrailRequirement);

/** The answers the SCP builder works from. */
export interface ScpOptions {
  /** Deny Bedrock requests outside these Regions; no Region restriction when empty. */
  allowedRegions: string[];
  guardrail: GuardrailEnforcement;
  /** Deny the actions that switch off guardrails, invocation logging and the enforced guardrail. */
  protectControls: boolean;
  /** Role ARN patterns still allowed to change those controls (e.g. `arn:aws:iam::*:role/BedrockSecurityAdmin`). */
  adminRoles?: string[];
  /** Partition of the ARNs; `aws` unless given. */
  partition?: string;
}

/** The default administrator role pattern the wizard proposes. */
export const DEFAULT_ADMIN_ROLE = 'arn:aws:iam::*:role/BedrockSecurityAdmin';

/** Why `value` is not an IAM role ARN (pattern), or undefined. */
export function adminRoleProblem(value: string): string | undefined {
  return /^arn:aws[a-z-]*:iam::(\d{12}|\*):role\/[\w+=,.@*/-]+$/.test(value.trim()) ? undefined : `"${value}" is not a role ARN such as ${DEFAULT_ADMIN_ROLE}.`;
}

/** Everything wrong with the options, as messages; empty when the builder can run. */
export function scpProblems(o: ScpOptions): string[] {
  const out: string[] = [];
  const add = (p: string | undefined) => p && out.push(p);
  for (const r of o.allowedRegions) add(regionProblem(r));
  if (o.guardrail.mode === 'specific') {
    add(guardrailArnProblem(o.guardrail.arn));
    add(guardrailVersionProblem(o.guardrail.version ?? ''));
  }
  for (const r of o.adminRoles ?? []) add(adminRoleProblem(r));
  if (o.allowedRegions.length === 0 && o.guardrail.mode === 'none' && !o.protectControls) out.push('Choose at least one protection.');
  return out;
}

/** The ARN patterns of the inference profiles a Region may call (system-defined and application ones). */
function profileExemptions(regions: readonly string[], partition: string): string[] {
  return regions.flatMap((r) => [`arn:${partition}:bedrock:${r}:*:inference-profile/*`, `arn:${partition}:bedrock:${r}:*:application-inference-profile/*`]);
}

/** Builds the SCP. Throws when `scpProblems` reports anything. */
export function buildScp(o: ScpOptions): PolicyDocument {
  const problems = scpProblems(o);
  if (problems.length > 0) throw new Error(problems.join(' '));
  const partition = o.partition ?? 'aws';
  const statements: PolicyStatement[] = [];
  const regions = [...new Set(o.allowedRegions.map((r) => r.trim()))];
  if (regions.length > 0) {
    // Requests routed by an inference profile of an allowed source Region are authorized again in
    // the destination Region; the ArnNotLike exemption keeps the Deny from blocking them there.
    statements.push(
      statement({
        Sid: 'DenyBedrockOutsideAllowedRegions',
        Effect: 'Deny',
        Action: 'bedrock:*',
        Resource: '*',
        Condition: {
          StringNotEquals: { 'aws:RequestedRegion': oneOrMany(regions) },
          ArnNotLike: { 'bedrock:InferenceProfileArn': profileExemptions(regions, partition) },
        },
      }),
    );
  }
  if (o.guardrail.mode !== 'none') {
    let condition: ConditionBlock;
    if (o.guardrail.mode === 'any') condition = { Null: { [GUARDRAIL_KEY]: 'true' } };
    else condition = guardrailRequirement(o.guardrail, true);
    statements.push(statement({ Sid: 'DenyInvokeWithoutGuardrail', Effect: 'Deny', Action: [...INVOKE_ACTIONS], Resource: '*', Condition: condition }));
  }
  if (o.protectControls) {
    const admins = [...new Set((o.adminRoles ?? []).map((r) => r.trim()))];
    statements.push(
      statement({
        Sid: 'DenyBedrockControlChanges',
        Effect: 'Deny',
        Action: [...CONTROL_ACTIONS],
        Resource: '*',
        Condition: admins.length > 0 ? { ArnNotLike: { 'aws:PrincipalArn': oneOrMany(admins) } } : undefined,
      }),
    );
  }
  return { Version: '2012-10-17', Statement: statements };
}
