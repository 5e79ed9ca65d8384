// Where the wizards write: the workspace folder of the active editor (or the first one), a free
// file name proposed as the last question, a confirmation before an existing file is replaced,
// and the new file opened. Without a folder the policy opens as an untitled JSON document.
import { FileType, Uri, window, workspace, type WorkspaceFolder } from 'vscode';
import { freePath, policyPathProblem } from './answers';
import type { Ask } from './input-flow';

/** The folder new policies go to, if any. */
export function targetFolder(): WorkspaceFolder | undefined {
  const active = window.activeTextEditor?.document.uri;
  return (active && workspace.getWorkspaceFolder(active)) || workspace.workspaceFolders?.[0];
}

async function exists(uri: Uri): Promise<boolean> {
  try {
    return (await workspace.fs.stat(uri)).type !== FileType.Unknown;
  } catch {
    return false;
  }
}

/** Paths below a folder that exist, checked once each (for the free-name proposal). */
async function existingOf(folder: WorkspaceFolder, candidates: string[]): Promise<Set<string>> {
  const found = await Promise.all(candidates.map(async (c) => ((await exists(Uri.joinPath(folder.uri, c))) ? c : undefined)));
  return new Set(found.filter((c): c is string => !!c));
}

/** Asks for the file to write (relative to the folder), proposing a name that does not exist yet. */
export async function askPolicyPath(ask: Ask, folder: WorkspaceFolder | undefined, base: string, previous?: string): Promise<string | undefined> {
  if (!folder) return undefined;
  const stem = base.replace(/\.json$/i, '');
  const taken = await existingOf(folder, [base, ...Array.from({ length: 20 }, (_, i) => `${stem}-${i + 2}.json`)]);
  const proposal = previous ?? freePath(base, (p) => taken.has(p));
  return ask.text({ prompt: `File to create in ${folder.name} (relative to the folder)`, value: proposal, validate: policyPathProblem });
}

/**
 * Writes the policy and opens it. An existing file is replaced only after the user confirms;
 * without a folder the text opens as an untitled document. Resolves with the file written, or
 * undefined when nothing was written.
 */
export async function writePolicy(folder: WorkspaceFolder | undefined, relativePath: string | undefined, text: string): Promise<Uri | undefined> {
  if (!folder || !relativePath) {
    const doc = await workspace.openTextDocument({ language: 'json', content: text });
    await window.showTextDocument(doc);
    return undefined;
  }
  const uri = Uri.joinPath(folder.uri, ...relativePath.replace(/\\/g, '/').split('/'));
  if (await exists(uri)) {
    const choice = await window.showWarningMessage(`${relativePath} already exists. Replace it with the new policy?`, { modal: true }, 'Replace');
    if (choice !== 'Replace') return undefined;
  }
  await workspace.fs.createDirectory(Uri.joinPath(uri, '..'));
  await workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  await window.showTextDocument(uri);
  return uri;
}
