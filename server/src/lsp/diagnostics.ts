// Findings as LSP diagnostics and back. A diagnostic carries the rule id as `code`, a link to
// the rule's page as `codeDescription`, and in `data` the finding's data and the document
// version: code actions rebuild findings (and so fixes) from that, never from the message.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { docsUrl } from '../engine/rules/docs-url';
import type { LineIndex } from '../engine/text';
import type { Finding, FindingData, Severity, Span } from '../engine/types';

/** The `source` of every diagnostic this server publishes. */
export const DIAGNOSTIC_SOURCE = 'bedrock-security';

/** What a diagnostic's `data` holds. */
export interface DiagnosticData {
  ruleId: string;
  /** The finding's rule-defined data (absent when the rule attached none). */
  data?: FindingData;
  /** The document version the finding was computed for (null for files read from disk). */
  version: number | null;
}

/** What a code action request tells about one of our diagnostics. */
export interface ReceivedDiagnostic extends DiagnosticData {
  /** True when the client sent no `data` back (only `code`): the finding is found by rule and range. */
  dataDropped?: boolean;
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

const FROM_LSP: Record<number, Severity> = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' };

/** The LSP severity of an engine severity. */
export function toLspSeverity(s: Severity): DiagnosticSeverity {
  return SEVERITY[s];
}

/** A finding as a diagnostic of the document version `version`. */
export function toDiagnostic(f: Finding, lines: LineIndex, version: number | null): Diagnostic {
  const data: DiagnosticData = f.data === undefined ? { ruleId: f.ruleId, version } : { ruleId: f.ruleId, data: f.data, version };
  return {
    range: lines.rangeOf(f.span),
    severity: SEVERITY[f.severity],
    source: DIAGNOSTIC_SOURCE,
    code: f.ruleId,
    codeDescription: { href: docsUrl(f.ruleId) },
    message: f.message,
    data,
  };
}

/** The `data` of one of our diagnostics, validated (clients send it back untyped). */
export function diagnosticData(d: Diagnostic): ReceivedDiagnostic | undefined {
  if (d.source !== DIAGNOSTIC_SOURCE) return undefined;
  const raw = d.data as Partial<DiagnosticData> | undefined;
  if (raw && typeof raw === 'object' && typeof raw.ruleId === 'string') {
    const data = raw.data && typeof raw.data === 'object' && !Array.isArray(raw.data) ? raw.data : undefined;
    const version = typeof raw.version === 'number' ? raw.version : null;
    return data ? { ruleId: raw.ruleId, data, version } : { ruleId: raw.ruleId, version };
  }
  // A client that drops `data` still sends `code`: the rule id, without finding data.
  if (raw === undefined && typeof d.code === 'string' && d.code.includes('/')) return { ruleId: d.code, version: null, dataDropped: true };
  return undefined;
}

/** Rebuilds the finding of one of our diagnostics on the document version it was computed for. */
export function findingOf(d: Diagnostic, data: DiagnosticData, lines: LineIndex): Finding {
  const span: Span = lines.spanOf(d.range);
  const severity = FROM_LSP[d.severity ?? 2] ?? 'warning';
  return data.data ? { ruleId: data.ruleId, severity, message: d.message, span, data: data.data } : { ruleId: data.ruleId, severity, message: d.message, span };
}

/** Structural equality of two JSON values (finding data after a JSON round trip). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a as object).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b as object).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => jsonEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
