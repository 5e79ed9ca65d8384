// Hover information for a policy: what an action does (or which actions a wildcard matches),
// which resource types an ARN names and which of the statement's actions take them, what a
// condition key, a condition operator, a policy variable or a policy element means. Works on the
// policy model and offsets only, so that JSON files and policies in code get the same hovers.
import type { IamData } from '../iam/data';
import { region } from '../iam/regions';
import { splitAction } from '../policy/analysis';
import type { Policy, ScalarNode, Statement } from '../policy/model';
import { ENDPOINT_PREFIXES, OBSOLETE_ACTIONS, RETIRED_SERVICES } from '../rules/iam/reference-gaps';
import type { Span } from '../types';
import { nodeAt } from './cursor';
import { actionMarkdown, arnMarkdown, conditionKeyMarkdown, wildcardMarkdown } from './describe';
import { statementFacts } from './facts';
import { code, elementMarkdown, escapeMarkdown, operatorDoc, OPERATORS_URL, POLICY_ELEMENT_DOCS, PRINCIPAL_TYPE_DOCS, STATEMENT_ELEMENT_DOCS, VARIABLES_URL } from './docs';

/** A hover: markdown, and the source range it describes. */
export interface PolicyHover {
  markdown: string;
  span: Span;
}

/** The special policy variables that stand for characters IAM would otherwise read as syntax. */
const SPECIAL_VARIABLES: Readonly<Record<string, string>> = {
  '*': 'a literal `*` (asterisk)',
  '?': 'a literal `?` (question mark)',
  $: 'a literal `$` (dollar sign)',
};

/**
 * The policy variable `${…}` around `offset` in a string literal, with its span. Only for literals
 * whose source text is their value (no escapes), so that offsets map onto the value.
 */
function variableAt(text: string, node: ScalarNode, offset: number): { name: string; span: Span } | undefined {
  const start = node.span.start + 1;
  if (node.kind !== 'string' || node.computed || text.slice(start, start + node.value.length) !== node.value) return undefined;
  const i = offset - start;
  const v = node.value;
  const open = v.lastIndexOf('${', i);
  if (open < 0) return undefined;
  const close = v.indexOf('}', open);
  if (close < 0 || close < i) return undefined;
  return { name: v.slice(open + 2, close), span: { start: start + open, end: start + close + 1 } };
}

function variableHover(iam: IamData, name: string): string | undefined {
  const special = SPECIAL_VARIABLES[name];
  if (special) return `**\${${escapeMarkdown(name)}}** — policy variable: ${special}.\n\n[IAM policy variables](${VARIABLES_URL})`;
  // `${aws:username, 'default'}`: a variable with a default value.
  const key = name.replace(/,.*$/, '').trim();
  const info = iam.conditionKey(key);
  const head = `**\${${escapeMarkdown(name)}}** — policy variable: replaced by the request's value of ${code(key)}. Needs \`"Version": "2012-10-17"\`. When the request has no value for the key, the string that holds the variable matches nothing, unless the variable gives a default (\`\${aws:username, 'none'}\`).`;
  return info ? `${head}\n\n${conditionKeyMarkdown(iam, info, key)}` : `${head}\n\n[IAM policy variables](${VARIABLES_URL})`;
}

function actionHover(iam: IamData, value: string): string | undefined {
  if (value === '*') return '**\\*** — every action of every AWS service, including actions AWS adds later.';
  const split = splitAction(value);
  if (!split || /[*?]/.test(split.service)) return undefined;
  const { service, name } = split;
  const notes: string[] = [];
  let prefix = service;
  const real = ENDPOINT_PREFIXES.get(service);
  if (real) {
    notes.push(`⚠️ ${code(service)} is an API endpoint name, not an IAM service prefix: these APIs are authorized by ${code(real + ':')} actions, so this entry grants nothing.`);
    prefix = real;
  }
  const retired = RETIRED_SERVICES.get(service);
  if (retired) return `⚠️ ${code(service)} is the prefix of ${escapeMarkdown(retired)}, which AWS retired: this entry grants nothing.`;
  const obsolete = OBSOLETE_ACTIONS.get(value.toLowerCase());
  if (obsolete) {
    const replacement = obsolete.replacement ? ` Use ${code(obsolete.replacement)}.` : '';
    return `⚠️ **${escapeMarkdown(value)}** ${escapeMarkdown(obsolete.why)}: it grants nothing any more.${replacement}`;
  }
  if (!iam.hasService(prefix)) return notes.length ? notes.join('\n\n') : undefined;
  let body: string | undefined;
  if (/[*?]/.test(name)) body = wildcardMarkdown(iam, prefix, name, iam.matchActions(prefix, name));
  else {
    const a = iam.action(prefix, name);
    if (a) body = actionMarkdown(iam, a);
  }
  if (body) notes.push(body);
  return notes.length ? notes.join('\n\n') : undefined;
}

/** Up to ten names as code, then "and N more". */
function someOf(names: readonly string[]): string {
  const shown = names.slice(0, 10).map(code).join(', ');
  return names.length > 10 ? `${shown} and ${names.length - 10} more` : shown;
}

/**
 * `"Resource": "*"`: which of the statement's actions need it (they take no resource type) and
 * which could be limited to ARNs instead, the question a least-privilege review asks.
 */
function starResourceHover(iam: IamData, statement: Statement): string {
  const { actions, starOnly } = statementFacts(iam, statement);
  const parts = ['**\\*** — every resource, including resources created later.'];
  if (starOnly.length) parts.push(`Required by ${someOf(starOnly)}: ${starOnly.length === 1 ? 'it supports' : 'they support'} no resource type.`);
  const scoped = actions.filter((a) => a.resourceTypes.length > 0).map((a) => `${a.service}:${a.name}`);
  if (scoped.length) parts.push(`${someOf(scoped)} can be limited to the ARNs of ${scoped.length === 1 ? 'its' : 'their'} resource types: move ${scoped.length === 1 ? 'it' : 'them'} to a statement with specific resources.`);
  return parts.join('\n\n');
}

function valueHover(iam: IamData, text: string, node: ScalarNode, offset: number, statement?: Statement): PolicyHover | undefined {
  const variable = variableAt(text, node, offset);
  if (variable) {
    const markdown = variableHover(iam, variable.name);
    return markdown ? { markdown, span: variable.span } : undefined;
  }
  if (node.value.startsWith('arn:')) {
    // A statement whose actions cannot be listed (NotAction, `*`) says nothing about "its actions".
    const actions = statement ? statementFacts(iam, statement).actions : [];
    const markdown = arnMarkdown(iam, node.value, actions.length ? actions : undefined);
    return markdown ? { markdown, span: node.span } : undefined;
  }
  const r = region(node.value);
  if (r) return { markdown: `**${r.code}** — ${escapeMarkdown(r.name)}, partition ${code(r.partition)}`, span: node.span };
  return undefined;
}

/**
 * The hover for the character at `offset` of a policy's source `text`, or undefined when there
 * is nothing to say about it. `iam` answers every question about actions, keys and ARNs.
 */
export function hoverAt(policy: Policy, text: string, offset: number, iam: IamData): PolicyHover | undefined {
  const at = nodeAt(policy, offset);
  if (!at) return undefined;
  switch (at.role) {
    case 'policy-key': {
      const doc = POLICY_ELEMENT_DOCS[at.key.name];
      return doc ? { markdown: elementMarkdown(at.key.name, doc, 'policy element'), span: at.key.span } : undefined;
    }
    case 'statement-key': {
      const doc = STATEMENT_ELEMENT_DOCS[at.key.name];
      return doc ? { markdown: elementMarkdown(at.key.name, doc, 'statement element'), span: at.key.span } : undefined;
    }
    case 'principal-type': {
      const doc = PRINCIPAL_TYPE_DOCS[at.entry.key.name];
      return doc ? { markdown: elementMarkdown(at.entry.key.name, doc, 'principal type'), span: at.entry.key.span } : undefined;
    }
    case 'condition-operator': {
      const name = at.operator.key.name;
      const doc = operatorDoc(name);
      return doc ? { markdown: `**${escapeMarkdown(name)}** — condition operator\n\n${doc}\n\n[IAM condition operators](${OPERATORS_URL})`, span: at.operator.key.span } : undefined;
    }
    case 'condition-key': {
      const name = at.key.key.name;
      const info = iam.conditionKey(name);
      return info ? { markdown: conditionKeyMarkdown(iam, info, name), span: at.key.key.span } : undefined;
    }
    case 'list-entry': {
      if (at.element === 'Action' || at.element === 'NotAction') {
        const markdown = actionHover(iam, at.node.value);
        return markdown ? { markdown, span: at.node.span } : undefined;
      }
      if (at.element === 'Resource' && at.node.value === '*') return { markdown: starResourceHover(iam, at.statement), span: at.node.span };
      return valueHover(iam, text, at.node, offset, at.statement);
    }
    case 'condition-value':
    case 'principal-value':
      return valueHover(iam, text, at.node, offset);
    default:
      return undefined;
  }
}
