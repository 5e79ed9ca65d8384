// A real JSON-RPC client for the bundled language server (dist/server.js), spawned over stdio or
// node IPC. Records what the server sends (diagnostics, progress, registrations, messages) and
// answers its requests the way an editor would. Used by every test in test/lsp/.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  createMessageConnection,
  IPCMessageReader,
  IPCMessageWriter,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type CodeAction,
  type CodeActionContext,
  type Diagnostic,
  type InitializeResult,
  type MessageConnection,
  type PublishDiagnosticsParams,
  type Range,
  type Registration,
  type TextDocumentContentChangeEvent,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';

/** The repository root (tests run from out/test/lsp/). */
export const ROOT = join(__dirname, '..', '..', '..');
/** The bundled server under test. */
export const SERVER = join(ROOT, 'dist', 'server.js');

/** A guard so that a broken server fails the test with a message instead of hanging it. */
const WAIT_LIMIT_MS = 20_000;

/** Capabilities of a VS Code-like client. */
export function vscodeLikeCapabilities(): ClientCapabilities {
  return {
    workspace: {
      configuration: true,
      workspaceFolders: true,
      didChangeConfiguration: { dynamicRegistration: true },
      didChangeWatchedFiles: { dynamicRegistration: true },
      workspaceEdit: { documentChanges: true },
      executeCommand: { dynamicRegistration: false },
    },
    textDocument: {
      synchronization: { dynamicRegistration: false, didSave: true },
      publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
      codeAction: {
        codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'refactor', 'source', 'source.fixAll'] } },
        isPreferredSupport: true,
        dataSupport: true,
        resolveSupport: { properties: ['edit'] },
      },
    },
    window: { workDoneProgress: true, showMessage: {} },
  };
}

/** The file URI of a path. */
export function fileUri(path: string): string {
  return pathToFileURL(path).href;
}

/** Applies LSP text edits to a text (with LSP position semantics, UTF-16 columns). */
export function applyLspEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('test://edit', 'json', 0, text), edits);
}

/** The edits a workspace edit makes to `uri`, whichever form (documentChanges or changes) it has. */
export function editsFor(edit: WorkspaceEdit | undefined, uri: string): TextEdit[] {
  if (!edit) return [];
  const out: TextEdit[] = [];
  for (const dc of edit.documentChanges ?? []) if ('textDocument' in dc && dc.textDocument.uri === uri) out.push(...(dc.edits as TextEdit[]));
  out.push(...(edit.changes?.[uri] ?? []));
  return out;
}

export interface StartOptions {
  /** Workspace folders (paths). */
  folders?: string[];
  /** The `bedrockSecurity` settings the client answers with, per scope URI. */
  settings?: (scopeUri: string | undefined) => unknown;
  capabilities?: ClientCapabilities;
  transport?: 'stdio' | 'ipc';
  /** Skip the `initialized` notification (tests that send it themselves). */
  skipInitialized?: boolean;
}

interface Waiter<T> {
  match: (v: T) => boolean;
  resolve: (v: T) => void;
}

/** A progress notification: its token and value. */
export interface ProgressEvent {
  token: string | number;
  value: { kind: 'begin' | 'report' | 'end'; title?: string; message?: string; percentage?: number };
}

/** One server under test and the client end of its connection. */
export class LspTestClient {
  /** Every publishDiagnostics notification, in the order received. */
  readonly published: PublishDiagnosticsParams[] = [];
  readonly progress: ProgressEvent[] = [];
  readonly registrations: Registration[] = [];
  readonly messages: { type: number; message: string }[] = [];
  readonly logs: string[] = [];
  readonly stderr: string[] = [];
  initializeResult!: InitializeResult;
  private readonly diagnosticWaiters: Waiter<PublishDiagnosticsParams>[] = [];
  private readonly progressWaiters: Waiter<ProgressEvent>[] = [];
  private exited: Promise<number | null> = Promise.resolve(null);
  settings: (scopeUri: string | undefined) => unknown;

  private constructor(
    readonly child: ChildProcess,
    readonly connection: MessageConnection,
    opts: StartOptions,
  ) {
    this.settings = opts.settings ?? (() => ({}));
  }

  /** Spawns the server, initializes it and (unless told not to) sends `initialized`. */
  static async start(opts: StartOptions = {}): Promise<LspTestClient> {
    const ipc = opts.transport === 'ipc';
    const child = spawn(process.execPath, [SERVER, ipc ? '--node-ipc' : '--stdio'], { stdio: ipc ? ['pipe', 'pipe', 'pipe', 'ipc'] : ['pipe', 'pipe', 'pipe'] });
    const connection = ipc
      ? createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child))
      : createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new LspTestClient(child, connection, opts);
    client.exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
    child.stderr!.on('data', (d: Buffer) => client.stderr.push(d.toString()));
    client.listen();
    const folders = opts.folders ?? [];
    client.initializeResult = await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: folders[0] ? fileUri(folders[0]) : null,
      workspaceFolders: folders.length ? folders.map((f) => ({ uri: fileUri(f), name: f })) : null,
      capabilities: opts.capabilities ?? vscodeLikeCapabilities(),
    });
    if (!opts.skipInitialized) await connection.sendNotification('initialized', {});
    return client;
  }

  private listen(): void {
    const c = this.connection;
    c.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.published.push(p);
      this.fire(this.diagnosticWaiters, p);
    });
    c.onNotification('$/progress', (p: ProgressEvent) => {
      this.progress.push(p);
      this.fire(this.progressWaiters, p);
    });
    c.onNotification('window/showMessage', (p: { type: number; message: string }) => this.messages.push(p));
    c.onNotification('window/logMessage', (p: { message: string }) => this.logs.push(p.message));
    c.onRequest('workspace/configuration', (p: { items: { scopeUri?: string; section?: string }[] }) => p.items.map((i) => (i.section === 'bedrockSecurity' ? this.settings(i.scopeUri) : null)));
    c.onRequest('client/registerCapability', (p: { registrations: Registration[] }) => {
      this.registrations.push(...p.registrations);
      return null;
    });
    c.onRequest('window/workDoneProgress/create', () => null);
    c.onRequest('window/showMessageRequest', () => null);
    c.listen();
  }

  private fire<T>(waiters: Waiter<T>[], v: T): void {
    for (let i = waiters.length - 1; i >= 0; i--) {
      if (waiters[i].match(v)) {
        waiters[i].resolve(v);
        waiters.splice(i, 1);
      }
    }
  }

  private wait<T>(seen: readonly T[], waiters: Waiter<T>[], match: (v: T) => boolean, what: string): Promise<T> {
    const found = seen.find(match);
    if (found) return Promise.resolve(found);
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${what} within ${WAIT_LIMIT_MS} ms; server log:\n${this.logs.join('\n')}\n${this.stderr.join('')}`)), WAIT_LIMIT_MS);
      waiters.push({
        match,
        resolve: (v) => {
          clearTimeout(timer);
          resolve(v);
        },
      });
    });
  }

  /** The first diagnostics published for `uri` (ever) that satisfy `match`. */
  waitForDiagnostics(uri: string, match: (p: PublishDiagnosticsParams) => boolean = () => true): Promise<PublishDiagnosticsParams> {
    return this.wait(this.published, this.diagnosticWaiters, (p) => p.uri === uri && match(p), `diagnostics for ${uri}`);
  }

  /** The first diagnostics for `uri` published after this call that satisfy `match`. */
  nextDiagnostics(uri: string, match: (p: PublishDiagnosticsParams) => boolean = () => true): Promise<PublishDiagnosticsParams> {
    const from = this.published.length;
    return this.wait(this.published.slice(from), this.diagnosticWaiters, (p) => p.uri === uri && match(p), `new diagnostics for ${uri}`);
  }

  /** Resolves when the `n`-th work-done progress (counting from 1) has ended. */
  waitForProgressEnd(n = 1): Promise<ProgressEvent> {
    let ends = 0;
    return this.wait(this.progress, this.progressWaiters, (p) => p.value.kind === 'end' && ++ends >= n, `end of progress #${n}`);
  }

  /** Every diagnostics notification received for `uri`. */
  publishedFor(uri: string): PublishDiagnosticsParams[] {
    return this.published.filter((p) => p.uri === uri);
  }

  open(uri: string, text: string, version = 1, languageId = 'json'): Promise<void> {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): Promise<void> {
    return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
  }

  close(uri: string): Promise<void> {
    return this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  codeActions(uri: string, range: Range, context: CodeActionContext): Promise<CodeAction[]> {
    return this.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context });
  }

  /**
   * Writes JSON-RPC messages (objects, or raw body strings that need not be valid JSON) to the
   * server's stdin in one write, so that the server reads them together (stdio transport only).
   */
  sendRaw(messages: (object | string)[]): void {
    const frames = messages.map((m) => {
      const body = Buffer.from(typeof m === 'string' ? m : JSON.stringify({ jsonrpc: '2.0', ...m }), 'utf8');
      return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
    });
    this.child.stdin!.write(Buffer.concat(frames));
  }

  /** Shuts the server down politely and returns its exit code. */
  async stop(): Promise<number | null> {
    if (this.child.exitCode === null) {
      try {
        await this.connection.sendRequest('shutdown');
        await this.connection.sendNotification('exit');
      } catch {
        this.child.kill();
      }
    }
    const code = await this.exited;
    this.connection.dispose();
    return code;
  }
}

/** Diagnostics of one rule in a publish. */
export function ofRule(p: PublishDiagnosticsParams, ruleId: string): Diagnostic[] {
  return p.diagnostics.filter((d) => d.code === ruleId);
}
