// The status-bar item: the language server's state and the number of this extension's findings
// (diagnostics whose source is "bedrock-security"), one class with one state switch
// (status-text.ts). Clicking it opens the Problems view, or the output when the server failed.
import { DiagnosticSeverity, languages, StatusBarAlignment, ThemeColor, window, type Diagnostic, type Disposable, type StatusBarItem, type Uri } from 'vscode';
import { Commands } from './ids';
import type { ServerController } from './server-controller';
import { statusPresentation, type FindingCounts } from './status-text';

/** The `source` of the diagnostics the language server publishes. */
export const DIAGNOSTIC_SOURCE = 'bedrock-security';

/**
 * The Problems view's command. VS Code 1.100 has no command or API that sets the view's filter
 * text (markers.contribution.ts offers focusFilter and clearFilterText only); typing
 * "bedrock-security" into the filter lists only this extension's findings, as the tooltip says.
 */
export const PROBLEMS_VIEW = 'workbench.actions.view.problems';

/** This extension's findings among `diagnostics`, by severity. */
export function countOf(diagnostics: readonly Diagnostic[]): FindingCounts {
  const c: FindingCounts = { errors: 0, warnings: 0, infos: 0 };
  for (const d of diagnostics) {
    if (d.source !== DIAGNOSTIC_SOURCE) continue;
    if (d.severity === DiagnosticSeverity.Error) c.errors++;
    else if (d.severity === DiagnosticSeverity.Warning) c.warnings++;
    else if (d.severity === DiagnosticSeverity.Information) c.infos++;
  }
  return c;
}

/** Coalesces bursts of diagnostics changes (a workspace scan publishes one per file). */
const RECOUNT_DELAY_MS = 100;

export class StatusBar implements Disposable {
  private readonly item: StatusBarItem;
  private readonly disposables: Disposable[] = [];
  /** Counts per document URI, updated for the URIs of each change event. */
  private readonly perUri = new Map<string, FindingCounts>();
  private pending = new Map<string, Uri>();
  private timer?: NodeJS.Timeout;

  constructor(private readonly server: ServerController) {
    this.item = window.createStatusBarItem('bedrockSecurity.status', StatusBarAlignment.Left, 10);
    this.item.name = 'Bedrock Security';
    this.disposables.push(
      this.item,
      server.onDidChangeState(() => this.render()),
      languages.onDidChangeDiagnostics((e) => this.changed(e.uris)),
    );
    for (const [uri] of languages.getDiagnostics()) this.pending.set(uri.toString(), uri);
    this.recount();
    this.item.show();
  }

  /** The total of this extension's findings now. */
  get counts(): FindingCounts {
    const total: FindingCounts = { errors: 0, warnings: 0, infos: 0 };
    for (const c of this.perUri.values()) {
      total.errors += c.errors;
      total.warnings += c.warnings;
      total.infos += c.infos;
    }
    return total;
  }

  private changed(uris: readonly Uri[]): void {
    for (const uri of uris) this.pending.set(uri.toString(), uri);
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      this.recount();
    }, RECOUNT_DELAY_MS);
  }

  private recount(): void {
    const uris = this.pending;
    this.pending = new Map();
    for (const [key, uri] of uris) {
      const c = countOf(languages.getDiagnostics(uri));
      if (c.errors + c.warnings + c.infos > 0) this.perUri.set(key, c);
      else this.perUri.delete(key);
    }
    this.render();
  }

  private render(): void {
    const p = statusPresentation(this.server.state, this.counts);
    this.item.text = p.text;
    this.item.tooltip = p.tooltip;
    this.item.command = p.action === 'problems' ? Commands.showProblems : Commands.showOutput;
    this.item.backgroundColor = p.error ? new ThemeColor('statusBarItem.errorBackground') : undefined;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}
