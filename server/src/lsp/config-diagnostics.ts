// Problems in a folder's `.bedrock-security.json`, located on the property they come from, so
// that the server can show them as diagnostics on that file (in every editor, open or not).
// Validation itself is the engine's `mergeConfig`, applied one property at a time.
import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { Diagnostic } from 'vscode-languageserver';
import { defaultSettings, mergeConfig } from '../engine/settings';
import { LineIndex } from '../engine/text';
import type { Severity, Span } from '../engine/types';
import { CONFIG_FILE } from '../node/workspace';
import { DIAGNOSTIC_SOURCE, toLspSeverity } from './diagnostics';

/** One problem of the config file. */
export interface ConfigIssue {
  message: string;
  span: Span;
  severity: Severity;
}

const spanOf = (n: Node): Span => ({ start: n.offset, end: n.offset + n.length });

function nodeValue(n: Node | undefined): unknown {
  if (!n) return undefined;
  switch (n.type) {
    case 'object': {
      const o: Record<string, unknown> = {};
      for (const p of n.children ?? []) {
        const [k, v] = p.children ?? [];
        if (k?.type === 'string') o[String(k.value)] = nodeValue(v);
      }
      return o;
    }
    case 'array':
      return (n.children ?? []).map(nodeValue);
    default:
      return n.value;
  }
}

/** The problems of a config file's text; an empty list when it is valid. */
export function configIssues(text: string, knownRules: ReadonlySet<string>): ConfigIssue[] {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length) {
    return errors.map((e) => ({
      message: `${CONFIG_FILE} is not valid JSON (${printParseErrorCode(e.error)}); the whole file is ignored until this is fixed.`,
      span: { start: e.offset, end: e.offset + e.length },
      severity: 'error',
    }));
  }
  if (!root) return [];
  const base = defaultSettings();
  if (root.type !== 'object') return [{ message: `${CONFIG_FILE}: the configuration must be a JSON object.`, span: spanOf(root), severity: 'error' }];
  const issues: ConfigIssue[] = [];
  const add = (raw: Record<string, unknown>, at: Span) => {
    for (const p of mergeConfig(base, raw, knownRules).problems) issues.push({ message: `${CONFIG_FILE}: ${p.message}; this entry is ignored.`, span: at, severity: 'warning' });
  };
  for (const prop of root.children ?? []) {
    const [keyNode, valueNode] = prop.children ?? [];
    if (keyNode?.type !== 'string') continue;
    const key = String(keyNode.value);
    if (key === 'rules' && valueNode?.type === 'object') {
      for (const entry of valueNode.children ?? []) {
        const [ruleKey, sev] = entry.children ?? [];
        if (ruleKey?.type !== 'string') continue;
        add({ rules: { [String(ruleKey.value)]: nodeValue(sev) } }, spanOf(entry));
      }
    } else {
      add({ [key]: nodeValue(valueNode) }, spanOf(prop));
    }
  }
  return issues;
}

/** The problems of a config file's text as diagnostics (source `bedrock-security`, no rule code). */
export function configDiagnostics(text: string, knownRules: ReadonlySet<string>): Diagnostic[] {
  const issues = configIssues(text, knownRules);
  if (!issues.length) return [];
  const lines = new LineIndex(text);
  return issues.map((i) => ({ range: lines.rangeOf(i.span), severity: toLspSeverity(i.severity), source: DIAGNOSTIC_SOURCE, message: i.message }));
}
