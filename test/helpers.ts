// Shared test helpers: lint text with the real engine and IAM data, pin spans with markers,
// apply fixes and check that the result still parses and no longer has the finding.
import assert from 'node:assert/strict';
import { sharedIamData } from '../server/src/engine/iam/data';
import { Linter, type LintOptions } from '../server/src/engine/linter';
import { applyEdits } from '../server/src/engine/fixes';
import { defaultSettings, type EngineSettings } from '../server/src/engine/settings';
import type { PolicyKind } from '../server/src/engine/policy/model';
import type { Finding, Fix, Span } from '../server/src/engine/types';
import { LineIndex } from '../server/src/engine/text';

export const linter = new Linter(sharedIamData());

export interface TestLintOptions {
  path?: string;
  kind?: PolicyKind;
  settings?: Partial<EngineSettings>;
}

function options(o: TestLintOptions = {}): LintOptions {
  return { path: o.path ?? 'policy.json', policyType: o.kind, settings: { ...defaultSettings(), ...o.settings } };
}

/**
 * Removes the markers `⟦` and `⟧` from `marked` and returns the plain text and the spans they
 * enclosed, in order. Lets a test write the exact expected range of each finding inline.
 */
export function unmark(marked: string): { text: string; spans: Span[] } {
  const spans: Span[] = [];
  const open: number[] = [];
  let text = '';
  for (const ch of marked) {
    if (ch === '⟦') open.push(text.length);
    else if (ch === '⟧') spans.push({ start: open.pop()!, end: text.length });
    else text += ch;
  }
  assert.equal(open.length, 0, 'unbalanced markers');
  spans.sort((a, b) => a.start - b.start || a.end - b.end);
  return { text, spans };
}

/** All findings for a JSON text. */
export function lint(text: string, o?: TestLintOptions): Finding[] {
  return linter.lintJson(text, options(o)).findings;
}

/** The findings of one rule. */
export function findingsOf(ruleId: string, text: string, o?: TestLintOptions): Finding[] {
  return lint(text, o).filter((f) => f.ruleId === ruleId);
}

/**
 * Asserts that `ruleId` reports exactly the marked spans of `marked` (and, when given, exactly
 * these messages, in order). Returns the findings.
 */
export function expectFindings(ruleId: string, marked: string, messages?: (string | RegExp)[], o?: TestLintOptions): Finding[] {
  return assertMarkedFindings(ruleId, marked, messages, (text) => findingsOf(ruleId, text, o));
}

/**
 * The assertion behind expectFindings (JSON) and expectCodeFindings (code): `find` lints the
 * unmarked text; its findings must cover exactly the marked spans and carry these messages.
 */
export function assertMarkedFindings(ruleId: string, marked: string, messages: (string | RegExp)[] | undefined, find: (text: string) => Finding[]): Finding[] {
  const { text, spans } = unmark(marked);
  const found = find(text);
  const show = (s: Span) => `${s.start}-${s.end} ${JSON.stringify(text.slice(s.start, s.end))}`;
  assert.deepEqual(found.map((f) => show(f.span)), spans.map(show), `spans of ${ruleId}`);
  if (messages) {
    assert.equal(found.length, messages.length, 'number of messages');
    found.forEach((f, i) => {
      const m = messages[i];
      if (typeof m === 'string') assert.equal(f.message, m);
      else assert.match(f.message, m);
    });
  }
  return found;
}

/** Asserts that `ruleId` reports nothing on `text`. */
export function expectClean(ruleId: string, text: string, o?: TestLintOptions): void {
  const found = findingsOf(ruleId, text, o);
  assert.deepEqual(found.map((f) => `${f.message} @${f.span.start}`), [], `${ruleId} should report nothing`);
}

/** The fixes offered for the `index`-th finding of `ruleId`. */
export function fixesOf(ruleId: string, text: string, index = 0, o?: TestLintOptions): Fix[] {
  const opts = options(o);
  const result = linter.lintJson(text, opts);
  const f = result.findings.filter((x) => x.ruleId === ruleId)[index];
  assert.ok(f, `no finding #${index} of ${ruleId}`);
  assert.ok(result.policy);
  // Round-trip the finding through JSON as the LSP does, so fixes depend on `data` alone.
  const wire = JSON.parse(JSON.stringify(f)) as Finding;
  return linter.fixesFor(result.policy, text, opts.settings, wire);
}

/**
 * Applies fix `fixTitle` (or the only/preferred one) of the `index`-th finding of `ruleId`, and
 * asserts that the result parses as JSON and that re-linting no longer reports that finding at
 * that place. Returns the new text.
 */
export function applyFix(ruleId: string, text: string, opts: { index?: number; title?: string | RegExp } & TestLintOptions = {}): string {
  const fixes = fixesOf(ruleId, text, opts.index ?? 0, opts);
  let fix: Fix | undefined;
  if (opts.title) fix = fixes.find((f) => (typeof opts.title === 'string' ? f.title === opts.title : opts.title!.test(f.title)));
  else fix = fixes.find((f) => f.isPreferred) ?? fixes[0];
  assert.ok(fix, `no fix ${opts.title ?? ''} among ${fixes.map((f) => f.title).join(' | ')}`);
  const out = applyEdits(text, fix.edits);
  assert.doesNotThrow(() => JSON.parse(out), `fix result must parse:\n${out}`);
  const before = findingsOf(ruleId, text, opts).length;
  const after = findingsOf(ruleId, out, opts).length;
  assert.ok(after < before, `re-linting must report fewer ${ruleId} findings (before ${before}, after ${after}):\n${out}`);
  return out;
}

/** `line:character-line:character` of a span in `text` (0-based), for readable assertions. */
export function rangeText(text: string, span: Span): string {
  const li = new LineIndex(text);
  const r = li.rangeOf(span);
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

/** Builds a policy JSON text from statements (pretty-printed with two spaces). */
export function policyJson(statements: unknown[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ Version: '2012-10-17', ...extra, Statement: statements }, null, 2);
}
