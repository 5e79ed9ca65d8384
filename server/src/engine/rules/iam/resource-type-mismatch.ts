// iam/resource-type-mismatch: a statement whose resources and actions do not meet. A resource ARN
// that no action of the statement takes has no effect; a wildcard-only action (one that takes no
// resource ARN, such as bedrock:ListFoundationModels) given only specific ARNs has no effect either.
import type { ActionInfo, IamData, ResourceTypeInfo, ServiceInfo } from '../../iam/data';
import { parseArn, readPolicyArn, resourceTypesForArn, serviceAlias } from '../../iam/arn';
import { memoByObject } from '../../memo';
import { actionRefs } from '../../policy/analysis';
import { ActionText, ResourceText, statementFacts, textAnswer, textFact } from '../../policy/facts';
import type { Statement } from '../../policy/model';
import { defineRule } from '../rule';
import { summarize } from './entries';
import { MERGED_PREFIXES } from './reference-gaps';

const typesOfActions = new WeakMap<readonly ActionInfo[], ResourceTypeInfo[] | null>();

/** The resource types a list of actions takes (cached per list; null when one cannot be resolved). */
function typesOf(iam: IamData, actions: readonly ActionInfo[]): ResourceTypeInfo[] | null {
  let out = typesOfActions.get(actions);
  if (out === undefined) {
    const set = new Set<ResourceTypeInfo>();
    out = [];
    for (const a of actions) {
      for (const ref of a.resourceTypes) {
        const rt = iam.resourceType(a.service, ref.name);
        if (!rt) {
          set.clear();
          out = null;
          break;
        }
        set.add(rt);
      }
      if (out === null) break;
    }
    if (out !== null) out = [...set];
    typesOfActions.set(actions, out);
  }
  return out;
}

/**
 * The resource types an Action entry's actions take, grouped by the service part of their ARN
 * formats (see `candidatesIn`), or null when the entry does not name known actions of one service
 * (`*`, malformed, unknown, a merged prefix). Once per entry text.
 */
const typesOfEntry = textAnswer(ActionText, (iam, t): Map<string, ResourceTypeInfo[]> | null => {
  const split = t.split;
  if (!split || split.service === '*' || MERGED_PREFIXES.has(split.service)) return null;
  const actions = t.actions(iam);
  if (actions.length === 0) return null;
  const types = typesOf(iam, actions);
  return types && byTemplateService(types);
});

/**
 * The statement's Action entries' types (one map per entry), or undefined when its actions are
 * not all known. An empty list when no action takes any resource type.
 */
function typesTaken(iam: IamData, st: Statement): Map<string, ResourceTypeInfo[]>[] | undefined {
  if (!st.action || st.notAction || st.action.invalidEntries.length > 0) return undefined;
  const out: Map<string, ResourceTypeInfo[]>[] = [];
  for (const t of statementFacts(st).action) {
    const types = typesOfEntry(iam, t);
    if (!types) return undefined;
    if (types.size > 0) out.push(types);
  }
  return out;
}

/** A Resource entry that certainly names resources of known types (not `*`, no wildcard service). */
function knownArn(iam: IamData, value: string): boolean {
  return value !== '*' && value.startsWith('arn:') && resourceTypesForArn(iam, value).length > 0;
}

/** The resource part of an ARN (after the fifth colon). */
const resourcePart = (arn: string): string => parseArn(arn)?.resource ?? '';

/** True for an ARN whose resource part is nothing but wildcards (`arn:aws:logs:*:*:*`, or `*` and `/` only): it names no particular type. */
const everyResource = (arn: string): boolean => /^[*?/:]+$/.test(resourcePart(arn));

/**
 * Wildcard-only actions checked to need `"Resource": "*"` (lower case): the Bedrock actions of
 * BEDROCK-FACTS, for which the Service Authorization Reference lists no resource type
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonbedrock.html).
 * For other actions the data's "no resource type" is not reliable enough to report: services
 * authorize some of them against an ARN (`s3:ListAllMyBuckets` with `arn:aws:s3:::*` is AWS's own
 * example; AWS's DataZone policies scope `datazone:ListProjects` to a domain ARN).
 */
const VERIFIED_WILDCARD_ONLY: ReadonlySet<string> = new Set(
  [
    'RetrieveAndGenerate',
    'ListFoundationModels',
    'GetModelInvocationLoggingConfiguration',
    'PutModelInvocationLoggingConfiguration',
    'DeleteModelInvocationLoggingConfiguration',
    'ListCustomModels',
    'ListInferenceProfiles',
    'CallWithBearerToken',
    'PutEnforcedGuardrailConfiguration',
    'ListEnforcedGuardrailsConfiguration',
  ].map((n) => `bedrock:${n.toLowerCase()}`),
);

/** A Resource entry this rule checks: a known ARN that names a particular type (once per text). */
const namesParticularType = textAnswer(ResourceText, (iam, t): boolean => knownArn(iam, t.text) && !everyResource(t.text));

const isWildcardOnly = (actions: readonly ActionInfo[]): boolean => actions.length > 0 && actions.every((a) => a.resourceTypes.length === 0);

const takenKeys = new WeakMap<ServiceInfo, Set<string>>();

/** Resource type keys that at least one action of the service takes. */
function typesTakenByService(svc: ServiceInfo): Set<string> {
  let set = takenKeys.get(svc);
  if (!set) {
    set = new Set();
    for (const a of svc.actionList) for (const r of a.resourceTypes) set.add(r.name.toLowerCase());
    takenKeys.set(svc, set);
  }
  return set;
}

/**
 * True when some type the ARN names is taken by an action of its service. An ARN that names only
 * types no action takes (glue `tableVersion`, in the data) says more about the data than the policy.
 */
const namesTakenType = textAnswer(ResourceText, (iam, t): boolean =>
  resourceTypesForArn(iam, t.text).some((rt) => {
    const svc = iam.service(rt.service);
    return !!svc && typesTakenByService(svc).has(rt.key.toLowerCase());
  }),
);

/** Marks types whose ARN format has a variable in its service part (AWS Backup's `${Vendor}`): they meet any service. */
const ANY_SERVICE = '';

/** The service part of a type's ARN format, or ANY_SERVICE when it is not literal. */
const templateService = memoByObject((rt: ResourceTypeInfo): string => {
  const service = parseArn(rt.arn)?.service;
  return service && !service.includes('$') ? service : ANY_SERVICE;
});

/** Types grouped by the service part of their ARN format. */
function byTemplateService(types: readonly ResourceTypeInfo[]): Map<string, ResourceTypeInfo[]> {
  const out = new Map<string, ResourceTypeInfo[]>();
  for (const rt of types) {
    const key = templateService(rt);
    const list = out.get(key);
    if (list) list.push(rt);
    else out.set(key, [rt]);
  }
  return out;
}

/** The service part of a policy ARN and that of the renamed service's other namespace, once per text. */
const arnServices = textFact(ResourceText, (t): { service: string; alias?: string } => {
  const service = readPolicyArn(t.text)?.service ?? '';
  return { service, alias: serviceAlias(service) };
});

/**
 * True when one of the types can name resources the ARN names. An ARN whose service part is
 * literal (all that `namesParticularType` lets through) meets a type only if the type's service
 * part is the same, that of a renamed service's other namespace, or not literal (see arn.ts): only
 * those groups are compared.
 */
function takenBy(taken: readonly Map<string, ResourceTypeInfo[]>[], t: ResourceText): boolean {
  const { service, alias } = arnServices(t);
  const meets = (types: ResourceTypeInfo[] | undefined) => !!types && types.some((rt) => t.matchesType(rt));
  return taken.some((byService) => meets(byService.get(service)) || (alias !== undefined && meets(byService.get(alias))) || meets(byService.get(ANY_SERVICE)));
}

export default defineRule({
  meta: {
    id: 'iam/resource-type-mismatch',
    severity: 'warning',
    description: 'A resource ARN that no action of the statement takes, or a wildcard-only action given only specific ARNs: that part of the statement has no effect.',
    fixable: false,
    docs: {
      rationale: [
        'Each action applies to certain resource types (the Service Authorization Reference lists them), and a statement applies an action only to resources of those types. An ARN that none of the statement\'s actions takes — a guardrail ARN on `bedrock:InvokeModel`, an object ARN `arn:aws:s3:::bucket/*` on `s3:ListBucket` — grants (or denies) nothing. Usually the ARN belongs with another action, or the action with another ARN.',
        'Some actions take no resource ARN at all (wildcard-only): `bedrock:ListFoundationModels`, `bedrock:RetrieveAndGenerate`, `bedrock:GetModelInvocationLoggingConfiguration`, `bedrock:PutModelInvocationLoggingConfiguration`, `bedrock:CallWithBearerToken`… They need `"Resource": "*"`. Listed in a statement with only specific ARNs, they are not granted — and in a Deny (an SCP guarding invocation logging, say) they are not denied.',
        'Exact semantics. ARNs: the statement must have `Action` (not `NotAction`) and every entry must resolve to known actions (`service:*` counts as all of the service\'s actions; `"*"`, unknown and malformed entries make the statement skipped). An ARN is reported when it names a known resource type (otherwise `iam/invalid-arn` or `iam/arn-matches-no-resource` speaks) and none of the resource types of any action of the statement can match it, compared part by part with their ARN formats. Wildcard-only actions: reported on the Action entry when every action the entry matches is wildcard-only and the `Resource` element holds only ARNs of known resource types — none of them `*` or an ARN whose resource part is only wildcards.',
      ].join('\n\n'),
      bad: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": ["bedrock:InvokeModel", "bedrock:ListFoundationModels"],\n      "Resource": [\n        "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0",\n        "arn:aws:bedrock:us-east-1:123456789012:guardrail/abc123"\n      ]\n    }\n  ]\n}',
      good: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": "bedrock:InvokeModel",\n      "Resource": "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0"\n    },\n    { "Effect": "Allow", "Action": "bedrock:ApplyGuardrail", "Resource": "arn:aws:bedrock:us-east-1:123456789012:guardrail/abc123" },\n    { "Effect": "Allow", "Action": "bedrock:ListFoundationModels", "Resource": "*" }\n  ]\n}',
      references: [
        'https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html',
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html',
        'https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonbedrock.html',
      ],
    },
  },
  check(ctx) {
    const { iam } = ctx;
    for (const st of ctx.policy.statements) {
      if (!st.action || st.notAction || !st.resource) continue;
      const effect = st.effect?.value?.value === 'Deny' ? 'denies' : 'grants';
      // Only ARNs that name a particular known type can be checked; most statements have none.
      const texts = statementFacts(st).resource;
      const checked = texts.filter((t) => namesParticularType(iam, t));
      const arns = checked.length > 0 ? st.resource.entries.filter((e, i) => namesParticularType(iam, texts[i])) : [];
      const taken = arns.length > 0 ? typesTaken(iam, st) : undefined;
      // With no action that takes any ARN, the wildcard-only report below says it all.
      if (taken && taken.length > 0) {
        for (let i = 0; i < arns.length; i++) {
          const e = arns[i];
          const t = checked[i];
          if (!namesTakenType(iam, t) || takenBy(taken, t)) continue;
          const named = resourceTypesForArn(iam, e.value).map((rt) => rt.key);
          const kinds = named.length === 1 ? named[0] : `${named.slice(0, -1).join(', ')} or ${named[named.length - 1]}`;
          const actions = summarize(st.action.entries.map((x) => x.value));
          ctx.report(e.span, `${JSON.stringify(e.value)} names ${/^[aeiou]/i.test(kinds) ? 'an' : 'a'} ${kinds} resource, which none of this statement's actions (${actions}) takes: the statement ${effect} nothing on it.`);
        }
      }
      const resources = st.resource.entries;
      if (arns.length === 0 || arns.length !== resources.length || st.resource.invalidEntries.length > 0) continue;
      for (const r of actionRefs(iam, st)) {
        if (!isWildcardOnly(r.actions) || !r.actions.every((a) => VERIFIED_WILDCARD_ONLY.has(`${a.service}:${a.name.toLowerCase()}`))) continue;
        const shown = JSON.stringify(r.entry.value);
        const what = r.actions.length === 1 && !/[*?]/.test(r.name) ? `${shown} takes no resource ARN (it is wildcard-only)` : `${shown} matches only actions that take no resource ARN (wildcard-only)`;
        ctx.report(r.entry.span, `${what}: it needs "Resource": "*", so this statement, which lists only specific ARNs, ${effect} nothing for it.`);
      }
    }
  },
});
