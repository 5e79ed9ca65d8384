// The CLI's configuration: `--config FILE`, else `.bedrock-security.json` in the current
// directory, else the defaults. The file is JSON with comments allowed (as the language server
// reads it); its settings are merged by the engine's `mergeConfig`.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { LineIndex } from '../engine/text';
import { defaultSettings, mergeConfig, type EngineSettings } from '../engine/settings';
import { CONFIG_FILE } from '../node/workspace';
import { decodeText } from '../node/decode';

export interface CliConfig {
  settings: EngineSettings;
  /** Directory that SCP globs are relative to: the config file's, else the current directory. */
  root: string;
  /** The config file used, if any. */
  file?: string;
  /** Problems that do not stop the run (unknown keys, bad values): shown on stderr. */
  warnings: string[];
}

/** `CloseBraceExpected` → `close brace expected`. */
function describeParseError(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** A configuration file that cannot be used at all (missing, unreadable, not JSON). */
export class ConfigError extends Error {}

/**
 * Loads the configuration for a run in `cwd`. `explicit` is the `--config` value. `display`
 * turns an absolute path into the form shown in messages. Throws `ConfigError` when the file
 * named by `--config` does not exist, or any config file cannot be read or is not valid JSON.
 */
export function loadCliConfig(cwd: string, explicit: string | undefined, knownRules: ReadonlySet<string>, display: (abs: string) => string): CliConfig {
  const base = defaultSettings();
  const file = explicit !== undefined ? resolve(cwd, explicit) : resolve(cwd, CONFIG_FILE);
  if (!existsSync(file)) {
    if (explicit !== undefined) throw new ConfigError(`${explicit}: configuration file not found`);
    return { settings: base, root: cwd, warnings: [] };
  }
  const shown = display(file);
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    throw new ConfigError(`${shown}: cannot read the configuration file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  const decoded = decodeText(bytes);
  if ('error' in decoded) throw new ConfigError(`${shown}: cannot read the configuration file: ${decoded.error}`);
  const errors: ParseError[] = [];
  const raw = parseJsonc(decoded.text, errors, { allowTrailingComma: true });
  if (errors.length) {
    const e = errors[0];
    const at = new LineIndex(decoded.text).positionAt(e.offset);
    throw new ConfigError(`${shown}:${at.line + 1}:${at.character + 1}: the configuration file is not valid JSON: ${describeParseError(printParseErrorCode(e.error))}`);
  }
  const merged = mergeConfig(base, raw, knownRules);
  return { settings: merged.settings, root: dirname(file), file, warnings: merged.problems.map((p) => `${shown}: ${p.message}`) };
}
