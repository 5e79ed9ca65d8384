// Collects the Bedrock runtime calls of a workspace folder's TypeScript/JavaScript files for
// "Generate policy from code": lists the code files as the workspace scan does (.gitignore
// honoured, node_modules skipped), reads each one that mentions Bedrock (or takes the editor's
// buffer), analyses it with the engine's code analysis, following relative imports from disk,
// and keeps the calls as plain records (server/src/engine/scaffold/from-code.ts).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { analyzeCode, parseImportedModule } from '../engine/code/analyze';
import { CODE_EXTENSIONS, codeLanguageOfPath } from '../engine/code/languages';
import type { ParsedModule } from '../engine/code/module';
import type { ModuleResolver } from '../engine/code/resolve';
import { clientRegions, codeCalls, type CodeUsage } from '../engine/scaffold/from-code';
import { LineIndex } from '../engine/text';
import { decodeText } from './decode';
import { walkFiles, workspaceRelative } from './workspace';

export interface CodeUsageOptions {
  /** At most this many code files are listed. */
  maxFiles: number;
  /** Files with more characters are skipped (the maxFileSize setting). */
  maxFileSize: number;
  /** The editor's text of an open file, which wins over the disk. */
  openText?: (path: string) => string | undefined;
  /** Called between files, so that a long collection yields to other work. */
  pause?: () => Promise<void>;
  /** True when the caller gave up. */
  cancelled?: () => boolean;
}

/** Reads a text file as the workspace scan does; undefined when it is unreadable, binary or too large. */
function readText(path: string, maxChars: number): string | undefined {
  try {
    if (statSync(path).size > maxChars * 4) return undefined;
    const decoded = decodeText(readFileSync(path));
    return 'error' in decoded || decoded.text.length > maxChars ? undefined : decoded.text;
  } catch {
    return undefined;
  }
}

/** Resolves relative imports from disk (`./x`, `./x.js` for `x.ts`, `./dir` for `dir/index.ts`), with a cache. */
export class DiskModuleResolver implements ModuleResolver {
  private readonly cache = new Map<string, ParsedModule | undefined>();

  constructor(private readonly maxFileSize: number, private readonly openText?: (path: string) => string | undefined) {}

  resolve(fromPath: string, specifier: string): ParsedModule | undefined {
    const base = resolve(dirname(fromPath), specifier);
    const stem = base.replace(/\.(m|c)?js$/, '');
    const candidates = [base, ...CODE_EXTENSIONS.map((x) => stem + x), ...CODE_EXTENSIONS.map((x) => join(base, `index${x}`))];
    const path = candidates.find((c) => codeLanguageOfPath(c) && existsSync(c) && statSync(c).isFile());
    if (!path) return undefined;
    if (!this.cache.has(path)) {
      const text = this.openText?.(path) ?? readText(path, this.maxFileSize);
      this.cache.set(path, text === undefined ? undefined : parseImportedModule(text, codeLanguageOfPath(path)!, path));
    }
    return this.cache.get(path);
  }
}

/** The runtime calls and client Regions of the code files under `root` (paths relative to it). */
export async function collectCodeUsage(root: string, o: CodeUsageOptions): Promise<CodeUsage> {
  const usage: CodeUsage = { calls: [], regions: [], files: 0 };
  const regions = new Set<string>();
  const modules = new DiskModuleResolver(o.maxFileSize, o.openText);
  for (const path of walkFiles(root, { extensions: [...CODE_EXTENSIONS], maxFiles: o.maxFiles, cancelled: o.cancelled })) {
    if (o.cancelled?.()) break;
    const language = codeLanguageOfPath(path);
    if (!language || path.endsWith('.d.ts')) continue;
    const text = o.openText?.(path) ?? readText(path, o.maxFileSize);
    if (text === undefined || !/bedrock/i.test(text)) continue;
    usage.files++;
    const { model } = analyzeCode(text, { language, path, modules });
    usage.calls.push(...codeCalls(model, workspaceRelative(root, path), new LineIndex(text)));
    for (const r of clientRegions(model)) regions.add(r);
    await o.pause?.();
  }
  usage.regions = [...regions];
  return usage;
}
