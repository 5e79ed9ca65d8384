// Neovim as a real LSP client (headless, /work/shared/docs/REAL-EDITOR-TESTING.md): the server's
// UTF-16 ranges and the quick fix edit, applied by Neovim's own code, leave exactly the expected
// bytes in a file with non-ASCII text before the finding. Skipped when `nvim` is not installed
// (Debian: apt-get install neovim).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, SERVER } from './lsp-client';

const nvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' }).status === 0;

test('Neovim shows the diagnostic at UTF-16 columns and applies the quick fix byte-exactly', { skip: !nvim && 'nvim is not installed' }, () => {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'bedrock-nvim-')));
  try {
    const text = '{"Id": "café 🚀", "Version": "2008-10-17", "Statement": [{"Effect": "Allow", "Action": "bedrock:ListFoundationModels", "Resource": "*"}]}\n';
    const file = join(root, 'policy.json');
    writeFileSync(file, text);
    const out = join(root, 'result.json');
    const lua = join(ROOT, 'test', 'lsp', 'fixtures', 'neovim-client.lua');
    const r = spawnSync('nvim', ['--headless', '-n', '-i', 'NONE', '--noplugin', '-u', lua, file], {
      cwd: root,
      env: { ...process.env, BS_OUT: out, BS_SERVER: SERVER, BS_ROOT: root },
      encoding: 'utf8',
      timeout: 40_000,
    });
    const result = JSON.parse(readFileSync(out, 'utf8'));
    assert.equal(result.error, undefined, `${result.error}\n${r.stderr}`);
    assert.equal(r.status, 0);
    const start = text.indexOf('"2008-10-17"');
    assert.equal(start, 29, 'UTF-16 column (bytes would be 32, code points 28)');
    assert.deepEqual(result.range, { start: { line: 0, character: start }, end: { line: 0, character: start + 12 } });
    assert.equal(result.source, 'bedrock-security');
    assert.equal(result.title, 'Set "Version" to "2012-10-17"');
    assert.equal(readFileSync(file, 'utf8'), text.replace('2008-10-17', '2012-10-17'));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
