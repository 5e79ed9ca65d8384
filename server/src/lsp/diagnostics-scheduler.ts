// Debounces linting of open documents while the user types: each change restarts the document's
// timer, so a burst of edits is linted once, for its last version. Runs whose version was
// superseded while they waited stop before publishing (the run itself checks the version).
/** Runs a per-document job after a quiet period; a newer request replaces a pending one. */
export class DiagnosticsScheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  /**
   * @param delayMs quiet period after a change before linting
   * @param run lints and publishes one document (must itself drop results for superseded versions)
   * @param onError called when a run throws or rejects
   */
  constructor(
    private readonly delayMs: number,
    private readonly run: (uri: string) => Promise<void>,
    private readonly onError: (uri: string, error: unknown) => void,
  ) {}

  /** Schedules a run for `uri`, after the quiet period or (for `immediate`) on the next turn. */
  schedule(uri: string, immediate = false): void {
    this.cancel(uri);
    const timer = setTimeout(
      () => {
        this.timers.delete(uri);
        this.run(uri).catch((e: unknown) => this.onError(uri, e));
      },
      immediate ? 0 : this.delayMs,
    );
    this.timers.set(uri, timer);
  }

  /** Drops a pending run of `uri`. */
  cancel(uri: string): void {
    const t = this.timers.get(uri);
    if (t) {
      clearTimeout(t);
      this.timers.delete(uri);
    }
  }

  /** Drops every pending run. */
  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }
}
