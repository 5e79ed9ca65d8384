// The Bedrock Security language server: LSP wiring only. Every handler delegates to the
// session (server/src/lsp/session.ts), guarded so that one failing request or notification
// never stops the server. The transport comes from the command line: --stdio, --node-ipc,
// --socket=<port> or --pipe=<name>. The same script, started as a worker thread, is the
// workspace scan worker (server/src/lsp/file-linter.ts).
import { isMainThread, workerData } from 'node:worker_threads';
import { createConnection, TextDocuments, type CancellationToken } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { sharedIamData } from './engine/iam/data';
import { Linter } from './engine/linter';
import { textCacheLimit } from './engine/memo';
import { runScanWorker, SCAN_WORKER_ROLE } from './lsp/file-linter';
import { guardNotification, guardRequest } from './lsp/guard';
import { DEFAULT_SESSION_OPTIONS, Session } from './lsp/session';
import { FIX_FILES_REQUEST } from './lsp/workspace-fixes';
import { CODE_USAGE_REQUEST } from './lsp/code-usage';

/**
 * Entry texts whose facts the main thread keeps (see textCacheLimit): plenty for the documents a
 * workspace has open, and it bounds the server's memory when thousands have been opened.
 */
const MAIN_THREAD_TEXT_CACHE = 6_000;

function startServer(): void {
  textCacheLimit.entries = MAIN_THREAD_TEXT_CACHE;
  const connection = createConnection();
  const documents = new TextDocuments(TextDocument);
  const log = (message: string) => session.logError(message);
  const linter = new Linter(sharedIamData(), undefined, (ruleId, e) => log(`rule ${ruleId} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`));
  const session = new Session(connection, documents, linter, { ...DEFAULT_SESSION_OPTIONS, workerEntry: __filename });

  connection.onInitialize((params) => session.initialize(params));
  connection.onInitialized(guardNotification('initialized', log, () => session.initialized()));
  connection.onDidChangeConfiguration(guardNotification('didChangeConfiguration', log, (p) => session.didChangeConfiguration(p)));
  connection.onDidChangeWatchedFiles(guardNotification('didChangeWatchedFiles', log, (p) => session.didChangeWatchedFiles(p)));
  connection.onCodeAction(guardRequest('textDocument/codeAction', log, () => [], (p) => session.codeAction(p)));
  connection.onCodeActionResolve(guardRequest('codeAction/resolve', log, (a) => a, (a) => session.resolveCodeAction(a)));
  connection.onRequest(CODE_USAGE_REQUEST, guardRequest(CODE_USAGE_REQUEST, log, () => ({ calls: [], regions: [], files: 0 }), (_p: unknown, token: CancellationToken) => session.codeUsage(token)));
  connection.onRequest(FIX_FILES_REQUEST, guardRequest(FIX_FILES_REQUEST, log, () => ({ files: [], skipped: [] }), (p: unknown) => session.fixFiles(p)));
  connection.onHover(guardRequest('textDocument/hover', log, () => null, (p) => session.hover(p)));
  connection.onCompletion(guardRequest('textDocument/completion', log, () => null, (p) => session.completion(p)));
  connection.onCompletionResolve(guardRequest('completionItem/resolve', log, (item) => item, (item) => session.resolveCompletion(item)));
  connection.onExecuteCommand(guardRequest('workspace/executeCommand', log, () => null, (p) => session.executeCommand(p)));
  connection.onShutdown(() => session.dispose());

  documents.onDidOpen(guardNotification('didOpen', log, (e) => session.didOpen(e.document)));
  documents.onDidChangeContent(guardNotification('didChange', log, (e) => session.didChangeContent(e.document)));
  documents.onDidClose(guardNotification('didClose', log, (e) => session.didClose(e.document)));

  // Last resort: a bug in a timer or promise callback is logged instead of ending the process.
  process.on('uncaughtException', (e) => log(`Uncaught exception: ${e.stack ?? e.message}`));
  process.on('unhandledRejection', (e) => log(`Unhandled rejection: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`));

  documents.listen(connection);
  connection.listen();
}

if (!isMainThread && (workerData as { role?: string } | undefined)?.role === SCAN_WORKER_ROLE) runScanWorker();
else startServer();
