// `--format text`: one line per finding, `path:line:col  severity  message  rule-id` (1-based
// line and column, the column in UTF-16 code units as editors count), grouped per file, then a
// summary line. Colour only when the caller says so (a TTY without NO_COLOR).
import type { Severity } from '../../engine/types';
import type { LintReport, SeverityCounts } from '../lint';

const LABELS: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'info', hint: 'hint' };
const COLORS: Record<Severity, string> = { error: '31', warning: '33', information: '36', hint: '90' };

function plural(n: number, word: string, words = `${word}s`): string {
  return `${n} ${n === 1 ? word : words}`;
}

/** The summary line, e.g. `✖ 3 problems (1 error, 2 warnings, 0 info)`. */
export function summaryLine(counts: SeverityCounts, policyFiles: number): string {
  const total = counts.error + counts.warning + counts.information + counts.hint;
  if (total === 0) return `No problems found in ${plural(policyFiles, 'policy file')}.`;
  return `✖ ${plural(total, 'problem')} (${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.information + counts.hint} info)`;
}

/** Renders the report as text for a terminal or a CI log. */
export function formatText(report: LintReport, color: boolean): string {
  const paint = (code: string, s: string) => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const blocks: string[] = [];
  for (const file of report.files) {
    if (!file.findings.length || !file.lines) continue;
    const rows = file.findings.map((f) => {
      const at = file.lines!.positionAt(f.span.start);
      return { where: `${file.path}:${at.line + 1}:${at.character + 1}`, f };
    });
    const whereWidth = Math.max(...rows.map((r) => r.where.length));
    const sevWidth = Math.max(...rows.map((r) => LABELS[r.f.severity].length));
    blocks.push(
      rows
        .map(({ where, f }) => {
          const label = LABELS[f.severity];
          return `${where.padEnd(whereWidth)}  ${paint(COLORS[f.severity], label)}${' '.repeat(sevWidth - label.length)}  ${f.message}  ${paint('2', f.ruleId)}`;
        })
        .join('\n'),
    );
  }
  const counts = report.counts;
  const summary = summaryLine(counts, report.policyFiles);
  const summaryColor = counts.error ? '1;31' : counts.warning ? '1;33' : counts.information + counts.hint ? '1;36' : '32';
  blocks.push(paint(summaryColor, summary));
  return blocks.join('\n\n') + '\n';
}
