// Editor features beyond the language server: the status-bar item and the "Show documentation for
// <rule>" code action on this extension's diagnostics. Every registration goes into the
// context's subscriptions.
import { languages, type ExtensionContext } from 'vscode';
import { RULE_DOC_SELECTOR, RuleDocActions } from './rule-docs';
import type { ServerController } from './server-controller';
import { StatusBar } from './status-bar';

/** Creates the status-bar item and registers the rule-documentation code actions. */
export function registerEditorFeatures(context: ExtensionContext, server: ServerController): void {
  context.subscriptions.push(new StatusBar(server), languages.registerCodeActionsProvider(RULE_DOC_SELECTOR, new RuleDocActions(), { providedCodeActionKinds: RuleDocActions.kinds }));
}
