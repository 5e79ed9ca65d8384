// The Bedrock Security language server: LSP wiring only. Runs over --stdio or --node-ipc.
import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { sharedIamData } from './engine/iam/data';
import { Linter } from './engine/linter';
import { defaultSettings } from './engine/settings';
import { LineIndex } from './engine/text';
import { docsUrl } from './engine/rules/docs-url';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const linter = new Linter(sharedIamData());
const severity = { error: 1, warning: 2, information: 3, hint: 4 } as const;

connection.onInitialize(() => ({ capabilities: { textDocumentSync: TextDocumentSyncKind.Incremental } }));
documents.onDidChangeContent(({ document }) => {
  try {
    const text = document.getText();
    const { findings } = linter.lintJson(text, { settings: defaultSettings() });
    const lines = new LineIndex(text);
    connection.sendDiagnostics({
      uri: document.uri,
      version: document.version,
      diagnostics: findings.map((f) => ({ range: lines.rangeOf(f.span), message: f.message, severity: severity[f.severity], source: 'bedrock-security', code: f.ruleId, codeDescription: { href: docsUrl(f.ruleId) }, data: { ruleId: f.ruleId, data: f.data, version: document.version } })),
    });
  } catch (e) {
    connection.console.error(String(e));
  }
});
documents.listen(connection);
connection.listen();
