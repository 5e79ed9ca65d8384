// File-system side shared by the two front ends (CLI and language server): walking a workspace
// for candidate files while honouring .gitignore, and reading `.bedrock-security.json`.
// Not part of the engine (the engine does no I/O of its own besides the IAM data).
import { existsSync, readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { parse as parseJsonc, type ParseError } from 'jsonc-parser';
import { mergeConfig, type ConfigProblem, type EngineSettings } from '../engine/settings';

/** The configuration file read at the workspace root by the CLI and the language server. */
export const CONFIG_FILE = '.bedrock-security.json';

/** Folders never walked: dependencies, version control, and the AWS CDK's synthesized cloud assembly (templates and bundled assets). */
const ALWAYS_SKIPPED = new Set(['node_modules', '.git', '.hg', '.svn', 'cdk.out']);

export interface WalkOptions {
  /** File name endings to return, e.g. `['.json']`. */
  extensions: readonly string[];
  /** Stop after this many files (a guard for enormous trees). */
  maxFiles?: number;
  /** Return true to stop the walk early (cancellation). */
  cancelled?: () => boolean;
}

interface IgnoreScope {
  base: string;
  ig: Ignore;
}

function readIgnore(dir: string): Ignore | undefined {
  const f = join(dir, '.gitignore');
  if (!existsSync(f)) return undefined;
  try {
    return ignore().add(readFileSync(f, 'utf8'));
  } catch {
    return undefined;
  }
}

function ignored(scopes: readonly IgnoreScope[], abs: string, isDir: boolean): boolean {
  for (const s of scopes) {
    const rel = relative(s.base, abs).split(sep).join('/');
    if (!rel || rel.startsWith('..')) continue;
    if (s.ig.ignores(isDir ? rel + '/' : rel)) return true;
  }
  return false;
}

/**
 * Lists files under `root` with one of the extensions, in a stable order, skipping
 * node_modules, VCS folders and cdk.out, and everything a `.gitignore` (at any level) ignores.
 * Unreadable folders are skipped silently.
 */
export function walkFiles(root: string, opts: WalkOptions): string[] {
  const out: string[] = [];
  const max = opts.maxFiles ?? Infinity;
  const visit = (dir: string, scopes: IgnoreScope[]) => {
    if (out.length >= max || opts.cancelled?.()) return;
    const own = readIgnore(dir);
    const here = own ? [...scopes, { base: dir, ig: own }] : scopes;
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (out.length >= max) return;
      const abs = join(dir, e.name);
      if (e.isDirectory()) {
        if (ALWAYS_SKIPPED.has(e.name) || ignored(here, abs, true)) continue;
        visit(abs, here);
      } else if (e.isFile() && opts.extensions.some((x) => e.name.endsWith(x)) && !ignored(here, abs, false)) {
        out.push(abs);
      }
    }
  };
  if (statSync(root).isDirectory()) visit(root, []);
  return out;
}

/** The path of `file` relative to `root`, with forward slashes (what SCP globs match). */
export function workspaceRelative(root: string, file: string): string {
  return relative(root, file).split(sep).join('/');
}

export interface LoadedConfig {
  settings: EngineSettings;
  problems: ConfigProblem[];
  /** The config file's path when one was found. */
  file?: string;
}

/**
 * Reads `.bedrock-security.json` from `root` (if present) and merges it into `base`. A missing
 * file is not a problem; unreadable or invalid JSON is reported and the base settings are kept.
 */
export function loadConfigFile(root: string, base: EngineSettings, knownRules: ReadonlySet<string>): LoadedConfig {
  const file = join(root, CONFIG_FILE);
  if (!existsSync(file)) return { settings: base, problems: [] };
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return { settings: base, problems: [{ message: `cannot read ${CONFIG_FILE}: ${(e as Error).message}` }], file };
  }
  const errors: ParseError[] = [];
  const raw = parseJsonc(text, errors, { allowTrailingComma: true });
  if (errors.length) return { settings: base, problems: [{ message: `${CONFIG_FILE} is not valid JSON (offset ${errors[0].offset})` }], file };
  const merged = mergeConfig(base, raw, knownRules);
  return { settings: merged.settings, problems: merged.problems.map((p) => ({ message: `${CONFIG_FILE}: ${p.message}` })), file };
}
