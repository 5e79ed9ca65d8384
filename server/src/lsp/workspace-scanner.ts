// Lints every policy file of the workspace folders from disk: on start, when files are created,
// deleted or changed outside the editor, and when settings change. Files are listed and linted in
// batches by a FileLinter (a worker thread), so requests and typing are served while a large
// folder is scanned. Open documents are skipped: their diagnostics come from the editor buffer.
import type { Diagnostic } from 'vscode-languageserver';
import type { FileLinter, FileResult } from './file-linter';
import type { Folder } from './folders';
import type { FolderSettings } from './settings';
import { pathToUri } from './uri';

/** At most this many files are linted per folder (a guard against enormous trees). */
export const MAX_FILES_PER_FOLDER = 50_000;

/** Files per batch sent to the file linter; progress is reported and cancellation checked between batches. */
const BATCH_SIZE = 16;

/** Progress of a scan (LSP work-done progress, or nothing when the client lacks support). */
export interface ScanProgress {
  report(percentage: number, message: string): void;
  done(): void;
}

/** What the scanner needs from the server. */
export interface ScanHost {
  settings(folder: Folder): Promise<FolderSettings>;
  /** True when the file is open in the editor (its buffer, not the disk, is linted). */
  isOpen(path: string): boolean;
  readonly files: FileLinter;
  publish(uri: string, diagnostics: Diagnostic[]): void;
  startProgress(title: string): Promise<ScanProgress>;
  log(message: string): void;
}

/** `all` re-lints every file; `new` lints only files not seen by the previous scan. */
export type ScanMode = 'all' | 'new';

interface FolderState {
  /** Files linted (or found open in the editor) that the last walk still found. */
  known: Set<string>;
  /** Files whose diagnostics were published from disk (so they must be cleared when they go). */
  published: Set<string>;
}

interface Run {
  folder: Folder;
  mode: ScanMode;
  cancelled: boolean;
}

/** Scans workspace folders one at a time; newer requests for a folder restart its scan. */
export class WorkspaceScanner {
  private readonly state = new Map<string, FolderState>();
  private readonly queue = new Map<string, { folder: Folder; mode: ScanMode }>();
  private current?: Run;
  private running?: Promise<void>;
  private disposed = false;

  constructor(private readonly host: ScanHost) {}

  /** Queues a scan of `folder`; resolves when the queue has drained. */
  request(folder: Folder, mode: ScanMode): Promise<void> {
    const prev = this.queue.get(folder.path);
    this.queue.set(folder.path, { folder, mode: prev?.mode === 'all' ? 'all' : mode });
    if (this.current && this.current.folder.path === folder.path) this.current.cancelled = true;
    return (this.running ??= this.drain().finally(() => (this.running = undefined)));
  }

  /** True when `path` was found by the last scan of its folder. */
  isKnown(folder: Folder, path: string): boolean {
    return !!this.state.get(folder.path)?.known.has(path);
  }

  /**
   * Re-lints one known file from disk (it changed on disk, or its editor was closed). With
   * `replace`, its diagnostics are published even when empty (they replace the editor buffer's).
   */
  async relintFile(folder: Folder, path: string, replace = false): Promise<void> {
    let result: FileResult | undefined;
    try {
      const settings = await this.host.settings(folder);
      [result] = await this.host.files.lint(folder.path, settings.engine, [path]);
    } finally {
      if (!result && replace && !this.host.isOpen(path)) this.host.publish(pathToUri(path), []);
    }
    if (result && this.state.has(folder.path)) this.apply(this.folderState(folder), result, replace);
  }

  /** A file was deleted: clears its diagnostics. */
  forgetFile(folder: Folder, path: string): void {
    const st = this.folderState(folder);
    st.known.delete(path);
    if (st.published.delete(path)) this.host.publish(pathToUri(path), []);
  }

  /** A folder was removed from the workspace: clears the diagnostics of its files. */
  forgetFolder(folder: Folder): void {
    this.queue.delete(folder.path);
    if (this.current?.folder.path === folder.path) this.current.cancelled = true;
    const st = this.state.get(folder.path);
    if (!st) return;
    for (const p of st.published) if (!this.host.isOpen(p)) this.host.publish(pathToUri(p), []);
    this.state.delete(folder.path);
  }

  /** Stops scanning (server shutdown). */
  dispose(): void {
    this.disposed = true;
    this.queue.clear();
    if (this.current) this.current.cancelled = true;
  }

  private folderState(folder: Folder): FolderState {
    let st = this.state.get(folder.path);
    if (!st) {
      st = { known: new Set(), published: new Set() };
      this.state.set(folder.path, st);
    }
    return st;
  }

  private async drain(): Promise<void> {
    let progress: ScanProgress | undefined;
    try {
      while (this.queue.size && !this.disposed) {
        const [key, next] = this.queue.entries().next().value as [string, { folder: Folder; mode: ScanMode }];
        this.queue.delete(key);
        const run: Run = { ...next, cancelled: false };
        this.current = run;
        progress ??= await this.host.startProgress('Bedrock Security');
        try {
          await this.scanFolder(run, progress);
        } catch (e) {
          this.host.log(`Scanning ${run.folder.path} failed: ${(e as Error).message}`);
        }
        // A newer request for this folder cancelled the run: it inherits what was left to do.
        const queued = this.queue.get(key);
        if (run.cancelled && queued && run.mode === 'all') queued.mode = 'all';
        this.current = undefined;
      }
    } finally {
      this.current = undefined;
      progress?.done();
    }
  }

  private async scanFolder(run: Run, progress: ScanProgress): Promise<void> {
    const { folder } = run;
    const settings = await this.host.settings(folder);
    if (run.cancelled) return;
    const files = await this.host.files.walk(folder.path, MAX_FILES_PER_FOLDER);
    if (run.cancelled) return;
    const st = this.folderState(folder);
    const found = new Set(files);
    for (const p of st.published) {
      if (!found.has(p)) {
        st.published.delete(p);
        if (!this.host.isOpen(p)) this.host.publish(pathToUri(p), []);
      }
    }
    for (const p of st.known) if (!found.has(p)) st.known.delete(p);
    const todo = run.mode === 'all' ? files : files.filter((f) => !st.known.has(f));
    for (let i = 0; i < todo.length; i += BATCH_SIZE) {
      const batch = todo.slice(i, i + BATCH_SIZE);
      const closed = batch.filter((p) => !this.host.isOpen(p));
      const results = closed.length ? await this.host.files.lint(folder.path, settings.engine, closed) : [];
      // Results of a cancelled run may be stale (settings changed): the newer run redoes them.
      if (run.cancelled) return;
      for (const p of batch) st.known.add(p);
      for (const r of results) this.apply(st, r);
      const done = Math.min(i + BATCH_SIZE, todo.length);
      progress.report(Math.floor((done * 100) / todo.length), `${folder.name}: ${done}/${todo.length} files`);
    }
  }

  /** Publishes (or clears) one file's diagnostics, unless it was opened in the meantime. */
  private apply(st: FolderState, r: FileResult, replace = false): void {
    if (r.skipped) this.host.log(`Skipped ${r.path}: ${r.skipped}.`);
    if (this.host.isOpen(r.path)) return;
    st.known.add(r.path);
    if (r.diagnostics) {
      st.published.add(r.path);
      this.host.publish(pathToUri(r.path), r.diagnostics);
    } else if (st.published.delete(r.path) || replace) {
      this.host.publish(pathToUri(r.path), []);
    }
  }
}
