// The workspace's module index for code analysis: resolves the relative imports of an analysed
// file to files on disk (or to open editor buffers, through an overlay), parses each module once
// per version with the engine and caches it, and remembers which files import which module so
// that the language server can re-lint importers when a module changes. Used by the CLI, the
// scan worker and the language server; the engine only sees the `ModuleResolver` interface.
import { readFileSync, statSync } from 'node:fs';
import { dirname, resolve as resolvePath } from 'node:path';
import { parseImportedModule } from '../engine/code/analyze';
import { codeLanguageOfPath } from '../engine/code/languages';
import type { ParsedModule } from '../engine/code/module';
import type { ModuleResolver } from '../engine/code/resolve';

/** Modules larger than this are not read (generated bundles; the engine would not analyse them). */
export const MAX_MODULE_BYTES = 1_000_000;

/** Parsed modules kept at most (least recently used ones are dropped). */
const MAX_CACHED = 500;

/** An open editor buffer that takes precedence over the file on disk. */
export interface OpenModule {
  text: string;
  version: number;
}

interface Cached {
  /** `open:<version>` for buffers, `disk:<mtime>:<size>` for files. */
  stamp: string;
  mod: ParsedModule;
}

/**
 * The file a relative specifier names, trying what TypeScript and bundlers try: the path as
 * written, then with code extensions (`./x.js` also as `./x.ts`), then `index` files.
 */
export function candidatePaths(fromPath: string, specifier: string): string[] {
  const base = resolvePath(dirname(fromPath), specifier);
  const stem = base.replace(/\.([cm]?)js$/, '');
  const mapped = stem !== base ? [stem + '.ts', stem + '.tsx', stem + '.mts', stem + '.cts'] : [];
  const withExt = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'].map((x) => base + x);
  const index = ['index.ts', 'index.tsx', 'index.js', 'index.mjs', 'index.cjs'].map((x) => `${base}/${x}`);
  return [...(codeLanguageOfPath(base) ? [base] : []), ...mapped, ...withExt, ...index];
}

/** Resolves relative imports from disk (and open buffers), caching parsed modules. */
export class WorkspaceModules implements ModuleResolver {
  private readonly cache = new Map<string, Cached>();
  /** Module path → paths of the files whose analysis read it. */
  private readonly importers = new Map<string, Set<string>>();

  /**
   * @param open the editor buffer of a path, if the file is open (language server only).
   */
  constructor(private readonly open: (path: string) => OpenModule | undefined = () => undefined) {}

  resolve(fromPath: string, specifier: string): ParsedModule | undefined {
    for (const path of candidatePaths(fromPath, specifier)) {
      const mod = this.load(path);
      if (!mod) continue;
      let set = this.importers.get(path);
      if (!set) this.importers.set(path, (set = new Set()));
      set.add(fromPath);
      return mod;
    }
    return undefined;
  }

  /** The files whose last analysis read the module at `path`. */
  importersOf(path: string): string[] {
    return [...(this.importers.get(path) ?? [])];
  }

  /** Forgets a module (it changed on disk, or its buffer was closed). */
  invalidate(path: string): void {
    this.cache.delete(path);
  }

  /** Forgets everything (settings or the workspace changed). */
  clear(): void {
    this.cache.clear();
    this.importers.clear();
  }

  private load(path: string): ParsedModule | undefined {
    const language = codeLanguageOfPath(path);
    if (!language) return undefined;
    const buffer = this.open(path);
    let stamp: string;
    let text: string | undefined;
    if (buffer) {
      stamp = `open:${buffer.version}`;
      text = buffer.text;
    } else {
      try {
        const st = statSync(path);
        if (!st.isFile() || st.size > MAX_MODULE_BYTES) return undefined;
        stamp = `disk:${st.mtimeMs}:${st.size}`;
      } catch {
        return undefined;
      }
    }
    const hit = this.cache.get(path);
    if (hit && hit.stamp === stamp) {
      // Most recently used last, so the oldest entries go first when the cache is full.
      this.cache.delete(path);
      this.cache.set(path, hit);
      return hit.mod;
    }
    if (text === undefined) {
      try {
        text = readFileSync(path, 'utf8');
      } catch {
        return undefined;
      }
    }
    if (text.length > MAX_MODULE_BYTES) return undefined;
    const mod = parseImportedModule(text, language, path);
    this.cache.set(path, { stamp, mod });
    if (this.cache.size > MAX_CACHED) this.cache.delete(this.cache.keys().next().value as string);
    return mod;
  }
}
