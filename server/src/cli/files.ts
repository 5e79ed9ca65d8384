// Which files a `lint` run reads, and how each kind of file is linted. Directories are walked
// for the file types below (skipping node_modules, what .gitignore files ignore, including
// .gitignore files between the current directory and the walked one, and `.d.ts`/`.min.js`
// files); a file named explicitly is always linted, whatever its name and whether or not it is
// ignored.
import { accessSync, constants, existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { CODE_EXTENSIONS, codeLanguageOfPath } from '../engine/code/languages';
import type { LintOptions, LintResult, Linter, SourceLanguage } from '../engine/linter';
import { walkFiles } from '../node/workspace';

/** A kind of source file the CLI lints: the one place that maps file names to parsers. */
export interface SourceType {
  /** File name ending matched when walking directories. */
  extension: string;
  lint(linter: Linter, text: string, opts: LintOptions): LintResult;
}

const sourceType = (extension: string, language: SourceLanguage): SourceType => ({ extension, lint: (linter, text, opts) => linter.lint(text, { ...opts, language }) });

/** JSON policies, and TypeScript/JavaScript code (Bedrock SDK calls, CDK constructs, policies in code). */
const SOURCE_TYPES: readonly SourceType[] = [sourceType('.json', 'json'), ...CODE_EXTENSIONS.map((x) => sourceType(x, codeLanguageOfPath(`file${x}`)!))];

/** The file name endings that directory walks look for. */
export const WALKED_EXTENSIONS: readonly string[] = SOURCE_TYPES.map((t) => t.extension);

/**
 * How to lint `file`. Files of unknown types only reach here when named explicitly: they are
 * read as JSON (a policy saved as `.txt` is still a policy; anything else is simply not one).
 */
export function sourceTypeOf(file: string): SourceType {
  const lower = file.toLowerCase();
  return SOURCE_TYPES.find((t) => lower.endsWith(t.extension)) ?? SOURCE_TYPES[0];
}

export interface CollectedFiles {
  /** Absolute paths, without duplicates, in the order found. */
  files: string[];
  /** Paths given on the command line that do not exist or are neither file nor directory. */
  problems: string[];
}

interface IgnoreScope {
  base: string;
  ig: Ignore;
}

function toPosix(p: string): string {
  return p.split(sep).join('/');
}

/** The .gitignore files of `cwd` and of the folders between it and `dir` (not `dir`'s own). */
function ancestorScopes(cwd: string, dir: string): IgnoreScope[] {
  const rel = relative(cwd, dir);
  if (!rel || rel === '..' || rel.startsWith('..' + sep) || isAbsolute(rel)) return [];
  const scopes: IgnoreScope[] = [];
  for (let base = dirname(dir); ; base = dirname(base)) {
    const f = join(base, '.gitignore');
    if (existsSync(f)) {
      try {
        scopes.push({ base, ig: ignore().add(readFileSync(f, 'utf8')) });
      } catch {
        // An unreadable .gitignore ignores nothing, as in walkFiles.
      }
    }
    if (base === cwd || dirname(base) === base) break;
  }
  // A folder the user named explicitly is walked even when an ancestor ignores it as a whole;
  // only that ancestor's rules are then dropped, as they would exclude every file in it.
  return scopes.filter((s) => !s.ig.ignores(toPosix(relative(s.base, dir)) + '/'));
}

/** Resolves the command-line paths (relative to `cwd`; none means `cwd`) to the files to lint. */
export function collectFiles(cwd: string, paths: readonly string[]): CollectedFiles {
  const seen = new Set<string>();
  const files: string[] = [];
  const problems: string[] = [];
  const add = (f: string) => {
    if (!seen.has(f)) {
      seen.add(f);
      files.push(f);
    }
  };
  for (const given of paths.length ? paths : ['.']) {
    const abs = resolve(cwd, given);
    let isDir: boolean;
    try {
      const st = statSync(abs);
      if (!st.isDirectory() && !st.isFile()) {
        problems.push(`${given}: not a file or directory`);
        continue;
      }
      isDir = st.isDirectory();
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      problems.push(code === 'ENOENT' || code === 'ENOTDIR' ? `${given}: no such file or directory` : `${given}: cannot access (${code ?? (e as Error).message})`);
      continue;
    }
    if (!isDir) {
      add(abs);
      continue;
    }
    try {
      accessSync(abs, constants.R_OK | constants.X_OK);
    } catch (e) {
      problems.push(`${given}: cannot read the directory (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
      continue;
    }
    const scopes = ancestorScopes(cwd, abs);
    for (const f of walkFiles(abs, { extensions: WALKED_EXTENSIONS })) {
      // Type declarations and minified bundles end in .ts/.js but are not analysed when walking.
      if (!f.toLowerCase().endsWith('.json') && !codeLanguageOfPath(f)) continue;
      if (scopes.some((s) => s.ig.ignores(toPosix(relative(s.base, f))))) continue;
      add(f);
    }
  }
  return { files, problems };
}
