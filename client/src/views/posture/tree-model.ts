// The Account Posture tree as plain data: a PostureReport becomes Region → category → check
// nodes with labels, descriptions, icons, Markdown tooltips and context values. Editor-agnostic
// (no `vscode` import) so that node:test covers everything the view shows; posture-tree.ts only
// wraps these nodes in TreeItems.
import type { CheckCategory, CheckResult, CheckState, PostureReport, PostureSummary } from '../../../../server/src/posture/types';
import { regionName } from '../../aws/regions';

/** A codicon id and the theme colour id it is drawn in (https://code.visualstudio.com/api/references/icons-in-labels). */
export interface NodeIcon {
  id: string;
  color?: string;
}

interface NodeBase {
  /** Stable across refreshes, so that the tree keeps its expansion state. */
  id: string;
  label: string;
  description: string;
  /** Markdown (rendered with theme icons enabled, without command links). */
  tooltip: string;
  icon: NodeIcon;
  /** Matched by `viewItem` when clauses in package.json menus. */
  contextValue: string;
  /** What a screen reader says for the row (the state in words, not only as an icon). */
  spoken: string;
  expanded?: boolean;
}

/** One checked Region, or the pseudo-Region `global` of the account-wide (IAM) checks. */
export interface RegionNode extends NodeBase {
  kind: 'region';
  region: string;
  children: CategoryNode[];
}

/** One category of the checklist within a Region. */
export interface CategoryNode extends NodeBase {
  kind: 'category';
  region: string;
  category: CheckCategory;
  children: CheckNode[];
}

/** One check's result. */
export interface CheckNode extends NodeBase {
  kind: 'check';
  result: CheckResult;
}

/** A run-level message in place of results (no Region to check, the run could not start, …). */
export interface NoticeNode extends NodeBase {
  kind: 'notice';
  /** A command the node runs when clicked. */
  command?: { id: string; title: string };
}

export type PostureNode = RegionNode | CategoryNode | CheckNode | NoticeNode;

/** How each state is shown: its word, icon and colour; `rank` orders states from worst. */
export const STATE_DISPLAY: Readonly<Record<CheckState, { label: string; icon: NodeIcon; rank: number }>> = {
  fail: { label: 'Failed', icon: { id: 'error', color: 'testing.iconFailed' }, rank: 0 },
  error: { label: 'Could not check', icon: { id: 'question', color: 'problemsWarningIcon.foreground' }, rank: 1 },
  warning: { label: 'Warning', icon: { id: 'warning', color: 'problemsWarningIcon.foreground' }, rank: 2 },
  pass: { label: 'Passed', icon: { id: 'pass', color: 'testing.iconPassed' }, rank: 3 },
  'not-applicable': { label: 'Not applicable', icon: { id: 'circle-slash', color: 'disabledForeground' }, rank: 4 },
};

/** Display order of the categories (the order of the Bedrock security checklist). */
export const CATEGORY_ORDER: readonly CheckCategory[] = ['Guardrails', 'Logging', 'Network', 'Encryption', 'Monitoring', 'Identity'];

const CATEGORY_ICONS: Record<CheckCategory, string> = { Guardrails: 'shield', Logging: 'output', Network: 'plug', Encryption: 'key', Monitoring: 'pulse', Identity: 'person' };

/** The pseudo-Region of account-wide checks (IAM is global). */
export const GLOBAL_REGION = 'global';

/** Formats a summary as the view title shows it (server/src/posture `summaryLine`). */
export type SummaryLine = (summary: PostureSummary) => string;

/** Counts results per state. */
export function countStates(results: readonly CheckResult[]): PostureSummary {
  const summary: PostureSummary = { pass: 0, warning: 0, fail: 0, notApplicable: 0, error: 0 };
  for (const r of results) {
    if (r.state === 'not-applicable') summary.notApplicable++;
    else if (r.state in summary) summary[r.state]++;
  }
  return summary;
}

/** The worst state among results (fail, could not check, warning, pass, not applicable). */
export function worstState(results: readonly CheckResult[]): CheckState {
  let worst: CheckState = 'not-applicable';
  for (const r of results) if (STATE_DISPLAY[r.state] && STATE_DISPLAY[r.state].rank < STATE_DISPLAY[worst].rank) worst = r.state;
  return worst;
}

const needsAttention = (state: CheckState): boolean => state === 'fail' || state === 'error' || state === 'warning';

/**
 * Builds the tree of a report: one node per Region (in report order, `global` last), under it
 * the categories that have results (checklist order), under each its checks (report order).
 * Regions are expanded; categories are expanded when something in them needs attention.
 */
export function buildPostureTree(report: PostureReport, summaryLine: SummaryLine): RegionNode[] {
  const regions = [...report.regions].sort((a, b) => Number(a.region === GLOBAL_REGION) - Number(b.region === GLOBAL_REGION));
  return regions.map((r) => {
    const results = r.results.filter((x) => x && STATE_DISPLAY[x.state]);
    const categories = [...CATEGORY_ORDER, ...new Set(results.map((x) => x.category).filter((c) => !CATEGORY_ORDER.includes(c)))];
    const seen = new Set<string>();
    const children = categories
      .map((category) => {
        const checks = results.filter((x) => x.category === category);
        const checkNodes = checks.map((result) => {
          let id = `check:${r.region}:${result.checkId}`;
          for (let n = 2; seen.has(id); n++) id = `check:${r.region}:${result.checkId}#${n}`;
          seen.add(id);
          return checkNode(result, id);
        });
        return categoryNode(r.region, category, checkNodes, summaryLine);
      })
      .filter((c) => c.children.length > 0);
    const worst = worstState(results);
    const summary = summaryLine(countStates(results));
    const name = r.region === GLOBAL_REGION ? 'Account-wide checks (IAM is global: run once, not per Region)' : regionName(r.region);
    return {
      kind: 'region',
      id: `region:${r.region}`,
      region: r.region,
      label: r.region === GLOBAL_REGION ? 'Global' : r.region,
      description: summary,
      spoken: `${r.region === GLOBAL_REGION ? 'Global' : r.region}: ${summary || 'no checks'}`,
      tooltip: [`${themeIcon(worst)} **${escapeMarkdown(r.region)}**${name ? ` — ${escapeMarkdown(name)}` : ''}`, escapeMarkdown(summary || 'No checks')].join('\n\n'),
      icon: results.length ? STATE_DISPLAY[worst].icon : { id: 'globe' },
      contextValue: 'postureRegion',
      expanded: true,
      children,
    };
  });
}

function categoryNode(region: string, category: CheckCategory, children: CheckNode[], summaryLine: SummaryLine): CategoryNode {
  const results = children.map((c) => c.result);
  const worst = worstState(results);
  const summary = summaryLine(countStates(results));
  return {
    kind: 'category',
    id: `category:${region}:${category}`,
    region,
    category,
    label: category,
    description: summary,
    spoken: `${category} in ${region === GLOBAL_REGION ? 'Global' : region}: ${summary}`,
    tooltip: `$(${CATEGORY_ICONS[category] ?? 'checklist'}) **${escapeMarkdown(category)}** in ${escapeMarkdown(region)}\n\n${escapeMarkdown(summary)}`,
    icon: STATE_DISPLAY[worst].icon,
    contextValue: 'postureCategory',
    expanded: results.some((r) => needsAttention(r.state)),
    children,
  };
}

function checkNode(result: CheckResult, id: string): CheckNode {
  return {
    kind: 'check',
    id,
    label: result.title,
    description: result.summary,
    spoken: `${result.title}: ${STATE_DISPLAY[result.state].label}. ${result.summary}`,
    tooltip: checkTooltip(result),
    icon: STATE_DISPLAY[result.state].icon,
    contextValue: checkContextValue(result),
    result,
  };
}

/** What a check offers to help fix it, in menu order. Offered for failed checks and warnings. */
export type RemediationAction = 'copyCliCommand' | 'openSnippet' | 'openRemediationDocs' | 'openConsole';

/** The remediation actions of a result (empty unless it failed or warned). */
export function remediationActions(result: CheckResult): RemediationAction[] {
  const actions: RemediationAction[] = [];
  if (result.state !== 'fail' && result.state !== 'warning') return actions;
  const fix = result.remediation;
  if (fix?.cliCommand) actions.push('copyCliCommand');
  if (fix?.snippet) actions.push('openSnippet');
  if (fix?.docsUrl && safeUrl(fix.docsUrl)) actions.push('openRemediationDocs');
  if (result.consoleUrl && safeUrl(result.consoleUrl)) actions.push('openConsole');
  return actions;
}

/**
 * The context value of a check node: `postureCheck`, its state, then one token per remediation
 * action (failed checks and warnings), and `openConsole` whenever it has a console link, space-separated
 * (e.g. `postureCheck fail remediable copyCliCommand openConsole`).
 * package.json menus match tokens with `viewItem =~ /^postureCheck\b.*\bcopyCliCommand\b/`.
 */
export function checkContextValue(result: CheckResult): string {
  const actions = remediationActions(result);
  const tokens = ['postureCheck', result.state, ...(actions.length ? ['remediable', ...actions] : [])];
  if (result.consoleUrl && safeUrl(result.consoleUrl) && !tokens.includes('openConsole')) tokens.push('openConsole');
  return tokens.join(' ');
}

/** Evidence lines shown in a tooltip before the rest is cut ("… and N more"). */
export const MAX_TOOLTIP_EVIDENCE = 20;
/** Characters of one evidence value shown in a tooltip. */
export const MAX_EVIDENCE_VALUE = 300;

/** The tooltip of a check: state, ids, summary, reason, evidence, fix and links (Markdown). */
export function checkTooltip(result: CheckResult): string {
  const display = STATE_DISPLAY[result.state];
  const parts = [
    `${themeIcon(result.state)} **${escapeMarkdown(result.title)}** — ${display.label}`,
    `${inlineCode(result.checkId)} · ${escapeMarkdown(result.region)} · ${escapeMarkdown(result.category)}`,
  ];
  if (result.summary) parts.push(escapeMarkdown(result.summary));
  if (result.reason) parts.push(`**${result.state === 'error' ? 'Could not check' : 'Reason'}:** ${escapeMarkdown(result.reason)}`);
  const evidence = Array.isArray(result.evidence) ? result.evidence : [];
  if (evidence.length) {
    const lines = evidence.slice(0, MAX_TOOLTIP_EVIDENCE).map((e) => `- ${escapeMarkdown(String(e.label))}: ${inlineCode(truncate(String(e.value), MAX_EVIDENCE_VALUE))}`);
    if (evidence.length > MAX_TOOLTIP_EVIDENCE) lines.push(`- … and ${evidence.length - MAX_TOOLTIP_EVIDENCE} more (Export writes all of them)`);
    parts.push(`**Evidence**\n\n${lines.join('\n')}`);
  }
  if (result.remediation?.title && (result.state === 'fail' || result.state === 'warning')) parts.push(`**Fix:** ${escapeMarkdown(result.remediation.title)}`);
  const links = [
    result.consoleUrl && safeUrl(result.consoleUrl) ? `[$(link-external) Open in the AWS console](${safeUrl(result.consoleUrl)})` : undefined,
    result.remediation?.docsUrl && safeUrl(result.remediation.docsUrl) ? `[$(book) AWS documentation](${safeUrl(result.remediation.docsUrl)})` : undefined,
  ].filter(Boolean);
  if (links.length) parts.push(links.join(' · '));
  return parts.join('\n\n');
}

/**
 * A notice node for a run-level problem or message. `look` is a state (its icon and colour:
 * `error` for "could not run", `not-applicable` for neutral information) or an explicit icon.
 */
export function noticeNode(id: string, look: CheckState | NodeIcon, label: string, detail: string, command?: NoticeNode['command']): NoticeNode {
  const icon = typeof look === 'string' ? STATE_DISPLAY[look].icon : look;
  const tooltip = [`$(${icon.id}) **${escapeMarkdown(label)}**`, escapeMarkdown(detail), command ? `Click to ${escapeMarkdown(lowerFirst(command.title))}.` : ''].filter(Boolean).join('\n\n');
  return { kind: 'notice', id: `notice:${id}`, label, description: detail, tooltip, icon, contextValue: 'postureNotice', spoken: `${label}: ${detail}`, command };
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** The language to open a remediation snippet in: JSON when it parses, a shell script for AWS CLI text, else plain text. */
export function snippetLanguage(snippet: string): 'json' | 'shellscript' | 'plaintext' {
  try {
    JSON.parse(snippet);
    return 'json';
  } catch {
    return /^(#!|aws\s)/m.test(snippet.trimStart()) ? 'shellscript' : 'plaintext';
  }
}

/** `$(icon)` for a state, for Markdown with theme icons enabled. */
function themeIcon(state: CheckState): string {
  return `$(${STATE_DISPLAY[state].icon.id})`;
}

/** Escapes Markdown syntax (and `$(`, which would start a theme icon) in plain text. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()<>#+\-.!|~$]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
}

/** Text as a Markdown code span, with a fence longer than any backtick run inside it. */
export function inlineCode(text: string): string {
  const flat = text.replace(/\r?\n/g, ' ');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((m) => m.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return flat ? `${fence}${pad}${flat}${pad}${fence}` : '(empty)';
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The URL when it is an https URL (console and doc links only), percent-encoding Markdown-breaking characters; else undefined. */
export function safeUrl(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:') return undefined;
    return parsed.href.replace(/[()<> ]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  } catch {
    return undefined;
  }
}
