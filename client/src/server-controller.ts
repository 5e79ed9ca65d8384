// Owns the language client's lifecycle: start, restart, stop, the server state that the status
// bar shows, and the `bedrockSecurity.serverReady` context key that follows it.
import { commands, EventEmitter, window, type Disposable, type ExtensionContext, type LogOutputChannel } from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { ContextKeys } from './ids';
import { createLanguageClient } from './language-client';

/** What the language server is doing, as the status bar shows it. */
export type ServerState = 'starting' | 'ready' | 'stopped' | 'error';

/** Starts and restarts the language server; one per extension activation. */
export class ServerController implements Disposable {
  private client?: LanguageClient;
  private stateListener?: Disposable;
  private current: ServerState = 'stopped';
  /** True between stop() and the next start(): a Stopped state then is no failure. */
  private stopping = false;
  private readonly stateChanged = new EventEmitter<ServerState>();
  /** Fires when the server state changes. */
  readonly onDidChangeState = this.stateChanged.event;

  constructor(
    private readonly context: ExtensionContext,
    /** The "Bedrock Security" output channel (client and server logs). */
    readonly output: LogOutputChannel,
  ) {}

  /** The server state now. */
  get state(): ServerState {
    return this.current;
  }

  /** The running language client, for requests of the extension's own commands. */
  get languageClient(): LanguageClient | undefined {
    return this.client?.isRunning() ? this.client : undefined;
  }

  /** Starts the server; failures are logged and shown, never thrown. */
  async start(): Promise<void> {
    this.stopping = false;
    if (!this.client) {
      this.client = createLanguageClient(this.context, this.output);
      this.stateListener = this.client.onDidChangeState((e) => {
        void setReady(e.newState === State.Running);
        // The client gives up restarting a server that keeps crashing: Stopped without stop().
        this.setState(e.newState === State.Running ? 'ready' : e.newState === State.Starting ? 'starting' : this.stopping ? 'stopped' : 'error');
      });
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
    this.stopping = true;
    try {
      await this.client.restart();
    } catch (e) {
      this.fail('restart', e);
    } finally {
      this.stopping = false;
    }
  }

  /** Stops the server (extension deactivation). */
  async stop(): Promise<void> {
    this.stopping = true;
    const client = this.client;
    this.client = undefined;
    this.stateListener?.dispose();
    await setReady(false);
    this.setState('stopped');
    if (client?.isRunning()) await client.stop();
  }

  dispose(): void {
    void this.stop();
    this.stateChanged.dispose();
  }

  private setState(state: ServerState): void {
    if (state === this.current) return;
    this.current = state;
    this.stateChanged.fire(state);
  }

  private fail(what: string, e: unknown): void {
    this.setState('error');
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
