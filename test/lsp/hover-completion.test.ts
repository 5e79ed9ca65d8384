// Hover and completion over the real protocol (the bundled server over stdio): capabilities,
// the markdown of an action's hover and its range, completion after `"bedrock:Inv` with exact
// text edits and lazily resolved documentation, a version the server has not linted yet,
// snippets for clients with and without snippet support, documents that are not policies, a
// CDK PolicyStatement in TypeScript, and malformed requests.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ClientCapabilities, CompletionItem, CompletionList, Hover } from 'vscode-languageserver-protocol';
import { applyLspEdits, LspTestClient, vscodeLikeCapabilities } from './lsp-client';

/** A VS Code-like client that also declares hover and completion support. */
function editorCapabilities(snippets: boolean): ClientCapabilities {
  const caps = vscodeLikeCapabilities();
  caps.textDocument = {
    ...caps.textDocument,
    hover: { contentFormat: ['markdown', 'plaintext'] },
    completion: { completionItem: { snippetSupport: snippets, documentationFormat: ['markdown', 'plaintext'], labelDetailsSupport: true } },
  };
  return caps;
}

const POLICY = ['{', '  "Version": "2012-10-17",', '  "Statement": [', '    {"Effect": "Allow", "Action": "bedrock:InvokeModel", "Resource": "*"}', '  ]', '}'].join('\n');

/** Line and character of the first occurrence of `needle` (plus `delta` characters). */
function positionOf(text: string, needle: string, delta = 0): { line: number; character: number } {
  const lines = text.split('\n');
  for (let line = 0; line < lines.length; line++) {
    const i = lines[line].indexOf(needle);
    if (i >= 0) return { line, character: i + delta };
  }
  throw new Error(`${needle} not found`);
}

describe('hover and completion over LSP', () => {
  let client: LspTestClient;
  before(async () => {
    client = await LspTestClient.start({ capabilities: editorCapabilities(true), settings: () => ({ allowedRegions: ['eu-west-1', 'eu-central-1'] }) });
  });
  after(async () => {
    assert.equal(await client.stop(), 0);
  });

  const hover = (uri: string, position: { line: number; character: number }) => client.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position });
  const complete = (uri: string, position: { line: number; character: number }) =>
    client.connection.sendRequest<CompletionList | null>('textDocument/completion', { textDocument: { uri }, position, context: { triggerKind: 2, triggerCharacter: ':' } });

  test('initialize declares hover, and completion with its trigger characters and resolve', () => {
    const caps = client.initializeResult.capabilities;
    assert.equal(caps.hoverProvider, true);
    assert.deepEqual(caps.completionProvider, { triggerCharacters: ['"', ':'], resolveProvider: true });
  });

  test('hover on an action returns its markdown and the range of the action string', async () => {
    const uri = 'file:///virtual/hover/policy.json';
    await client.open(uri, POLICY);
    const h = await hover(uri, positionOf(POLICY, 'InvokeModel', 3));
    assert.ok(h);
    assert.deepEqual(h.range, { start: positionOf(POLICY, '"bedrock:InvokeModel"'), end: positionOf(POLICY, '"bedrock:InvokeModel"', '"bedrock:InvokeModel"'.length) });
    const contents = h.contents as { kind: string; value: string };
    assert.equal(contents.kind, 'markdown');
    const parts = contents.value.split('\n\n');
    assert.equal(parts[0], '**bedrock:InvokeModel** — Read');
    assert.equal(parts[1], 'Grants permission to invoke the specified Bedrock model to run inference using the input provided in the request body');
    assert.equal(parts[parts.length - 1], '[Amazon Bedrock in the Service Authorization Reference](https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonbedrock.html#amazonbedrock-InvokeModel)');
    assert.equal(await hover(uri, positionOf(POLICY, '  "Statement"', 0)), null, 'whitespace has no hover');
  });

  test('completion after "bedrock:Inv in a version just typed returns InvokeModel…, and resolve adds its documentation', async () => {
    const uri = 'file:///virtual/completion/typing.json';
    const start = '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Allow", "Action": "", "Resource": "*"}\n  ]\n}';
    await client.open(uri, start);
    // The user types bedrock:Inv inside the empty string; the request follows the change at once.
    const typedAt = positionOf(start, '"Action": ""', '"Action": "'.length);
    await client.change(uri, 2, [{ range: { start: typedAt, end: typedAt }, text: 'bedrock:Inv' }]);
    const text = applyLspEdits(start, [{ range: { start: typedAt, end: typedAt }, newText: 'bedrock:Inv' }]);
    const list = await complete(uri, { line: typedAt.line, character: typedAt.character + 'bedrock:Inv'.length });
    assert.ok(list);
    assert.equal(list.isIncomplete, false);
    const model = list.items.find((i) => i.label === 'InvokeModel');
    assert.ok(model, list.items.map((i) => i.label).join(', '));
    assert.ok(list.items.some((i) => i.label === 'InvokeModelWithResponseStream'));
    assert.ok(list.items.every((i) => i.label.toLowerCase().startsWith('inv') || i.sortText! > model.sortText!), 'prefix matches sort first');
    assert.deepEqual(model, {
      label: 'InvokeModel',
      kind: 3,
      sortText: model.sortText,
      detail: 'Read',
      textEdit: { range: { start: { line: typedAt.line, character: typedAt.character + 'bedrock:'.length }, end: { line: typedAt.line, character: typedAt.character + 'bedrock:Inv'.length } }, newText: 'InvokeModel' },
      data: { type: 'action', service: 'bedrock', name: 'InvokeModel' },
    });
    const edit = model.textEdit as { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string };
    assert.equal(applyLspEdits(text, [edit]), start.replace('"Action": ""', '"Action": "bedrock:InvokeModel"'));
    const resolved = await client.connection.sendRequest<CompletionItem>('completionItem/resolve', model);
    const doc = resolved.documentation as { kind: string; value: string };
    assert.equal(doc.kind, 'markdown');
    assert.match(doc.value, /^Grants permission to invoke the specified Bedrock model to run inference using the input provided in the request body\n\nResource types: `application-inference-profile`, /);
    assert.ok(doc.value.endsWith('(https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonbedrock.html#amazonbedrock-InvokeModel)'));
  });

  test('an ARN template is a snippet whose Region choice comes from the folder\'s allowed Regions', async () => {
    const uri = 'file:///virtual/completion/resource.json';
    const text = POLICY.replace('"Resource": "*"', '"Resource": ""');
    await client.open(uri, text);
    const list = await complete(uri, positionOf(text, '"Resource": ""', '"Resource": "'.length));
    const fm = list!.items.find((i) => i.label === 'foundation-model')!;
    assert.equal(fm.insertTextFormat, 2);
    assert.deepEqual(fm.labelDetails, { description: 'arn:${Partition}:bedrock:${Region}::foundation-model/${ResourceId}' });
    assert.equal((fm.textEdit as { newText: string }).newText, 'arn:${1:aws}:bedrock:${2|eu-west-1,eu-central-1|}::foundation-model/${3:ResourceId}');
    assert.equal(fm.command, undefined, 'no editor command for a client that did not say it is VS Code');
  });

  test('documents that are not policies get no hover and no completion besides the empty-document skeleton', async () => {
    const uri = 'file:///virtual/completion/package.json';
    const text = '{\n  "name": "app",\n  "version": "1.0.0"\n}';
    await client.open(uri, text);
    assert.equal(await hover(uri, { line: 1, character: 4 }), null);
    assert.deepEqual((await complete(uri, { line: 1, character: 16 }))!.items, []);
    const empty = 'file:///virtual/completion/new.json';
    await client.open(empty, '');
    assert.deepEqual((await complete(empty, { line: 0, character: 0 }))!.items.map((i) => i.label), ['IAM policy']);
  });

  test('malformed requests are rejected with InvalidParams; the server keeps answering', async () => {
    await assert.rejects(client.connection.sendRequest('textDocument/hover', { textDocument: {} }), (e: { code?: number }) => e.code === -32602);
    await assert.rejects(client.connection.sendRequest('textDocument/completion', { position: { line: 0, character: 0 } }), (e: { code?: number }) => e.code === -32602);
    assert.equal(await hover('file:///virtual/never-opened.json', { line: 0, character: 0 }), null);
    const uri = 'file:///virtual/hover/policy.json';
    assert.ok(await hover(uri, positionOf(POLICY, 'InvokeModel', 3)));
  });
});

describe('hover and completion in TypeScript', () => {
  let client: LspTestClient;
  before(async () => {
    client = await LspTestClient.start({ capabilities: editorCapabilities(true) });
  });
  after(async () => {
    await client.stop();
  });

  const CODE = [
    "import * as iam from 'aws-cdk-lib/aws-iam';",
    '',
    'export const statement = new iam.PolicyStatement({',
    '  effect: iam.Effect.ALLOW,',
    "  actions: ['bedrock:InvokeModel', 'bedrock:Inv'],",
    "  resources: ['arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0'],",
    '});',
    '',
  ].join('\n');

  test('a CDK PolicyStatement gets the same hovers as JSON, on its literals and its keys', async () => {
    const uri = 'file:///virtual/code/stack.ts';
    await client.open(uri, CODE, 1, 'typescript');
    const h = await client.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(CODE, 'InvokeModel', 2) });
    assert.ok(h);
    assert.equal((h.contents as { value: string }).value.split('\n\n')[0], '**bedrock:InvokeModel** — Read');
    assert.deepEqual(h.range, { start: positionOf(CODE, "'bedrock:InvokeModel'"), end: positionOf(CODE, "'bedrock:InvokeModel'", "'bedrock:InvokeModel'".length) });
    const key = await client.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(CODE, 'actions:', 1) });
    assert.match((key!.contents as { value: string }).value, /^\*\*Action\*\* — statement element/);
    assert.equal(await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: positionOf(CODE, 'import', 1) }), null);
  });

  test('completion inside a string of the statement; none after a colon in code', async () => {
    const uri = 'file:///virtual/code/stack.ts';
    const at = positionOf(CODE, "'bedrock:Inv'", "'bedrock:Inv".length);
    const list = await client.connection.sendRequest<CompletionList | null>('textDocument/completion', { textDocument: { uri }, position: at });
    const model = list!.items.find((i) => i.label === 'InvokeModelWithResponseStream');
    assert.deepEqual(model?.textEdit, { range: { start: { line: at.line, character: at.character - 3 }, end: at }, newText: 'InvokeModelWithResponseStream' });
    assert.ok(!list!.items.some((i) => i.label === 'InvokeModel'), 'the statement already lists InvokeModel');
    const colon = positionOf(CODE, 'effect:', 'effect:'.length);
    assert.equal(await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: colon, context: { triggerKind: 2, triggerCharacter: ':' } }), null);
  });
});

describe('completion for a client without snippet support', () => {
  let client: LspTestClient;
  before(async () => {
    client = await LspTestClient.start({ capabilities: editorCapabilities(false) });
  });
  after(async () => {
    await client.stop();
  });

  test('snippets arrive as plain text with their placeholders filled in', async () => {
    const uri = 'file:///virtual/plain/condition.json';
    const text = POLICY.replace('"Resource": "*"', '"Resource": "*", "Condition": {"StringEquals": {}}');
    await client.open(uri, text);
    const list = await client.connection.sendRequest<CompletionList>('textDocument/completion', { textDocument: { uri }, position: positionOf(text, '"StringEquals": {}', '"StringEquals": {'.length) });
    const tag = list.items.find((i) => i.label === 'aws:RequestTag/${TagKey}')!;
    assert.equal(tag.insertTextFormat, undefined);
    assert.equal((tag.textEdit as { newText: string }).newText, '"aws:RequestTag/TagKey": ""');
    const guardrail = list.items.find((i) => i.label === 'bedrock:GuardrailIdentifier')!;
    assert.equal((guardrail.textEdit as { newText: string }).newText, '"bedrock:GuardrailIdentifier": ""');
  });
});
