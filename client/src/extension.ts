// Extension entry point: activate/deactivate only. Commands live in commands.ts, the client's
// lifecycle in server-controller.ts, the Account Posture view in views/posture/.
import { window, type ExtensionContext } from 'vscode';
import { registerCommands } from './commands';
import { registerEditorFeatures } from './editor-features';
import { ServerController } from './server-controller';
import { PostureView } from './views/posture/posture-view';

let server: ServerController | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const output = window.createOutputChannel('Bedrock Security', { log: true });
  server = new ServerController(context, output);
  const posture = new PostureView(context, output);
  context.subscriptions.push(output, server, posture);
  registerCommands(context, server, posture);
  registerEditorFeatures(context, server);
  await server.start();
}

export async function deactivate(): Promise<void> {
  await server?.stop();
  server = undefined;
}
