// The server survives bad input on the wire (malformed JSON-RPC, unknown methods, bad params)
// and works over node IPC as well as stdio.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ResponseError } from 'vscode-languageserver-protocol';
import { LspTestClient, ofRule } from './lsp-client';

const POLICY = '{"Statement": [{"Effect": "Allow", "Action": "bedrock:ListFoundationModels", "Resource": "*"}]}';
const noRange = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** The error a request fails with. */
async function errorOf(p: Promise<unknown>): Promise<ResponseError<unknown>> {
  try {
    await p;
  } catch (e) {
    return e as ResponseError<unknown>;
  }
  assert.fail('the request was expected to fail');
}

describe('robustness', () => {
  let client: LspTestClient;
  before(async () => {
    client = await LspTestClient.start();
  });
  after(async () => {
    assert.equal(await client.stop(), 0);
  });

  /** Proves the server still works: a new document gets its diagnostics. */
  async function stillLints(name: string): Promise<void> {
    const uri = `file:///virtual/robust/${name}.json`;
    await client.open(uri, POLICY);
    const p = await client.waitForDiagnostics(uri);
    assert.equal(ofRule(p, 'policy/missing-version').length, 1);
  }

  test('a message whose body is not JSON is skipped', async () => {
    client.sendRaw(['{"jsonrpc": "2.0", "id": 99, "method": ', '[1, 2', '"just a string"']);
    await stillLints('after-malformed');
    assert.equal(client.child.exitCode, null);
  });

  test('an unknown method is answered with MethodNotFound', async () => {
    const e = await errorOf(client.connection.sendRequest('bedrockSecurity/noSuchThing', {}));
    assert.equal(e.code, -32601);
    await client.connection.sendNotification('bedrockSecurity/noSuchNotification', { x: 1 });
    await stillLints('after-unknown');
  });

  test('bad params get InvalidParams or an empty answer, never a dead server', async () => {
    const e = await errorOf(client.connection.sendRequest('textDocument/codeAction', {}));
    assert.equal(e.code, -32602);
    const e2 = await errorOf(client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: 'file:///x.json' }, range: noRange, context: { diagnostics: 'nope' } }));
    assert.equal(e2.code, -32602);
    const e3 = await errorOf(client.connection.sendRequest('workspace/executeCommand', { command: 'rm -rf' }));
    assert.equal(e3.code, -32602);
    // Diagnostics with garbage data from a confused client are ignored.
    const uri = 'file:///virtual/robust/garbage.json';
    await client.open(uri, POLICY);
    await client.waitForDiagnostics(uri);
    const garbage = [{ range: noRange, message: 'x', source: 'bedrock-security', data: { ruleId: 42 } }, { range: noRange, message: 'y', source: 'bedrock-security', code: 'no/such-rule', data: { ruleId: 'no/such-rule', version: 1 } }];
    assert.deepEqual(await client.codeActions(uri, noRange, { diagnostics: garbage as never }), []);
    assert.deepEqual(await client.connection.sendRequest('codeAction/resolve', { title: 't', data: 'junk' }), { title: 't', data: 'junk' });
    // Notifications with missing or wrong params.
    await client.connection.sendNotification('textDocument/didOpen', {});
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: 'file:///virtual/robust/n.json', languageId: 'json', version: 1, text: 42 } });
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: 'file:///virtual/robust/never-opened.json', version: 2 }, contentChanges: [{ text: '{}' }] });
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: 'file:///virtual/robust/never-opened.json' } });
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: 'none' });
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: 42, type: 1 }, null] });
    await client.connection.sendNotification('workspace/didChangeConfiguration', null);
    await stillLints('after-bad-params');
    assert.equal(client.child.exitCode, null);
  });

  test('half-typed and binary-looking text in a document does not break it', async () => {
    const uri = 'file:///virtual/robust/half.json';
    await client.open(uri, '{"Statement": [{"Effect": "Al');
    const p = await client.waitForDiagnostics(uri);
    assert.ok(ofRule(p, 'policy/syntax').length >= 1);
    await client.change(uri, 2, [{ text: '\u0000\uFFFD{"Statement"\uD800' }]);
    await client.waitForDiagnostics(uri, (x) => x.version === 2);
    await stillLints('after-odd-text');
  });
});

describe('node IPC transport', () => {
  test('initialize, diagnostics and shutdown over --node-ipc', async () => {
    const client = await LspTestClient.start({ transport: 'ipc' });
    assert.equal(client.initializeResult.serverInfo?.name, 'bedrock-security');
    const uri = 'file:///virtual/ipc/p.json';
    await client.open(uri, POLICY);
    const p = await client.waitForDiagnostics(uri);
    assert.deepEqual(ofRule(p, 'policy/missing-version').map((d) => d.range), [{ start: { line: 0, character: 1 }, end: { line: 0, character: 12 } }]);
    assert.equal(await client.stop(), 0);
  });
});
