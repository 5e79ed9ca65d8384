// "Fix All in Workspace": asks the language server (request bedrockSecurity/fixFiles) for the
// fix-all edit of every file with findings of this extension, in batches with a cancellable
// progress notification, and applies them as one refactoring, which VS Code shows in its
// Refactor Preview first (every entry needs confirmation), so nothing changes unseen.
import { languages, ProgressLocation, window, workspace, WorkspaceEdit, type Uri } from 'vscode';
import { FIX_FILES_REQUEST, type FileFix, type FixFilesResult } from '../../server/src/lsp/fix-files-protocol';
import type { ServerController } from './server-controller';
import { DIAGNOSTIC_SOURCE } from './status-bar';

/** Files per request: small enough that progress moves and Cancel is quick. */
const BATCH = 25;

/** The files that have findings of this extension now. */
export function filesWithFindings(): Uri[] {
  return languages
    .getDiagnostics()
    .filter(([, ds]) => ds.some((d) => d.source === DIAGNOSTIC_SOURCE))
    .map(([uri]) => uri);
}

/** Runs the command. */
export async function fixAllInWorkspace(server: ServerController): Promise<void> {
  const client = server.languageClient;
  if (!client) {
    void window.showWarningMessage('Bedrock Security: the language server is not running.');
    return;
  }
  const uris = filesWithFindings();
  if (uris.length === 0) {
    void window.showInformationMessage('Bedrock Security: no findings to fix.');
    return;
  }
  const fixes = await window.withProgress({ location: ProgressLocation.Notification, title: 'Bedrock Security: computing fixes', cancellable: true }, async (progress, token) => {
    const out: FileFix[] = [];
    for (let i = 0; i < uris.length; i += BATCH) {
      if (token.isCancellationRequested) return undefined;
      const batch = uris.slice(i, i + BATCH).map((u) => client.code2ProtocolConverter.asUri(u));
      const r: FixFilesResult = await client.sendRequest(FIX_FILES_REQUEST, { uris: batch }, token);
      out.push(...r.files);
      progress.report({ increment: (batch.length * 100) / uris.length, message: `${Math.min(i + BATCH, uris.length)} of ${uris.length} files` });
    }
    return out;
  });
  if (!fixes) return;
  if (fixes.length === 0) {
    void window.showInformationMessage(`Bedrock Security: none of the findings in ${uris.length === 1 ? 'this file' : `these ${uris.length} files`} has an automatic fix.`);
    return;
  }
  const edit = new WorkspaceEdit();
  let changed = 0;
  for (const f of fixes) {
    const uri = client.protocol2CodeConverter.asUri(f.uri);
    // Edits of an open document are for the version they were computed on; a newer one is left alone.
    const open = workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (f.version !== null && open?.version !== f.version) continue;
    const fixed = f.before - f.after;
    const metadata = { needsConfirmation: true, label: 'Bedrock Security fixes', description: `${fixed} of ${f.before} finding${f.before === 1 ? '' : 's'} fixed` };
    for (const e of f.edits) edit.replace(uri, client.protocol2CodeConverter.asRange(e.range), e.newText, metadata);
    changed++;
  }
  if (changed === 0) {
    void window.showInformationMessage('Bedrock Security: the files changed while the fixes were computed; run Fix All in Workspace again.');
    return;
  }
  await workspace.applyEdit(edit, { isRefactoring: true });
}
