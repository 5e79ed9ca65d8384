// Lints one document's text with the engine and keeps the result per document version, so that
// diagnostics and the code actions that follow them share one parse. Files read from disk are
// linted the same way but not cached.
import type { Diagnostic } from 'vscode-languageserver';
import type { ModuleResolver } from '../engine/code/resolve';
import type { LintOptions, LintResult, Linter } from '../engine/linter';
import type { Policy } from '../engine/policy/model';
import { LineIndex } from '../engine/text';
import { toDiagnostic } from './diagnostics';
import { lintPath } from './folders';
import type { FolderSettings } from './settings';
import { documentKey, documentLanguage, uriToPath } from './uri';

/** A document's text, lint result and settings, for one version. */
export class LintedDocument {
  private index?: LineIndex;

  constructor(
    readonly uri: string,
    /** The editor's version; null for a file read from disk. */
    readonly version: number | null,
    readonly text: string,
    readonly settings: FolderSettings,
    readonly options: LintOptions,
    readonly result: LintResult,
  ) {}

  /** Line/character conversion for this text, built on first use. */
  get lines(): LineIndex {
    return (this.index ??= new LineIndex(this.text));
  }

  /** The findings as diagnostics; an empty list for documents that are not policies. */
  diagnostics(): Diagnostic[] {
    if (!this.result.isPolicy || this.result.findings.length === 0) return [];
    return this.result.findings.map((f) => toDiagnostic(f, this.lines, this.version));
  }
}

/** A policy parsed (not linted) from one version of an open document's text. */
interface ParsedDocument {
  version: number;
  text: string;
  generation: number;
  policy: Policy | undefined;
}

/** Lints documents, caching the latest result of each open document. */
export class DocumentLinter {
  private readonly cache = new Map<string, LintedDocument>();
  private readonly parsed = new Map<string, ParsedDocument>();

  /**
   * @param code for TypeScript/JavaScript documents: the language id of an open document (an
   *   untitled one has no file name to tell), and the workspace's modules (relative imports).
   */
  constructor(
    readonly linter: Linter,
    private readonly code: { languageId?: (uri: string) => string | undefined; modules?: ModuleResolver } = {},
  ) {}

  /** The lint options of a document in a folder. */
  options(uri: string, settings: FolderSettings): LintOptions {
    const language = documentLanguage(uri, this.code.languageId?.(uri)) ?? 'json';
    if (language === 'json') return { path: lintPath(uri, settings.folder), settings: settings.engine };
    return { path: lintPath(uri, settings.folder), settings: settings.engine, language, filePath: uriToPath(uri), modules: this.code.modules };
  }

  /** Lints an open document's version, or returns the cached result for that version and settings. */
  lintOpen(uri: string, version: number, text: string, settings: FolderSettings): LintedDocument {
    const key = documentKey(uri);
    const cached = this.cache.get(key);
    if (cached && cached.version === version && cached.settings.generation === settings.generation && cached.text === text) return cached;
    const linted = this.lint(uri, version, text, settings);
    this.cache.set(key, linted);
    return linted;
  }

  /** Lints text without caching it (files read from disk). */
  lint(uri: string, version: number | null, text: string, settings: FolderSettings): LintedDocument {
    const options = this.options(uri, settings);
    return new LintedDocument(uri, version, text, settings, options, this.linter.lint(text, options));
  }

  /**
   * The policy model of an open document's version, for hover and completion: the cached lint's
   * when that version was linted, else a parse without the rules (cached for the version), so
   * that a completion request while typing never waits for a full lint. Undefined for text that
   * is not a policy or is longer than the maxFileSize setting.
   */
  policyOpen(uri: string, version: number, text: string, settings: FolderSettings): Policy | undefined {
    const key = documentKey(uri);
    const linted = this.cache.get(key);
    if (linted && linted.version === version && linted.settings.generation === settings.generation && linted.text === text) return linted.result.policy;
    const cached = this.parsed.get(key);
    if (cached && cached.version === version && cached.generation === settings.generation && cached.text === text) return cached.policy;
    const options = this.options(uri, settings);
    const policy = text.length > settings.engine.maxFileSize || (options.language ?? 'json') !== 'json' ? undefined : this.linter.parseJson(text, options);
    this.parsed.set(key, { version, text, generation: settings.generation, policy });
    return policy;
  }

  /** Drops the cached result of a document (it was closed). */
  forget(uri: string): void {
    this.cache.delete(documentKey(uri));
    this.parsed.delete(documentKey(uri));
  }

  /** Drops every cached result. */
  clear(): void {
    this.cache.clear();
    this.parsed.clear();
  }
}
