// `--format sarif`: a SARIF 2.1.0 log (OASIS standard) for code-scanning services. Every
// registered rule is described in tool.driver.rules; each result points at a region of a file
// whose URI is relative to the %SRCROOT% base (the current directory).
// Columns: SARIF's default column unit is UTF-16 code units (§3.14.23 columnKind), which is what
// the engine's offsets are, so columns are UTF-16 code units, 1-based, and `columnKind` says so.
// Spec: https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import { FILE_TOO_LARGE } from '../../engine/linter';
import { docsUrl } from '../../engine/rules/docs-url';
import { renderRuleDoc } from '../../engine/rules/render-docs';
import type { Rule } from '../../engine/rules/rule';
import type { EngineSettings } from '../../engine/settings';
import type { Severity } from '../../engine/types';
import type { LintReport } from '../lint';
import type { PackageInfo } from '../package-info';

/** The uriBaseId of every artifact location; resolved by `originalUriBaseIds`. */
export const SRCROOT = '%SRCROOT%';

const LEVELS: Record<Severity, Sarif.ReportingConfiguration.level> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

export interface SarifContext {
  cwd: string;
  rules: readonly Rule[];
  settings: EngineSettings;
  tool: PackageInfo;
  iamDataVersion: string;
  /** Problems found in the configuration file (shown as configuration notifications). */
  configWarnings: readonly string[];
}

/** A relative path with forward slashes as a URI reference (each segment percent-encoded). */
function uriOf(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

function descriptor(rule: Rule): Sarif.ReportingDescriptor {
  const { meta } = rule;
  return {
    id: meta.id,
    shortDescription: { text: meta.description },
    fullDescription: { text: meta.docs.rationale },
    helpUri: docsUrl(meta.id),
    // The rule's documentation page, shown by code-scanning services next to an alert.
    help: { text: `${meta.docs.rationale}\n\n${docsUrl(meta.id)}`, markdown: renderRuleDoc(meta).replace(/^<!--.*-->\n+/, '') },
    defaultConfiguration: { level: LEVELS[meta.severity] },
    properties: { tags: ['security', meta.id.slice(0, meta.id.indexOf('/'))], fixable: meta.fixable },
  };
}

/** Describes the linter's own size-limit finding when no registered rule module carries its id. */
const fileTooLarge: Sarif.ReportingDescriptor = {
  id: FILE_TOO_LARGE,
  shortDescription: { text: 'The file is larger than the maxFileSize setting and was not analysed.' },
  defaultConfiguration: { level: 'note' },
  properties: { tags: ['security', 'policy'] },
};

/** Builds the SARIF log of a report. */
export function sarifLog(report: LintReport, ctx: SarifContext): Sarif.Log {
  const rules = ctx.rules.map(descriptor);
  if (!rules.some((r) => r.id === FILE_TOO_LARGE)) rules.push(fileTooLarge);
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const results: Sarif.Result[] = [];
  for (const file of report.files) {
    if (!file.lines) continue;
    for (const f of file.findings) {
      const r = file.lines.rangeOf(f.span);
      const ruleIndex = index.get(f.ruleId);
      results.push({
        ruleId: f.ruleId,
        ...(ruleIndex === undefined ? {} : { ruleIndex }),
        level: LEVELS[f.severity],
        message: { text: f.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: uriOf(file.path), uriBaseId: SRCROOT },
              region: { startLine: r.start.line + 1, startColumn: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1 },
            },
          },
        ],
      });
    }
  }
  const overrides: Sarif.ConfigurationOverride[] = [];
  for (const [id, sev] of Object.entries(ctx.settings.severities)) {
    const i = index.get(id);
    if (i === undefined) continue;
    overrides.push({ descriptor: { id, index: i }, configuration: sev === 'off' ? { enabled: false } : { level: LEVELS[sev] } });
  }
  const invocation: Sarif.Invocation = {
    executionSuccessful: report.failures.length === 0,
    ...(overrides.length ? { ruleConfigurationOverrides: overrides } : {}),
    ...(report.failures.length
      ? {
          toolExecutionNotifications: report.failures.map((f) => ({
            level: 'error' as const,
            message: { text: f.message },
            locations: [{ physicalLocation: { artifactLocation: { uri: uriOf(f.path), uriBaseId: SRCROOT } } }],
          })),
        }
      : {}),
    ...(ctx.configWarnings.length ? { toolConfigurationNotifications: ctx.configWarnings.map((text) => ({ level: 'warning' as const, message: { text } })) } : {}),
  };
  let base = pathToFileURL(ctx.cwd).href;
  if (!base.endsWith('/')) base += '/';
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: ctx.tool.name,
            version: ctx.tool.version,
            semanticVersion: ctx.tool.version,
            informationUri: ctx.tool.homepage,
            rules,
            properties: { iamDataVersion: ctx.iamDataVersion },
          },
        },
        invocations: [invocation],
        originalUriBaseIds: { [SRCROOT]: { uri: base } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}

/** Renders the report as a SARIF 2.1.0 log (two-space indented, newline-terminated). */
export function formatSarif(report: LintReport, ctx: SarifContext): string {
  return JSON.stringify(sarifLog(report, ctx), null, 2) + '\n';
}
