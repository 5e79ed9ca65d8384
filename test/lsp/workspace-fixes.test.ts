// The bedrockSecurity/fixFiles request behind "Fix All in Workspace", over the real protocol: the
// fix-all edit of closed files (from disk) and open documents (from the buffer, with its
// version), the counts of findings before and after, files left alone, and malformed requests.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { FIX_FILES_REQUEST, type FixFilesResult } from '../../server/src/lsp/workspace-fixes';
import { applyLspEdits, fileUri, LspTestClient } from './lsp-client';

const MISSING_VERSION = '{\n  "Statement": [{"Effect": "Allow", "Action": "bedrock:ListFoundationModels", "Resource": "*"}]\n}\n';
const FIXED = '{\n  "Version": "2012-10-17",\n  "Statement": [{"Effect": "Allow", "Action": "bedrock:ListFoundationModels", "Resource": "*"}]\n}\n';
const OUTDATED = '{\n  "Version": "2008-10-17",\n  "Statement": [{"Effect": "Allow", "Action": "bedrock:ListFoundationModels", "Resource": "*"}]\n}\n';

describe('bedrockSecurity/fixFiles', () => {
  let root: string;
  let client: LspTestClient;
  const uri = (p: string) => fileUri(join(root, p));
  const fix = (uris: string[]): Promise<FixFilesResult> => client.connection.sendRequest(FIX_FILES_REQUEST, { uris });

  before(async () => {
    root = realpathSync(mkdtempSync(join(tmpdir(), 'bedrock-fix-files-')));
    const files: Record<string, string> = {
      'policies/closed.json': MISSING_VERSION,
      'policies/open.json': MISSING_VERSION,
      'policies/clean.json': FIXED,
      'package.json': '{"name": "x"}',
      '.bedrock-security.json': '{"rules": {}}',
    };
    for (const [p, text] of Object.entries(files)) {
      mkdirSync(dirname(join(root, p)), { recursive: true });
      writeFileSync(join(root, p), text);
    }
    client = await LspTestClient.start({ folders: [root] });
    await client.waitForProgressEnd(1);
  });
  after(async () => {
    await client.stop();
    rmSync(root, { recursive: true, force: true });
  });

  test('a closed file is fixed from disk; the file itself is not written', async () => {
    const result = await fix([uri('policies/closed.json')]);
    assert.deepEqual(result, {
      files: [{ uri: uri('policies/closed.json'), version: null, edits: [{ range: { start: { line: 1, character: 3 }, end: { line: 1, character: 3 } }, newText: 'Version": "2012-10-17",\n  "' }], before: 1, after: 0 }],
      skipped: [],
    });
    assert.equal(applyLspEdits(MISSING_VERSION, result.files[0].edits), FIXED);
    assert.equal(readFileSync(join(root, 'policies/closed.json'), 'utf8'), MISSING_VERSION);
  });

  test('an open document is fixed from its buffer, at its version', async () => {
    await client.open(uri('policies/open.json'), OUTDATED, 7);
    const result = await fix([uri('policies/open.json')]);
    assert.equal(result.files.length, 1);
    const [file] = result.files;
    assert.equal(file.version, 7);
    assert.deepEqual([file.before, file.after], [1, 0]);
    assert.equal(applyLspEdits(OUTDATED, file.edits), FIXED);
  });

  test('clean policies, other JSON and the config file give no edit; unreadable files are explained', async () => {
    const result = await fix([uri('policies/clean.json'), uri('package.json'), uri('.bedrock-security.json'), uri('policies/gone.json'), 'untitled:Untitled-1', uri('notes.txt')]);
    assert.deepEqual(result.files, []);
    assert.deepEqual(
      result.skipped.map((s) => [s.uri.slice(s.uri.lastIndexOf('/') + 1), /^not a JSON\b/.test(s.reason) ? 'not linted' : s.reason.replace(/,.*$/, '')]),
      [
        ['gone.json', 'ENOENT: no such file or directory'],
        ['untitled:Untitled-1', 'not linted'],
        ['notes.txt', 'not linted'],
      ],
    );
  });

  test('malformed requests are rejected with InvalidParams', async () => {
    for (const params of [{}, { uris: 'x' }, { uris: [1] }, { uris: Array.from({ length: 201 }, (_, i) => `file:///p${i}.json`) }]) {
      await assert.rejects(client.connection.sendRequest(FIX_FILES_REQUEST, params), (e: { code?: number }) => e.code === -32602, JSON.stringify(params).slice(0, 40));
    }
  });
});
