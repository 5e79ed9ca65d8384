// The `bedrockSecurity/fixFiles` request as both ends see it: its method and types, free of any
// implementation so that the extension client can import them without bundling the server.
import type { TextEdit } from 'vscode-languageserver-protocol';

/** The request method. */
export const FIX_FILES_REQUEST = 'bedrockSecurity/fixFiles';

/** At most this many files per request (the client sends batches). */
export const MAX_FILES_PER_REQUEST = 200;

export interface FixFilesParams {
  /** `file:` URIs (or URIs of open documents) of policy files to fix. */
  uris: string[];
}

/** The fix of one file. */
export interface FileFix {
  uri: string;
  /** The version of the open document the edits apply to; null for a file read from disk. */
  version: number | null;
  edits: TextEdit[];
  /** Findings before and after the fixes. */
  before: number;
  after: number;
}

export interface FixFilesResult {
  /** Files with something to fix. */
  files: FileFix[];
  /** Files that could not be read or linted, with the reason (files without fixes are left out). */
  skipped: { uri: string; reason: string }[];
}
