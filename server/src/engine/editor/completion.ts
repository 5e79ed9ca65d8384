// Completion in policies: service prefixes and actions in Action/NotAction, ARN templates of the
// statement's resource types (and `*` for actions that take no resource type) in Resource,
// Regions in ARNs and Region condition values, condition operators and the condition keys that
// the statement's actions support, Effect and Version values, and element names. Works on
// half-typed JSON through jsonc-parser's tolerant scanner, and inside the strings of a policy
// model of any dialect. Items carry offsets; front ends turn them into their own types.
import type { ActionInfo, ConditionKeyInfo, IamData, ServiceInfo } from '../iam/data';
import { REGIONS, regionsOfPartition, type RegionInfo } from '../iam/regions';
import { CONDITION_OPERATORS, splitOperator } from '../policy/analysis';
import type { Policy, PolicyDialect, Statement } from '../policy/model';
import type { EngineSettings } from '../settings';
import type { Span } from '../types';
import { jsonSlotAt, modelSlotAt, type Slot, type StringToken } from './cursor';
import { actionSummaryMarkdown, conditionKeyMarkdown, isGlobalKey, serviceMarkdown } from './describe';
import { canonicalKey, statementFacts } from './facts';
import { code, escapeMarkdown, operatorDoc, POLICY_ELEMENT_DOCS, PRINCIPAL_TYPE_DOCS, STATEMENT_ELEMENT_DOCS } from './docs';
import { filterAndRank } from './match';

/** What a completion item is; front ends pick an icon from it. */
export type CompletionKind = 'service' | 'action' | 'resource' | 'region' | 'operator' | 'condition-key' | 'element' | 'value' | 'snippet';

/** Data from which `completionDocumentation` computes an item's documentation on demand. */
export type CompletionResolveData = { type: 'action'; service: string; name: string } | { type: 'service'; service: string };

/** One completion proposal. Offsets are UTF-16 offsets into the document text. */
export interface PolicyCompletion {
  label: string;
  kind: CompletionKind;
  /** A short fact shown next to the label (access level, key type, ARN format…). */
  detail?: string;
  /** Markdown documentation (absent when `resolve` computes it later). */
  documentation?: string;
  /** The text this item replaces. */
  range: Span;
  insertText: string;
  /** True when `insertText` is a snippet with tab stops (`$1`, `${1:placeholder}`, `${1|a,b|}`). */
  snippet?: boolean;
  /** The text the editor filters on (what the user types over `range`), when it differs from the label. */
  filterText?: string;
  /** Orders items: the engine's ranking, best first. */
  sortText: string;
  /** Ask for completions again after inserting (the next part has its own proposals). */
  retrigger?: boolean;
  resolve?: CompletionResolveData;
}

/** The only policy language version; 2008-10-17 lacks policy variables. */
export const POLICY_VERSION = '2012-10-17';

/** Escapes literal text for snippet syntax. */
function snippetText(s: string): string {
  return s.replace(/[\\$}]/g, (c) => '\\' + c);
}

/** Escapes one option of a snippet choice (`${1|a,b|}`). */
function snippetChoice(s: string): string {
  return s.replace(/[\\$}|,]/g, (c) => '\\' + c);
}

/** The content of a JSON string literal for `s` (without quotes). */
function jsonContent(s: string): string {
  return JSON.stringify(s).slice(1, -1);
}

const sortText = (i: number): string => String(i).padStart(5, '0');

/** Where and how an item is written into the document at the cursor. */
class Writer {
  constructor(
    private readonly text: string,
    private readonly offset: number,
    private readonly token: StringToken | undefined,
    private readonly dialect: PolicyDialect,
  ) {}

  /** What the user typed of the string at the cursor (empty at a bare position). */
  get typed(): string {
    return this.token?.typed ?? '';
  }

  /** Where the string at the cursor starts (its opening quote); undefined at a bare position. */
  get tokenStart(): number | undefined {
    return this.token?.span.start;
  }

  /** The next character at or after `from` that is not whitespace. */
  private nextChar(from: number): string {
    let i = from;
    while (i < this.text.length && /\s/.test(this.text[i])) i++;
    return this.text[i] ?? '';
  }

  /** The closing quote a value needs when the string at the cursor is not closed. */
  get close(): string {
    return this.token && !this.token.closed ? this.text[this.token.span.start] : '';
  }

  /** The range a value replaces: the string's content (up to the cursor when it is not closed). */
  valueRange(): Span {
    if (!this.token) return { start: this.offset, end: this.offset };
    return { start: this.token.content.start, end: this.token.closed ? this.token.content.end : this.offset };
  }

  /**
   * The text of a value. `body` is snippet text when `snippet` is true, else raw text. Inside a
   * string only the content is written (and the closing quote when it is missing); at a bare JSON
   * position the value gets quotes, a space after a colon and a comma before a following property.
   */
  value(body: string, snippet: boolean, inObject: boolean): string {
    const content = snippet || this.dialect !== 'json' ? body : jsonContent(body);
    if (this.token) return content + this.close;
    const before = this.text[this.offset - 1] === ':' ? ' ' : '';
    const comma = inObject && this.nextChar(this.offset) === '"' ? ',' : '';
    return `${before}"${content}"${comma}`;
  }

  /** The range a property key replaces: the whole literal (JSON), or its content (other dialects). */
  keyRange(): Span {
    if (!this.token) return { start: this.offset, end: this.offset };
    if (this.dialect !== 'json') return { start: this.token.content.start, end: this.token.closed ? this.token.content.end : this.offset };
    return { start: this.token.span.start, end: this.token.closed ? this.token.span.end : this.offset };
  }

  /** The filter text of a key in JSON (the range starts at the opening quote). */
  keyFilter(name: string): string | undefined {
    return this.token && this.dialect === 'json' ? `"${name}"` : undefined;
  }

  /**
   * The snippet text of a property key (`keySnippet` is already snippet text). In JSON, when no
   * colon follows, the whole property is written: `"key": <valueSnippet>`, with a comma when
   * another property follows. Other dialects get the key's content only.
   */
  property(keySnippet: string, valueSnippet: string): { insertText: string; withValue: boolean } {
    if (this.dialect !== 'json') return { insertText: keySnippet + this.close, withValue: false };
    const next = this.nextChar(this.keyRange().end);
    if (next === ':') return { insertText: `"${keySnippet}"`, withValue: false };
    const comma = next === '"' ? ',' : '';
    return { insertText: `"${keySnippet}": ${valueSnippet}${comma}`, withValue: true };
  }

  /** `property` for a plain name. */
  key(name: string, valueSnippet: string): { insertText: string; withValue: boolean } {
    return this.property(snippetText(this.dialect === 'json' ? jsonContent(name) : name), valueSnippet);
  }
}

interface Context {
  text: string;
  offset: number;
  iam: IamData;
  settings: EngineSettings;
  policy?: Policy;
  dialect: PolicyDialect;
}

// ---- cached, sorted lists -------------------------------------------------------------------

const servicesCache = new WeakMap<IamData, ServiceInfoLite[]>();

interface ServiceInfoLite {
  prefix: string;
  name: string;
}

function sortedServices(iam: IamData): ServiceInfoLite[] {
  let list = servicesCache.get(iam);
  if (!list) {
    list = iam
      .allServices()
      .sort()
      .map((prefix) => ({ prefix, name: iam.serviceName(prefix) ?? prefix }));
    servicesCache.set(iam, list);
  }
  return list;
}

const actionsCache = new WeakMap<ServiceInfo, ActionInfo[]>();

function sortedActions(svc: ServiceInfo): ActionInfo[] {
  let list = actionsCache.get(svc);
  if (!list) {
    list = [...svc.actionList].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    actionsCache.set(svc, list);
  }
  return list;
}

/** Operators as offered: plain ones in AWS's order, then IfExists variants, then set-qualified ones. */
const OPERATOR_ITEMS: readonly string[] = [
  ...CONDITION_OPERATORS,
  ...CONDITION_OPERATORS.filter((o) => o !== 'Null').map((o) => `${o}IfExists`),
  ...(['ForAllValues', 'ForAnyValue'] as const).flatMap((q) => CONDITION_OPERATORS.filter((o) => o !== 'Null').map((o) => `${q}:${o}`)),
];

// ---- items ------------------------------------------------------------------------------------

function documentItems(): PolicyCompletion[] {
  const body = [
    '{',
    `\t"Version": "${POLICY_VERSION}",`,
    '\t"Statement": [',
    '\t\t{',
    '\t\t\t"Sid": "${1:AllowBedrockInvoke}",',
    '\t\t\t"Effect": "${2|Allow,Deny|}",',
    '\t\t\t"Action": ["$3"],',
    '\t\t\t"Resource": ["$4"]',
    '\t\t}',
    '\t]',
    '}',
  ].join('\n');
  return [
    {
      label: 'IAM policy',
      kind: 'snippet',
      detail: `Version ${POLICY_VERSION} and one statement`,
      documentation: 'A new identity-based policy with one statement to fill in.',
      range: { start: 0, end: 0 },
      insertText: body,
      snippet: true,
      sortText: sortText(0),
    },
  ];
}

/** Element names not yet in the object, minus the ones excluded by elements that are. */
function missingElements(order: readonly string[], present: readonly string[], exclusive: readonly [string, string][], current?: string): string[] {
  const has = new Set(present.filter((p) => p !== current));
  return order.filter((name) => !has.has(name) && !exclusive.some(([a, b]) => (name === a && has.has(b)) || (name === b && has.has(a))));
}

function policyKeyItems(ctx: Context, w: Writer, present: string[], current?: string): PolicyCompletion[] {
  // A JSON document that has other keys is some other kind of file: offer nothing there.
  if (!ctx.policy && present.some((k) => k !== current && !(k in POLICY_ELEMENT_DOCS))) return [];
  const values: Record<string, { value: string; retrigger?: boolean }> = {
    Version: { value: `"${POLICY_VERSION}"` },
    Statement: { value: '[\n\t{\n\t\t"Effect": "${1|Allow,Deny|}",\n\t\t"Action": ["$2"],\n\t\t"Resource": ["$3"]\n\t}\n]' },
    Id: { value: '"$1"' },
  };
  return missingElements(['Version', 'Statement', 'Id'], present, [], current).map((name, i) => {
    const k = w.key(name, values[name].value);
    return {
      label: name,
      kind: 'element',
      detail: 'policy element',
      documentation: POLICY_ELEMENT_DOCS[name].summary,
      range: w.keyRange(),
      insertText: k.insertText,
      snippet: true,
      filterText: w.keyFilter(name),
      sortText: sortText(i),
    };
  });
}

const STATEMENT_VALUE_SNIPPETS: Readonly<Record<string, { value: string; retrigger?: boolean }>> = {
  Sid: { value: '"$1"' },
  Effect: { value: '"${1|Allow,Deny|}"' },
  Action: { value: '["$1"]', retrigger: true },
  NotAction: { value: '["$1"]', retrigger: true },
  Resource: { value: '["$1"]', retrigger: true },
  NotResource: { value: '["$1"]', retrigger: true },
  Condition: { value: '{\n\t"$1"\n}', retrigger: true },
  Principal: { value: '{\n\t"$1"\n}', retrigger: true },
  NotPrincipal: { value: '{\n\t"$1"\n}', retrigger: true },
};

function statementKeyItems(ctx: Context, w: Writer, st: Statement | undefined): PolicyCompletion[] {
  const kind = ctx.policy?.kind;
  const principalFirst = kind === 'resource';
  const order = principalFirst
    ? ['Sid', 'Effect', 'Principal', 'Action', 'Resource', 'Condition', 'NotAction', 'NotResource', 'NotPrincipal']
    : ['Sid', 'Effect', 'Action', 'Resource', 'Condition', 'Principal', 'NotAction', 'NotResource', 'NotPrincipal'];
  const allowed = kind === 'scp' ? order.filter((k) => k !== 'Principal' && k !== 'NotPrincipal') : order;
  const present = st ? st.keys.map((k) => k.name) : [];
  const current = st?.keys.find((k) => k.span.start === w.tokenStart)?.name;
  const names = missingElements(allowed, present, [['Action', 'NotAction'], ['Resource', 'NotResource'], ['Principal', 'NotPrincipal']], current);
  return filterAndRank(names, w.typed, (n) => n).map((name, i) => {
    const spec = STATEMENT_VALUE_SNIPPETS[name];
    const k = w.key(name, spec.value);
    const item: PolicyCompletion = {
      label: name,
      kind: 'element',
      detail: 'statement element',
      documentation: STATEMENT_ELEMENT_DOCS[name]?.summary,
      range: w.keyRange(),
      insertText: k.insertText,
      snippet: true,
      filterText: w.keyFilter(name),
      sortText: sortText(i),
    };
    if (spec.retrigger && k.withValue) item.retrigger = true;
    return item;
  });
}

function simpleValues(w: Writer, values: readonly { value: string; detail?: string; documentation?: string }[], kind: CompletionKind, inObject: boolean): PolicyCompletion[] {
  return filterAndRank(values, w.typed, (v) => v.value).map((v, i) => ({
    label: v.value,
    kind,
    detail: v.detail,
    documentation: v.documentation,
    range: w.valueRange(),
    insertText: w.value(v.value, false, inObject),
    sortText: sortText(i),
  }));
}

function serviceItems(ctx: Context, w: Writer, token: StringToken | undefined): PolicyCompletion[] {
  const typed = w.typed;
  let range = w.valueRange();
  let suffix = ':';
  if (token) {
    const content = ctx.text.slice(token.content.start, token.content.end);
    const colon = content.indexOf(':');
    if (colon >= typed.length) {
      range = { start: token.content.start, end: token.content.start + colon };
      suffix = '';
    }
  }
  const matches = filterAndRank(sortedServices(ctx.iam), typed, (s) => s.prefix);
  return matches.map((s, i) => {
    const item: PolicyCompletion = {
      label: s.prefix,
      kind: 'service',
      detail: s.name,
      range,
      insertText: token ? s.prefix + suffix : w.value(`${snippetText(s.prefix)}:$1`, true, false),
      sortText: sortText(i),
      resolve: { type: 'service', service: s.prefix },
    };
    if (!token) item.snippet = true;
    if (suffix) item.retrigger = true;
    return item;
  });
}

function actionItems(ctx: Context, w: Writer, token: StringToken, st: Statement | undefined, element: string): PolicyCompletion[] {
  const typed = token.typed;
  const colon = typed.indexOf(':');
  const service = typed.slice(0, colon);
  const name = typed.slice(colon + 1);
  if (/[*?]/.test(name)) return [];
  const svc = ctx.iam.service(service);
  if (!svc) return [];
  const range: Span = { start: token.content.start + colon + 1, end: token.closed ? token.content.end : ctx.offset };
  const list = element === 'NotAction' ? st?.notAction : st?.action;
  const listed = new Set((list?.entries ?? []).filter((e) => e.span.start !== token.span.start).map((e) => e.value.toLowerCase()));
  const candidates = sortedActions(svc).filter((a) => !listed.has(`${svc.prefix}:${a.name.toLowerCase()}`));
  return filterAndRank(candidates, name, (a) => a.name).map((a, i) => ({
    label: a.name,
    kind: 'action',
    detail: a.accessLevel,
    range,
    insertText: a.name + w.close,
    sortText: sortText(i),
    resolve: { type: 'action', service: svc.prefix, name: a.name },
  }));
}

/** The Regions to offer: the configured allowed Regions first, then the partition's Regions. */
function regionList(settings: EngineSettings, partition: string): RegionInfo[] {
  const all = regionsOfPartition(partition);
  const allowed = settings.allowedRegions.map((code) => all.find((r) => r.code === code) ?? REGIONS.find((r) => r.code === code) ?? { code, name: 'allowed Region', partition });
  const seen = new Set(allowed.map((r) => r.code));
  return [...allowed, ...all.filter((r) => !seen.has(r.code))];
}

function regionItems(ctx: Context, w: Writer, range: Span, typed: string, partition: string, exclude: ReadonlySet<string>, inObject: boolean, bareOk: boolean): PolicyCompletion[] {
  const allowed = new Set(ctx.settings.allowedRegions);
  const regions = regionList(ctx.settings, partition).filter((r) => !exclude.has(r.code));
  return filterAndRank(regions, typed, (r) => r.code).map((r, i) => ({
    label: r.code,
    kind: 'region',
    detail: allowed.has(r.code) ? `${r.name} · allowed Region` : r.name,
    range,
    insertText: bareOk ? w.value(r.code, false, inObject) : r.code,
    sortText: sortText(i),
  }));
}

/** Region completion inside the Region part of an ARN being typed; undefined elsewhere. */
function arnRegionItems(ctx: Context, w: Writer, token: StringToken | undefined): PolicyCompletion[] | undefined {
  if (!token || !token.typed.startsWith('arn:')) return undefined;
  const typedParts = token.typed.split(':');
  if (typedParts.length !== 4) return undefined;
  const content = ctx.text.slice(token.content.start, token.content.end);
  const regionStart = token.content.start + token.typed.length - typedParts[3].length;
  const after = content.indexOf(':', regionStart - token.content.start);
  const end = after >= 0 ? token.content.start + after : token.closed ? token.content.end : ctx.offset;
  return regionItems(ctx, w, { start: regionStart, end }, typedParts[3], typedParts[1], new Set(), false, false);
}

/** An ARN template of the data as a snippet: `${Partition}` → `${1:aws}`, `${Region}` → a choice of Regions, and so on. */
function arnSnippet(template: string, partition: string, regionChoice: string): string {
  let n = 0;
  let out = '';
  let last = 0;
  const re = /\$\{([^}]+)\}/g;
  for (let m = re.exec(template); m; m = re.exec(template)) {
    out += snippetText(template.slice(last, m.index));
    last = m.index + m[0].length;
    n++;
    const name = m[1];
    if (name === 'Partition') out += `\${${n}:${snippetText(partition)}}`;
    else if (name === 'Region') out += `\${${n}|${regionChoice}|}`;
    else if (name === 'Account') out += `\${${n}:account-id}`;
    else out += `\${${n}:${snippetText(name)}}`;
  }
  return out + snippetText(template.slice(last));
}

function resourceItems(ctx: Context, w: Writer, token: StringToken | undefined, st: Statement | undefined, element: string): PolicyCompletion[] {
  const inRegion = arnRegionItems(ctx, w, token);
  if (inRegion) return inRegion;
  const typed = w.typed;
  if (typed.split(':').length > 3) return [];
  const facts = statementFacts(ctx.iam, st);
  if (facts.actions.length === 0) return [];
  const typedPartition = typed.startsWith('arn:') ? typed.split(':')[1] : undefined;
  const partition = typedPartition && /^aws[a-z-]*$/.test(typedPartition) ? typedPartition : 'aws';
  // The allowed Regions when they are configured, else every Region of the partition.
  const regions = ctx.settings.allowedRegions.length ? ctx.settings.allowedRegions : regionList(ctx.settings, partition).map((r) => r.code);
  const regionChoice = regions.map(snippetChoice).join(',');
  const listed = new Set((element === 'NotResource' ? st?.notResource : st?.resource)?.entries.filter((e) => !token || e.span.start !== token.span.start).map((e) => e.value) ?? []);
  const items: PolicyCompletion[] = [];
  const starOnly = facts.starOnly;
  if (starOnly.length && element === 'Resource' && !listed.has('*')) {
    items.push({
      label: '*',
      kind: 'resource',
      detail: 'every resource',
      documentation: `${someOf(starOnly)} support no resource type: they are only allowed with \`"Resource": "*"\`.`,
      range: w.valueRange(),
      insertText: w.value('*', false, false),
      filterText: '*',
      sortText: sortText(0),
    });
  }
  // The templates as snippets, with documentation, built once per statement, partition and Regions.
  const templates = facts.memo(`arn\u0000${partition}\u0000${regionChoice}`, () =>
    facts.resourceTypes.map((t) => ({
      fact: t,
      filterText: `arn:${partition}:${t.service}:${t.key}`,
      snippet: arnSnippet(t.arn, partition, regionChoice),
      documentation: `ARN of a ${code(t.key)} (${escapeMarkdown(ctx.iam.serviceName(t.service) ?? t.service)}): ${code(t.arn)}\n\nTaken by ${someOf(t.actions)}.`,
    })),
  );
  const range = w.valueRange();
  for (const t of filterAndRank(templates, typed, (x) => x.filterText)) {
    items.push({
      label: t.fact.key,
      kind: 'resource',
      detail: t.fact.arn,
      documentation: t.documentation,
      range,
      insertText: w.value(t.snippet, true, false),
      snippet: true,
      filterText: t.filterText,
      sortText: sortText(items.length),
    });
  }
  return items;
}

/** Up to ten names as code, then "and N more". */
function someOf(names: readonly string[]): string {
  const shown = names.slice(0, 10).map(code).join(', ');
  return names.length > 10 ? `${shown} and ${names.length - 10} more` : shown;
}

/** True for condition keys whose values are Region codes (`aws:RequestedRegion`, `ec2:Region`, `kms:ReplicaRegion`…). */
function isRegionKey(key: string, info: ConditionKeyInfo | undefined): boolean {
  const name = key.slice(key.indexOf(':') + 1);
  return /regions?$/i.test(name) && !/multiregion/i.test(name) && (!info || info.type === 'String' || info.type === 'ArrayOfString');
}

const keyDocs = new WeakMap<ConditionKeyInfo, Map<string, string>>();

/** The markdown of a condition key as offered (cached: the same keys are offered again and again). */
function keyDocumentation(iam: IamData, info: ConditionKeyInfo, key: string): string {
  let byKey = keyDocs.get(info);
  if (!byKey) keyDocs.set(info, (byKey = new Map()));
  let doc = byKey.get(key);
  if (doc === undefined) byKey.set(key, (doc = conditionKeyMarkdown(iam, info, key)));
  return doc;
}

/** The value snippet for a new condition key under an operator. */
function conditionValueSnippet(operator: string, key: string, info: ConditionKeyInfo | undefined): { value: string; retrigger?: boolean } {
  const { setOperator, base } = splitOperator(operator);
  if (base === 'Null' || base === 'Bool' || info?.type === 'Bool') return { value: '"${1|true,false|}"' };
  if (isRegionKey(key, info)) return { value: '"$1"', retrigger: true };
  if (setOperator || info?.type.startsWith('ArrayOf')) return { value: '["$1"]' };
  return { value: '"$1"' };
}

/** A key's snippet text: variable parts (`${TagKey}`) become tab stops. */
function keySnippetName(key: string): { text: string; stops: number } {
  let stops = 0;
  const text = key.split(/(\$\{[^}]*\})/).map((part) => {
    const m = /^\$\{([^}]*)\}$/.exec(part);
    if (!m) return snippetText(jsonContent(part));
    stops++;
    return `\${${stops}:${snippetText(m[1])}}`;
  });
  return { text: text.join(''), stops };
}

/** Renumbers `$n`/`${n…}` tab stops of a value snippet by `by`. */
function shiftStops(snippet: string, by: number): string {
  return snippet.replace(/\$(\d+)|\$\{(\d+)/g, (_m, a: string | undefined, b: string | undefined) => (a ? `$${Number(a) + by}` : `\${${Number(b) + by}`));
}

function conditionKeyItems(ctx: Context, w: Writer, st: Statement | undefined, operator: string, token: StringToken | undefined): PolicyCompletion[] {
  const op = st?.condition?.operators.find((o) => o.key.name === operator);
  const present = new Set((op?.keys ?? []).filter((k) => !token || k.key.span.start !== token.span.start).map((k) => canonicalKey(k.key.name)));
  const candidates = statementFacts(ctx.iam, st).conditionKeys.filter((c) => !present.has(canonicalKey(c.key)));
  return filterAndRank(candidates, w.typed, (c) => c.key).map((c, i) => {
    const spec = conditionValueSnippet(operator, c.key, c.info);
    const name = keySnippetName(c.key);
    const { insertText, withValue } = w.property(name.text, shiftStops(spec.value, name.stops));
    const item: PolicyCompletion = {
      label: c.key,
      kind: 'condition-key',
      detail: c.info ? `${c.info.type}${c.forActions ? '' : isGlobalKey(c.info) ? ' · global' : ''}` : undefined,
      documentation: c.info ? keyDocumentation(ctx.iam, c.info, c.key) : undefined,
      range: w.keyRange(),
      insertText,
      snippet: true,
      filterText: w.keyFilter(c.key),
      sortText: sortText(i),
    };
    if (spec.retrigger && withValue) item.retrigger = true;
    return item;
  });
}

function operatorItems(ctx: Context, w: Writer, st: Statement | undefined, token: StringToken | undefined): PolicyCompletion[] {
  const present = new Set((st?.condition?.operators ?? []).filter((o) => !token || o.key.span.start !== token.span.start).map((o) => o.key.name));
  const names = OPERATOR_ITEMS.filter((o) => !present.has(o));
  return filterAndRank(names, w.typed, (n) => n).map((name, i) => {
    const k = w.key(name, '{\n\t"$1"\n}');
    const item: PolicyCompletion = {
      label: name,
      kind: 'operator',
      detail: 'condition operator',
      documentation: operatorDoc(name),
      range: w.keyRange(),
      insertText: k.insertText,
      snippet: true,
      filterText: w.keyFilter(name),
      sortText: sortText(i),
    };
    if (k.withValue) item.retrigger = true;
    return item;
  });
}

function principalTypeItems(w: Writer, st: Statement | undefined): PolicyCompletion[] {
  const entries = [...(st?.principal?.entries ?? []), ...(st?.notPrincipal?.entries ?? [])];
  const present = entries.filter((e) => e.key.span.start !== w.tokenStart).map((e) => e.key.name);
  const names = missingElements(['AWS', 'Service', 'Federated', 'CanonicalUser'], present, []);
  return filterAndRank(names, w.typed, (n) => n).map((name, i) => {
    const k = w.key(name, '"$1"');
    return {
      label: name,
      kind: 'element',
      detail: 'principal type',
      documentation: PRINCIPAL_TYPE_DOCS[name].summary,
      range: w.keyRange(),
      insertText: k.insertText,
      snippet: true,
      filterText: w.keyFilter(name),
      sortText: sortText(i),
    };
  });
}

function conditionValueItems(ctx: Context, w: Writer, st: Statement | undefined, operator: string, key: string, token: StringToken | undefined, inObject: boolean): PolicyCompletion[] {
  const inRegion = arnRegionItems(ctx, w, token);
  if (inRegion) return inRegion;
  const info = ctx.iam.conditionKey(key);
  const { base } = splitOperator(operator);
  const values = st?.condition?.operators.find((o) => o.key.name === operator)?.keys.find((k) => k.key.name === key)?.values ?? [];
  const present = new Set(values.filter((v) => !token || v.span.start !== token.span.start).map((v) => v.value));
  if (base === 'Null' || base === 'Bool' || info?.type === 'Bool') {
    const docs = base === 'Null' ? { true: 'the key is absent from the request', false: 'the key is present in the request' } : { true: 'the key is true', false: 'the key is false' };
    return simpleValues(w, [{ value: 'true', detail: docs.true }, { value: 'false', detail: docs.false }].filter((v) => !present.has(v.value)), 'value', inObject);
  }
  if (isRegionKey(key, info)) return regionItems(ctx, w, w.valueRange(), w.typed, 'aws', present, inObject, true);
  return [];
}

/**
 * The completion proposals at `offset` of `text`. `policy` is the model of the text (undefined
 * when the text is not a policy yet: an empty file, or JSON without `Statement`); positions that
 * are not inside a policy get nothing, except an empty document (a policy skeleton) and the
 * top-level keys of a JSON object that has no other keys yet.
 */
export function completionsAt(policy: Policy | undefined, text: string, offset: number, iam: IamData, settings: EngineSettings): PolicyCompletion[] {
  if (offset < 0 || offset > text.length || text.length > settings.maxFileSize) return [];
  const dialect = policy?.dialect ?? 'json';
  // Inside a string of the model no scan is needed; bare JSON positions are found by scanning.
  const inModel = policy ? modelSlotAt(policy, text, offset) : undefined;
  const slot: Slot | undefined = inModel ?? (dialect === 'json' ? jsonSlotAt(text, offset, policy) : undefined);
  if (!slot) return [];
  const ctx: Context = { text, offset, iam, settings, policy, dialect };
  const token = slot.kind === 'document' ? undefined : slot.token;
  const w = new Writer(text, offset, token, dialect);
  switch (slot.kind) {
    case 'document':
      return documentItems();
    case 'policy-key':
      return policyKeyItems(ctx, w, slot.present, token ? text.slice(token.content.start, token.content.end) : undefined);
    case 'policy-value':
      return slot.element === 'Version' ? simpleValues(w, [{ value: POLICY_VERSION, detail: 'current policy language version', documentation: POLICY_ELEMENT_DOCS.Version.summary }], 'value', true) : [];
    case 'statement-key':
      return statementKeyItems(ctx, w, slot.statement);
    case 'statement-value':
      switch (slot.element) {
        case 'Effect':
          return simpleValues(
            w,
            [
              { value: 'Allow', detail: 'grants the actions', documentation: STATEMENT_ELEMENT_DOCS.Effect.summary },
              { value: 'Deny', detail: 'denies the actions, overriding any Allow', documentation: STATEMENT_ELEMENT_DOCS.Effect.summary },
            ],
            'value',
            true,
          );
        case 'Action':
        case 'NotAction':
          if (token && token.typed.includes(':')) return actionItems(ctx, w, token, slot.statement, slot.element);
          if (w.typed === '*' || w.typed.startsWith('*')) return [];
          return serviceItems(ctx, w, token);
        case 'Resource':
        case 'NotResource':
          return resourceItems(ctx, w, token, slot.statement, slot.element);
        default:
          return [];
      }
    case 'principal-type':
      return principalTypeItems(w, slot.statement);
    case 'condition-operator':
      return operatorItems(ctx, w, slot.statement, token);
    case 'condition-key':
      return conditionKeyItems(ctx, w, slot.statement, slot.operator, token);
    case 'condition-value':
      return conditionValueItems(ctx, w, slot.statement, slot.operator, slot.key, token, true);
  }
}

/** The documentation of an item whose `resolve` data came back from the editor (validated here). */
export function completionDocumentation(data: unknown, iam: IamData): string | undefined {
  if (!data || typeof data !== 'object') return undefined;
  const d = data as Partial<Record<'type' | 'service' | 'name', unknown>>;
  if (typeof d.service !== 'string') return undefined;
  if (d.type === 'service') {
    const svc = iam.service(d.service);
    return svc ? serviceMarkdown(iam, svc) : undefined;
  }
  if (d.type === 'action' && typeof d.name === 'string') {
    const a = iam.action(d.service, d.name);
    return a ? actionSummaryMarkdown(iam, a) : undefined;
  }
  return undefined;
}
