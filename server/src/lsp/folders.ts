// The workspace folders the server lints, and which folder a document belongs to. Settings,
// the config file and SCP path globs are all per folder.
import { sep } from 'node:path';
import { workspaceRelative } from '../node/workspace';
import { uriToPath } from './uri';

/** One workspace folder on disk. */
export interface Folder {
  /** The folder's URI as the client sent it (the `scopeUri` of configuration requests). */
  uri: string;
  /** Its file-system path. */
  path: string;
  name: string;
}

/** A workspace folder as sent by the client in `initialize` or `didChangeWorkspaceFolders`. */
export interface FolderRef {
  uri: string;
  name?: string;
}

/** Builds a folder from a client reference; undefined for folders that are not on disk. */
export function toFolder(ref: FolderRef): Folder | undefined {
  const path = uriToPath(ref.uri);
  if (!path) return undefined;
  return { uri: ref.uri, path: path.length > 1 && path.endsWith(sep) ? path.slice(0, -1) : path, name: ref.name ?? path };
}

/** The set of workspace folders, updated as the client adds and removes folders. */
export class WorkspaceFolders {
  private list: Folder[] = [];

  /** Every folder, in the order the client listed them. */
  all(): readonly Folder[] {
    return this.list;
  }

  /** Replaces the folders; returns the ones that were not there before. */
  set(refs: readonly FolderRef[]): Folder[] {
    const next = refs.map(toFolder).filter((f): f is Folder => !!f);
    const added = next.filter((f) => !this.list.some((o) => o.path === f.path));
    this.list = next;
    return added;
  }

  /** Applies a `didChangeWorkspaceFolders` event; returns the added and removed folders. */
  change(added: readonly FolderRef[], removed: readonly FolderRef[]): { added: Folder[]; removed: Folder[] } {
    const gone = removed.map(toFolder).filter((f): f is Folder => !!f);
    const removedFolders = this.list.filter((f) => gone.some((g) => g.path === f.path));
    const remaining = this.list.filter((f) => !removedFolders.includes(f));
    const fresh = added.map(toFolder).filter((f): f is Folder => !!f && !remaining.some((o) => o.path === f.path));
    this.list = [...remaining, ...fresh];
    return { added: fresh, removed: removedFolders };
  }

  /** The innermost folder that contains the document at `uri`. */
  folderOf(uri: string): Folder | undefined {
    const path = uriToPath(uri);
    if (!path) return undefined;
    let best: Folder | undefined;
    for (const f of this.list) {
      if (path === f.path || path.startsWith(f.path.endsWith(sep) ? f.path : f.path + sep)) {
        if (!best || f.path.length > best.path.length) best = f;
      }
    }
    return best;
  }
}

/**
 * The path that SCP globs are matched against: relative to the document's folder, or the
 * absolute path (without its leading separator) for files outside every folder. Undefined for
 * documents that are not files (untitled buffers).
 */
export function lintPath(uri: string, folder: Folder | undefined): string | undefined {
  const path = uriToPath(uri);
  if (!path) return undefined;
  if (folder) return workspaceRelative(folder.path, path);
  return path.split(sep).join('/').replace(/^\/+/, '');
}
