// `--format json`: one array of findings for tools, sorted by file then position, with LSP-style
// 0-based positions (character in UTF-16 code units) and paths relative to the current
// directory with forward slashes.
import type { Range, Severity } from '../../engine/types';
import type { LintReport } from '../lint';

/** One finding in the JSON output (the shape is part of the CLI's interface). */
export interface JsonFinding {
  file: string;
  ruleId: string;
  severity: Severity;
  message: string;
  range: Range;
}

/** The findings of the report as JSON objects, in output order. */
export function jsonFindings(report: LintReport): JsonFinding[] {
  const out: JsonFinding[] = [];
  for (const file of report.files) {
    if (!file.lines) continue;
    for (const f of file.findings) out.push({ file: file.path, ruleId: f.ruleId, severity: f.severity, message: f.message, range: file.lines.rangeOf(f.span) });
  }
  return out;
}

/** Renders the report as a JSON array (two-space indented, newline-terminated). */
export function formatJson(report: LintReport): string {
  return JSON.stringify(jsonFindings(report), null, 2) + '\n';
}
