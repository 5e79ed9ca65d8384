// Extension entry point: starts the Bedrock Security language server.
import * as path from 'node:path';
import type { ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  client = new LanguageClient('bedrockSecurity', 'Bedrock Security', { module, transport: TransportKind.ipc }, {
    documentSelector: [
      { scheme: 'file', language: 'json' },
      { scheme: 'file', language: 'jsonc' },
    ],
  });
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
