// Reports as text for people and machines: the one-line summary, Markdown and JSON exports.
// The CLI's terminal output (cli/format/posture-text.ts) builds on the same summary line.
import type { CheckCategory, CheckResult, CheckState, PostureReport, PostureSummary } from './types';

/** Categories in display order. */
export const CATEGORIES: readonly CheckCategory[] = ['Guardrails', 'Logging', 'Network', 'Encryption', 'Monitoring', 'Identity'];

/** Words for each state, as shown to people. */
export const STATE_LABELS: Record<CheckState, string> = { pass: 'pass', warning: 'warning', fail: 'fail', 'not-applicable': 'not applicable', error: 'could not check' };

/**
 * The summary line: `<n> passed · <n> warning(s) · <n> failed · <n> could not check · <n> not
 * applicable`, in that order, leaving out parts that are zero ("No checks" when all are).
 */
export function summaryLine(s: PostureSummary): string {
  const parts = [
    s.pass ? `${s.pass} passed` : '',
    s.warning ? `${s.warning} ${s.warning === 1 ? 'warning' : 'warnings'}` : '',
    s.fail ? `${s.fail} failed` : '',
    s.error ? `${s.error} could not check` : '',
    s.notApplicable ? `${s.notApplicable} not applicable` : '',
  ].filter((p) => p !== '');
  return parts.length ? parts.join(' · ') : 'No checks';
}

/** The report as JSON (two-space indent, trailing newline). */
export function renderJson(report: PostureReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

const ICONS: Record<CheckState, string> = { pass: '✅', warning: '⚠️', fail: '❌', 'not-applicable': '➖', error: '❔' };

function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** Results of a Region grouped by category, in display order. */
export function byCategory(results: readonly CheckResult[]): { category: CheckCategory; results: CheckResult[] }[] {
  return CATEGORIES.map((category) => ({ category, results: results.filter((r) => r.category === category) })).filter((g) => g.results.length > 0);
}

function details(r: CheckResult): string[] {
  const out = [`#### ${ICONS[r.state]} ${r.title} (${r.region})`, ''];
  out.push(`${r.summary}${r.reason ? ` — ${r.reason}` : ''}`, '');
  for (const e of r.evidence) out.push(`- ${e.label}: ${e.value}`);
  if (r.evidence.length) out.push('');
  if (r.consoleUrl) out.push(`[Open in the AWS console](${r.consoleUrl})`, '');
  const fix = r.remediation;
  if (fix) {
    out.push(`**Fix:** ${fix.title}${fix.docsUrl ? ` ([AWS documentation](${fix.docsUrl}))` : ''}`, '');
    if (fix.cliCommand) out.push('```sh', fix.cliCommand, '```', '');
    if (fix.snippet) out.push('```json', fix.snippet, '```', '');
  }
  return out;
}

/** The report as Markdown: summary, a table per Region and category, then details of every warning, failure and check that could not run. */
export function renderMarkdown(report: PostureReport): string {
  const out = ['# Amazon Bedrock security posture', ''];
  const about = [report.accountId ? `Account ${report.accountId}` : '', report.profile ? `profile ${report.profile}` : '', `generated ${report.generatedAt}`].filter((x) => x);
  out.push(about.join(' · '), '', `**${summaryLine(report.summary)}**`, '');
  for (const region of report.regions) {
    out.push(`## ${region.region === 'global' ? 'Global (IAM)' : region.region}`, '');
    for (const group of byCategory(region.results)) {
      out.push(`### ${group.category}`, '', '| State | Check | Summary |', '|---|---|---|');
      for (const r of group.results) out.push(`| ${ICONS[r.state]} ${STATE_LABELS[r.state]} | ${cell(r.title)} (\`${r.checkId}\`) | ${cell(r.summary)} |`);
      out.push('');
    }
  }
  const notPassing = report.regions.flatMap((r) => r.results).filter((r) => r.state === 'warning' || r.state === 'fail' || r.state === 'error');
  if (notPassing.length) {
    out.push('## Details', '');
    for (const r of notPassing) out.push(...details(r));
  }
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}
