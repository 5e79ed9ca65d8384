// Conversions between document URIs and file-system paths, and the test for which documents
// the server handles. Comparisons go through paths so that differently escaped URIs of one file
// (`%3A` versus `:`, `%20` versus a space) name the same document.
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The file-system path of a `file:` URI; undefined for other schemes or malformed URIs. */
export function uriToPath(uri: string): string | undefined {
  if (!/^file:/i.test(uri)) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** The `file:` URI of an absolute path. */
export function pathToUri(path: string): string {
  return pathToFileURL(path).href;
}

/** A key that is equal for every spelling of the same document's URI. */
export function documentKey(uri: string): string {
  return uriToPath(uri) ?? uri;
}

/** True for documents the server lints: JSON by language id, or by a `.json` name. */
export function isJsonDocument(uri: string, languageId?: string): boolean {
  if (languageId === 'json' || languageId === 'jsonc') return true;
  return /\.json$/i.test(uri.replace(/[?#].*$/, ''));
}
