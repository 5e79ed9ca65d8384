// iam/wildcard-resource: an Allow with "Resource": "*" for actions that support resource-level
// permissions. The fix writes the ARNs of the actions' resource types from the IAM data and moves
// the wildcard-only actions (which accept nothing but "*") into a statement of their own.
import { actionUid, actionUidLimit, type ActionInfo, type IamData, type ResourceTypeInfo } from '../../iam/data';
import { arnSyntaxProblem, resourceTypesForArn } from '../../iam/arn';
import { globMatcher } from '../../iam/patterns';
import { splitAction } from '../../policy/analysis';
import { ActionText, statementFacts, textAnswer } from '../../policy/facts';
import type { Policy, ScalarNode, Statement } from '../../policy/model';
import type { EngineSettings } from '../../settings';
import type { Fix, TextEdit } from '../../types';
import { foundationModelArn, GEOGRAPHIES, GLOBAL_PREFIX } from '../../bedrock/inference-profiles';
import { defineRule, type FixContext } from '../rule';
import { compactFormat, conditionRestricts, isEveryAction, isOneLine, policyPartition, replaceValueIn, sidOf } from './statement-scope';

/**
 * Actions whose resource types in the Service Authorization Reference are alternatives, not a
 * set that is needed together: InvokeModel lists 12 (foundation-model, inference-profile,
 * provisioned-model, prompt-router, …), each marked required. The fix writes the ones almost
 * every caller needs — on-demand foundation models and the inference profiles that cross-Region
 * inference requires — and offers every type as a second fix.
 * https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonbedrock.html
 */
const PRIMARY_TYPES: Record<string, readonly string[]> = {
  'bedrock:invokemodel': ['foundation-model', 'inference-profile'],
  'bedrock:invokemodelwithresponsestream': ['foundation-model', 'inference-profile'],
};

/** More resource types than this make an ARN list that nobody would keep: no fix then. */
const MAX_TYPES = 16;

/** The account part the fix writes: the caller's own account (a policy variable). */
export const OWN_ACCOUNT = '${aws:PrincipalAccount}';

/**
 * Condition keys that scope the resources of a request without naming them (attribute-based
 * access control): `"Resource": "*"` with such a condition is AWS's documented ABAC pattern.
 */
function isResourceScopeKey(k: string): boolean {
  return k.startsWith('aws:resourcetag/') || k === 'aws:resourceaccount' || k === 'aws:resourceorgid' || k === 'aws:resourceorgpaths';
}

/** True for `service:*` (every action of one service; iam/wildcard-action reports it). */
function isServiceWildcard(value: string): boolean {
  const split = splitAction(value);
  return !!split && split.service !== '*' && /^\*+$/.test(split.name);
}

/**
 * True when the action can be limited to resources, so that `"Resource": "*"` is worth reporting.
 * Not for list and create actions whose resource types the Service Authorization Reference marks
 * all optional: `bedrock:ListGuardrails` lists every guardrail and `bedrock:CreateGuardrail` makes
 * a new one (its types are optional associations), so both work on `"*"` by design, as AWS's own
 * guardrail examples grant them. (An optional mark alone is no signal: `s3:GetObject` lists its
 * alternative types `object` and `accesspointobject`, neither marked required.)
 * https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html
 */
function hasRequiredResourceType(a: ActionInfo): boolean {
  if (a.resourceTypes.length === 0) return false;
  if (a.resourceTypes.some((r) => r.required)) return true;
  return !(a.accessLevel.includes('List') || a.name.startsWith('Create'));
}

/**
 * The actions with resource types that one Action entry names (none for `*` and `service:*`), and
 * their `actionUid`s (-1 for an object IamData did not make), once per text.
 */
const scopableOfEntry = textAnswer(ActionText, (iam, t): { actions: ActionInfo[]; uids: Int32Array } => {
  const split = isEveryAction(t.text) || isServiceWildcard(t.text) ? undefined : splitAction(t.text);
  const actions = split ? iam.matchActions(split.service, split.name).filter(hasRequiredResourceType) : [];
  return { actions, uids: Int32Array.from(actions, (a) => actionUid(a) ?? -1) };
});

/** How many distinct actions with resource types a statement names, and the first three, in order. */
interface Scopable {
  count: number;
  first: ActionInfo[];
}

/** Marks of the actions counted by the current `scopableActions` call (by `actionUid`). */
let marks = new Uint32Array(0);
let mark = 0;

/**
 * The resolved actions with resource types that the statement's Action entries name. Statements
 * such as ReadOnlyAccess's name thousands: they are counted with marks in a typed array, not a set.
 */
function scopableActions(iam: IamData, st: Statement): Scopable {
  const out: Scopable = { count: 0, first: [] };
  let seen: Set<ActionInfo> | undefined;
  if (marks.length < actionUidLimit()) marks = new Uint32Array(actionUidLimit() + 1024);
  if (++mark === 0xffffffff) {
    marks.fill(0);
    mark = 1;
  }
  for (const t of statementFacts(st).action) {
    const { actions, uids } = scopableOfEntry(iam, t);
    for (let i = 0; i < uids.length; i++) {
      const uid = uids[i];
      if (uid >= 0 && uid < marks.length) {
        if (marks[uid] === mark) continue;
        marks[uid] = mark;
      } else {
        seen ??= new Set();
        if (seen.has(actions[i])) continue;
        seen.add(actions[i]);
      }
      out.count++;
      if (out.first.length < 3) out.first.push(actions[i]);
    }
  }
  return out;
}

function describeActions(actions: Scopable): string {
  const names = actions.first.map((a) => `${a.service}:${a.name}`);
  if (actions.count === 1) return `applies ${names[0]} to every resource, but that action supports resource-level permissions`;
  const shown = names.join(', ') + (actions.count > 3 ? `, and ${actions.count - 3} more` : '');
  return `applies ${actions.count} actions that support resource-level permissions (${shown}) to every resource`;
}

/** The statement a finding points at, if it still has the shape the finding was made for. */
function findingStatement(policy: Policy, index: unknown): Statement | undefined {
  const st = policy.statements[Number(index)];
  if (!st || st.effect?.value?.value !== 'Allow' || !st.action || !st.resource) return undefined;
  return st.resource.entries.some((e) => e.value === '*') ? st : undefined;
}

interface Plan {
  /** Action entries that stay in the statement. */
  keep: ScalarNode[];
  /** Action entries that only work with "*" and move to a statement of their own. */
  star: ScalarNode[];
  /** Resource types whose ARNs replace "*", in order. */
  types: ResourceTypeInfo[];
  /** True when PRIMARY_TYPES narrowed an action's alternatives. */
  narrowed: boolean;
}

/** Splits the Action entries and collects resource types; undefined when no clean fix exists. */
function plan(iam: IamData, st: Statement, allTypes: boolean): Plan | undefined {
  const keep: ScalarNode[] = [];
  const star: ScalarNode[] = [];
  const types = new Map<string, ResourceTypeInfo>();
  let narrowed = false;
  for (const entry of st.action?.entries ?? []) {
    if (isEveryAction(entry.value) || isServiceWildcard(entry.value)) {
      star.push(entry);
      continue;
    }
    const split = splitAction(entry.value);
    const actions = split ? iam.matchActions(split.service, split.name) : [];
    if (actions.length === 0) {
      keep.push(entry);
      continue;
    }
    const scoped = actions.filter(hasRequiredResourceType);
    if (scoped.length === 0) {
      star.push(entry);
      continue;
    }
    // A pattern that matches both kinds cannot go to either statement without changing the grant.
    if (scoped.length < actions.length) return undefined;
    keep.push(entry);
    for (const a of actions) {
      const primary = allTypes ? undefined : PRIMARY_TYPES[`${a.service}:${a.name.toLowerCase()}`];
      if (primary) narrowed = true;
      const required = a.resourceTypes.filter((r) => r.required);
      const names = primary ?? (required.length > 0 ? required : a.resourceTypes).map((r) => r.name);
      for (const name of names) {
        const info = iam.resourceType(a.service, name);
        if (info) types.set(`${info.service}:${info.key.toLowerCase()}`, info);
      }
    }
  }
  if (keep.length === 0 || types.size === 0 || types.size > MAX_TYPES) return undefined;
  return { keep, star, types: [...types.values()], narrowed };
}

/**
 * The ARN patterns of a resource type: partition of the policy, the configured Regions (or `*`),
 * the caller's own account, `*` for every name or id.
 */
function arnsOf(rt: ResourceTypeInfo, partition: string, account: string, settings: EngineSettings): string[] {
  // Cross-Region inference checks the foundation-model ARN in every destination Region, and
  // global profiles need the Region-less ARN, so foundation models keep "*" as their Region.
  // https://docs.aws.amazon.com/bedrock/latest/userguide/geographic-cross-region-inference.html
  const regions = rt.service === 'bedrock' && rt.key === 'foundation-model' ? ['*'] : settings.allowedRegions.length > 0 ? settings.allowedRegions : ['*'];
  const render = (region: string) =>
    rt.arn.replace(/\$\{([^}]*)\}/g, (_, name: string) => (name === 'Partition' ? partition : name === 'Region' ? region : name === 'Account' ? account : '*'));
  return rt.arn.includes('${Region}') ? regions.map(render) : [render('*')];
}

/** Drops duplicates and ARNs that another ARN of the list (or a kept entry) already matches. */
function minimalArns(candidates: string[], kept: string[]): string[] {
  const unique = [...new Set(candidates)].filter((a) => !kept.includes(a));
  const covers = (b: string, a: string) => b !== a && globMatcher(b, false).test(a);
  return unique.filter((a) => !kept.some((b) => covers(b, a)) && !unique.some((b) => covers(b, a)));
}

/** A Sid for the split-off statement that no other statement uses. */
function freshSid(policy: Policy, base: string): string {
  const taken = new Set(policy.statements.map(sidOf).filter((s): s is string => !!s));
  let sid = `${base}WildcardOnly`;
  for (let n = 2; taken.has(sid); n++) sid = `${base}WildcardOnly${n}`;
  return sid;
}

/** The text of the new statement that keeps the wildcard-only actions on "*". */
function splitStatementText(ctx: FixContext, st: Statement, star: ScalarNode[], indent: string, oneLine: boolean): string {
  const { editor, text } = ctx;
  const inner = indent + editor.unit;
  const props: string[] = [];
  const sid = sidOf(st);
  if (sid) props.push(`${editor.keyText('Sid')}: ${editor.literal(freshSid(ctx.policy, sid))}`);
  props.push(`${editor.keyText('Effect')}: ${editor.literal('Allow')}`);
  const actions = star.map((e) => e.value);
  const actionValue = actions.length === 1 ? actions[0] : actions;
  props.push(`${editor.keyText('Action')}: ${oneLine ? compactFormat(editor, actionValue) : editor.format(actionValue, inner)}`);
  props.push(`${editor.keyText('Resource')}: ${editor.literal('*')}`);
  if (st.condition) {
    // The condition is copied as written so that the split statement grants no more than before.
    const from = editor.indentAt(st.condition.key.span.start);
    const body = text
      .slice(st.condition.valueSpan.start, st.condition.valueSpan.end)
      .split(/\r?\n/)
      .map((line, i) => (i > 0 && line.startsWith(from) ? inner + line.slice(from.length) : line))
      .join('\n');
    props.push(`${editor.keyText('Condition')}: ${body}`);
  }
  return oneLine ? `{${props.join(', ')}}` : `{\n${props.map((p) => inner + p).join(',\n')}\n${indent}}`;
}

/** The actions whose resources are models: what a fix may scope to the models the code invokes. */
const INVOKE_ACTIONS = new Set(['bedrock:invokemodel', 'bedrock:invokemodelwithresponsestream']);

/**
 * The ARNs of the models a policy written in code invokes (`Policy.invokedModels`): a foundation
 * model's ARN, or for a cross-Region inference profile the profile's ARN and the foundation-model
 * ARNs in the Regions it routes to (a global profile: any Region and the Region-less ARN).
 * https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-prereq.html
 */
function modelArns(policy: Policy, settings: EngineSettings): string[] {
  const partition = policyPartition(policy);
  const account = policy.version?.value?.value === '2012-10-17' ? OWN_ACCOUNT : '*';
  const regions = settings.allowedRegions.length > 0 ? settings.allowedRegions : ['*'];
  const out: string[] = [];
  for (const id of policy.invokedModels ?? []) {
    const dot = id.indexOf('.');
    const prefix = dot > 0 ? id.slice(0, dot) : '';
    const geography = GEOGRAPHIES.get(prefix);
    if (!geography && prefix !== GLOBAL_PREFIX) {
      out.push(...regions.map((r) => foundationModelArn(partition, r, id)));
      continue;
    }
    const model = id.slice(dot + 1);
    out.push(...regions.map((r) => `arn:${partition}:bedrock:${r}:${account}:inference-profile/${id}`));
    if (geography) out.push(...geography.regions.map((r) => foundationModelArn(partition, r, model)));
    else out.push(foundationModelArn(partition, '*', model), foundationModelArn(partition, '', model));
  }
  return [...new Set(out)];
}

/** True when every action the statement keeps on resources is a model invocation. */
function invokesOnly(iam: IamData, p: Plan): boolean {
  return p.keep.every((e) => {
    const split = splitAction(e.value);
    const actions = split ? iam.matchActions(split.service, split.name) : [];
    return actions.length > 0 && actions.every((a) => INVOKE_ACTIONS.has(`${a.service}:${a.name.toLowerCase()}`));
  });
}

function buildFix(ctx: FixContext, st: Statement, p: Plan, title: string, arns?: string[]): Fix | undefined {
  const { editor, policy, iam, settings } = ctx;
  const resource = st.resource!;
  const action = st.action!;
  // In code, the fix writes the list as literals: every entry must be one (a constant or a
  // template would be lost), and a CDK statement stands alone (no statement to split into).
  if (resource.entries.some((e) => e.computed)) return undefined;
  if (p.star.length > 0 && (!policy.statementKey || action.entries.some((e) => e.computed))) return undefined;
  const kept = resource.entries.filter((e) => e.value !== '*').map((e) => e.value);
  const covered = new Set(kept.flatMap((arn) => resourceTypesForArn(iam, arn).map((rt) => `${rt.service}:${rt.key.toLowerCase()}`)));
  const partition = policyPartition(policy);
  // Policy variables work only in the 2012-10-17 language; without it the account stays "*".
  const account = policy.version?.value?.value === '2012-10-17' ? OWN_ACCOUNT : '*';
  const candidates = arns ?? p.types.filter((rt) => !covered.has(`${rt.service}:${rt.key.toLowerCase()}`)).flatMap((rt) => arnsOf(rt, partition, account, settings));
  // A template the data spells oddly (mediaconnect's offering has no account field) would give
  // a malformed ARN (iam/invalid-arn or iam/arn-matches-no-resource would report it): offer no fix
  // rather than a partial one.
  if (candidates.some((arn) => arnSyntaxProblem(arn) !== undefined)) return undefined;
  const resources = [...kept, ...minimalArns(candidates, kept)];
  if (resources.length === 0) return undefined;
  const edits: TextEdit[] = [replaceValueIn(editor, st.span, resource.valueSpan, resources.length === 1 && !resource.isArray ? resources[0] : resources)];
  if (p.star.length > 0) {
    const keep = p.keep.map((e) => e.value);
    edits.push(replaceValueIn(editor, st.span, action.valueSpan, keep.length === 1 && !action.isArray ? keep[0] : keep));
    const oneLine = isOneLine(editor, st.span);
    const indent = editor.indentAt(st.span.start);
    const added = splitStatementText(ctx, st, p.star, indent, oneLine);
    const separator = oneLine ? ', ' : `,\n${indent}`;
    if (policy.statementIsArray) {
      edits.push(editor.replace({ start: st.span.end, end: st.span.end }, separator + added));
    } else {
      edits.push(editor.replace({ start: st.span.start, end: st.span.start }, '['));
      edits.push(editor.replace({ start: st.span.end, end: st.span.end }, `${separator}${added}]`));
    }
  }
  return { title, edits };
}

function typeNames(types: ResourceTypeInfo[]): string {
  const names = types.map((t) => t.key);
  return names.length <= 4 ? names.join(', ') : `${names.slice(0, 4).join(', ')}, and ${names.length - 4} more`;
}

export default defineRule({
  meta: {
    id: 'iam/wildcard-resource',
    severity: 'warning',
    description: 'An Allow statement uses "Resource": "*" for actions that can be limited to specific resources.',
    fixable: true,
    kinds: ['identity'],
    docs: {
      rationale: [
        'Most actions can be limited to resources of given types: `bedrock:InvokeModel` to foundation models and inference profiles, `bedrock:ApplyGuardrail` to guardrails, `s3:GetObject` to objects. `"Resource": "*"` applies them to every such resource in every Region and every account that trusts the principal — every model, every guardrail, every knowledge base. Name the resources (wildcards inside an ARN are fine) so that the grant stays what it was meant to be.',
        'Only actions with a resource type marked required in the Service Authorization Reference are counted: wildcard-only actions such as `bedrock:ListFoundationModels` or `bedrock:RetrieveAndGenerate` accept nothing but `"*"`, and list and create actions whose resource types are all optional, such as `bedrock:ListGuardrails` or `bedrock:CreateGuardrail`, work on `"*"` by design (AWS\'s own guardrail examples grant them so). `"*"` and `service:*` entries are left to iam/wildcard-action. Not reported: statements whose Condition scopes resources by attribute (`aws:ResourceTag/…`, `aws:ResourceAccount`, `aws:ResourceOrgID`, `aws:ResourceOrgPaths` with a positive operator, without `IfExists`) — AWS\'s documented ABAC pattern. Only identity policies are checked: in a resource policy the resource is the one the policy is attached to, and key policies must say `"*"`.',
      ].join('\n\n'),
      bad: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": ["bedrock:InvokeModel", "bedrock:ListFoundationModels"],\n      "Resource": "*"\n    }\n  ]\n}',
      good: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": ["bedrock:InvokeModel"],\n      "Resource": [\n        "arn:aws:bedrock:*::foundation-model/*",\n        "arn:aws:bedrock:*:${aws:PrincipalAccount}:inference-profile/*"\n      ]\n    },\n    {\n      "Effect": "Allow",\n      "Action": "bedrock:ListFoundationModels",\n      "Resource": "*"\n    }\n  ]\n}',
      fix: [
        'Replaces `"*"` with ARN patterns built from the resource types of the statement\'s actions in the IAM data (the types marked required, else all of them), and moves wildcard-only actions (and list and create actions whose resource types are all optional), `"*"` and `service:*` entries into a new statement right after it that keeps `"Resource": "*"`, the same Condition, and a Sid derived from the original one. Specific ARNs already in the list are kept, and no pattern is added for a type they already name. In each ARN pattern:',
        '',
        '- the partition is the one the policy\'s other ARNs use, else `aws`;',
        '- the Region is `*`, or one ARN per Region of the `allowedRegions` setting — except foundation models, which keep `*` because cross-Region inference checks them in every destination Region (and global profiles in the Region-less ARN);',
        `- the account is \`${OWN_ACCOUNT}\`, the caller's own account (a policy variable; \`*\` when the policy does not use the 2012-10-17 language, which policy variables need). Edit it for cross-account or AWS-owned resources;`,
        '- every name or id is `*`.',
        '',
        'In TypeScript and JavaScript, when the statement only invokes models and the same file names the model ids it invokes (`modelId: \'us.anthropic.claude-…\'`), the first fix writes their exact ARNs: a foundation model\'s ARN, or for a cross-Region inference profile the profile\'s ARN and the foundation-model ARNs in the Regions the profile routes to. No fix is offered in code when the list holds constants or templates (they would be replaced by their values), or when a CDK `PolicyStatement` would need a second statement.',
        '',
        '`bedrock:InvokeModel` and `bedrock:InvokeModelWithResponseStream` list 12 and 10 alternative resource types; the first fix writes the two nearly every caller needs — `foundation-model` and `inference-profile` (required for cross-Region inference) — and a second fix writes every type (add `application-inference-profile`, `provisioned-model`, `custom-model-deployment`, `imported-model` or `prompt-router` by hand if you use them). No fix is offered when a pattern matches both wildcard-only and resource-level actions (no split keeps the grant), when the actions need more than 16 resource types, or when the IAM data\'s ARN template of a type does not give a well-formed ARN.',
      ].join('\n'),
      references: [
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html',
        'https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonbedrock.html',
        'https://docs.aws.amazon.com/bedrock/latest/userguide/security_iam_id-based-policy-examples.html',
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html',
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/introduction_attribute-based-access-control.html',
      ],
    },
  },
  check(ctx) {
    for (const st of ctx.policy.statements) {
      if (st.effect?.value?.value !== 'Allow' || !st.resource) continue;
      const starEntry = st.resource.entries.find((e) => e.value === '*');
      if (!starEntry) continue;
      if (conditionRestricts(st, isResourceScopeKey, { ifExists: false })) continue;
      const actions = scopableActions(ctx.iam, st);
      if (actions.count === 0) continue;
      ctx.report(starEntry.span, `"Resource": "*" ${describeActions(actions)}: list the ARNs that are needed instead.`, { statement: st.index });
    }
  },
  fixes(ctx, finding) {
    const st = findingStatement(ctx.policy, finding.data?.statement);
    if (!st) return [];
    const primary = plan(ctx.iam, st, false);
    if (!primary) return [];
    const starNames = primary.star.map((e) => e.value);
    const moving = starNames.length === 0 ? '' : `; keep "*" for ${starNames.length <= 2 ? starNames.join(' and ') : `${starNames.length} actions`} in a new statement`;
    const fixes: Fix[] = [];
    // Policies in code: the exact ARNs of the models the same file invokes.
    const models = ctx.policy.invokedModels ?? [];
    if (models.length > 0 && invokesOnly(ctx.iam, primary)) {
      const exact = buildFix(ctx, st, primary, `Replace "*" with the ARNs of the models this file invokes (${models.length <= 2 ? models.join(', ') : `${models.length} models`})${moving}`, modelArns(ctx.policy, ctx.settings));
      if (exact) fixes.push(exact);
    }
    const first = buildFix(ctx, st, primary, `Replace "*" with ARNs of ${typeNames(primary.types)}${moving}`);
    if (first) fixes.push(first);
    if (primary.narrowed) {
      const all = plan(ctx.iam, st, true);
      const second = all && buildFix(ctx, st, all, `Replace "*" with ARNs of every resource type the actions accept (${all.types.length})${moving}`);
      if (second) fixes.push(second);
    }
    return fixes;
  },
});
