// Engine settings: everything a rule may depend on besides the document. Front ends build them
// from editor settings and/or the `.bedrock-security.json` config file and pass them in.
import picomatch from 'picomatch';
import type { Severity, SeverityOverride } from './types';
import type { PolicyKind } from './policy/model';

export interface EngineSettings {
  /** Per-rule severity overrides (`off` disables a rule). */
  severities: Record<string, SeverityOverride>;
  /** Guardrail ARN that fixes write into conditions and SDK calls. */
  guardrailArn?: string;
  /** Guardrail version that fixes write (a number as a string). */
  guardrailVersion?: string;
  /** Regions the organisation allows (used by region rules and SCP scaffolding). */
  allowedRegions: string[];
  /** Globs (relative to the workspace root) of files that are service control policies. */
  scpFiles: string[];
  /** Documents longer than this many characters are skipped with one information finding. */
  maxFileSize: number;
  /** Whether TypeScript and JavaScript files are analysed (SDK calls, CDK constructs, policies in code). */
  codeAnalysis: boolean;
  /**
   * The Regions the workspace's SCPs leave open (a Deny on `aws:RequestedRegion` outside a list),
   * computed by the front end from the SCP files; undefined when no SCP restricts Regions. Data,
   * never read from configuration.
   */
  scpRegions?: string[];
}

export const DEFAULT_SCP_GLOBS = ['**/*scp*.json', '**/scps/**/*.json', '**/service-control-policies/**/*.json'];

export function defaultSettings(): EngineSettings {
  return { severities: {}, allowedRegions: [], scpFiles: [...DEFAULT_SCP_GLOBS], maxFileSize: 1_000_000, codeAnalysis: true };
}

const SEVERITIES: readonly string[] = ['error', 'warning', 'information', 'hint', 'off'];

/** Problems found while reading a config file; the valid parts still apply. */
export interface ConfigProblem {
  message: string;
}

/**
 * Merges a `.bedrock-security.json`-shaped object into settings. Unknown keys and bad values are
 * reported, never thrown. Shape:
 * `{ "rules": { "<rule-id>": "error"|"warning"|"information"|"hint"|"off" }, "guardrailArn",
 *    "guardrailVersion", "allowedRegions": [..], "scpFiles": [..], "maxFileSize": n,
 *    "codeAnalysis": { "enabled": true|false } }`.
 */
export function mergeConfig(base: EngineSettings, raw: unknown, knownRules: ReadonlySet<string>): { settings: EngineSettings; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const s: EngineSettings = { ...base, severities: { ...base.severities }, allowedRegions: [...base.allowedRegions], scpFiles: [...base.scpFiles] };
  if (raw === undefined || raw === null) return { settings: s, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) return { settings: s, problems: [{ message: 'the configuration must be a JSON object' }] };
  const o = raw as Record<string, unknown>;
  for (const [k, v] of Object.entries(o)) {
    switch (k) {
      case 'rules':
        if (!v || typeof v !== 'object' || Array.isArray(v)) {
          problems.push({ message: '"rules" must be an object of rule id to severity' });
          break;
        }
        for (const [id, sev] of Object.entries(v as Record<string, unknown>)) {
          if (!knownRules.has(id)) problems.push({ message: `unknown rule "${id}" in "rules"` });
          else if (typeof sev !== 'string' || !SEVERITIES.includes(sev)) problems.push({ message: `severity of "${id}" must be one of ${SEVERITIES.join(', ')}` });
          else s.severities[id] = sev as SeverityOverride;
        }
        break;
      case 'guardrailArn':
      case 'guardrailVersion':
        if (typeof v === 'string' && v.trim()) s[k] = v.trim();
        else if (v !== '' && v !== null) problems.push({ message: `"${k}" must be a string` });
        break;
      case 'allowedRegions':
      case 'scpFiles':
        if (Array.isArray(v) && v.every((x) => typeof x === 'string')) s[k] = [...(v as string[])];
        else problems.push({ message: `"${k}" must be an array of strings` });
        break;
      case 'maxFileSize':
        if (typeof v === 'number' && v > 0) s.maxFileSize = v;
        else problems.push({ message: '"maxFileSize" must be a positive number' });
        break;
      case 'codeAnalysis': {
        const enabled = v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>).enabled : undefined;
        const others = v && typeof v === 'object' && !Array.isArray(v) ? Object.keys(v).filter((x) => x !== 'enabled') : [];
        if (typeof enabled === 'boolean' && others.length === 0) s.codeAnalysis = enabled;
        else problems.push({ message: '"codeAnalysis" must be an object such as { "enabled": true }' });
        break;
      }
      case '$schema':
        break;
      default:
        problems.push({ message: `unknown setting "${k}"` });
    }
  }
  return { settings: s, problems };
}

/** The effective severity of a rule, or undefined when it is turned off. */
export function effectiveSeverity(settings: EngineSettings, ruleId: string, fallback: Severity): Severity | undefined {
  const o = settings.severities[ruleId];
  if (o === 'off') return undefined;
  return o ?? fallback;
}

const scpMatchers = new Map<string, (p: string) => boolean>();

/** True when `relativePath` (forward slashes, relative to the workspace root) matches an SCP glob. */
export function isScpPath(relativePath: string, globs: readonly string[]): boolean {
  const p = relativePath.replace(/\\/g, '/').replace(/^\.?\/+/, '');
  const key = globs.join('\0');
  let m = scpMatchers.get(key);
  if (!m) {
    m = picomatch(globs as string[], { dot: true, nocase: true });
    scpMatchers.set(key, m);
  }
  return m(p);
}

/** The kind a path's policy is forced to, if any (SCP by path); otherwise decided by content. */
export function kindForPath(relativePath: string | undefined, settings: EngineSettings): PolicyKind | undefined {
  return relativePath && isScpPath(relativePath, settings.scpFiles) ? 'scp' : undefined;
}
