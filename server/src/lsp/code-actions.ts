// Code actions: each of our diagnostics' fixes as quick fixes, "fix all problems of a rule in
// this file", and the `source.fixAll.bedrockSecurity` action run on save. Findings are rebuilt
// from the diagnostics' `data` (and the cached parse of the document), never from messages.
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type TextEdit as LspTextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import { autoFix } from '../engine/fixes';
import type { Linter } from '../engine/linter';
import type { LineIndex } from '../engine/text';
import type { Finding, Fix, TextEdit } from '../engine/types';
import { diagnosticData, findingOf, jsonEqual } from './diagnostics';
import type { LintedDocument } from './document-linter';

/** The fix-all kind this server offers (a sub-kind of `source.fixAll`). */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.bedrockSecurity`;

/** The code action kinds the server declares. */
export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix, FIX_ALL_KIND];

/** What the client can do with code actions. */
export interface CodeActionClient {
  /** WorkspaceEdit.documentChanges (versioned edits). */
  documentChanges: boolean;
  /** codeAction/resolve for `edit`: expensive edits are computed only when chosen. */
  resolveEdit: boolean;
}

/** The `data` of a code action whose edit is computed on resolve. */
export interface FixAllActionData {
  uri: string;
  version: number;
  /** The rule to fix; every rule when absent (source.fixAll). */
  ruleId?: string;
}

/** True when a requested kind (`context.only` entry) covers `kind`. */
function covers(requested: string, kind: string): boolean {
  return requested === '' || kind === requested || kind.startsWith(requested + '.');
}

function toLspEdits(edits: readonly TextEdit[], lines: LineIndex): LspTextEdit[] {
  return edits.map((e) => ({ range: lines.rangeOf(e.span), newText: e.newText }));
}

/** A workspace edit of one document, versioned when the client supports it. */
export function workspaceEdit(uri: string, version: number, edits: LspTextEdit[], client: CodeActionClient): WorkspaceEdit {
  return client.documentChanges ? { documentChanges: [{ textDocument: { uri, version }, edits }] } : { changes: { [uri]: edits } };
}

/** The smallest single edit that turns `before` into `after` (common prefix and suffix kept). */
export function minimalEdit(before: string, after: string): TextEdit | undefined {
  if (before === after) return undefined;
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let endB = before.length;
  let endA = after.length;
  while (endB > start && endA > start && before.charCodeAt(endB - 1) === after.charCodeAt(endA - 1)) {
    endB--;
    endA--;
  }
  return { span: { start, end: endB }, newText: after.slice(start, endA) };
}

/**
 * The finding behind one of our diagnostics. On the version it was computed for, it is rebuilt
 * from the diagnostic itself; a diagnostic of an older version (or from disk) is matched to the
 * current finding of the same rule with equal data, nearest to where it was. When the client
 * dropped `data`, the current finding of the rule at exactly the diagnostic's range is used.
 */
function findingFor(d: Diagnostic, doc: LintedDocument): Finding | undefined {
  const data = diagnosticData(d);
  if (!data) return undefined;
  if (!data.dataDropped && data.version !== null && data.version === doc.version) return findingOf(d, data, doc.lines);
  const span = doc.lines.spanOf(d.range);
  if (data.dataDropped) return doc.result.findings.find((f) => f.ruleId === data.ruleId && f.span.start === span.start && f.span.end === span.end);
  let best: Finding | undefined;
  for (const f of doc.result.findings) {
    if (f.ruleId !== data.ruleId || !jsonEqual(f.data, data.data)) continue;
    if (!best || Math.abs(f.span.start - span.start) < Math.abs(best.span.start - span.start)) best = f;
  }
  return best;
}

/** The edit of "fix all" (one rule, or every rule), or undefined when there is nothing to fix. */
export function fixAllEdit(linter: Linter, doc: LintedDocument, ruleId: string | undefined, client: CodeActionClient): WorkspaceEdit | undefined {
  if (doc.version === null || (!doc.result.policy && !doc.result.code)) return undefined;
  const { text } = linter.fixAll(doc.text, doc.options, ruleId ? (f) => f.ruleId === ruleId : undefined);
  const edit = minimalEdit(doc.text, text);
  if (!edit) return undefined;
  return workspaceEdit(doc.uri, doc.version, toLspEdits([edit], doc.lines), client);
}

/** The code actions for a request on a linted document. */
export function codeActions(linter: Linter, doc: LintedDocument, params: CodeActionParams, client: CodeActionClient): CodeAction[] {
  const { result } = doc;
  if ((!result.policy && !result.code) || doc.version === null) return [];
  const only = params.context.only;
  const actions: CodeAction[] = [];
  const fixCounts = new Map<string, number>();
  const countFixable = (ruleId: string): number => {
    let n = fixCounts.get(ruleId);
    if (n === undefined) {
      n = doc.result.findings.filter((f) => f.ruleId === ruleId && autoFix(linter.fixesOf(result, doc.text, doc.settings.engine, f))).length;
      fixCounts.set(ruleId, n);
    }
    return n;
  };

  if (!only || only.some((k) => covers(k, CodeActionKind.QuickFix))) {
    const fixAllRules = new Map<string, Diagnostic[]>();
    for (const d of params.context.diagnostics ?? []) {
      const finding = findingFor(d, doc);
      if (!finding) continue;
      for (const fix of linter.fixesOf(result, doc.text, doc.settings.engine, finding)) {
        const action: CodeAction = { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [d], edit: workspaceEdit(doc.uri, doc.version, toLspEdits(fix.edits, doc.lines), client) };
        if (fix.isPreferred) action.isPreferred = true;
        actions.push(action);
      }
      const list = fixAllRules.get(finding.ruleId) ?? [];
      list.push(d);
      fixAllRules.set(finding.ruleId, list);
    }
    for (const [ruleId, diagnostics] of fixAllRules) {
      if (countFixable(ruleId) < 2) continue;
      const action: CodeAction = { title: `Fix all ${ruleId} problems in this file`, kind: CodeActionKind.QuickFix, diagnostics };
      if (client.resolveEdit) action.data = { uri: doc.uri, version: doc.version, ruleId } satisfies FixAllActionData;
      else {
        const edit = fixAllEdit(linter, doc, ruleId, client);
        if (!edit) continue;
        action.edit = edit;
      }
      actions.push(action);
    }
  }

  if (only?.some((k) => covers(k, FIX_ALL_KIND))) {
    const action: CodeAction = { title: 'Fix all Bedrock Security problems', kind: FIX_ALL_KIND };
    if (client.resolveEdit && !only.includes(FIX_ALL_KIND) && !only.includes(CodeActionKind.SourceFixAll)) {
      if (doc.result.findings.some((f) => autoFix(linter.fixesOf(result, doc.text, doc.settings.engine, f)))) {
        action.data = { uri: doc.uri, version: doc.version } satisfies FixAllActionData;
        actions.push(action);
      }
    } else {
      const edit = fixAllEdit(linter, doc, undefined, client);
      if (edit) {
        action.edit = edit;
        actions.push(action);
      }
    }
  }
  return actions;
}

/** Validates the `data` of a code action sent back for resolving. */
export function fixAllActionData(raw: unknown): FixAllActionData | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const d = raw as Partial<FixAllActionData>;
  if (typeof d.uri !== 'string' || typeof d.version !== 'number') return undefined;
  if (d.ruleId !== undefined && typeof d.ruleId !== 'string') return undefined;
  return d.ruleId === undefined ? { uri: d.uri, version: d.version } : { uri: d.uri, version: d.version, ruleId: d.ruleId };
}
