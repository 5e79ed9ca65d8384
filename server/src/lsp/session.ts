// The language server's behaviour behind the wiring in server.ts: which documents are linted
// when, with which folder's settings, where their diagnostics go, and the code actions and
// commands that act on them. Open documents are linted from the editor buffer (debounced),
// closed files of the workspace folders from disk (WorkspaceScanner).
import { basename, dirname } from 'node:path';
import {
  type CancellationToken,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  MessageType,
  ShowMessageNotification,
  TextDocumentSyncKind,
  type CodeAction,
  type CodeActionParams,
  type CompletionItem,
  type CompletionList,
  type CompletionParams,
  type Connection,
  type DidChangeConfigurationParams,
  type DidChangeWatchedFilesParams,
  type ExecuteCommandParams,
  type Hover,
  type HoverParams,
  type InitializeParams,
  type InitializeResult,
  type TextDocuments,
  type WorkspaceFoldersChangeEvent,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { completionsAt } from '../engine/editor/completion';
import { isInLineString } from '../engine/editor/cursor';
import { hoverAt } from '../engine/editor/hover';
import type { Linter } from '../engine/linter';
import { isScpPath } from '../engine/settings';
import type { Policy } from '../engine/policy/model';
import { WorkspaceModules } from '../node/module-resolver';
import { CONFIG_FILE, workspaceRelative } from '../node/workspace';
import { CODE_ACTION_KINDS, codeActions, fixAllActionData, fixAllEdit, type CodeActionClient } from './code-actions';
import { completionClientOf, resolveCompletionItem, toCompletionList, type CompletionClient } from './completion';
import { configDiagnostics } from './config-diagnostics';
import { DiagnosticsScheduler } from './diagnostics-scheduler';
import { DocumentLinter, type LintedDocument } from './document-linter';
import { InProcessFileLinter, WorkerFileLinter, type FileLinter } from './file-linter';
import { WorkspaceFolders, type Folder } from './folders';
import { invalidParams } from './guard';
import { hoverMarkdownOf, toLspHover } from './hover';
import { SETTINGS_SECTION, SettingsStore, type FolderSettings } from './settings';
import { documentKey, isJsonDocument, isLintedDocument, isLintedPath, pathToUri, uriToPath } from './uri';
import { fixFiles, fixFilesParams, type FixFilesResult } from './workspace-fixes';
import { workspaceCodeUsage } from './code-usage';
import type { CodeUsage } from '../engine/scaffold/from-code';
import { WorkspaceScanner, type ScanProgress } from './workspace-scanner';

/** Re-reads settings and re-lints every open document and workspace file (with progress). */
export const LINT_WORKSPACE_COMMAND = 'bedrockSecurity.lintWorkspace';

/** Characters that open completion: a quote starts a key or value, a colon ends a service prefix. */
export const COMPLETION_TRIGGERS = ['"', ':'];

/** Timing of the session; tests and other front ends may change it. */
export interface SessionOptions {
  /** Quiet period after a change before an open document is linted again. */
  debounceMs: number;
  /** Period over which file-watcher events are collected before acting on them. */
  fileEventsDelayMs: number;
  /**
   * The server's script, started again as a worker thread that lints closed workspace files;
   * without it they are linted on the server's thread.
   */
  workerEntry?: string;
}

export const DEFAULT_SESSION_OPTIONS: SessionOptions = { debounceMs: 175, fileEventsDelayMs: 100 };

/** What the client declared it can do, as far as the server cares. */
interface ClientSupport {
  configuration: boolean;
  workspaceFolders: boolean;
  watchedFilesRegistration: boolean;
  configurationRegistration: boolean;
  codeActions: CodeActionClient;
  completion: CompletionClient;
  hoverMarkdown: boolean;
}

/** The state of one server instance (one client connection). */
export class Session {
  private readonly folders = new WorkspaceFolders();
  private readonly settings: SettingsStore;
  private readonly docs: DocumentLinter;
  /** Modules that relative imports of analysed code name (open buffers first, then disk). */
  private readonly modules: WorkspaceModules;
  private readonly scheduler: DiagnosticsScheduler;
  private readonly scanner: WorkspaceScanner;
  private readonly files: FileLinter;
  private readonly knownRules: ReadonlySet<string>;
  /** The `documentKey`s (file paths) of open JSON documents. */
  private readonly open = new Set<string>();
  /** Documents opened but not linted yet (their first lint is not debounced). */
  private readonly justOpened = new Set<string>();
  /** Editor-settings problems already shown to the user. */
  private readonly shownProblems = new Set<string>();
  private readonly fileEvents = new Map<string, FileChangeType>();
  private fileEventsTimer?: NodeJS.Timeout;
  /** Settings pushed with didChangeConfiguration by clients without workspace/configuration. */
  private pushedSettings: unknown;
  private support: ClientSupport = {
    configuration: false,
    workspaceFolders: false,
    watchedFilesRegistration: false,
    configurationRegistration: false,
    codeActions: { documentChanges: false, resolveEdit: false },
    completion: { snippets: false, markdown: false, labelDetails: false, triggerSuggest: false },
    hoverMarkdown: true,
  };

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly linter: Linter,
    private readonly options: SessionOptions = DEFAULT_SESSION_OPTIONS,
  ) {
    this.knownRules = new Set(linter.rules.map((r) => r.meta.id));
    this.modules = new WorkspaceModules((path) => {
      const doc = this.documents.all().find((d) => documentKey(d.uri) === path);
      return doc ? { text: doc.getText(), version: doc.version } : undefined;
    });
    this.docs = new DocumentLinter(linter, { languageId: (uri) => this.documents.get(uri)?.languageId, modules: this.modules });
    this.settings = new SettingsStore({
      knownRules: this.knownRules,
      editorSettings: (folder) => this.editorSettings(folder),
      reportEditorProblems: (problems) => this.reportEditorProblems(problems),
    });
    this.scheduler = new DiagnosticsScheduler(
      options.debounceMs,
      (uri) => this.validateOpen(uri),
      (uri, e) => this.logError(`Linting ${uri} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`),
    );
    this.files = options.workerEntry
      ? new WorkerFileLinter(options.workerEntry, () => linter, (m) => this.connection.console.log(m))
      : new InProcessFileLinter(linter);
    this.scanner = new WorkspaceScanner({
      settings: (folder) => this.settings.get(folder),
      isOpen: (path) => this.open.has(path),
      files: this.files,
      publish: (uri, diagnostics) => void this.connection.sendDiagnostics({ uri, diagnostics }),
      startProgress: (title) => this.startProgress(title),
      log: (message) => this.connection.console.log(message),
    });
  }

  /** Logs an error to the client's output. */
  logError(message: string): void {
    this.connection.console.error(message);
  }

  initialize(params: InitializeParams): InitializeResult {
    const caps = params.capabilities ?? {};
    this.support = {
      configuration: !!caps.workspace?.configuration,
      workspaceFolders: !!caps.workspace?.workspaceFolders,
      watchedFilesRegistration: !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration,
      configurationRegistration: !!caps.workspace?.didChangeConfiguration?.dynamicRegistration,
      codeActions: {
        documentChanges: !!caps.workspace?.workspaceEdit?.documentChanges,
        resolveEdit: !!caps.textDocument?.codeAction?.resolveSupport?.properties?.includes('edit'),
      },
      completion: completionClientOf(params),
      hoverMarkdown: hoverMarkdownOf(params),
    };
    const root = params.rootUri ?? (params.rootPath ? pathToUri(params.rootPath) : undefined);
    this.folders.set(params.workspaceFolders ?? (root ? [{ uri: root, name: basename(uriToPath(root) ?? root) }] : []));
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS, resolveProvider: true },
        hoverProvider: true,
        completionProvider: { triggerCharacters: COMPLETION_TRIGGERS, resolveProvider: true },
        executeCommandProvider: { commands: [LINT_WORKSPACE_COMMAND] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'bedrock-security' },
    };
  }

  /** After `initialized`: registers dynamic capabilities and lints the workspace folders. */
  initialized(): void {
    if (this.support.configurationRegistration) {
      this.connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION }).catch((e: unknown) => this.logError(`Cannot register for configuration changes: ${String(e)}`));
    }
    if (this.support.watchedFilesRegistration) {
      this.connection.client
        .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.json' }, { globPattern: '**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}' }, { globPattern: '**/.gitignore' }] })
        .catch((e: unknown) => this.logError(`Cannot register the file watcher: ${String(e)}`));
    }
    if (this.support.workspaceFolders) {
      this.connection.workspace.onDidChangeWorkspaceFolders((e) => {
        try {
          this.didChangeWorkspaceFolders(e);
        } catch (err) {
          this.logError(`didChangeWorkspaceFolders failed: ${String(err)}`);
        }
      });
    }
    for (const folder of this.folders.all()) void this.scanner.request(folder, 'all');
  }

  /** A document was opened: lint it right away. */
  didOpen(doc: TextDocument): void {
    if (!isLintedDocument(doc.uri, doc.languageId)) return;
    const key = documentKey(doc.uri);
    this.open.add(key);
    this.justOpened.add(doc.uri);
    // Diagnostics published from disk under another spelling of this file's URI are replaced.
    const diskUri = uriToPath(doc.uri) !== undefined ? pathToUri(key) : undefined;
    if (diskUri && diskUri !== doc.uri) void this.connection.sendDiagnostics({ uri: diskUri, diagnostics: [] });
  }

  /** A document's content changed (also sent right after opening): lint it after a quiet period. */
  didChangeContent(doc: TextDocument): void {
    if (!isLintedDocument(doc.uri, doc.languageId)) return;
    this.scheduler.schedule(doc.uri, this.justOpened.delete(doc.uri));
    this.relintImporters(documentKey(doc.uri));
  }

  /** A document was closed: its diagnostics now come from disk (or are cleared). */
  didClose(doc: TextDocument): void {
    const uri = doc.uri;
    this.scheduler.cancel(uri);
    this.justOpened.delete(uri);
    this.docs.forget(uri);
    const key = documentKey(uri);
    if (!this.open.delete(key)) return;
    const folder = this.folders.folderOf(uri);
    const path = uriToPath(uri);
    const fromDisk = !!folder && !!path && this.scanner.isKnown(folder, path);
    // The file's diagnostics from disk replace the buffer's under the same URI; otherwise clear.
    if (!fromDisk || pathToUri(path!) !== uri) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    if (fromDisk) this.scanner.relintFile(folder!, path!, true).catch((e: unknown) => this.logError(`Linting ${path} failed: ${String(e)}`));
  }

  /** Lints an open document and publishes its diagnostics, unless a newer version superseded it. */
  private async validateOpen(uri: string): Promise<void> {
    const doc = this.documents.get(uri);
    if (!doc) return;
    const version = doc.version;
    const folder = this.folders.folderOf(uri);
    if (this.isConfigFile(uri, folder)) {
      await this.connection.sendDiagnostics({ uri, version, diagnostics: configDiagnostics(doc.getText(), this.knownRules) });
      return;
    }
    const settings = await this.settings.get(folder);
    const current = this.documents.get(uri);
    // A newer version, a closed document or reloaded settings: a newer run publishes instead.
    if (!current || current.version !== version || settings.generation !== this.settings.currentGeneration) return;
    const linted = this.docs.lintOpen(uri, version, current.getText(), settings);
    await this.connection.sendDiagnostics({ uri, version, diagnostics: linted.diagnostics() });
  }

  private isConfigFile(uri: string, folder: Folder | undefined): boolean {
    const path = uriToPath(uri);
    return !!folder && !!path && basename(path) === CONFIG_FILE && dirname(path) === folder.path;
  }

  private async editorSettings(folder: Folder | undefined): Promise<unknown> {
    if (!this.support.configuration) return this.pushedSettings;
    return this.connection.workspace.getConfiguration(folder ? { scopeUri: folder.uri, section: SETTINGS_SECTION } : { section: SETTINGS_SECTION });
  }

  private reportEditorProblems(problems: string[]): void {
    for (const p of problems) {
      if (this.shownProblems.has(p)) continue;
      this.shownProblems.add(p);
      this.connection.console.warn(`Settings: ${p}`);
      void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `Bedrock Security settings: ${p}.` });
    }
  }

  private async startProgress(title: string): Promise<ScanProgress> {
    try {
      const reporter = await this.connection.window.createWorkDoneProgress();
      reporter.begin(title, 0, 'Linting policy files', false);
      return { report: (percentage, message) => reporter.report(percentage, message), done: () => reporter.done() };
    } catch {
      return { report: () => undefined, done: () => undefined };
    }
  }

  /** Editor settings changed: reload them and re-lint everything. */
  didChangeConfiguration(params: DidChangeConfigurationParams): void {
    if (!this.support.configuration) {
      const s = (params?.settings as Record<string, unknown> | undefined)?.[SETTINGS_SECTION];
      this.pushedSettings = s;
    }
    void this.relintAll();
  }

  /** Re-reads settings, re-lints open documents and every policy file of every folder. */
  relintAll(): Promise<void> {
    this.settings.invalidate();
    this.docs.clear();
    this.modules.clear();
    for (const d of this.documents.all()) if (isLintedDocument(d.uri, d.languageId)) this.scheduler.schedule(d.uri, true);
    return Promise.all(this.folders.all().map((f) => this.scanner.request(f, 'all'))).then(() => undefined);
  }

  /** Files changed on disk: collected for a short while, then acted on together. */
  didChangeWatchedFiles(params: DidChangeWatchedFilesParams): void {
    for (const change of params?.changes ?? []) {
      if (typeof change?.uri !== 'string') continue;
      // A creation or deletion outweighs a content change of the same file.
      if (change.type === FileChangeType.Changed && this.fileEvents.has(change.uri)) continue;
      this.fileEvents.set(change.uri, change.type);
    }
    if (this.fileEventsTimer) clearTimeout(this.fileEventsTimer);
    this.fileEventsTimer = setTimeout(() => {
      this.fileEventsTimer = undefined;
      try {
        this.processFileEvents();
      } catch (e) {
        this.logError(`Handling file changes failed: ${String(e)}`);
      }
    }, this.options.fileEventsDelayMs);
  }

  private processFileEvents(): void {
    const events = [...this.fileEvents];
    this.fileEvents.clear();
    const rescan = new Set<Folder>();
    const scpFiles: [Folder, string][] = [];
    for (const [uri, type] of events) {
      const path = uriToPath(uri);
      const folder = this.folders.folderOf(uri);
      if (!path || !folder) continue;
      const name = basename(path);
      if (name === CONFIG_FILE && dirname(path) === folder.path) {
        void this.relintAll();
        return;
      }
      if (!/\.json$/i.test(name)) {
        this.modules.invalidate(path);
        this.relintImporters(path);
      } else scpFiles.push([folder, path]);
      if (name === '.gitignore' || !isLintedPath(name) || type === FileChangeType.Created) rescan.add(folder);
      else if (this.open.has(path)) continue;
      else if (type === FileChangeType.Deleted) this.scanner.forgetFile(folder, path);
      else if (this.scanner.isKnown(folder, path)) this.scanner.relintFile(folder, path).catch((e: unknown) => this.logError(`Linting ${path} failed: ${String(e)}`));
    }
    for (const folder of rescan) void this.scanner.request(folder, 'new');
    if (scpFiles.length) void this.relintIfScpChanged(scpFiles);
  }

  /** Open code documents that import the module at `path` are linted again (the module changed). */
  private relintImporters(path: string): void {
    const importers = this.modules.importersOf(path);
    if (importers.length === 0) return;
    for (const d of this.documents.all()) {
      if (!importers.includes(documentKey(d.uri)) || !isLintedDocument(d.uri, d.languageId)) continue;
      // Same version, new analysis: the cached lint of the importer is stale.
      this.docs.forget(d.uri);
      this.scheduler.schedule(d.uri, false);
    }
  }

  /** An SCP file changed: the Regions it allows feed sdk/region-not-allowed, so everything is linted again. */
  private async relintIfScpChanged(files: readonly [Folder, string][]): Promise<void> {
    for (const [folder, path] of files) {
      const settings = await this.settings.get(folder);
      if (!settings.engine.codeAnalysis || !isScpPath(workspaceRelative(folder.path, path), settings.engine.scpFiles)) continue;
      await this.relintAll();
      return;
    }
  }

  didChangeWorkspaceFolders(event: WorkspaceFoldersChangeEvent): void {
    const { added, removed } = this.folders.change(event.added ?? [], event.removed ?? []);
    for (const f of removed) this.scanner.forgetFolder(f);
    for (const d of this.documents.all()) if (isLintedDocument(d.uri, d.languageId)) this.scheduler.schedule(d.uri, true);
    for (const f of added) void this.scanner.request(f, 'all');
  }

  /** The settings and current lint of an open JSON or code document; undefined for other documents. */
  private async lintedOpen(uri: string): Promise<LintedDocument | undefined> {
    const doc = this.documents.get(uri);
    if (!doc || !isLintedDocument(uri, doc.languageId)) return undefined;
    const folder = this.folders.folderOf(uri);
    if (this.isConfigFile(uri, folder)) return undefined;
    const settings: FolderSettings = await this.settings.get(folder);
    const current = this.documents.get(uri);
    if (!current) return undefined;
    return this.docs.lintOpen(uri, current.version, current.getText(), settings);
  }

  async codeAction(params: CodeActionParams): Promise<CodeAction[]> {
    if (typeof params?.textDocument?.uri !== 'string' || !params.context || typeof params.context !== 'object') {
      throw invalidParams('textDocument/codeAction needs textDocument.uri and context');
    }
    if (params.context.diagnostics !== undefined && !Array.isArray(params.context.diagnostics)) throw invalidParams('context.diagnostics must be an array');
    if (params.context.only !== undefined && !Array.isArray(params.context.only)) throw invalidParams('context.only must be an array');
    const linted = await this.lintedOpen(params.textDocument.uri);
    if (!linted) return [];
    return codeActions(this.linter, linted, params, this.support.codeActions);
  }

  /** Computes the edit of a "fix all" action chosen by the user. */
  async resolveCodeAction(action: CodeAction): Promise<CodeAction> {
    const data = fixAllActionData(action?.data);
    if (!data) return action;
    const linted = await this.lintedOpen(data.uri);
    if (!linted || linted.version !== data.version) return action;
    const edit = fixAllEdit(this.linter, linted, data.ruleId, this.support.codeActions);
    return edit ? { ...action, edit } : action;
  }

  /** The "fix all" edits of workspace files (request bedrockSecurity/fixFiles). */
  fixFiles(raw: unknown): Promise<FixFilesResult> {
    const params = fixFilesParams(raw);
    return fixFiles(params, {
      linter: this.linter,
      docs: this.docs,
      openDocument: (uri) => {
        const doc = this.documents.get(uri);
        return doc && isLintedDocument(uri, doc.languageId) ? { text: doc.getText(), version: doc.version } : undefined;
      },
      settings: (uri) => this.settings.get(this.folders.folderOf(uri)),
      isConfigFile: (uri) => this.isConfigFile(uri, this.folders.folderOf(uri)),
    });
  }

  /** An open JSON or code document (not the config file) with its folder settings, for hover and completion. */
  private async editable(uri: string): Promise<{ doc: TextDocument; settings: FolderSettings } | undefined> {
    const doc = this.documents.get(uri);
    if (!doc || !isLintedDocument(uri, doc.languageId)) return undefined;
    const folder = this.folders.folderOf(uri);
    if (this.isConfigFile(uri, folder)) return undefined;
    const settings = await this.settings.get(folder);
    const current = this.documents.get(uri);
    return current ? { doc: current, settings } : undefined;
  }

  /**
   * The policy around `offset`: a JSON document's policy (parsed, not linted, when the version is
   * new), or the policy in code whose literal holds the offset (from the version's lint, which the
   * diagnostics share). Undefined elsewhere.
   */
  private policyAt(doc: TextDocument, settings: FolderSettings, offset: number): Policy | undefined {
    if (isJsonDocument(doc.uri, doc.languageId)) return this.docs.policyOpen(doc.uri, doc.version, doc.getText(), settings);
    const policies = this.docs.lintOpen(doc.uri, doc.version, doc.getText(), settings).result.code?.policies ?? [];
    return policies.find((p) => p.span.start <= offset && offset < p.span.end);
  }

  async hover(params: HoverParams): Promise<Hover | null> {
    if (typeof params?.textDocument?.uri !== 'string' || !params.position) throw invalidParams('textDocument/hover needs textDocument.uri and position');
    const open = await this.editable(params.textDocument.uri);
    if (!open) return null;
    const offset = open.doc.offsetAt(params.position);
    const policy = this.policyAt(open.doc, open.settings, offset);
    if (!policy) return null;
    return toLspHover(hoverAt(policy, open.doc.getText(), offset, this.linter.iam), open.doc, this.support.hoverMarkdown);
  }

  async completion(params: CompletionParams): Promise<CompletionList | null> {
    if (typeof params?.textDocument?.uri !== 'string' || !params.position) throw invalidParams('textDocument/completion needs textDocument.uri and position');
    const open = await this.editable(params.textDocument.uri);
    if (!open) return null;
    const text = open.doc.getText();
    const offset = open.doc.offsetAt(params.position);
    const json = isJsonDocument(open.doc.uri, open.doc.languageId);
    // In code only strings of a policy get proposals: a `:` typed in code costs no analysis.
    if (!json && !isInLineString(text, offset)) return null;
    const policy = this.policyAt(open.doc, open.settings, offset);
    if (!json && !policy) return null;
    const items = completionsAt(policy, text, offset, this.linter.iam, open.settings.engine);
    return toCompletionList(items, open.doc, this.support.completion);
  }

  resolveCompletion(item: CompletionItem): CompletionItem {
    if (!item || typeof item !== 'object') throw invalidParams('completionItem/resolve needs a completion item');
    return resolveCompletionItem(item, this.linter.iam, this.support.completion);
  }

  /** The Bedrock runtime calls of the workspace's code (request bedrockSecurity/codeUsage). */
  codeUsage(token?: CancellationToken): Promise<CodeUsage> {
    return workspaceCodeUsage(
      {
        folders: () => this.folders.all(),
        settings: (folder) => this.settings.get(folder),
        openText: (path) => this.documents.all().find((d) => documentKey(d.uri) === path)?.getText(),
      },
      token,
    );
  }

  async executeCommand(params: ExecuteCommandParams): Promise<null> {
    if (params?.command !== LINT_WORKSPACE_COMMAND) throw invalidParams(`unknown command ${String(params?.command)}`);
    await this.relintAll();
    return null;
  }

  /** Stops timers and background work. */
  dispose(): void {
    this.scheduler.dispose();
    this.scanner.dispose();
    this.files.dispose();
    if (this.fileEventsTimer) clearTimeout(this.fileEventsTimer);
  }
}
