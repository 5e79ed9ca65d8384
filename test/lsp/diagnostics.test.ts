// Diagnostics of open documents over the real protocol: exact code/source/range/codeDescription/
// data, UTF-16 columns, incremental changes, debouncing of bursts, non-policy JSON, huge files.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { docsUrl } from '../../server/src/engine/rules/docs-url';
import { LspTestClient, ofRule } from './lsp-client';

const MISSING_VERSION_MESSAGE = 'The policy has no "Version": add "Version": "2012-10-17" so that policy variables and current features work.';

describe('diagnostics of open documents', () => {
  let client: LspTestClient;
  before(async () => {
    client = await LspTestClient.start();
  });
  after(async () => {
    assert.equal(await client.stop(), 0, 'the server exits with 0 after shutdown and exit');
  });

  test('initialize declares incremental sync, code action kinds with resolve, and the lint command', () => {
    const caps = client.initializeResult.capabilities;
    assert.deepEqual(caps.textDocumentSync, { openClose: true, change: 2 });
    assert.deepEqual(caps.codeActionProvider, { codeActionKinds: ['quickfix', 'source.fixAll.bedrockSecurity'], resolveProvider: true });
    assert.deepEqual(caps.executeCommandProvider, { commands: ['bedrockSecurity.lintWorkspace'] });
    assert.deepEqual(client.initializeResult.serverInfo, { name: 'bedrock-security' });
  });

  test('after initialized, the server registers its file watcher and configuration section', async () => {
    await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: 'file:///nowhere.json' }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } });
    const watcher = client.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles');
    assert.deepEqual(watcher?.registerOptions, { watchers: [{ globPattern: '**/*.json' }, { globPattern: '**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}' }, { globPattern: '**/.gitignore' }] });
    const config = client.registrations.find((r) => r.method === 'workspace/didChangeConfiguration');
    assert.deepEqual(config?.registerOptions, { section: 'bedrockSecurity' });
  });

  test('didOpen publishes the exact diagnostic, in UTF-16 columns after non-ASCII text', async () => {
    const uri = 'file:///virtual/open/missing-version.json';
    // "é" is 1 UTF-16 unit (2 UTF-8 bytes), "🚀" is 2 units (4 bytes, 1 code point): a server that
    // counted bytes would say 21, one that counted code points 17.
    const text = '{"Id": "café 🚀", "Statement": [{"Effect": "Allow", "Action": "bedrock:ListFoundationModels", "Resource": "*"}]}';
    await client.open(uri, text, 7);
    assert.equal(text.indexOf('"Statement"'), 18);
    const p = await client.waitForDiagnostics(uri);
    assert.equal(p.version, 7);
    assert.deepEqual(ofRule(p, 'policy/missing-version'), [
      {
        range: { start: { line: 0, character: 18 }, end: { line: 0, character: 29 } },
        severity: 2,
        source: 'bedrock-security',
        code: 'policy/missing-version',
        codeDescription: { href: docsUrl('policy/missing-version') },
        message: MISSING_VERSION_MESSAGE,
        data: { ruleId: 'policy/missing-version', version: 7 },
      },
    ]);
    assert.equal(docsUrl('policy/missing-version'), 'https://github.com/bedrock-security/bedrock-security/blob/main/docs/rules/policy/missing-version.md');
  });

  test('a syntax error is reported where it is, with severity error', async () => {
    const uri = 'file:///virtual/open/trailing-comma.json';
    const text = '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Allow", "Action": "bedrock:ListFoundationModels", "Resource": "*",}\n  ]\n}';
    await client.open(uri, text);
    const p = await client.waitForDiagnostics(uri);
    const syntax = ofRule(p, 'policy/syntax');
    assert.equal(syntax.length, 1);
    assert.deepEqual(syntax[0].range, { start: { line: 3, character: 81 }, end: { line: 3, character: 82 } });
    assert.equal(text.split('\n')[3].slice(81, 82), ',', 'the range is the trailing comma');
    assert.equal(syntax[0].severity, 1);
    assert.deepEqual(syntax[0].data, { ruleId: 'policy/syntax', version: 1 });
  });

  test('didChange (incremental) re-lints the new version', async () => {
    const uri = 'file:///virtual/open/incremental.json';
    const text = '{\n  "Version": "2012-10-17",\n  "Statement": [{"Effect": "Allow", "Action": "bedrock:ListFoundationModels", "Resource": "*"}]\n}';
    await client.open(uri, text);
    const first = await client.waitForDiagnostics(uri, (p) => p.version === 1);
    assert.deepEqual(ofRule(first, 'policy/outdated-version'), []);
    // Replace "2012" in line 1 with "2008".
    await client.change(uri, 2, [{ range: { start: { line: 1, character: 14 }, end: { line: 1, character: 18 } }, text: '2008' }]);
    const second = await client.waitForDiagnostics(uri, (p) => p.version === 2);
    const outdated = ofRule(second, 'policy/outdated-version');
    assert.deepEqual(
      outdated.map((d) => [d.range, d.message, d.data]),
      [[{ start: { line: 1, character: 13 }, end: { line: 1, character: 25 } }, 'Version "2008-10-17" does not support policy variables: use "2012-10-17".', { ruleId: 'policy/outdated-version', version: 2 }]],
    );
  });

  test('a burst of changes is linted once, for its last version', async () => {
    const uri = 'file:///virtual/open/burst.json';
    const text = '{"Version": "2012-10-17", "Statement": [{"Sid": "A", "Effect": "Allow", "Action": "bedrock:ListFoundationModels", "Resource": "*"}]}';
    await client.open(uri, text);
    await client.waitForDiagnostics(uri, (p) => p.version === 1);
    // Versions 2..10 each append a character to the Sid; version 11 removes "Version".
    const burst: object[] = [];
    for (let v = 2; v <= 10; v++) {
      burst.push({ method: 'textDocument/didChange', params: { textDocument: { uri, version: v }, contentChanges: [{ range: { start: { line: 0, character: 50 + (v - 2) }, end: { line: 0, character: 50 + (v - 2) } }, text: 'x' }] } });
    }
    burst.push({ method: 'textDocument/didChange', params: { textDocument: { uri, version: 11 }, contentChanges: [{ range: { start: { line: 0, character: 1 }, end: { line: 0, character: 26 } }, text: '' }] } });
    client.sendRaw(burst);
    const last = await client.waitForDiagnostics(uri, (p) => p.version === 11);
    assert.deepEqual(ofRule(last, 'policy/missing-version').map((d) => d.range), [{ start: { line: 0, character: 1 }, end: { line: 0, character: 12 } }]);
    // A request answered after the last publish: every earlier notification has been handled.
    await client.codeActions(uri, last.diagnostics[0].range, { diagnostics: [] });
    assert.deepEqual(client.publishedFor(uri).map((p) => p.version), [1, 11]);
  });

  test('JSON that is not a policy gets an empty diagnostics list', async () => {
    const uri = 'file:///virtual/open/package.json';
    await client.open(uri, '{"name": "x", "version": "1.0.0"}');
    const p = await client.waitForDiagnostics(uri);
    assert.deepEqual(p, { uri, version: 1, diagnostics: [] });
  });

  test('a jsonc document with an untitled URI is linted too', async () => {
    const uri = 'untitled:Untitled-1';
    await client.open(uri, '{"Statement": []}', 1, 'jsonc');
    const p = await client.waitForDiagnostics(uri);
    assert.deepEqual(ofRule(p, 'policy/missing-version').map((d) => d.range), [{ start: { line: 0, character: 1 }, end: { line: 0, character: 12 } }]);
  });

  test('documents of other languages are ignored', async () => {
    const uri = 'file:///virtual/open/notes.md';
    await client.open(uri, '{"Statement": []}', 1, 'markdown');
    const json = 'file:///virtual/open/after-markdown.json';
    await client.open(json, '{"a": 1}');
    await client.waitForDiagnostics(json);
    assert.deepEqual(client.publishedFor(uri), []);
  });

  test('a 5 MB policy yields the single file-too-large information diagnostic', async () => {
    const uri = 'file:///virtual/open/huge.json';
    const statement = '{"Effect": "Allow", "Action": "bedrock:InvokeModel", "Resource": "arn:aws:bedrock:us-east-1::foundation-model/x"}';
    const count = Math.ceil((5 * 1024 * 1024) / (statement.length + 2));
    const text = `{"Version": "2012-10-17", "Statement": [\n${Array(count).fill(statement).join(',\n')}\n]}`;
    assert.ok(text.length > 5 * 1024 * 1024);
    await client.open(uri, text);
    const p = await client.waitForDiagnostics(uri);
    assert.equal(p.diagnostics.length, 1);
    const [d] = p.diagnostics;
    assert.equal(d.code, 'policy/file-too-large');
    assert.equal(d.severity, 3);
    assert.deepEqual(d.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    assert.match(d.message, new RegExp(`${text.length.toLocaleString('en-US')} characters`));
    // Editing the huge document keeps working: an incremental change at its end is applied.
    const lastLine = text.split('\n').length - 1;
    await client.change(uri, 2, [{ range: { start: { line: lastLine, character: 2 }, end: { line: lastLine, character: 2 } }, text: '\n' }]);
    const next = await client.waitForDiagnostics(uri, (x) => x.version === 2);
    assert.match(next.diagnostics[0].message, new RegExp(`${(text.length + 1).toLocaleString('en-US')} characters`));
  });
});
