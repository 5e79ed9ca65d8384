// "Show Rule Documentation": a picker of every rule (id, default severity, description) that
// opens the rule's page from the extension's own docs/rules (offline, rendered by the built-in
// Markdown preview), and the same as a code action on each of this extension's diagnostics.
import { CodeAction, CodeActionKind, commands, Uri, window, workspace, type CodeActionContext, type CodeActionProvider, type DocumentSelector, type ExtensionContext } from 'vscode';
import { Commands } from './ids';
import { readRuleDoc, ruleIdOf, type RuleDocEntry } from './rule-docs-index';
import { DIAGNOSTIC_SOURCE } from './status-bar';

/** The documents whose diagnostics get the code action (the policy files the server lints, and code). */
export const RULE_DOC_SELECTOR: DocumentSelector = ['json', 'jsonc', 'typescript', 'typescriptreact', 'javascript', 'javascriptreact'].map((language) => ({ language }));

/** Reads the rule pages under the extension's docs/rules, sorted by id. */
export async function ruleDocs(context: ExtensionContext): Promise<RuleDocEntry[]> {
  const root = Uri.joinPath(context.extensionUri, 'docs', 'rules');
  const out: RuleDocEntry[] = [];
  let families: [string, number][] = [];
  try {
    families = await workspace.fs.readDirectory(root);
  } catch {
    return out;
  }
  for (const [family, type] of families) {
    if (type !== 2) continue;
    for (const [name] of await workspace.fs.readDirectory(Uri.joinPath(root, family))) {
      if (!name.endsWith('.md')) continue;
      const text = new TextDecoder().decode(await workspace.fs.readFile(Uri.joinPath(root, family, name)));
      const entry = readRuleDoc(`${family}/${name}`, text);
      if (entry) out.push(entry);
    }
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Opens a rule's page in the Markdown preview (or as text when the preview is not available). */
async function openPage(context: ExtensionContext, entry: RuleDocEntry): Promise<void> {
  const uri = Uri.joinPath(context.extensionUri, 'docs', 'rules', ...entry.page.split('/'));
  try {
    await commands.executeCommand('markdown.showPreview', uri);
  } catch {
    await window.showTextDocument(uri);
  }
}

/** The command: with a rule id (from a code action) opens its page, else asks which rule. */
export async function showRuleDocumentation(context: ExtensionContext, ruleId?: unknown): Promise<void> {
  const docs = await ruleDocs(context);
  const id = typeof ruleId === 'string' ? ruleId : undefined;
  let entry = id ? docs.find((d) => d.id === id) : undefined;
  if (id && !entry) void window.showWarningMessage(`Bedrock Security: no documentation for rule ${id}.`);
  if (!entry) {
    const picked = await window.showQuickPick(
      docs.map((d) => ({ label: d.id, description: d.severity, detail: d.description, entry: d })),
      { title: 'Bedrock Security: Show Rule Documentation', placeHolder: 'Rule', matchOnDescription: true, matchOnDetail: true },
    );
    entry = picked?.entry;
  }
  if (entry) await openPage(context, entry);
}

/** "Show documentation for <rule>" on each of this extension's diagnostics in the range. */
export class RuleDocActions implements CodeActionProvider {
  static readonly kinds = [CodeActionKind.QuickFix];

  provideCodeActions(_document: unknown, _range: unknown, context: CodeActionContext): CodeAction[] {
    const ids = new Set<string>();
    for (const d of context.diagnostics) {
      const id = d.source === DIAGNOSTIC_SOURCE ? ruleIdOf(d.code) : undefined;
      if (id) ids.add(id);
    }
    return [...ids].map((id) => {
      const action = new CodeAction(`Show documentation for ${id}`, CodeActionKind.QuickFix);
      action.command = { command: Commands.showRuleDocumentation, title: action.title, arguments: [id] };
      return action;
    });
  }
}
