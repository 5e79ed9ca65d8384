// The LSP shape of completion items, without a server: snippet text for clients that cannot
// expand snippets, the client features read from initialize, the re-trigger command only for
// editors that know it, labelDetails only for clients that support them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { InitializeParams } from 'vscode-languageserver-protocol';
import type { PolicyCompletion } from '../../server/src/engine/editor/completion';
import { completionClientOf, snippetToPlainText, toCompletionList } from '../../server/src/lsp/completion';

test('snippetToPlainText keeps placeholder text and the first choice, drops bare tab stops, unescapes', () => {
  assert.equal(snippetToPlainText('"bedrock:$1"'), '"bedrock:"');
  assert.equal(snippetToPlainText('"Effect": "${1|Allow,Deny|}"'), '"Effect": "Allow"');
  assert.equal(snippetToPlainText('arn:${1:aws}:bedrock:${2|eu-west-1,eu-central-1|}::foundation-model/${3:ResourceId}'), 'arn:aws:bedrock:eu-west-1::foundation-model/ResourceId');
  assert.equal(snippetToPlainText('"aws:RequestTag/${1:TagKey}": "$2"'), '"aws:RequestTag/TagKey": ""');
  assert.equal(snippetToPlainText('a\\$b\\}c\\\\d ${1:x\\}y}'), 'a$b}c\\d x}y');
  assert.equal(snippetToPlainText('{\n\t"$1"\n}'), '{\n\t""\n}');
});

function params(name: string | undefined, item: Record<string, unknown>): InitializeParams {
  return { processId: null, rootUri: null, capabilities: { textDocument: { completion: { completionItem: item } } }, clientInfo: name ? { name } : undefined };
}

test('completionClientOf reads snippet, markdown and labelDetails support, and knows the VS Code family by name', () => {
  assert.deepEqual(completionClientOf(params('Visual Studio Code', { snippetSupport: true, documentationFormat: ['markdown'], labelDetailsSupport: true })), { snippets: true, markdown: true, labelDetails: true, triggerSuggest: true });
  assert.deepEqual(completionClientOf(params('code-server', {})), { snippets: false, markdown: false, labelDetails: false, triggerSuggest: true });
  assert.deepEqual(completionClientOf(params('Neovim', { snippetSupport: true })), { snippets: true, markdown: false, labelDetails: false, triggerSuggest: false });
  assert.deepEqual(completionClientOf(params(undefined, {})).triggerSuggest, false);
});

test('toCompletionList maps offsets to positions, adds the re-trigger command and labelDetails only where supported', () => {
  const doc = TextDocument.create('test://x.json', 'json', 1, '{\n  "Action": "bed"\n}');
  const proposal: PolicyCompletion = { label: 'bedrock', kind: 'service', detail: 'Amazon Bedrock', range: { start: 15, end: 18 }, insertText: 'bedrock:', sortText: '00000', retrigger: true, resolve: { type: 'service', service: 'bedrock' } };
  const arn: PolicyCompletion = { label: 'agent', kind: 'resource', detail: 'arn:${Partition}:bedrock:${Region}:${Account}:agent/${AgentId}', range: { start: 15, end: 18 }, insertText: 'arn:${1:aws}', snippet: true, sortText: '00001' };
  const vscode = toCompletionList([proposal, arn], doc, { snippets: true, markdown: true, labelDetails: true, triggerSuggest: true });
  assert.deepEqual(vscode.items[0], {
    label: 'bedrock',
    kind: 9,
    sortText: '00000',
    textEdit: { range: { start: { line: 1, character: 13 }, end: { line: 1, character: 16 } }, newText: 'bedrock:' },
    detail: 'Amazon Bedrock',
    command: { title: 'Suggest', command: 'editor.action.triggerSuggest' },
    data: { type: 'service', service: 'bedrock' },
  });
  assert.deepEqual(vscode.items[1].labelDetails, { description: 'arn:${Partition}:bedrock:${Region}:${Account}:agent/${AgentId}' });
  assert.equal(vscode.items[1].insertTextFormat, 2);
  const other = toCompletionList([proposal, arn], doc, { snippets: false, markdown: false, labelDetails: false, triggerSuggest: false });
  assert.equal(other.items[0].command, undefined);
  assert.equal(other.items[1].labelDetails, undefined);
  assert.deepEqual([other.items[1].insertTextFormat, (other.items[1].textEdit as { newText: string }).newText], [undefined, 'arn:aws']);
});
