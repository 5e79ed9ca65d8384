// The registry of the extension's commands (package.json `contributes.commands`). Commands
// served by the language server (bedrockSecurity.lintWorkspace) are registered by the client
// library from the server's executeCommandProvider, not here. Tree-item commands receive the
// node they were invoked on as their argument.
import { commands, type ExtensionContext } from 'vscode';
import { Commands } from './ids';
import { showRuleDocumentation } from './rule-docs';
import type { ServerController } from './server-controller';
import { PROBLEMS_VIEW } from './status-bar';
import { generatePolicyFromCode } from './wizards/from-code-wizard';
import { newLeastPrivilegePolicy } from './wizards/least-privilege-wizard';
import { newServiceControlPolicy } from './wizards/scp-wizard';
import { fixAllInWorkspace } from './workspace-fixes';
import type { PostureView } from './views/posture/posture-view';

/** Registers every client-side command; each registration goes into the context's subscriptions. */
export function registerCommands(context: ExtensionContext, server: ServerController, posture: PostureView): void {
  const handlers: Record<string, (arg?: unknown) => unknown> = {
    [Commands.restartServer]: () => server.restart(),
    [Commands.showOutput]: () => server.output.show(true),
    [Commands.newLeastPrivilegePolicy]: () => newLeastPrivilegePolicy(context),
    [Commands.newServiceControlPolicy]: () => newServiceControlPolicy(),
    [Commands.showRuleDocumentation]: (ruleId?: unknown) => showRuleDocumentation(context, ruleId),
    [Commands.fixAllInWorkspace]: () => fixAllInWorkspace(server),
    [Commands.showProblems]: () => commands.executeCommand(PROBLEMS_VIEW),
    [Commands.generatePolicyFromCode]: () => generatePolicyFromCode(server),
    [Commands.postureRefresh]: () => posture.refresh(),
    [Commands.postureCancel]: () => posture.cancel(),
    [Commands.postureExport]: () => posture.exportReport(),
    [Commands.postureSelectProfile]: () => posture.selectProfile(),
    [Commands.postureSelectRegions]: () => posture.selectRegions(),
    [Commands.postureRemediate]: (node) => posture.remediate(node),
    [Commands.postureCopyCliCommand]: (node) => posture.remediationCommand('copyCliCommand', node),
    [Commands.postureOpenSnippet]: (node) => posture.remediationCommand('openSnippet', node),
    [Commands.postureOpenRemediationDocs]: (node) => posture.remediationCommand('openRemediationDocs', node),
    [Commands.postureOpenConsole]: (node) => posture.remediationCommand('openConsole', node),
  };
  for (const [id, handler] of Object.entries(handlers)) context.subscriptions.push(commands.registerCommand(id, handler));
}
