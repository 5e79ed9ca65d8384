// The workspace scan's file linter: the worker thread and the in-process fallback read, decode
// and lint files identically; a worker that cannot run is given up on after a few failures.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { sharedIamData } from '../../server/src/engine/iam/data';
import { Linter } from '../../server/src/engine/linter';
import { defaultSettings } from '../../server/src/engine/settings';
import { InProcessFileLinter, WorkerFileLinter, type FileLinter, type FileResult } from '../../server/src/lsp/file-linter';
import { ROOT } from './lsp-client';

const NO_VERSION = '{"Statement": [{"Effect": "Allow", "Action": "bedrock:ListFoundationModels", "Resource": "*"}]}';
const linter = new Linter(sharedIamData());

/** The parts of a result a test pins: rule ids and ranges, or the skip reason. */
function summary(r: FileResult): unknown {
  return { path: r.path, skipped: r.skipped, diagnostics: r.diagnostics?.map((d) => `${d.code ?? d.message} ${d.range.start.line}:${d.range.start.character}`) };
}

describe('file linters', () => {
  let root: string;
  const files: Record<string, string | Buffer> = {
    '.gitignore': 'ignored.json\n',
    'ignored.json': NO_VERSION,
    'a/policy.json': NO_VERSION,
    'a/package.json': '{"name": "x"}',
    'a/utf16be.json': Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(NO_VERSION, 'utf16le').swap16()]),
    'a/binary.json': Buffer.from([0x7b, 0x00, 0x7d]),
    '.bedrock-security.json': '{"rules": {"policy/missing-version": "loud"}}',
  };
  const paths = () => ['a/policy.json', 'a/package.json', 'a/utf16be.json', 'a/binary.json', '.bedrock-security.json', 'a/missing.json'].map((p) => join(root, p));
  const expected = () => [
    { path: join(root, 'a/policy.json'), skipped: undefined, diagnostics: ['policy/missing-version 0:1'] },
    { path: join(root, 'a/package.json'), skipped: undefined, diagnostics: undefined },
    { path: join(root, 'a/utf16be.json'), skipped: undefined, diagnostics: ['policy/missing-version 0:1'] },
    { path: join(root, 'a/binary.json'), skipped: 'binary content (NUL bytes); UTF-16 text needs a byte order mark', diagnostics: undefined },
    {
      path: join(root, '.bedrock-security.json'),
      skipped: undefined,
      diagnostics: ['.bedrock-security.json: severity of "policy/missing-version" must be one of error, warning, information, hint, off; this entry is ignored. 0:11'],
    },
    { path: join(root, 'a/missing.json'), skipped: `ENOENT: no such file or directory, stat '${join(root, 'a/missing.json')}'`, diagnostics: undefined },
  ];

  before(() => {
    root = realpathSync(mkdtempSync(join(tmpdir(), 'bedrock-files-')));
    for (const [p, content] of Object.entries(files)) {
      mkdirSync(dirname(join(root, p)), { recursive: true });
      writeFileSync(join(root, p), content);
    }
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  async function check(f: FileLinter): Promise<void> {
    assert.deepEqual(await f.walk(root, 100), ['.bedrock-security.json', 'a/binary.json', 'a/package.json', 'a/policy.json', 'a/utf16be.json'].map((p) => join(root, p)));
    const results = await f.lint(root, defaultSettings(), paths());
    assert.deepEqual(results.map(summary), expected());
  }

  test('in-process', async () => {
    await check(new InProcessFileLinter(linter));
  });

  test('in a worker thread (the server script started with the scan role)', async () => {
    const logs: string[] = [];
    const f = new WorkerFileLinter(join(ROOT, 'out', 'server', 'src', 'server.js'), () => linter, (m) => logs.push(m));
    try {
      await check(f);
      assert.deepEqual(logs, []);
    } finally {
      f.dispose();
    }
  });

  test('a worker that fails is restarted, then given up on for in-process linting', async () => {
    const broken = join(root, 'broken-worker.js');
    writeFileSync(broken, 'throw new Error("cannot start");\n');
    const logs: string[] = [];
    const f = new WorkerFileLinter(broken, () => linter, (m) => logs.push(m));
    try {
      for (let i = 0; i < 3; i++) await assert.rejects(f.lint(root, defaultSettings(), paths()), /the scan worker stopped \(cannot start\)/);
      assert.deepEqual((await f.lint(root, defaultSettings(), paths())).map(summary), expected());
      assert.equal(logs.length, 3);
      assert.match(logs[2], /workspace files are now linted in-process/);
    } finally {
      f.dispose();
    }
  });
});
