// Completion over LSP: the engine's proposals (offsets, snippet text, markdown) as LSP
// CompletionItems for what the client supports, and completionItem/resolve, which adds the
// documentation of actions and services only for the item the user looks at (a service such as
// ec2 has hundreds of actions; sending every description up front would be wasted work).
import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type CompletionList, type InitializeParams, type MarkupContent } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { completionDocumentation, type CompletionKind, type PolicyCompletion } from '../engine/editor/completion';
import type { IamData } from '../engine/iam/data';

/** What the client can do with completion items, as far as the server cares. */
export interface CompletionClient {
  snippets: boolean;
  markdown: boolean;
  labelDetails: boolean;
  /**
   * The client knows VS Code's `editor.action.triggerSuggest` command, which opens the proposals
   * of the next part right after an item is inserted (`bedrock:` → its actions).
   */
  triggerSuggest: boolean;
}

/** VS Code and editors built on it; they all run `editor.action.triggerSuggest`. */
const VSCODE_FAMILY = /visual studio code|vscode|vscodium|code - oss|code-server|cursor|windsurf/i;

/** Reads the completion support of a client from its initialize request. */
export function completionClientOf(params: InitializeParams): CompletionClient {
  const item = params.capabilities?.textDocument?.completion?.completionItem;
  return {
    snippets: !!item?.snippetSupport,
    markdown: !!item?.documentationFormat?.includes(MarkupKind.Markdown),
    labelDetails: !!item?.labelDetailsSupport,
    triggerSuggest: VSCODE_FAMILY.test(params.clientInfo?.name ?? ''),
  };
}

const KINDS: Record<CompletionKind, CompletionItemKind> = {
  service: CompletionItemKind.Module,
  action: CompletionItemKind.Function,
  resource: CompletionItemKind.Reference,
  region: CompletionItemKind.EnumMember,
  operator: CompletionItemKind.Operator,
  'condition-key': CompletionItemKind.Field,
  element: CompletionItemKind.Property,
  value: CompletionItemKind.Value,
  snippet: CompletionItemKind.Snippet,
};

/**
 * The text a snippet inserts when the client cannot expand snippets: placeholders keep their
 * default text, a choice its first option, bare tab stops nothing.
 */
export function snippetToPlainText(snippet: string): string {
  let out = '';
  for (let i = 0; i < snippet.length; i++) {
    const c = snippet[i];
    if (c === '\\' && i + 1 < snippet.length) {
      out += snippet[++i];
      continue;
    }
    if (c !== '$') {
      out += c;
      continue;
    }
    const simple = /^\$(\d+)/.exec(snippet.slice(i));
    if (simple) {
      i += simple[0].length - 1;
      continue;
    }
    const choice = /^\$\{\d+\|((?:[^|\\]|\\.)*?)[,|]/.exec(snippet.slice(i));
    if (choice) {
      out += choice[1].replace(/\\(.)/g, '$1');
      i = snippet.indexOf('|}', i) + 1;
      continue;
    }
    const placeholder = /^\$\{\d+:/.exec(snippet.slice(i));
    if (placeholder) {
      // The default text runs to the matching unescaped `}` (placeholders here are not nested).
      let j = i + placeholder[0].length;
      let text = '';
      while (j < snippet.length && snippet[j] !== '}') {
        if (snippet[j] === '\\' && j + 1 < snippet.length) j++;
        text += snippet[j++];
      }
      out += text;
      i = j;
      continue;
    }
    out += c;
  }
  return out;
}

function markup(value: string, client: CompletionClient): MarkupContent {
  return { kind: client.markdown ? MarkupKind.Markdown : MarkupKind.PlainText, value };
}

/** The engine's proposals as an LSP completion list for `doc`. */
export function toCompletionList(items: readonly PolicyCompletion[], doc: TextDocument, client: CompletionClient): CompletionList {
  return {
    isIncomplete: false,
    items: items.map((p) => {
      const range = { start: doc.positionAt(p.range.start), end: doc.positionAt(p.range.end) };
      const snippet = !!p.snippet && client.snippets;
      const newText = p.snippet && !client.snippets ? snippetToPlainText(p.insertText) : p.insertText;
      const item: CompletionItem = { label: p.label, kind: KINDS[p.kind], sortText: p.sortText, textEdit: { range, newText } };
      if (snippet) item.insertTextFormat = InsertTextFormat.Snippet;
      if (p.detail) {
        if (client.labelDetails && p.kind === 'resource') item.labelDetails = { description: p.detail };
        item.detail = p.detail;
      }
      if (p.documentation) item.documentation = markup(p.documentation, client);
      if (p.filterText) item.filterText = p.filterText;
      if (p.retrigger && client.triggerSuggest) item.command = { title: 'Suggest', command: 'editor.action.triggerSuggest' };
      if (p.resolve) item.data = p.resolve;
      return item;
    }),
  };
}

/** completionItem/resolve: adds the documentation the item's `data` names. */
export function resolveCompletionItem(item: CompletionItem, iam: IamData, client: CompletionClient): CompletionItem {
  if (item.documentation) return item;
  const doc = completionDocumentation(item.data, iam);
  return doc ? { ...item, documentation: markup(doc, client) } : item;
}
