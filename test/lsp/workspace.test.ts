// Workspace behaviour over the real protocol: the scan of closed files (honouring .gitignore and
// skipping node_modules, with progress), settings from .bedrock-security.json and the editor,
// SCPs by path, problems in the config file, file events, closing documents, encodings on disk,
// the lint command and workspace folder changes.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileUri, LspTestClient, ofRule } from './lsp-client';

const NO_VERSION = '{\n  "Statement": [{"Effect": "Allow", "Action": "bedrock:ListFoundationModels", "Resource": "*"}]\n}\n';
const WITH_VERSION = '{\n  "Version": "2012-10-17",\n  "Statement": [{"Effect": "Allow", "Action": "bedrock:ListFoundationModels", "Resource": "*"}]\n}\n';
/** Allows model invocation without a guardrail: bedrock/guardrail-not-enforced applies to identity policies, not SCPs. */
const INVOKE = '{\n  "Version": "2012-10-17",\n  "Statement": [{"Effect": "Allow", "Action": "bedrock:InvokeModel", "Resource": "arn:aws:bedrock:us-east-1::foundation-model/*"}]\n}\n';
const STATEMENT_KEY = { start: { line: 1, character: 2 }, end: { line: 1, character: 13 } };

/** Creates a folder with the given files (path → content) and returns its real path. */
function makeFolder(files: Record<string, string | Buffer>): string {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'bedrock-lsp-')));
  for (const [p, content] of Object.entries(files)) write(root, p, content);
  return root;
}

function write(root: string, p: string, content: string | Buffer): void {
  mkdirSync(dirname(join(root, p)), { recursive: true });
  writeFileSync(join(root, p), content);
}

describe('workspace scan', () => {
  let root: string;
  let client: LspTestClient;
  const uri = (p: string) => fileUri(join(root, p));

  before(async () => {
    root = makeFolder({
      '.gitignore': 'ignored.json\nbuild/\n',
      'ignored.json': NO_VERSION,
      'build/out.json': NO_VERSION,
      'node_modules/pkg/policy.json': NO_VERSION,
      'policies/closed.json': NO_VERSION,
      'policies/clean.json': WITH_VERSION,
      'policies/invoke.json': INVOKE,
      'scps/invoke.json': INVOKE,
      'package.json': '{"name": "x"}',
      'utf16.json': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"Id": "é", "Statement": []}', 'utf16le')]),
      'utf8bom.json': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"Id": "é", "Statement": []}', 'utf8')]),
      'binary.json': Buffer.from([0x7b, 0x00, 0x00, 0x01, 0x02, 0x7d, 0x22, 0x53]),
    });
    client = await LspTestClient.start({ folders: [root] });
    await client.waitForProgressEnd(1);
  });
  after(async () => {
    await client.stop();
    rmSync(root, { recursive: true, force: true });
  });

  test('closed policy files are reported from disk, with progress; ignored and node_modules files are not', () => {
    const closed = client.publishedFor(uri('policies/closed.json'));
    assert.equal(closed.length, 1);
    assert.equal(closed[0].version, undefined, 'diagnostics from disk carry no document version');
    assert.deepEqual(
      ofRule(closed[0], 'policy/missing-version').map((d) => [d.range, d.data]),
      [[STATEMENT_KEY, { ruleId: 'policy/missing-version', version: null }]],
    );
    for (const p of ['ignored.json', 'build/out.json', 'node_modules/pkg/policy.json', 'package.json', 'binary.json']) {
      assert.deepEqual(client.publishedFor(uri(p)), [], `${p} must not be reported`);
    }
    const kinds = client.progress.map((e) => e.value.kind);
    assert.equal(kinds[0], 'begin');
    assert.equal(client.progress[0].value.title, 'Bedrock Security');
    assert.equal(kinds[kinds.length - 1], 'end');
  });

  test('files with a byte order mark (UTF-8, UTF-16 LE) are decoded, with columns as the editor shows them', () => {
    for (const p of ['utf16.json', 'utf8bom.json']) {
      const [published] = client.publishedFor(uri(p));
      assert.ok(published, `${p} is reported`);
      assert.deepEqual(ofRule(published, 'policy/missing-version').map((d) => d.range), [{ start: { line: 0, character: 12 }, end: { line: 0, character: 23 } }], p);
    }
  });

  test('a file is an SCP by its path (default scpFiles globs): identity-only rules do not apply', () => {
    const [identity] = client.publishedFor(uri('policies/invoke.json'));
    const [scp] = client.publishedFor(uri('scps/invoke.json'));
    assert.equal(ofRule(identity, 'bedrock/guardrail-not-enforced').length, 1);
    assert.ok(scp, 'the SCP is reported too');
    assert.deepEqual(ofRule(scp, 'bedrock/guardrail-not-enforced'), []);
  });

  test('closing an open document brings back the diagnostics of the file on disk', async () => {
    const u = uri('policies/closed.json');
    await client.open(u, WITH_VERSION);
    const open = await client.waitForDiagnostics(u, (p) => p.version === 1);
    assert.deepEqual(ofRule(open, 'policy/missing-version'), [], 'the buffer, not the disk, is linted while open');
    // The very next publish is the one from disk: no flicker through an empty list.
    const next = client.nextDiagnostics(u);
    await client.close(u);
    const fromDisk = await next;
    assert.equal(fromDisk.version, undefined);
    assert.deepEqual(ofRule(fromDisk, 'policy/missing-version').map((d) => d.range), [STATEMENT_KEY]);
  });

  test('closing a document whose file on disk is not a policy clears its diagnostics', async () => {
    const u = uri('package.json');
    await client.open(u, NO_VERSION);
    assert.equal(ofRule(await client.waitForDiagnostics(u, (p) => p.version === 1), 'policy/missing-version').length, 1);
    const next = client.nextDiagnostics(u);
    await client.close(u);
    assert.deepEqual(await next, { uri: u, diagnostics: [] });
  });

  test('file events: a created file is linted, a changed one re-linted, a deleted one cleared', async () => {
    write(root, 'policies/new.json', NO_VERSION);
    const created = client.nextDiagnostics(uri('policies/new.json'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('policies/new.json'), type: 1 }] });
    assert.equal(ofRule(await created, 'policy/missing-version').length, 1);

    write(root, 'policies/new.json', WITH_VERSION);
    const changed = client.nextDiagnostics(uri('policies/new.json'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('policies/new.json'), type: 2 }] });
    assert.deepEqual(ofRule(await changed, 'policy/missing-version'), []);

    unlinkSync(join(root, 'policies/new.json'));
    const deleted = client.nextDiagnostics(uri('policies/new.json'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('policies/new.json'), type: 3 }] });
    assert.deepEqual((await deleted).diagnostics, []);
  });

  test('a .gitignore change clears the diagnostics of files it now ignores', async () => {
    write(root, '.gitignore', 'ignored.json\nbuild/\npolicies/clean.json\n');
    const cleared = client.nextDiagnostics(uri('policies/clean.json'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('.gitignore'), type: 2 }] });
    assert.deepEqual((await cleared).diagnostics, []);
  });

  test('bedrockSecurity.lintWorkspace re-lints every file, with progress', async () => {
    const again = client.nextDiagnostics(uri('policies/closed.json'));
    const ends = client.progress.filter((e) => e.value.kind === 'end').length;
    assert.equal(await client.connection.sendRequest('workspace/executeCommand', { command: 'bedrockSecurity.lintWorkspace', arguments: [] }), null);
    assert.equal(ofRule(await again, 'policy/missing-version').length, 1);
    assert.ok(client.progress.filter((e) => e.value.kind === 'end').length > ends, 'a new progress ended');
  });
});

describe('settings: defaults < .bedrock-security.json < editor settings', () => {
  let root: string;
  const uri = (p: string) => fileUri(join(root, p));

  before(() => {
    root = makeFolder({
      '.bedrock-security.json': JSON.stringify({ rules: { 'policy/missing-version': 'off' }, scpFiles: ['org/**/*.json'] }, null, 2),
      'closed.json': NO_VERSION,
      'org/invoke.json': INVOKE,
      'scps/invoke.json': INVOKE,
    });
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  test('the config file turns a rule off (closed and open files) and sets the SCP globs', async () => {
    const client = await LspTestClient.start({ folders: [root] });
    try {
      await client.waitForProgressEnd(1);
      const [closed] = client.publishedFor(uri('closed.json'));
      assert.ok(closed, 'the closed policy is reported');
      assert.deepEqual(ofRule(closed, 'policy/missing-version'), []);
      const opened = uri('opened.json');
      await client.open(opened, NO_VERSION);
      assert.deepEqual(ofRule(await client.waitForDiagnostics(opened), 'policy/missing-version'), []);
      // scpFiles of the config file replace the default globs: org/ is an SCP, scps/ is not.
      assert.deepEqual(ofRule(client.publishedFor(uri('org/invoke.json'))[0], 'bedrock/guardrail-not-enforced'), []);
      assert.equal(ofRule(client.publishedFor(uri('scps/invoke.json'))[0], 'bedrock/guardrail-not-enforced').length, 1);
      // The config file itself is valid: an empty list.
      assert.deepEqual(client.publishedFor(uri('.bedrock-security.json')).map((p) => p.diagnostics), [[]]);
    } finally {
      await client.stop();
    }
  });

  test('editor settings override the config file, and are pulled again on didChangeConfiguration', async () => {
    const client = await LspTestClient.start({ folders: [root], settings: () => ({ rules: { 'policy/missing-version': 'error' }, trace: { server: 'off' } }) });
    try {
      await client.waitForProgressEnd(1);
      const [closed] = client.publishedFor(uri('closed.json'));
      assert.deepEqual(ofRule(closed, 'policy/missing-version').map((d) => [d.range, d.severity]), [[STATEMENT_KEY, 1]]);
      const opened = uri('opened.json');
      await client.open(opened, NO_VERSION);
      assert.deepEqual(ofRule(await client.waitForDiagnostics(opened), 'policy/missing-version').map((d) => d.severity), [1]);

      client.settings = () => ({ rules: { 'policy/missing-version': 'hint' } });
      const reopened = client.nextDiagnostics(opened);
      const reclosed = client.nextDiagnostics(uri('closed.json'));
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      assert.deepEqual(ofRule(await reopened, 'policy/missing-version').map((d) => d.severity), [4]);
      assert.deepEqual(ofRule(await reclosed, 'policy/missing-version').map((d) => d.severity), [4]);
      assert.deepEqual(client.messages, [], 'valid editor settings raise no message');
    } finally {
      await client.stop();
    }
  });

  test('invalid editor settings are shown once as a warning message; the valid parts apply', async () => {
    const client = await LspTestClient.start({ folders: [root], settings: () => ({ rules: { 'no/such-rule': 'off', 'policy/missing-version': 'error' } }) });
    try {
      await client.waitForProgressEnd(1);
      assert.equal(ofRule(client.publishedFor(uri('closed.json'))[0], 'policy/missing-version')[0].severity, 1);
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      await client.waitForProgressEnd(2);
      assert.deepEqual(client.messages, [{ type: 2, message: 'Bedrock Security settings: unknown rule "no/such-rule" in "rules".' }]);
    } finally {
      await client.stop();
    }
  });
});

describe('.bedrock-security.json problems', () => {
  test('are diagnostics on the config file, on the entry they come from; editing the file re-lints everything', async () => {
    const config = '{\n  "rules": {\n    "no/such-rule": "off",\n    "policy/missing-version": "loud"\n  },\n  "colour": 1\n}\n';
    const root = makeFolder({ '.bedrock-security.json': config, 'closed.json': NO_VERSION });
    const client = await LspTestClient.start({ folders: [root] });
    try {
      const configUri = fileUri(join(root, '.bedrock-security.json'));
      const p = await client.waitForDiagnostics(configUri);
      assert.deepEqual(
        p.diagnostics.map((d) => [d.range, d.severity, d.source, d.message]),
        [
          [{ start: { line: 2, character: 4 }, end: { line: 2, character: 25 } }, 2, 'bedrock-security', '.bedrock-security.json: unknown rule "no/such-rule" in "rules"; this entry is ignored.'],
          [{ start: { line: 3, character: 4 }, end: { line: 3, character: 36 } }, 2, 'bedrock-security', '.bedrock-security.json: severity of "policy/missing-version" must be one of error, warning, information, hint, off; this entry is ignored.'],
          [{ start: { line: 5, character: 2 }, end: { line: 5, character: 13 } }, 2, 'bedrock-security', '.bedrock-security.json: unknown setting "colour"; this entry is ignored.'],
        ],
      );
      await client.waitForProgressEnd(1);
      assert.equal(ofRule(client.publishedFor(fileUri(join(root, 'closed.json')))[0], 'policy/missing-version').length, 1);

      // While open, the buffer is checked as it is typed: broken JSON is an error at its place.
      await client.open(configUri, '{\n  "rules": {\n', 1, 'json');
      const open = await client.waitForDiagnostics(configUri, (x) => x.version === 1);
      assert.equal(open.diagnostics[0].severity, 1);
      assert.match(open.diagnostics[0].message, /^\.bedrock-security\.json is not valid JSON \(\w+\); the whole file is ignored until this is fixed\.$/);

      // Saving a config that turns the rule off re-lints the closed file.
      write(root, '.bedrock-security.json', '{"rules": {"policy/missing-version": "off"}}');
      const relinted = client.nextDiagnostics(fileUri(join(root, 'closed.json')));
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 2 }] });
      assert.deepEqual(ofRule(await relinted, 'policy/missing-version'), []);
    } finally {
      await client.stop();
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('workspace folder changes', () => {
  test('an added folder is scanned; a removed folder has its diagnostics cleared', async () => {
    const first = makeFolder({ 'a.json': NO_VERSION });
    const second = makeFolder({ 'b.json': NO_VERSION });
    const client = await LspTestClient.start({ folders: [first] });
    try {
      await client.waitForDiagnostics(fileUri(join(first, 'a.json')));
      const added = client.nextDiagnostics(fileUri(join(second, 'b.json')));
      await client.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [{ uri: fileUri(second), name: 'second' }], removed: [] } });
      assert.equal(ofRule(await added, 'policy/missing-version').length, 1);
      const cleared = client.nextDiagnostics(fileUri(join(first, 'a.json')));
      await client.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [], removed: [{ uri: fileUri(first), name: 'first' }] } });
      assert.deepEqual((await cleared).diagnostics, []);
    } finally {
      await client.stop();
      rmSync(first, { recursive: true, force: true });
      rmSync(second, { recursive: true, force: true });
    }
  });
});
