// The rule documentation shipped in the extension (docs/rules/<family>/<name>.md, generated from
// the rules' metadata by `npm run docs`): reads each page's id, default severity and one-line
// description for the "Show Rule Documentation" picker. No `vscode` import, so that node:test
// covers it (test/client/rule-docs-index.test.ts).

/** One rule as its documentation page describes it. */
export interface RuleDocEntry {
  id: string;
  severity: string;
  description: string;
  /** The page, relative to the docs/rules folder (forward slashes). */
  page: string;
}

/**
 * Reads the header of a generated rule page: the `# family/name` title, the `**Default
 * severity:**` line and the first paragraph after it. Undefined for pages without that shape
 * (an index page, say).
 */
export function readRuleDoc(page: string, markdown: string): RuleDocEntry | undefined {
  const lines = markdown.split(/\r?\n/);
  const titleAt = lines.findIndex((l) => /^# [a-z]+\/[a-z0-9-]+\s*$/.test(l));
  if (titleAt < 0) return undefined;
  const id = lines[titleAt].slice(2).trim();
  const metaAt = lines.findIndex((l, i) => i > titleAt && l.startsWith('**Default severity:**'));
  if (metaAt < 0) return undefined;
  const severity = /^\*\*Default severity:\*\*\s*([a-z]+)/.exec(lines[metaAt])?.[1] ?? '';
  const paragraph: string[] = [];
  for (let i = metaAt + 1; i < lines.length; i++) {
    if (lines[i].trim() === '') {
      if (paragraph.length) break;
      continue;
    }
    if (lines[i].startsWith('#')) break;
    paragraph.push(lines[i].trim());
  }
  return { id, severity, description: paragraph.join(' '), page };
}

/** The rule id a diagnostic's `code` names (a string, or `{ value }` with a link). */
export function ruleIdOf(code: unknown): string | undefined {
  const value = typeof code === 'object' && code !== null ? (code as { value?: unknown }).value : code;
  return typeof value === 'string' && /^[a-z]+\/[a-z0-9-]+$/.test(value) ? value : undefined;
}
