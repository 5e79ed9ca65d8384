// Extension entry point: activate/deactivate only. Commands live in commands.ts, the client's
// lifecycle in server-controller.ts.
import { window, type ExtensionContext } from 'vscode';
import { registerCommands } from './commands';
import { ServerController } from './server-controller';

let server: ServerController | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const output = window.createOutputChannel('Bedrock Security', { log: true });
  server = new ServerController(context, output);
  context.subscriptions.push(output, server);
  registerCommands(context, server);
  await server.start();
}

export async function deactivate(): Promise<void> {
  await server?.stop();
  server = undefined;
}
