// Builds the language client: the bundled server (dist/server.js) over node IPC, the documents it
// lints (JSON policies; TypeScript and JavaScript code), the settings section it reads and the
// file events it is sent.
import { workspace, type ExtensionContext, type OutputChannel } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { configurationMiddleware } from './configuration';
import { CLIENT_ID, SETTINGS_SECTION } from './ids';
import { lintWorkspaceMiddleware } from './lint-workspace';
import { SERVER_EXEC_ARGV } from './server-runtime';

/** Code documents the server analyses (Bedrock SDK calls, CDK constructs, policies in code). */
const CODE_LANGUAGES = ['typescript', 'typescriptreact', 'javascript', 'javascriptreact'];
const CODE_FILE_EXTENSIONS = ['ts', 'tsx', 'mts', 'cts', 'js', 'jsx', 'mjs', 'cjs'];

/** Creates (but does not start) the client of the bundled language server. */
export function createLanguageClient(context: ExtensionContext, output: OutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV] } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV, '--nolazy', '--inspect=6019'] } },
  };
  const watchers = [
    workspace.createFileSystemWatcher('**/*.json'),
    workspace.createFileSystemWatcher(`**/*.{${CODE_FILE_EXTENSIONS.join(',')}}`),
    workspace.createFileSystemWatcher('**/.bedrock-security.json'),
    workspace.createFileSystemWatcher('**/.gitignore'),
  ];
  context.subscriptions.push(...watchers);
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'json' },
      { scheme: 'file', language: 'jsonc' },
      { scheme: 'untitled', language: 'json' },
      { scheme: 'untitled', language: 'jsonc' },
      ...CODE_LANGUAGES.flatMap((language) => [
        { scheme: 'file', language },
        { scheme: 'untitled', language },
      ]),
    ],
    synchronize: { configurationSection: SETTINGS_SECTION, fileEvents: watchers },
    diagnosticCollectionName: 'bedrock-security',
    outputChannel: output,
    middleware: { ...configurationMiddleware, ...lintWorkspaceMiddleware },
  };
  return new LanguageClient(CLIENT_ID, 'Bedrock Security', serverOptions, clientOptions);
}
