// Builds the language client: the bundled server (dist/server.js) over node IPC, the JSON
// documents it lints, the settings section it reads and the file events it is sent.
import { workspace, type ExtensionContext, type OutputChannel } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { configurationMiddleware } from './configuration';
import { CLIENT_ID, SETTINGS_SECTION } from './ids';
import { lintWorkspaceMiddleware } from './lint-workspace';

/** Creates (but does not start) the client of the bundled language server. */
export function createLanguageClient(context: ExtensionContext, output: OutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const watchers = [workspace.createFileSystemWatcher('**/*.json'), workspace.createFileSystemWatcher('**/.bedrock-security.json'), workspace.createFileSystemWatcher('**/.gitignore')];
  context.subscriptions.push(...watchers);
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'json' },
      { scheme: 'file', language: 'jsonc' },
      { scheme: 'untitled', language: 'json' },
      { scheme: 'untitled', language: 'jsonc' },
    ],
    synchronize: { configurationSection: SETTINGS_SECTION, fileEvents: watchers },
    diagnosticCollectionName: 'bedrock-security',
    outputChannel: output,
    middleware: { ...configurationMiddleware, ...lintWorkspaceMiddleware },
  };
  return new LanguageClient(CLIENT_ID, 'Bedrock Security', serverOptions, clientOptions);
}
