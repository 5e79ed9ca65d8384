// Test helpers for code analysis: lint TypeScript/JavaScript text with the real engine, pin spans
// with ⟦ ⟧ markers, apply fixes and check that the code still parses and the finding is gone,
// and resolve relative imports from an in-memory set of modules.
import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { parseImportedModule } from '../server/src/engine/code/analyze';
import { codeLanguageOfPath, type CodeLanguage } from '../server/src/engine/code/languages';
import { syntaxErrorCount, type ParsedModule } from '../server/src/engine/code/module';
import type { ModuleResolver } from '../server/src/engine/code/resolve';
import { applyEdits } from '../server/src/engine/fixes';
import type { LintOptions, LintResult } from '../server/src/engine/linter';
import { defaultSettings, type EngineSettings } from '../server/src/engine/settings';
import type { Finding, Fix } from '../server/src/engine/types';
import { assertMarkedFindings, linter } from './helpers';

export interface CodeLintOptions {
  /** Absolute path of the file (relative imports resolve from it); `/work/app/main.ts` by default. */
  path?: string;
  language?: CodeLanguage;
  settings?: Partial<EngineSettings>;
  /** Other modules of the workspace, by absolute path. */
  modules?: Record<string, string>;
}

/** A module resolver over in-memory files (extensions and index files tried as a bundler would). */
export function memoryModules(files: Record<string, string>): ModuleResolver & { requests: string[] } {
  const parsed = new Map<string, ParsedModule>();
  const requests: string[] = [];
  return {
    requests,
    resolve(fromPath, specifier) {
      requests.push(specifier);
      const base = join(dirname(fromPath), specifier);
      const stem = base.replace(/\.[cm]?js$/, '');
      for (const candidate of [base, ...['.ts', '.tsx', '.js', '.mjs', '.cjs'].map((x) => stem + x), ...['/index.ts', '/index.js'].map((x) => base + x)]) {
        const text = files[candidate];
        if (text === undefined) continue;
        let mod = parsed.get(candidate);
        if (!mod) {
          mod = parseImportedModule(text, codeLanguageOfPath(candidate) ?? 'typescript', candidate);
          parsed.set(candidate, mod);
        }
        return mod;
      }
      return undefined;
    },
  };
}

export function codeOptions(o: CodeLintOptions = {}): LintOptions {
  const path = o.path ?? '/work/app/main.ts';
  return {
    path: path.replace(/^\/work\/app\//, ''),
    filePath: path,
    language: o.language ?? codeLanguageOfPath(path) ?? 'typescript',
    settings: { ...defaultSettings(), ...o.settings },
    modules: o.modules ? memoryModules(o.modules) : undefined,
  };
}

/** The lint result of a code text. */
export function lintCodeResult(text: string, o?: CodeLintOptions): LintResult {
  return linter.lint(text, codeOptions(o));
}

/** The findings of one rule (every rule when `ruleId` is undefined) on a code text. */
export function codeFindingsOf(ruleId: string | undefined, text: string, o?: CodeLintOptions): Finding[] {
  return lintCodeResult(text, o).findings.filter((f) => ruleId === undefined || f.ruleId === ruleId);
}

/** Asserts that `ruleId` reports exactly the marked spans of `marked` (and these messages). */
export function expectCodeFindings(ruleId: string, marked: string, messages?: (string | RegExp)[], o?: CodeLintOptions): Finding[] {
  return assertMarkedFindings(ruleId, marked, messages, (text) => codeFindingsOf(ruleId, text, o));
}

/** Asserts that `ruleId` reports nothing on a code text. */
export function expectCodeClean(ruleId: string, text: string, o?: CodeLintOptions): void {
  const found = codeFindingsOf(ruleId, text, o);
  assert.deepEqual(found.map((f) => `${f.message} @${f.span.start}`), [], `${ruleId} should report nothing`);
}

/** The fixes of the `index`-th finding of `ruleId`, rebuilt from the finding's JSON round trip. */
export function codeFixesOf(ruleId: string, text: string, index = 0, o?: CodeLintOptions): Fix[] {
  const opts = codeOptions(o);
  const result = linter.lint(text, opts);
  const f = result.findings.filter((x) => x.ruleId === ruleId)[index];
  assert.ok(f, `no finding #${index} of ${ruleId}`);
  const wire = JSON.parse(JSON.stringify(f)) as Finding;
  return linter.fixesOf(result, text, opts.settings, wire);
}

/**
 * Applies fix `title` (or the preferred/only one) of the `index`-th finding of `ruleId`; asserts
 * that the code still parses without new syntax errors and that `ruleId` reports less. Returns
 * the new text.
 */
export function applyCodeFix(ruleId: string, text: string, opts: { index?: number; title?: string | RegExp } & CodeLintOptions = {}): string {
  const fixes = codeFixesOf(ruleId, text, opts.index ?? 0, opts);
  let fix: Fix | undefined;
  if (opts.title) fix = fixes.find((f) => (typeof opts.title === 'string' ? f.title === opts.title : opts.title!.test(f.title)));
  else fix = fixes.find((f) => f.isPreferred) ?? fixes[0];
  assert.ok(fix, `no fix ${opts.title ?? ''} among ${fixes.map((f) => f.title).join(' | ')}`);
  const out = applyEdits(text, fix.edits);
  const language = codeOptions(opts).language as CodeLanguage;
  assert.equal(syntaxErrorCount(out, language), syntaxErrorCount(text, language), `the fix must not break the code:\n${out}`);
  const before = codeFindingsOf(ruleId, text, opts).length;
  const after = codeFindingsOf(ruleId, out, opts).length;
  assert.ok(after < before, `re-linting must report fewer ${ruleId} findings (before ${before}, after ${after}):\n${out}`);
  return out;
}
