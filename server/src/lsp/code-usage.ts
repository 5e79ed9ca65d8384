// Serves `bedrockSecurity/codeUsage`: collects the Bedrock runtime calls of every workspace
// folder's code (server/src/node/code-usage.ts), with open documents' buffers winning over the
// disk, yielding between files and stopping when the client cancels.
import type { CancellationToken } from 'vscode-languageserver';
import type { CodeUsage } from '../engine/scaffold/from-code';
import { collectCodeUsage } from '../node/code-usage';
import type { Folder } from './folders';
import type { FolderSettings } from './settings';
import { MAX_FILES_PER_FOLDER } from './workspace-scanner';

export { CODE_USAGE_REQUEST } from './code-usage-protocol';

/** What the request needs from the session. */
export interface CodeUsageHost {
  folders(): readonly Folder[];
  settings(folder: Folder): Promise<FolderSettings>;
  /** The text of the open document at `path`, if one is open. */
  openText(path: string): string | undefined;
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The calls of every folder, merged. */
export async function workspaceCodeUsage(host: CodeUsageHost, token?: CancellationToken): Promise<CodeUsage> {
  const folders = host.folders();
  const out: CodeUsage = { calls: [], regions: [], files: 0 };
  for (const folder of folders) {
    if (token?.isCancellationRequested) break;
    const settings = await host.settings(folder);
    const usage = await collectCodeUsage(folder.path, {
      maxFiles: MAX_FILES_PER_FOLDER,
      maxFileSize: settings.engine.maxFileSize,
      openText: (p) => host.openText(p),
      pause: yieldToEventLoop,
      cancelled: () => !!token?.isCancellationRequested,
    });
    const prefix = folders.length > 1 ? `${folder.name}/` : '';
    out.calls.push(...usage.calls.map((c) => ({ ...c, file: prefix + c.file })));
    out.regions.push(...usage.regions.filter((r) => !out.regions.includes(r)));
    out.files += usage.files;
  }
  return out;
}
