// "Lint Workspace" with progress: the command is served by the language server (the client library
// registers it from the server's executeCommandProvider); this middleware shows a notification
// while the server re-reads settings and re-lints every file, then how many findings it left.
import { commands, languages, ProgressLocation, window } from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';
import { Commands } from './ids';
import { countOf } from './status-bar';
import { filesWithFindings } from './workspace-fixes';

/** The summary shown after a lint: "12 findings in 3 files" (hints not counted). */
export function lintSummary(files: number, findings: number): string {
  if (findings === 0) return 'Bedrock Security: no findings in the workspace.';
  return `Bedrock Security: ${findings.toLocaleString('en-US')} finding${findings === 1 ? '' : 's'} in ${files.toLocaleString('en-US')} file${files === 1 ? '' : 's'}.`;
}

/** Client middleware around `bedrockSecurity.lintWorkspace`. */
export const lintWorkspaceMiddleware: Middleware = {
  executeCommand: async (command, args, next) => {
    if (command !== Commands.lintWorkspace) return next(command, args);
    const result: unknown = await window.withProgress({ location: ProgressLocation.Notification, title: 'Bedrock Security: linting the workspace…' }, () => Promise.resolve(next(command, args)));
    const files = filesWithFindings();
    const findings = files.reduce((n, uri) => {
      const c = countOf(languages.getDiagnostics(uri));
      return n + c.errors + c.warnings + c.infos;
    }, 0);
    const show = findings > 0 ? ['Show Problems'] : [];
    void window.showInformationMessage(lintSummary(files.length, findings), ...show).then((choice) => choice && commands.executeCommand(Commands.showProblems));
    return result;
  },
};
