// Which source files code analysis reads (TypeScript and JavaScript, by file name or by editor
// language id) and the cheap test that skips, before any parsing, files that cannot contain a
// finding. Pure functions on names and text: both front ends use them to pick files.

/** The editor language ids of the code documents the engine analyses. */
export const CODE_LANGUAGE_IDS = ['typescript', 'typescriptreact', 'javascript', 'javascriptreact'] as const;

/** A code language id. */
export type CodeLanguage = (typeof CODE_LANGUAGE_IDS)[number];

/** File name endings of code files, as directory walks look for them. */
export const CODE_EXTENSIONS: readonly string[] = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

/**
 * Generated or bundled files that are never read: type declarations (no code runs from them)
 * and minified bundles (whose sources are analysed instead).
 */
const SKIPPED = /(\.d\.[cm]?ts|\.min\.[cm]?js)$/i;

/** The code language of a file name, or undefined for other files (and skipped ones). */
export function codeLanguageOfPath(path: string): CodeLanguage | undefined {
  const p = path.replace(/[?#].*$/, '').toLowerCase();
  if (SKIPPED.test(p)) return undefined;
  if (p.endsWith('.tsx')) return 'typescriptreact';
  if (p.endsWith('.jsx')) return 'javascriptreact';
  if (/\.[cm]?ts$/.test(p)) return 'typescript';
  if (/\.[cm]?js$/.test(p)) return 'javascript';
  return undefined;
}

/** True for a code file name the engine analyses (`.d.ts` and `.min.js` are not). */
export function isCodePath(path: string): boolean {
  return codeLanguageOfPath(path) !== undefined;
}

/** True for an editor language id of code. */
export function isCodeLanguage(languageId: string | undefined): languageId is CodeLanguage {
  return !!languageId && (CODE_LANGUAGE_IDS as readonly string[]).includes(languageId);
}

/**
 * AWS access key ids: `AKIA` (long-term) or `ASIA` (temporary) and 16 upper-case letters or
 * digits. https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids
 */
export const ACCESS_KEY_ID = /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/;

/**
 * True when the text may hold something a code rule reports: a mention of Bedrock (in any
 * letter case: the SDK packages, `BedrockRuntimeClient`, `AWS_BEARER_TOKEN_BEDROCK`, CDK's
 * `aws-bedrock`), an IAM policy (`PolicyStatement`, `PolicyDocument`, an `Effect`/`effect`
 * property), or an access key id. Everything else is skipped without being parsed.
 */
export function mayContainFindings(text: string): boolean {
  return /bedrock/i.test(text) || text.includes('PolicyStatement') || text.includes('PolicyDocument') || /\b[Ee]ffect['"]?\s*:/.test(text) || ACCESS_KEY_ID.test(text);
}
