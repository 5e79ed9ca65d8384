// "Fix All in Workspace": asks the language server (request bedrockSecurity/fixFiles) for the
// fix-all edit of every file with findings of this extension, in batches with a cancellable
// progress notification, then asks (modal) whether to apply them all or to preview them first in
// VS Code's Refactor Preview, where the user checks the files to change. The edits are applied as
// one refactoring (one undo); files they changed are saved unless they had unsaved changes before.
import { languages, ProgressLocation, window, workspace, WorkspaceEdit, type Uri } from 'vscode';
import { FIX_FILES_REQUEST, type FileFix, type FixFilesResult } from '../../server/src/lsp/fix-files-protocol';
import type { ServerController } from './server-controller';
import { DIAGNOSTIC_SOURCE } from './status-bar';

/** Files per request: small enough that progress moves and Cancel is quick. */
const BATCH = 25;

/** The modal's button that opens the Refactor Preview. */
const PREVIEW = 'Preview…';

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
  // Edits of an open document are for the version they were computed on; a newer one is left alone.
  const current = fixes.filter((f) => {
    if (f.version === null) return true;
    const uri = client.protocol2CodeConverter.asUri(f.uri).toString();
    return workspace.textDocuments.find((d) => d.uri.toString() === uri)?.version === f.version;
  });
  if (current.length === 0) {
    void window.showInformationMessage('Bedrock Security: the files changed while the fixes were computed; run Fix All in Workspace again.');
    return;
  }
  const problems = current.reduce((n, f) => n + f.before - f.after, 0);
  const choice = await window.showInformationMessage(
    `Bedrock Security: fix ${problems} problem${problems === 1 ? '' : 's'} in ${current.length} file${current.length === 1 ? '' : 's'}?`,
    { modal: true, detail: 'Apply makes every automatic fix now. Preview… opens the Refactor Preview, where you check the files to change and then press Apply.' },
    'Apply',
    PREVIEW,
  );
  if (!choice) return;
  // In the Refactor Preview, edits that need confirmation start unchecked: the user picks them.
  const needsConfirmation = choice === PREVIEW;
  const edit = new WorkspaceEdit();
  for (const f of current) {
    const uri = client.protocol2CodeConverter.asUri(f.uri);
    const metadata = { needsConfirmation, label: 'Bedrock Security fixes', description: `${f.before - f.after} of ${f.before} finding${f.before === 1 ? '' : 's'} fixed` };
    for (const e of f.edits) edit.replace(uri, client.protocol2CodeConverter.asRange(e.range), e.newText, metadata);
  }
  // Files that already had unsaved changes stay unsaved; the others are saved once the fixes are
  // applied (files left unchecked in the preview are not dirty, so nothing is written for them).
  const dirtyBefore = new Set(workspace.textDocuments.filter((d) => d.isDirty).map((d) => d.uri.toString()));
  const applied = await workspace.applyEdit(edit, { isRefactoring: true });
  const touched = new Set(edit.entries().map(([uri]) => uri.toString()));
  const toSave = workspace.textDocuments.filter((d) => touched.has(d.uri.toString()) && d.isDirty && !dirtyBefore.has(d.uri.toString()));
  if (applied) await Promise.all(toSave.map((d) => d.save()));
  server.output.info(`Fix All in Workspace: ${current.length} file(s) with fixes, ${applied ? `${toSave.length} changed and saved` : 'none applied'}.`);
}
