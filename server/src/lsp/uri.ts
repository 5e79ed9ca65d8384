// Conversions between document URIs and file-system paths, and the tests for which documents
// the server handles (JSON policies, and TypeScript/JavaScript for code analysis). Comparisons
// go through paths so that differently escaped URIs of one file (`%3A` versus `:`, `%20` versus
// a space) name the same document.
import { fileURLToPath, pathToFileURL } from 'node:url';
import { codeLanguageOfPath, isCodeLanguage, isCodePath } from '../engine/code/languages';
import type { SourceLanguage } from '../engine/linter';

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

/** Code files that are never analysed, whatever their language id (type declarations, minified bundles). */
const SKIPPED_CODE = /\.(d\.[cm]?ts|min\.[cm]?js)$/i;

/**
 * The language the server lints a document as: JSON (policies), or TypeScript/JavaScript (code
 * analysis) by language id or file name. Undefined for documents the server does not lint.
 */
export function documentLanguage(uri: string, languageId?: string): SourceLanguage | undefined {
  if (isJsonDocument(uri, languageId)) return 'json';
  const path = uri.replace(/[?#].*$/, '');
  if (SKIPPED_CODE.test(path)) return undefined;
  if (isCodeLanguage(languageId)) return languageId;
  return codeLanguageOfPath(path);
}

/** True for documents the server lints (JSON and code). */
export function isLintedDocument(uri: string, languageId?: string): boolean {
  return documentLanguage(uri, languageId) !== undefined;
}

/** True for a file name the workspace scan lints (`.json`, and code files that are analysed). */
export function isLintedPath(path: string): boolean {
  return /\.json$/i.test(path) || isCodePath(path);
}
