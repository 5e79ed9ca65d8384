// The `bedrockSecurity/fixFiles` request behind the editor's "Fix All in Workspace": for each
// file the client names, the edit that applies every preferred fix (the same "fix all" as
// source.fixAll, Linter.fixAll) to the open buffer or, for closed files, to the text on disk.
// The client shows the edits in a refactoring preview and applies the ones the user keeps; it asks
// in batches, so that it can report progress and stop between them.
import { readFileSync, statSync } from 'node:fs';
import type { Linter } from '../engine/linter';
import { decodeText } from '../node/decode';
import { minimalEdit } from './code-actions';
import type { DocumentLinter, LintedDocument } from './document-linter';
import { MAX_READ_BYTES } from './file-linter';
import { FIX_FILES_REQUEST, MAX_FILES_PER_REQUEST, type FileFix, type FixFilesParams, type FixFilesResult } from './fix-files-protocol';
import { invalidParams } from './guard';
import type { FolderSettings } from './settings';
import { isLintedDocument, uriToPath } from './uri';

export { FIX_FILES_REQUEST, type FileFix, type FixFilesParams, type FixFilesResult } from './fix-files-protocol';

/** What the request needs from the session. */
export interface FixFilesHost {
  readonly linter: Linter;
  readonly docs: DocumentLinter;
  /** The open document's text and version, or undefined when it is not open. */
  openDocument(uri: string): { text: string; version: number } | undefined;
  /** The settings of the folder a document belongs to. */
  settings(uri: string): Promise<FolderSettings>;
  /** True for the folder's `.bedrock-security.json` (a config file, not a policy). */
  isConfigFile(uri: string): boolean;
}

/** Validates the request's parameters. */
export function fixFilesParams(raw: unknown): FixFilesParams {
  const uris = (raw as Partial<FixFilesParams> | undefined)?.uris;
  if (!Array.isArray(uris) || !uris.every((u) => typeof u === 'string')) throw invalidParams(`${FIX_FILES_REQUEST} needs "uris", an array of strings`);
  if (uris.length > MAX_FILES_PER_REQUEST) throw invalidParams(`${FIX_FILES_REQUEST} takes at most ${MAX_FILES_PER_REQUEST} files per request`);
  return { uris };
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Reads a closed file as the workspace scan does; a string is the reason it cannot be read. */
function readClosed(uri: string): string | { text: string } {
  const path = uriToPath(uri);
  if (!path) return 'not a file';
  try {
    const size = statSync(path).size;
    if (size > MAX_READ_BYTES) return `${size} bytes is more than ${MAX_READ_BYTES}`;
    const decoded = decodeText(readFileSync(path));
    return 'error' in decoded ? decoded.error : { text: decoded.text };
  } catch (e) {
    return (e as Error).message;
  }
}

/** The fix-all edit of one linted document, or undefined when nothing changes. */
function fixDocument(linter: Linter, doc: LintedDocument): FileFix | undefined {
  if (!doc.result.policy && !doc.result.code) return undefined;
  const { text, applied } = linter.fixAll(doc.text, doc.options);
  const edit = applied > 0 ? minimalEdit(doc.text, text) : undefined;
  if (!edit) return undefined;
  const after = linter.lint(text, doc.options).findings.length;
  return { uri: doc.uri, version: doc.version, edits: [{ range: doc.lines.rangeOf(edit.span), newText: edit.newText }], before: doc.result.findings.length, after };
}

/** Computes the fix-all edits of the given files, yielding to the event loop between files. */
export async function fixFiles(params: FixFilesParams, host: FixFilesHost): Promise<FixFilesResult> {
  const result: FixFilesResult = { files: [], skipped: [] };
  for (const uri of new Set(params.uris)) {
    if (!isLintedDocument(uri) && !host.openDocument(uri)) {
      result.skipped.push({ uri, reason: 'not a JSON, TypeScript or JavaScript document' });
      continue;
    }
    if (host.isConfigFile(uri)) continue;
    const open = host.openDocument(uri);
    const read = open ?? readClosed(uri);
    if (typeof read === 'string') {
      result.skipped.push({ uri, reason: read });
      continue;
    }
    try {
      const settings = await host.settings(uri);
      const doc = host.docs.lint(uri, open ? open.version : null, read.text, settings);
      const fix = fixDocument(host.linter, doc);
      if (fix) result.files.push(fix);
    } catch (e) {
      result.skipped.push({ uri, reason: `fixing failed: ${e instanceof Error ? e.message : String(e)}` });
    }
    await yieldToEventLoop();
  }
  return result;
}
