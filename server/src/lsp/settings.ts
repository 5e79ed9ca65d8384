// Per-folder settings of the language server, merged as: built-in defaults < the folder's
// `.bedrock-security.json` < editor settings (section `bedrockSecurity`), plus the Regions the
// folder's SCP files allow (data for code analysis). Nothing is held in
// globals: handlers receive the `FolderSettings` of the document they work on.
import { defaultSettings, mergeConfig, type EngineSettings } from '../engine/settings';
import { workspaceScpRegions } from '../node/scp-regions';
import { loadConfigFile } from '../node/workspace';
import type { Folder } from './folders';

/** The editor settings section the server reads. */
export const SETTINGS_SECTION = 'bedrockSecurity';

/** Editor settings of the section that only the client uses (not engine settings). */
const CLIENT_ONLY_KEYS = new Set(['trace']);

/** The effective settings of one workspace folder (or of documents outside every folder). */
export interface FolderSettings {
  /** The folder; undefined for documents outside every workspace folder. */
  readonly folder?: Folder;
  readonly engine: EngineSettings;
  /** Increases on every reload; results computed with an older generation are stale. */
  readonly generation: number;
}

/**
 * The engine-relevant part of the editor settings object: client-only keys and unset (null)
 * values dropped. Undefined when the client sent nothing usable.
 */
export function editorConfig(raw: unknown): Record<string, unknown> | undefined {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
    if (!CLIENT_ONLY_KEYS.has(k) && v !== null && v !== undefined) out[k] = v;
  }
  return out;
}

/** The merged engine settings of a folder, and problems found in the editor settings. */
export function resolveSettings(folderPath: string | undefined, editorRaw: unknown, knownRules: ReadonlySet<string>): { engine: EngineSettings; editorProblems: string[] } {
  const base = defaultSettings();
  const fromFile = folderPath ? loadConfigFile(folderPath, base, knownRules).settings : base;
  const merged = mergeConfig(fromFile, editorConfig(editorRaw), knownRules);
  const engine = merged.settings;
  // The Regions the folder's SCP files allow, as data for sdk/region-not-allowed.
  if (folderPath && engine.codeAnalysis) engine.scpRegions = workspaceScpRegions(folderPath, engine);
  return { engine, editorProblems: merged.problems.map((p) => p.message) };
}

/** What the store needs from the connection. */
export interface SettingsSource {
  readonly knownRules: ReadonlySet<string>;
  /** The editor's `bedrockSecurity` settings for a folder (or the global ones). */
  editorSettings(folder: Folder | undefined): Promise<unknown>;
  /** Called with problems found in the editor settings (each distinct message once per load). */
  reportEditorProblems(problems: string[]): void;
}

/** Loads settings per folder on first use and caches them until `invalidate`. */
export class SettingsStore {
  private readonly cache = new Map<string, Promise<FolderSettings>>();
  private generation = 0;

  constructor(private readonly source: SettingsSource) {}

  /** The current generation; lint results of an older one are stale. */
  get currentGeneration(): number {
    return this.generation;
  }

  /** The settings of `folder` (or of documents outside every folder). */
  get(folder: Folder | undefined): Promise<FolderSettings> {
    const key = folder?.path ?? '';
    let p = this.cache.get(key);
    if (!p) {
      p = this.load(folder, this.generation);
      this.cache.set(key, p);
    }
    return p;
  }

  /** Forgets every cached folder's settings (editor settings or a config file changed). */
  invalidate(): void {
    this.generation++;
    this.cache.clear();
  }

  private async load(folder: Folder | undefined, generation: number): Promise<FolderSettings> {
    let raw: unknown;
    try {
      raw = await this.source.editorSettings(folder);
    } catch {
      raw = undefined;
    }
    const { engine, editorProblems } = resolveSettings(folder?.path, raw, this.source.knownRules);
    if (editorProblems.length) this.source.reportEditorProblems(editorProblems);
    return { folder, engine, generation };
  }
}
