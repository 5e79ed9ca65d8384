// The Account Posture view: runs the posture engine's read-only checks on Refresh (cancellable,
// never at activation, never in an untrusted workspace), caches the report until the next
// Refresh, shows it as a tree with a summary line, exports it, and offers each failing check's
// remediation (copy the AWS CLI command, open a snippet, open the docs or the console; it never
// changes the account). Every failure becomes a node or a message, never a blank view.
import { homedir } from 'node:os';
import { basename } from 'node:path';
import { commands, env, ProgressLocation, Uri, window, workspace, type Disposable, type ExtensionContext, type LogOutputChannel, type TreeView } from 'vscode';
import type { CheckResult, PostureLogger, PostureReport } from '../../../../server/src/posture/types';
import { pickProfile, pickRegions } from '../../aws/pickers';
import { ProfileStatus } from '../../aws/profile-status';
import { credentialSource, describeSource, effectiveRegions, readProfiles, type CredentialSource } from '../../aws/profiles';
import { ContextKeys, PostureSettings, Views } from '../../ids';
import { loadPostureEngine, type PostureEngine } from './engine';
import { PostureTreeProvider } from './posture-tree';
import { reportBaseName, reportPaths } from './report-files';
import { cancelledNode, failedRunNode, postureState, preflightProblem, reportMessage, setupProblemNode } from './run-notices';
import { buildPostureTree, noticeNode, remediationActions, snippetLanguage, type PostureNode, type RemediationAction } from './tree-model';

/** The posture settings as read from the editor. */
interface PostureConfig {
  profile: string;
  regions: unknown[];
  endpointUrl?: string;
}

function readConfig(): PostureConfig {
  const c = workspace.getConfiguration(PostureSettings.section);
  const regions = c.get<unknown>(PostureSettings.regions);
  return { profile: String(c.get<unknown>(PostureSettings.profile) ?? ''), regions: Array.isArray(regions) ? regions : [], endpointUrl: String(c.get<unknown>(PostureSettings.endpointUrl) ?? '').trim() || undefined };
}

/** The check result a command was invoked on (a tree node), or undefined. */
function checkOf(arg: unknown): CheckResult | undefined {
  const node = arg as Partial<PostureNode> | undefined;
  return node && node.kind === 'check' && node.result && typeof node.result === 'object' ? node.result : undefined;
}

const REMEDIATION_LABELS: Record<RemediationAction, string> = {
  copyCliCommand: '$(copy) Copy the AWS CLI command',
  openSnippet: '$(new-file) Open the snippet in an editor',
  openRemediationDocs: '$(book) Open the AWS documentation',
  openConsole: '$(link-external) Open in the AWS console',
};

/** Owns the Account Posture tree view, its status-bar item and the cached report. */
export class PostureView implements Disposable {
  private readonly tree = new PostureTreeProvider();
  private readonly view: TreeView<PostureNode>;
  private readonly status = new ProfileStatus();
  private readonly disposables: Disposable[] = [];
  private engine?: PostureEngine;
  private report?: PostureReport;
  private run?: { abort: AbortController; done: Promise<void> };
  private config: PostureConfig = readConfig();
  private source: CredentialSource = { kind: 'none' };
  private regions: string[] = [];
  private readonly logger: PostureLogger;

  constructor(
    private readonly context: ExtensionContext,
    private readonly output: LogOutputChannel,
  ) {
    this.logger = { info: (m) => output.info(`[posture] ${m}`), error: (m) => output.error(`[posture] ${m}`) };
    this.view = window.createTreeView(Views.posture, { treeDataProvider: this.tree, showCollapseAll: true });
    this.disposables.push(
      this.view,
      this.tree,
      this.status,
      this.view.onDidChangeVisibility((e) => {
        if (!e.visible) return;
        this.status.reveal();
        void this.updateSource();
      }),
      workspace.onDidChangeConfiguration((e) => {
        if (!e.affectsConfiguration(PostureSettings.section)) return;
        const before = this.config;
        this.config = readConfig();
        void this.updateSource().then(() => this.settingsChanged(before));
      }),
      workspace.onDidGrantWorkspaceTrust(() => void this.updateSource()),
    );
    if (this.view.visible) this.status.reveal();
    void this.updateSource();
  }

  /** Runs every check again (command `bedrockSecurity.posture.refresh`); a second call joins the running one. */
  refresh(): Promise<void> {
    if (this.run) return this.run.done;
    const abort = new AbortController();
    const done = this.check(abort).finally(() => {
      this.run = undefined;
      void setContext(ContextKeys.postureRunning, false);
      this.showStatus();
    });
    this.run = { abort, done };
    return done;
  }

  /** Cancels a running refresh (command `bedrockSecurity.posture.cancel`). */
  cancel(): void {
    this.run?.abort.abort();
  }

  /** Picks the AWS profile (command `bedrockSecurity.posture.selectProfile`). */
  async selectProfile(): Promise<void> {
    await pickProfile(this.config.profile);
  }

  /** Picks the Regions (command `bedrockSecurity.posture.selectRegions`). */
  async selectRegions(): Promise<void> {
    const configured = this.config.regions.filter((r): r is string => typeof r === 'string');
    await pickRegions(configured, effectiveRegions([], this.source, process.env)[0]);
  }

  /** Writes the cached report as Markdown and JSON (command `bedrockSecurity.posture.export`). */
  async exportReport(): Promise<void> {
    const { report, engine } = this;
    if (!report || !engine) {
      void window.showInformationMessage('Bedrock Security: nothing to export yet. Run Refresh in the Account Posture view first.');
      return;
    }
    const folder = workspace.workspaceFolders?.[0]?.uri ?? Uri.file(homedir());
    const target = await window.showSaveDialog({
      defaultUri: Uri.joinPath(folder, `${reportBaseName(report)}.md`),
      filters: { Markdown: ['md'] },
      saveLabel: 'Export',
      title: 'Export Account Posture: a Markdown report, and a JSON report next to it',
    });
    if (!target) return;
    const paths = reportPaths(target.path);
    const markdown = target.with({ path: paths.markdown });
    const json = target.with({ path: paths.json });
    try {
      await workspace.fs.writeFile(markdown, Buffer.from(engine.renderMarkdown(report), 'utf8'));
      await workspace.fs.writeFile(json, Buffer.from(engine.renderJson(report), 'utf8'));
    } catch (e) {
      this.logger.error(`export failed: ${messageOf(e)}`);
      void window.showErrorMessage(`Bedrock Security: could not export the posture report (${messageOf(e)}).`);
      return;
    }
    this.logger.info(`exported ${markdown.toString(true)} and ${json.toString(true)}`);
    void window.showInformationMessage(`Bedrock Security: exported ${basename(paths.markdown)} and ${basename(paths.json)}.`, 'Open Markdown', 'Open JSON').then(async (choice) => {
      if (choice) await window.showTextDocument(choice === 'Open JSON' ? json : markdown);
    });
  }

  /** Offers a failing check's remediation actions in a quick pick (command `bedrockSecurity.posture.remediate`). */
  async remediate(arg: unknown): Promise<void> {
    const result = checkOf(arg);
    if (!result) return;
    const actions = remediationActions(result);
    if (!actions.length) {
      void window.showInformationMessage(`Bedrock Security: "${result.title}" offers no remediation.`);
      return;
    }
    const fix = result.remediation;
    const items = actions.map((action) => ({
      label: REMEDIATION_LABELS[action],
      detail: action === 'copyCliCommand' ? fix?.cliCommand : action === 'openRemediationDocs' ? fix?.docsUrl : action === 'openConsole' ? result.consoleUrl : undefined,
      action,
    }));
    const choice = await window.showQuickPick(items, { title: `Fix: ${result.title} (${result.region})`, placeHolder: fix?.title ?? result.summary });
    if (choice) await this.runRemediation(choice.action, result);
  }

  /** Runs one remediation action on the check node a command was invoked on (context menu). */
  async remediationCommand(action: RemediationAction, arg: unknown): Promise<void> {
    const result = checkOf(arg);
    if (result) await this.runRemediation(action, result);
  }

  private async runRemediation(action: RemediationAction, result: CheckResult): Promise<void> {
    const fix = result.remediation;
    switch (action) {
      case 'copyCliCommand':
        if (!fix?.cliCommand) return;
        await env.clipboard.writeText(fix.cliCommand);
        void window.showInformationMessage(`Bedrock Security: copied the AWS CLI command for "${result.title}". Review it before you run it; Bedrock Security never changes the account.`);
        return;
      case 'openSnippet': {
        if (!fix?.snippet) return;
        const doc = await workspace.openTextDocument({ content: fix.snippet, language: snippetLanguage(fix.snippet) });
        await window.showTextDocument(doc, { preview: false });
        return;
      }
      case 'openRemediationDocs':
        if (fix?.docsUrl) await env.openExternal(Uri.parse(fix.docsUrl));
        return;
      case 'openConsole':
        if (result.consoleUrl) await env.openExternal(Uri.parse(result.consoleUrl));
        return;
    }
  }

  dispose(): void {
    this.run?.abort.abort();
    for (const d of this.disposables) d.dispose();
  }

  /** Re-reads profiles and settings; updates the welcome state, the status bar and the title. */
  private async updateSource(): Promise<void> {
    const profiles = await readProfiles();
    this.source = credentialSource(this.config.profile, process.env, profiles);
    this.regions = effectiveRegions(this.config.regions, this.source, process.env);
    await setContext(ContextKeys.postureState, postureState(workspace.isTrusted, this.source));
    this.showStatus();
    if (!this.report) this.view.description = `${describeSource(this.source)} · ${this.regions.length ? this.regions.join(', ') : 'no Region'}`;
  }

  private showStatus(): void {
    if (!workspace.isTrusted) this.status.set({ kind: 'untrusted' });
    else this.status.set({ kind: this.run ? 'checking' : 'idle', source: this.source, regions: this.regions, endpointUrl: this.config.endpointUrl });
  }

  /**
   * After a settings change: a run or report for another profile or endpoint is cancelled or
   * dropped; a report of other Regions is marked stale.
   */
  private settingsChanged(before: PostureConfig): void {
    if (before.profile !== this.config.profile || before.endpointUrl !== this.config.endpointUrl) {
      this.run?.abort.abort();
      if (!this.report) return;
      this.report = undefined;
      this.tree.show([]);
      this.view.message = undefined;
      void setContext(ContextKeys.postureHasReport, false);
      void this.updateSource();
    } else if (this.report && JSON.stringify(before.regions) !== JSON.stringify(this.config.regions)) {
      this.view.message = `The Regions changed since this check: Refresh to check ${this.regions.join(', ') || 'the new Regions'}.`;
    }
  }

  private async check(abort: AbortController): Promise<void> {
    await this.updateSource();
    if (!workspace.isTrusted) {
      void window.showInformationMessage('Bedrock Security: account posture checks call AWS, which happens only in trusted workspaces.', 'Manage Workspace Trust').then((c) => c && commands.executeCommand('workbench.trust.manage'));
      return;
    }
    const problem = preflightProblem(this.source, this.regions, this.config.endpointUrl);
    if (problem) return this.showNotice(problem);
    let engine: PostureEngine;
    try {
      engine = this.engine ??= loadPostureEngine(this.context.asAbsolutePath('dist/posture.js'));
    } catch (e) {
      this.logger.error(`could not load dist/posture.js: ${messageOf(e)}`);
      return this.showNotice(noticeNode('load', 'error', 'Could not load the posture checks', messageOf(e)));
    }
    const { source, regions } = this;
    const endpointUrl = this.config.endpointUrl;
    const who = `${describeSource(source)} in ${regions.join(', ')}`;
    void setContext(ContextKeys.postureRunning, true);
    this.showStatus();
    if (!this.report) this.tree.show([noticeNode('checking', { id: 'loading~spin' }, 'Checking…', who)]);
    this.logger.info(`checking ${who}${endpointUrl ? ` through ${endpointUrl}` : ''}`);
    const started = Date.now();
    try {
      const report = await window.withProgress({ location: { viewId: Views.posture } }, () =>
        window.withProgress({ location: ProgressLocation.Notification, title: 'Bedrock Security: checking the account posture', cancellable: true }, (progress, token) => {
          token.onCancellationRequested(() => abort.abort());
          progress.report({ message: who });
          return engine.runPosture({ profile: source.kind === 'profile' ? source.profile : undefined, regions, endpointUrl, signal: abort.signal, logger: this.logger });
        }),
      );
      if (abort.signal.aborted) return this.cancelled();
      this.showReport(report, engine, source, endpointUrl);
      this.logger.info(`${engine.summaryLine(report.summary) || 'no results'} in ${Date.now() - started} ms`);
    } catch (e) {
      if (abort.signal.aborted) return this.cancelled();
      if (!(e instanceof engine.PostureSetupError)) {
        this.logger.error(`failed: ${messageOf(e)}`);
        return this.showNotice(failedRunNode(messageOf(e)));
      }
      this.logger.error(`could not run (${e.kind}): ${e.message}`);
      this.showNotice(setupProblemNode(e.kind, e.message, source));
    }
  }

  /** Shows a report of a run with `source` through `endpointUrl` (as they were when it started). */
  private showReport(report: PostureReport, engine: PostureEngine, source: CredentialSource, endpointUrl: string | undefined): void {
    this.report = report;
    const nodes = buildPostureTree(report, engine.summaryLine);
    this.tree.show(nodes.length ? nodes : [noticeNode('empty', 'not-applicable', 'No results', 'The run returned no Regions')]);
    const summary = engine.summaryLine(report.summary) || 'no results';
    this.view.description = summary;
    this.view.message = reportMessage(report, summary, source, endpointUrl, (d) => d.toLocaleTimeString());
    void setContext(ContextKeys.postureHasReport, true);
  }

  /** Replaces the report with a notice node, or with nothing (the welcome view). */
  private showNotice(node: PostureNode | undefined): void {
    this.report = undefined;
    this.tree.show(node ? [node] : []);
    this.view.message = undefined;
    this.view.description = describeSource(this.source);
    void setContext(ContextKeys.postureHasReport, false);
  }

  private cancelled(): void {
    this.logger.info('refresh cancelled');
    if (this.report) {
      const time = new Date(this.report.generatedAt);
      this.view.message = `Refresh cancelled: these are the results of ${Number.isNaN(time.getTime()) ? 'the last check' : time.toLocaleTimeString()}.`;
      return;
    }
    this.showNotice(cancelledNode());
  }
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Sets a context key; never rejects (it may run during shutdown). */
function setContext(key: string, value: unknown): Promise<unknown> {
  return Promise.resolve(commands.executeCommand('setContext', key, value)).catch(() => undefined);
}
