// Reads and lints closed files of a workspace folder for the workspace scan. The work runs in a
// worker thread, so that linting hundreds of policies (a single large one can take the engine
// 100 ms and more, the first one longer while IAM data loads) never delays the requests and
// diagnostics of the document being typed. Falls back to linting in-process, in slices that
// yield to the event loop, when no worker can be started.
import { readFileSync, statSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { Worker, parentPort, type MessagePort } from 'node:worker_threads';
import type { Diagnostic } from 'vscode-languageserver';
import { CODE_EXTENSIONS, codeLanguageOfPath } from '../engine/code/languages';
import { sharedIamData } from '../engine/iam/data';
import { Linter } from '../engine/linter';
import type { EngineSettings } from '../engine/settings';
import { LineIndex } from '../engine/text';
import { decodeText } from '../node/decode';
import { WorkspaceModules } from '../node/module-resolver';
import { CONFIG_FILE, walkFiles, workspaceRelative } from '../node/workspace';
import { configDiagnostics } from './config-diagnostics';
import { toDiagnostic } from './diagnostics';

/** Files larger than this are never read (the engine would skip them as too large anyway). */
export const MAX_READ_BYTES = 64 * 1024 * 1024;

/** `workerData.role` of the scan worker (server.ts starts the worker side when it sees it). */
export const SCAN_WORKER_ROLE = 'bedrock-security-scan';

/** The outcome for one file. */
export interface FileResult {
  path: string;
  /** The diagnostics to publish; undefined when the file is not a policy (or cannot be read). */
  diagnostics?: Diagnostic[];
  /** Why the file was skipped (unreadable, too large, binary), for the log. */
  skipped?: string;
}

/** The file name endings the scan lists: JSON policies and code files. */
const SCANNED_EXTENSIONS = ['.json', ...CODE_EXTENSIONS];

/** The files of a folder the scan lints (`.d.ts` and `.min.js` end like code but are not analysed). */
export function scannedFiles(root: string, maxFiles: number): string[] {
  return walkFiles(root, { extensions: SCANNED_EXTENSIONS, maxFiles }).filter((f) => f.toLowerCase().endsWith('.json') || codeLanguageOfPath(f));
}

/** Relative imports of code files read from disk, parsed once per file version (per thread). */
const diskModules = new WorkspaceModules();

/** Lists and lints files of a folder; implemented in a worker thread or in-process. */
export interface FileLinter {
  /** The `.json` and code files of a folder, honouring .gitignore and skipping node_modules. */
  walk(root: string, maxFiles: number): Promise<string[]>;
  /** Reads and lints files of the folder at `root` with the folder's engine settings. */
  lint(root: string, settings: EngineSettings, paths: readonly string[]): Promise<FileResult[]>;
  dispose(): void;
}

/** Reads, decodes and lints one file (the folder's config file gets config diagnostics). */
export function lintFile(linter: Linter, knownRules: ReadonlySet<string>, root: string, settings: EngineSettings, path: string): FileResult {
  let text: string;
  try {
    const size = statSync(path).size;
    if (size > MAX_READ_BYTES) return { path, skipped: `${size} bytes is more than ${MAX_READ_BYTES}` };
    const decoded = decodeText(readFileSync(path));
    if ('error' in decoded) return { path, skipped: decoded.error };
    text = decoded.text;
  } catch (e) {
    return { path, skipped: (e as Error).message };
  }
  if (basename(path) === CONFIG_FILE && dirname(path) === root) return { path, diagnostics: configDiagnostics(text, knownRules) };
  try {
    const language = codeLanguageOfPath(path);
    const rel = workspaceRelative(root, path);
    const result = language ? linter.lint(text, { path: rel, settings, language, filePath: path, modules: diskModules }) : linter.lintJson(text, { path: rel, settings });
    if (!result.isPolicy) return { path };
    if (!result.findings.length) return { path, diagnostics: [] };
    const lines = new LineIndex(text);
    return { path, diagnostics: result.findings.map((f) => toDiagnostic(f, lines, null)) };
  } catch (e) {
    // A bug in one rule must not stop the scan of the other files.
    return { path, skipped: `linting failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}` };
  }
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Lints on the calling thread, yielding to the event loop between files. */
export class InProcessFileLinter implements FileLinter {
  private readonly knownRules: ReadonlySet<string>;

  constructor(private readonly linter: Linter) {
    this.knownRules = new Set(linter.rules.map((r) => r.meta.id));
  }

  async walk(root: string, maxFiles: number): Promise<string[]> {
    return scannedFiles(root, maxFiles);
  }

  async lint(root: string, settings: EngineSettings, paths: readonly string[]): Promise<FileResult[]> {
    const out: FileResult[] = [];
    for (const p of paths) {
      out.push(lintFile(this.linter, this.knownRules, root, settings, p));
      await yieldToEventLoop();
    }
    return out;
  }

  dispose(): void {}
}

type RequestBody = { kind: 'walk'; root: string; maxFiles: number } | { kind: 'lint'; root: string; settings: EngineSettings; paths: string[] };
type Request = RequestBody & { id: number };
type Response = { id: number; files?: string[]; results?: FileResult[]; error?: string };

/** After this many worker failures, workspace files are linted in-process. */
const MAX_WORKER_FAILURES = 3;

/** Lints in a worker thread running `entry` (the server's own script) with the scan role. */
export class WorkerFileLinter implements FileLinter {
  private worker?: Worker;
  private failures = 0;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (r: Response) => void; reject: (e: Error) => void }>();
  private fallback?: InProcessFileLinter;

  constructor(
    private readonly entry: string,
    private readonly makeLinter: () => Linter,
    private readonly log: (message: string) => void,
  ) {}

  async walk(root: string, maxFiles: number): Promise<string[]> {
    const worker = this.ensureWorker();
    if (!worker) return this.inProcess().walk(root, maxFiles);
    return (await this.send(worker, { kind: 'walk', root, maxFiles })).files ?? [];
  }

  async lint(root: string, settings: EngineSettings, paths: readonly string[]): Promise<FileResult[]> {
    const worker = this.ensureWorker();
    if (!worker) return this.inProcess().lint(root, settings, paths);
    return (await this.send(worker, { kind: 'lint', root, settings, paths: [...paths] })).results ?? [];
  }

  dispose(): void {
    this.rejectAll('the scan worker was stopped');
    void this.worker?.terminate();
    this.worker = undefined;
  }

  private inProcess(): InProcessFileLinter {
    return (this.fallback ??= new InProcessFileLinter(this.makeLinter()));
  }

  private send(worker: Worker, req: RequestBody): Promise<Response> {
    const id = this.nextId++;
    return new Promise<Response>((resolve, reject) => {
      // An idle worker does not keep the process alive; one with work to answer does.
      if (this.pending.size === 0) worker.ref();
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ ...req, id });
    }).then((r) => {
      if (r.error) throw new Error(r.error);
      return r;
    });
  }

  private rejectAll(why: string): void {
    for (const p of this.pending.values()) p.reject(new Error(why));
    this.pending.clear();
  }

  private ensureWorker(): Worker | undefined {
    if (this.worker || this.failures >= MAX_WORKER_FAILURES) return this.worker;
    try {
      const worker = new Worker(this.entry, { workerData: { role: SCAN_WORKER_ROLE } });
      worker.on('message', (r: Response) => {
        const p = this.pending.get(r.id);
        this.pending.delete(r.id);
        if (this.pending.size === 0) worker.unref();
        p?.resolve(r);
      });
      const failed = (why: string) => {
        if (this.worker !== worker) return;
        this.worker = undefined;
        this.failures++;
        this.log(`The scan worker stopped (${why}); ${this.failures >= MAX_WORKER_FAILURES ? 'workspace files are now linted in-process' : 'it is restarted on the next scan'}.`);
        this.rejectAll(`the scan worker stopped (${why})`);
      };
      worker.on('error', (e) => failed(e.message));
      worker.on('exit', (code) => failed(`exit code ${code}`));
      worker.unref();
      this.worker = worker;
      return worker;
    } catch (e) {
      this.failures = MAX_WORKER_FAILURES;
      this.log(`Cannot start the scan worker (${(e as Error).message}); workspace files are linted in-process.`);
      return undefined;
    }
  }
}

/** The worker side: answers walk and lint requests from the server thread. */
export function runScanWorker(port: MessagePort | null = parentPort): void {
  if (!port) return;
  const linter = new Linter(sharedIamData(), undefined, (ruleId, e) => console.error(`bedrock-security: rule ${ruleId} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`));
  const knownRules = new Set(linter.rules.map((r) => r.meta.id));
  port.on('message', (req: Request) => {
    let res: Response;
    try {
      if (req.kind === 'walk') res = { id: req.id, files: scannedFiles(req.root, req.maxFiles) };
      else res = { id: req.id, results: req.paths.map((p) => lintFile(linter, knownRules, req.root, req.settings, p)) };
    } catch (e) {
      res = { id: req.id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
    }
    port.postMessage(res);
  });
}
