// The registry of the extension's commands (package.json `contributes.commands`). Commands
// served by the language server (bedrockSecurity.lintWorkspace) are registered by the client
// library from the server's executeCommandProvider, not here.
import { commands, type ExtensionContext } from 'vscode';
import { Commands } from './ids';
import type { ServerController } from './server-controller';

/** Registers every client-side command; each registration goes into the context's subscriptions. */
export function registerCommands(context: ExtensionContext, server: ServerController): void {
  const handlers: Record<string, () => unknown> = {
    [Commands.restartServer]: () => server.restart(),
    [Commands.showOutput]: () => server.output.show(true),
  };
  for (const [id, handler] of Object.entries(handlers)) context.subscriptions.push(commands.registerCommand(id, handler));
}
