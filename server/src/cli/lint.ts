// The work of `bedrock-security lint` once the files are known: read and decode each file
// synchronously, lint it with the engine, and collect findings and per-file failures into a
// report that the formatters (format/*.ts) print.
import { readFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { isCodePath } from '../engine/code/languages';
import type { Linter } from '../engine/linter';
import type { PolicyKind } from '../engine/policy/model';
import type { EngineSettings } from '../engine/settings';
import { LineIndex } from '../engine/text';
import type { Finding, Severity } from '../engine/types';
import { decodeText } from '../node/decode';
import { WorkspaceModules } from '../node/module-resolver';
import { workspaceScpRegions } from '../node/scp-regions';
import { sourceTypeOf } from './files';

/** The findings of one file that was read. */
export interface FileReport {
  /** Path relative to the current directory, with forward slashes. */
  path: string;
  isPolicy: boolean;
  /** Findings to report (errors only with `--quiet`), in document order. */
  findings: Finding[];
  /** Line index of the text, present when there are findings (to turn spans into positions). */
  lines?: LineIndex;
}

/** A file that could not be linted (unreadable, binary, undecodable). */
export interface FileFailure {
  path: string;
  message: string;
}

export type SeverityCounts = Record<Severity, number>;

export interface LintReport {
  /** Every file that was read, sorted by path. */
  files: FileReport[];
  failures: FileFailure[];
  /** Counts of the reported findings. */
  counts: SeverityCounts;
  /** All warnings, reported or not (what `--max-warnings` compares with). */
  warnings: number;
  /**
   * Files that were analysed: JSON policies, and code that may hold findings (the others are JSON
   * of another kind, or code without Bedrock, policies or keys, and were not analysed).
   */
  policyFiles: number;
}

export interface LintRunOptions {
  /** Paths are shown relative to this directory. */
  cwd: string;
  /** SCP globs (settings.scpFiles) match paths relative to this directory. */
  root: string;
  settings: EngineSettings;
  policyType?: PolicyKind;
  /** Report errors only. */
  quiet: boolean;
}

function posixRelative(from: string, to: string): string {
  const rel = relative(from, to);
  return sep === '/' ? rel : rel.split(sep).join('/');
}

function reasonOf(e: unknown): string {
  return (e as NodeJS.ErrnoException).code ?? (e as Error).message ?? String(e);
}

/** Lints `files` (absolute paths). Never throws for a file's content or an unreadable file. */
export function lintFiles(linter: Linter, files: readonly string[], opts: LintRunOptions): LintReport {
  const reports: FileReport[] = [];
  const failures: FileFailure[] = [];
  const counts: SeverityCounts = { error: 0, warning: 0, information: 0, hint: 0 };
  let warnings = 0;
  let policyFiles = 0;
  // Code files: relative imports are read from disk, and sdk/region-not-allowed gets the Regions
  // the SCPs under the root allow (read only when there is code to lint).
  const modules = new WorkspaceModules();
  let settings = opts.settings;
  if (settings.codeAnalysis && settings.scpRegions === undefined && files.some(isCodePath)) settings = { ...settings, scpRegions: workspaceScpRegions(opts.root, settings) };
  for (const abs of files) {
    const path = posixRelative(opts.cwd, abs);
    let bytes: Buffer;
    try {
      bytes = readFileSync(abs);
    } catch (e) {
      failures.push({ path, message: `cannot read the file (${reasonOf(e)})` });
      continue;
    }
    const decoded = decodeText(bytes);
    if ('error' in decoded) {
      failures.push({ path, message: `cannot read the file: ${decoded.error}` });
      continue;
    }
    let all: Finding[];
    let isPolicy: boolean;
    try {
      const result = sourceTypeOf(abs).lint(linter, decoded.text, { path: posixRelative(opts.root, abs), policyType: opts.policyType, settings, filePath: abs, modules });
      all = result.findings;
      isPolicy = result.isPolicy;
    } catch (e) {
      // A rule that throws must not hide the other files' results; the run still fails (exit 2).
      failures.push({ path, message: `internal error while linting: ${(e as Error).message ?? String(e)}` });
      continue;
    }
    if (isPolicy) policyFiles++;
    for (const f of all) if (f.severity === 'warning') warnings++;
    const findings = opts.quiet ? all.filter((f) => f.severity === 'error') : all;
    for (const f of findings) counts[f.severity]++;
    reports.push(findings.length ? { path, isPolicy, findings, lines: new LineIndex(decoded.text) } : { path, isPolicy, findings });
  }
  reports.sort((a, b) => compareStrings(a.path, b.path));
  failures.sort((a, b) => compareStrings(a.path, b.path));
  return { files: reports, failures, counts, warnings, policyFiles };
}

/** Code-unit order: the same on every machine and locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
