// Lints every policy file of the workspace folders from disk: on start, when files are created,
// deleted or changed outside the editor, and when settings change. Work runs in time slices that
// yield to the event loop, so requests and typing are served while a large folder is scanned.
// Open documents are skipped: their diagnostics come from the editor buffer.
import { readFileSync, statSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver';
import { decodeText } from '../node/decode';
import { CONFIG_FILE, walkFiles } from '../node/workspace';
import type { Folder } from './folders';
import type { FolderSettings } from './settings';
import { pathToUri } from './uri';

/** Files larger than this are never read (the engine would skip them as too large anyway). */
export const MAX_READ_BYTES = 64 * 1024 * 1024;

/** At most this many files are linted per folder (a guard against enormous trees). */
export const MAX_FILES_PER_FOLDER = 50_000;

/** Milliseconds of work between two yields to the event loop. */
const SLICE_MS = 10;

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
  /** Lints a file's text; undefined when it is not a policy. */
  lintText(path: string, text: string, settings: FolderSettings): Diagnostic[] | undefined;
  /** Diagnostics of a folder's config file text. */
  configDiagnostics(text: string): Diagnostic[];
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

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Scans workspace folders one at a time; newer requests for a folder restart its scan. */
export class WorkspaceScanner {
  private readonly state = new Map<string, FolderState>();
  private readonly queue = new Map<string, { folder: Folder; mode: ScanMode }>();
  private current?: { folder: Folder; mode: ScanMode; cancelled: boolean };
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

  /** Re-lints one known file from disk (it changed on disk, or its editor was closed). */
  relintFile(folder: Folder, path: string): Promise<void> {
    return this.host.settings(folder).then((settings) => this.lintFile(folder, path, settings, this.folderState(folder)));
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
        const run = { ...next, cancelled: false };
        this.current = run;
        progress ??= await this.host.startProgress('Bedrock Security');
        await this.scanFolder(run, progress);
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

  private async scanFolder(run: { folder: Folder; mode: ScanMode; cancelled: boolean }, progress: ScanProgress): Promise<void> {
    const { folder } = run;
    const settings = await this.host.settings(folder);
    if (run.cancelled) return;
    let files: string[];
    try {
      files = walkFiles(folder.path, { extensions: ['.json'], maxFiles: MAX_FILES_PER_FOLDER, cancelled: () => run.cancelled });
    } catch (e) {
      this.host.log(`Cannot list the files of ${folder.path}: ${(e as Error).message}`);
      return;
    }
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
    let sliceStart = Date.now();
    for (let i = 0; i < todo.length; i++) {
      if (run.cancelled) return;
      this.lintFile(folder, todo[i], settings, st);
      if (Date.now() - sliceStart >= SLICE_MS) {
        progress.report(Math.floor((i * 100) / todo.length), `${folder.name}: ${i + 1}/${todo.length} files`);
        await yieldToEventLoop();
        sliceStart = Date.now();
      }
    }
    if (todo.length) progress.report(100, `${folder.name}: ${todo.length}/${todo.length} files`);
  }

  private lintFile(folder: Folder, path: string, settings: FolderSettings, st: FolderState): void {
    st.known.add(path);
    if (this.host.isOpen(path)) return;
    const text = readText(path, (m) => this.host.log(m));
    const isConfig = basename(path) === CONFIG_FILE && dirname(path) === folder.path;
    const diagnostics = text === undefined ? undefined : isConfig ? this.host.configDiagnostics(text) : this.host.lintText(path, text, settings);
    if (diagnostics) {
      st.published.add(path);
      this.host.publish(pathToUri(path), diagnostics);
    } else if (st.published.delete(path)) {
      this.host.publish(pathToUri(path), []);
    }
  }
}

/** A file's decoded text; undefined when it is missing, too large, or binary. */
function readText(path: string, log: (m: string) => void): string | undefined {
  try {
    const size = statSync(path).size;
    if (size > MAX_READ_BYTES) {
      log(`Skipped ${path}: ${size} bytes is more than ${MAX_READ_BYTES}.`);
      return undefined;
    }
    const decoded = decodeText(readFileSync(path));
    if ('error' in decoded) {
      log(`Skipped ${path}: ${decoded.error}.`);
      return undefined;
    }
    return decoded.text;
  } catch {
    return undefined;
  }
}
