// Owns the language client's lifecycle: start, restart, stop, and the
// `bedrockSecurity.serverReady` context key that follows the client's state.
import { commands, window, type Disposable, type ExtensionContext, type LogOutputChannel } from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { ContextKeys } from './ids';
import { createLanguageClient } from './language-client';

/** Starts and restarts the language server; one per extension activation. */
export class ServerController implements Disposable {
  private client?: LanguageClient;
  private stateListener?: Disposable;

  constructor(
    private readonly context: ExtensionContext,
    /** The "Bedrock Security" output channel (client and server logs). */
    readonly output: LogOutputChannel,
  ) {}

  /** Starts the server; failures are logged and shown, never thrown. */
  async start(): Promise<void> {
    if (!this.client) {
      this.client = createLanguageClient(this.context, this.output);
      this.stateListener = this.client.onDidChangeState((e) => void setReady(e.newState === State.Running));
    }
    try {
      await this.client.start();
    } catch (e) {
      this.fail('start', e);
    }
  }

  /** Restarts the server (command `bedrockSecurity.restartServer`). */
  async restart(): Promise<void> {
    if (!this.client) return this.start();
    try {
      await this.client.restart();
    } catch (e) {
      this.fail('restart', e);
    }
  }

  /** Stops the server (extension deactivation). */
  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.stateListener?.dispose();
    await setReady(false);
    if (client?.isRunning()) await client.stop();
  }

  dispose(): void {
    void this.stop();
  }

  private fail(what: string, e: unknown): void {
    const message = e instanceof Error ? e.message : String(e);
    this.output.error(`Could not ${what} the language server: ${message}`);
    void window.showErrorMessage(`Bedrock Security: could not ${what} the language server (${message}).`, 'Show Output').then((choice) => {
      if (choice) this.output.show(true);
    });
  }
}

/** Sets the `bedrockSecurity.serverReady` context key (never rejects: it may run during shutdown). */
function setReady(ready: boolean): Promise<unknown> {
  return Promise.resolve(commands.executeCommand('setContext', ContextKeys.serverReady, ready)).catch(() => undefined);
}
