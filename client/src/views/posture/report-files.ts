// File names of the exported posture reports (a Markdown file and a JSON file side by side).
// Editor-agnostic (no `vscode` import) so that node:test covers it.
import type { PostureReport } from '../../../../server/src/posture/types';

/**
 * The default base name of a report's files: `bedrock-posture-<account>-<UTC time>`, e.g.
 * `bedrock-posture-123456789012-20261130T0812Z`; without an account id, `bedrock-posture-<time>`.
 * Only file-name-safe characters.
 */
export function reportBaseName(report: Pick<PostureReport, 'accountId' | 'generatedAt'>): string {
  const when = new Date(report.generatedAt);
  const stamp = Number.isNaN(when.getTime()) ? '' : when.toISOString().replace(/[-:]/g, '').replace(/(T\d{4}).*$/, '$1Z');
  const account = /^\d{12}$/.test(report.accountId ?? '') ? report.accountId : undefined;
  return ['bedrock-posture', account, stamp].filter(Boolean).join('-');
}

/**
 * The two files of an export chosen as `path` in a save dialog: the Markdown file (`.md` added
 * when the name has another or no extension) and the JSON file next to it with the same base name.
 */
export function reportPaths(path: string): { markdown: string; json: string } {
  const base = path.replace(/\.(md|markdown|json)$/i, '');
  return { markdown: `${base}.md`, json: `${base}.json` };
}
