// Builds least-privilege identity policies for the common Amazon Bedrock workloads (invoke
// models, query knowledge bases, invoke agents, administer guardrails) from a few answers. Used
// by the "New least-privilege policy…" wizard and tested to lint clean with our own rules.
//
// Sources: Amazon Bedrock User Guide, "Identity-based policy examples"
// (https://docs.aws.amazon.com/bedrock/latest/userguide/security_iam_id-based-policy-examples.html),
// "Set up permissions to use guardrails" with bedrock:GuardrailIdentifier
// (https://docs.aws.amazon.com/bedrock/latest/userguide/guardrails-permissions-id.html), the
// cross-Region inference pages cited in ./models.ts, and the service authorization reference for
// Amazon Bedrock (which actions take which resource types; RetrieveAndGenerate is wildcard-only).
import { GUARDRAIL_KEY, guardrailCondition } from '../bedrock/guardrails';
import { defaultSettings } from '../settings';
import { invokeResources, modelIdProblem, modelRef } from './models';
import { mergeConditions, oneOrMany, statement, type ConditionBlock, type PolicyDocument, type PolicyStatement } from './policy-document';

/** What the policy is for (the wizard's first question). */
export type PolicyPurpose = 'invoke-models' | 'knowledge-base' | 'agents' | 'guardrails-admin';

/** The guardrail every model invocation must use. */
export interface GuardrailRequirement {
  /** The guardrail ARN, without a version. */
  arn: string;
  /** A numeric version or DRAFT; without it any version of the guardrail (DRAFT included) is accepted. */
  version?: string;
}

/** The answers the least-privilege builder works from. */
export interface LeastPrivilegeOptions {
  purpose: PolicyPurpose;
  /**
   * The 12-digit account that owns the inference profiles, knowledge bases, agents and guardrails;
   * needed unless every resource is a foundation model or a full ARN (see `needsAccount`).
   */
  account?: string;
  /** The Regions the application calls Bedrock in (source Regions). */
  regions: string[];
  /** Partition of the ARNs; `aws` unless given. */
  partition?: string;
  /** Model ids, inference profile ids or model ARNs (invoke-models; generation models of knowledge-base). */
  models?: string[];
  /** Also allow the streaming APIs (InvokeModelWithResponseStream, hence ConverseStream). */
  streaming?: boolean;
  /** Require this guardrail on every model invocation (invoke-models, knowledge-base). */
  guardrail?: GuardrailRequirement;
  /** Knowledge base ids or ARNs (knowledge-base). */
  knowledgeBases?: string[];
  /** Agent aliases as `AGENT_ID/ALIAS_ID` or agent-alias ARNs (agents). */
  agentAliases?: string[];
  /** The principal tag that gates guardrail administration (guardrails-admin). */
  adminTag?: { key: string; value: string };
}

/** A built policy and what the wizard should tell the user about it. */
export interface BuiltPolicy {
  policy: PolicyDocument;
  /** Models or Regions left out (a geographic profile called from outside its geography). */
  skipped: string[];
}

/** The invoke actions; InvokeModel also authorizes Converse, the streaming one ConverseStream. */
export const INVOKE_ACTIONS = ['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream'] as const;

/** The actions of a guardrail administrator (all take guardrail ARNs except CreateGuardrail and ListGuardrails). */
const GUARDRAIL_ADMIN_ACTIONS = ['bedrock:GetGuardrail', 'bedrock:UpdateGuardrail', 'bedrock:DeleteGuardrail', 'bedrock:CreateGuardrailVersion', 'bedrock:ApplyGuardrail'];

/** The default principal tag of guardrail administrators. */
export const DEFAULT_ADMIN_TAG = { key: 'bedrock-guardrail-admin', value: 'true' };

const ACCOUNT = /^\d{12}$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;
const RESOURCE_ID = /^[A-Za-z0-9]{1,64}$/;

/** Why `value` is not a 12-digit account id, or undefined. */
export function accountProblem(value: string): string | undefined {
  return ACCOUNT.test(value.trim()) ? undefined : 'An AWS account id has 12 digits.';
}

/** Why `value` is not a Region code, or undefined. */
export function regionProblem(value: string): string | undefined {
  return REGION.test(value.trim()) ? undefined : `"${value}" is not a Region code such as us-east-1.`;
}

/** Why `value` is not a guardrail ARN (without a version), or undefined. */
export function guardrailArnProblem(value: string): string | undefined {
  return /^arn:aws[a-z-]*:bedrock:[a-z0-9-]+:\d{12}:guardrail\/[a-z0-9]+$/.test(value.trim()) ? undefined : 'A guardrail ARN looks like arn:aws:bedrock:us-east-1:111122223333:guardrail/abc123xyz456.';
}

/** Why `value` is not a guardrail version to require (a number, DRAFT, or empty for any version), or undefined. */
export function guardrailVersionProblem(value: string): string | undefined {
  return /^([1-9]\d{0,7}|DRAFT)?$/.test(value.trim()) ? undefined : 'A numeric version such as 1, DRAFT, or empty for any version.';
}

/**
 * The condition that requires the guardrail (or, negated, denies every other one): `ARN:version`
 * for a numeric version, the ARN alone for DRAFT (requests that use the working draft carry the
 * ARN without a version), and the ARN and `ARN:*` for any version
 * (https://docs.aws.amazon.com/bedrock/latest/userguide/guardrails-permissions-id.html).
 */
export function guardrailRequirement(g: GuardrailRequirement, negate: boolean): ConditionBlock {
  const arn = g.arn.trim();
  const version = g.version?.trim();
  if (version === 'DRAFT') return { [negate ? 'StringNotEquals' : 'StringEquals']: { [GUARDRAIL_KEY]: arn } };
  const c = guardrailCondition({ ...defaultSettings(), guardrailArn: arn, guardrailVersion: version || undefined }, negate);
  return { [c.operator]: { [GUARDRAIL_KEY]: c.value } };
}

/** Why `value` is not a knowledge base id or ARN, or undefined. */
export function knowledgeBaseProblem(value: string): string | undefined {
  const v = value.trim();
  if (RESOURCE_ID.test(v) || /^arn:aws[a-z-]*:bedrock:[a-z0-9-]+:\d{12}:knowledge-base\/[A-Za-z0-9]+$/.test(v)) return undefined;
  return `"${value}" is not a knowledge base id (10 letters and digits) or knowledge-base ARN.`;
}

/** Why `value` is not `AGENT_ID/ALIAS_ID` or an agent-alias ARN, or undefined. */
export function agentAliasProblem(value: string): string | undefined {
  const v = value.trim();
  if (/^[A-Za-z0-9]+\/[A-Za-z0-9]+$/.test(v) || /^arn:aws[a-z-]*:bedrock:[a-z0-9-]+:\d{12}:agent-alias\/[A-Za-z0-9]+\/[A-Za-z0-9]+$/.test(v)) return undefined;
  return `"${value}" is not AGENT_ID/ALIAS_ID or an agent-alias ARN.`;
}

/** True when the policy names resources of the account: inference profiles, knowledge bases, agents or guardrails given by id. */
export function needsAccount(o: Pick<LeastPrivilegeOptions, 'purpose' | 'models' | 'knowledgeBases' | 'agentAliases'>): boolean {
  switch (o.purpose) {
    case 'invoke-models':
    case 'knowledge-base': {
      const ids = (list?: string[]) => (list ?? []).some((v) => !v.trim().startsWith('arn:'));
      const profiles = (o.models ?? []).some((m) => !modelIdProblem(m) && !m.trim().startsWith('arn:') && modelRef(m).kind === 'inference-profile');
      return profiles || (o.purpose === 'knowledge-base' && ids(o.knowledgeBases));
    }
    case 'agents':
      return (o.agentAliases ?? []).some((v) => !v.trim().startsWith('arn:'));
    case 'guardrails-admin':
      return true;
  }
}

/** Everything wrong with the options, as messages; empty when the builder can run. */
export function leastPrivilegeProblems(o: LeastPrivilegeOptions): string[] {
  const out: string[] = [];
  const add = (p: string | undefined) => p && out.push(p);
  if (o.account !== undefined || needsAccount(o)) add(accountProblem(o.account ?? ''));
  if (o.regions.length === 0) out.push('Choose at least one Region.');
  for (const r of o.regions) add(regionProblem(r));
  const models = o.models ?? [];
  if (o.purpose === 'invoke-models' && models.length === 0) out.push('Name at least one model.');
  if (o.purpose === 'invoke-models' || o.purpose === 'knowledge-base') for (const m of models) add(modelIdProblem(m));
  if (o.purpose === 'knowledge-base') {
    if (!o.knowledgeBases?.length) out.push('Name at least one knowledge base.');
    for (const kb of o.knowledgeBases ?? []) add(knowledgeBaseProblem(kb));
  }
  if (o.purpose === 'agents') {
    if (!o.agentAliases?.length) out.push('Name at least one agent alias.');
    for (const a of o.agentAliases ?? []) add(agentAliasProblem(a));
  }
  if (o.guardrail) {
    add(guardrailArnProblem(o.guardrail.arn));
    add(guardrailVersionProblem(o.guardrail.version ?? ''));
  }
  return out;
}

/**
 * Builds the policy. Throws when `leastPrivilegeProblems` reports anything (the wizard validates
 * every answer before it gets here).
 */
export function buildLeastPrivilegePolicy(o: LeastPrivilegeOptions): BuiltPolicy {
  const problems = leastPrivilegeProblems(o);
  if (problems.length > 0) throw new Error(problems.join(' '));
  const partition = o.partition ?? 'aws';
  const account = (o.account ?? '').trim();
  const regions = [...new Set(o.regions.map((r) => r.trim()))];
  const statements: PolicyStatement[] = [];
  let skipped: string[] = [];
  const base = `arn:${partition}:bedrock`;
  switch (o.purpose) {
    case 'invoke-models': {
      skipped = invokeStatements(statements, o, regions, account, partition, 'InvokeModels');
      break;
    }
    case 'knowledge-base': {
      const kbArns = (o.knowledgeBases ?? []).flatMap((kb) => (kb.startsWith('arn:') ? [kb.trim()] : regions.map((r) => `${base}:${r}:${account}:knowledge-base/${kb.trim()}`)));
      statements.push(statement({ Sid: 'RetrieveFromKnowledgeBases', Effect: 'Allow', Action: 'bedrock:Retrieve', Resource: oneOrMany(kbArns) }));
      // RetrieveAndGenerate takes no resource type: it is granted on "*" or not at all.
      statements.push(statement({ Sid: 'RetrieveAndGenerate', Effect: 'Allow', Action: 'bedrock:RetrieveAndGenerate', Resource: '*' }));
      if (o.models?.length) skipped = invokeStatements(statements, o, regions, account, partition, 'InvokeGenerationModels');
      break;
    }
    case 'agents': {
      const aliasArns = (o.agentAliases ?? []).flatMap((a) => (a.startsWith('arn:') ? [a.trim()] : regions.map((r) => `${base}:${r}:${account}:agent-alias/${a.trim()}`)));
      statements.push(statement({ Sid: 'InvokeAgents', Effect: 'Allow', Action: 'bedrock:InvokeAgent', Resource: oneOrMany(aliasArns) }));
      break;
    }
    case 'guardrails-admin': {
      const tag = o.adminTag ?? DEFAULT_ADMIN_TAG;
      const gate: ConditionBlock = { StringEquals: { [`aws:PrincipalTag/${tag.key}`]: tag.value } };
      const gateWithRegions: ConditionBlock = { StringEquals: { [`aws:PrincipalTag/${tag.key}`]: tag.value, 'aws:RequestedRegion': oneOrMany(regions) } };
      statements.push(statement({ Sid: 'CreateAndListGuardrails', Effect: 'Allow', Action: ['bedrock:CreateGuardrail', 'bedrock:ListGuardrails'], Resource: '*', Condition: gateWithRegions }));
      statements.push(
        statement({ Sid: 'ManageGuardrails', Effect: 'Allow', Action: GUARDRAIL_ADMIN_ACTIONS, Resource: oneOrMany(regions.map((r) => `${base}:${r}:${account}:guardrail/*`)), Condition: gate }),
      );
      break;
    }
  }
  return { policy: { Version: '2012-10-17', Statement: statements }, skipped };
}

/**
 * The statements that let `actions` invoke `models` from `regions`: the models and profiles
 * (Sid `sid`, with `condition`), and the foundation models that the profiles route to, only
 * through those profiles (Sid `<sid>ThroughInferenceProfiles`). Also returns what was skipped.
 */
export function modelStatements(models: readonly string[], actions: readonly string[], regions: readonly string[], account: string, partition: string, sid: string, condition?: ConditionBlock): { statements: PolicyStatement[]; skipped: string[] } {
  const r = invokeResources(models, regions, account, partition);
  const statements: PolicyStatement[] = [];
  const granted = [...r.direct, ...r.profiles];
  if (granted.length > 0) statements.push(statement({ Sid: sid, Effect: 'Allow', Action: oneOrMany(actions), Resource: oneOrMany(granted), Condition: condition }));
  const routed = r.routed.filter((arn) => !r.direct.includes(arn));
  if (routed.length > 0) {
    statements.push(
      statement({
        Sid: `${sid}ThroughInferenceProfiles`,
        Effect: 'Allow',
        Action: oneOrMany(actions),
        Resource: oneOrMany(routed),
        Condition: mergeConditions({ StringEquals: { 'bedrock:InferenceProfileArn': oneOrMany(r.profiles) } }, condition),
      }),
    );
  }
  return { statements, skipped: r.skipped };
}

/**
 * Appends the statements that invoke `o.models` (see `modelStatements`) with the guardrail
 * condition and, with a guardrail, AWS's matching Deny and the ApplyGuardrail grant. Returns what
 * was skipped.
 */
function invokeStatements(out: PolicyStatement[], o: LeastPrivilegeOptions, regions: string[], account: string, partition: string, sid: string): string[] {
  const actions = o.streaming ? [...INVOKE_ACTIONS] : [INVOKE_ACTIONS[0]];
  const { statements, skipped } = modelStatements(o.models ?? [], actions, regions, account, partition, sid, o.guardrail && guardrailRequirement(o.guardrail, false));
  out.push(...statements);
  if (o.guardrail) {
    out.push(statement({ Sid: 'DenyInvokeWithoutGuardrail', Effect: 'Deny', Action: [...INVOKE_ACTIONS], Resource: '*', Condition: guardrailRequirement(o.guardrail, true) }));
    out.push(statement({ Sid: 'ApplyGuardrail', Effect: 'Allow', Action: 'bedrock:ApplyGuardrail', Resource: o.guardrail.arn.trim() }));
  }
  return skipped;
}
