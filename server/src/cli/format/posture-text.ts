// `posture --format text`: results grouped by Region and category, one line per check with its
// state, title and summary; for anything but a pass, the reason, the evidence and the fix
// indented below; then the summary line. Colour only when the caller says so.
import { byCategory, STATE_LABELS, summaryLine, GLOBAL_REGION } from '../../posture/index';
import type { CheckState, PostureReport } from '../../posture/index';

const MARKS: Record<CheckState, string> = { pass: '✓', warning: '!', fail: '✗', 'not-applicable': '-', error: '?' };
const COLORS: Record<CheckState, string> = { pass: '32', warning: '33', fail: '31', 'not-applicable': '90', error: '35' };

/** Renders a posture report for a terminal or a CI log. */
export function formatPostureText(report: PostureReport, color: boolean): string {
  const paint = (code: string, s: string) => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const width = Math.max(...Object.values(STATE_LABELS).map((l) => l.length));
  const about = [report.accountId ? `account ${report.accountId}` : '', report.profile ? `profile ${report.profile}` : ''].filter((x) => x);
  const out: string[] = [`Amazon Bedrock security posture${about.length ? ` (${about.join(', ')})` : ''}`];
  for (const region of report.regions) {
    out.push('', paint('1', region.region === GLOBAL_REGION ? 'global (IAM, checked once)' : region.region));
    for (const group of byCategory(region.results)) {
      out.push(`  ${group.category}`);
      for (const r of group.results) {
        const label = `${MARKS[r.state]} ${STATE_LABELS[r.state]}`.padEnd(width + 2);
        out.push(`    ${paint(COLORS[r.state], label)}  ${r.title}: ${r.summary}  ${paint('2', r.checkId)}`);
        if (r.state === 'pass' || r.state === 'not-applicable') continue;
        const indent = ' '.repeat(width + 8);
        if (r.reason) out.push(`${indent}${r.reason}`);
        for (const e of r.evidence.slice(0, 5)) out.push(`${indent}${paint('2', `${e.label}: ${e.value}`)}`);
        if (r.evidence.length > 5) out.push(`${indent}${paint('2', `(${r.evidence.length - 5} more)`)}`);
        if (r.remediation) {
          out.push(`${indent}Fix: ${r.remediation.title}`);
          if (r.remediation.cliCommand) out.push(`${indent}  ${r.remediation.cliCommand}`);
          if (r.remediation.docsUrl) out.push(`${indent}  ${r.remediation.docsUrl}`);
        }
      }
    }
  }
  const s = report.summary;
  const summaryColor = s.fail ? '1;31' : s.error ? '1;35' : s.warning ? '1;33' : '1;32';
  out.push('', paint(summaryColor, summaryLine(s)));
  return `${out.join('\n')}\n`;
}
