// Which files a run lints (walks honour .gitignore and skip node_modules; explicit files are
// always linted), paths that cannot be read, and file encodings (UTF-8 BOM, UTF-16, binary).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { cli, CLEAN_POLICY, NO_VERSION_POLICY, workspace } from './cli-helpers';

/** The files with findings in a JSON run (each file below has exactly one finding). */
function filesReported(cwd: string, args: string[]): string[] {
  const r = cli(cwd, ['lint', '--format', 'json', ...args]);
  assert.equal(r.stderr, '');
  return (JSON.parse(r.stdout) as { file: string }[]).map((f) => f.file);
}

const tree = workspace({
  '.gitignore': 'build/\n*.local.json\n',
  'a.json': NO_VERSION_POLICY,
  'a.local.json': NO_VERSION_POLICY,
  'build/out.json': NO_VERSION_POLICY,
  'node_modules/pkg/policy.json': NO_VERSION_POLICY,
  'iam/b.json': NO_VERSION_POLICY,
  'iam/c.local.json': NO_VERSION_POLICY,
  'iam/.gitignore': 'generated/\n',
  'iam/generated/d.json': NO_VERSION_POLICY,
  'iam/notes.txt': NO_VERSION_POLICY,
  'iam/policy.JSON.bak': NO_VERSION_POLICY,
});

test('walking skips node_modules and what .gitignore files at every level ignore, and only reads .json', () => {
  assert.deepEqual(filesReported(tree, []), ['a.json', 'iam/b.json']);
  assert.deepEqual(filesReported(tree, ['.']), ['a.json', 'iam/b.json']);
});

test('walking a sub-folder still honours the .gitignore files above it', () => {
  assert.deepEqual(filesReported(tree, ['iam']), ['iam/b.json']);
});

test('a file or folder named explicitly is linted even when ignored, whatever its extension', () => {
  assert.deepEqual(filesReported(tree, ['a.local.json', 'build/out.json', 'node_modules/pkg/policy.json', 'iam/notes.txt']), [
    'a.local.json',
    'build/out.json',
    'iam/notes.txt',
    'node_modules/pkg/policy.json',
  ]);
  assert.deepEqual(filesReported(tree, ['build']), ['build/out.json']);
  // A file named twice (directly and through its folder) is reported once.
  assert.deepEqual(filesReported(tree, ['iam/b.json', 'iam', './iam/b.json']), ['iam/b.json']);
});

test('a path that does not exist is reported on stderr with exit code 2 and nothing is linted', () => {
  const r = cli(tree, ['lint', 'a.json', 'missing.json', 'missing-dir/']);
  assert.equal(r.status, 2);
  assert.equal(r.stdout, '');
  assert.equal(r.stderr, 'bedrock-security: missing.json: no such file or directory\nbedrock-security: missing-dir/: no such file or directory\n');
});

test('a path that cannot be read is reported with exit code 2', () => {
  const dir = workspace({ 'ok.json': CLEAN_POLICY });
  symlinkSync('loop.json', join(dir, 'loop.json'));
  const r = cli(dir, ['lint', 'loop.json', 'ok.json']);
  assert.equal(r.status, 2);
  assert.equal(r.stdout, '');
  assert.equal(r.stderr, 'bedrock-security: loop.json: cannot access (ELOOP)\n');
});

test('UTF-8 with BOM and UTF-16 LE/BE with BOM are linted with positions of the decoded text', () => {
  const bom = Buffer.from([0xef, 0xbb, 0xbf]);
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(NO_VERSION_POLICY, 'utf16le')]);
  const be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(NO_VERSION_POLICY, 'utf16le').swap16()]);
  const dir = workspace({ 'bom.json': Buffer.concat([bom, Buffer.from(NO_VERSION_POLICY)]), 'utf16be.json': be, 'utf16le.json': le, 'clean-bom.json': Buffer.concat([bom, Buffer.from(CLEAN_POLICY)]) });
  const r = cli(dir, ['lint', '--format', 'json']);
  assert.equal(r.stderr, '');
  assert.equal(r.status, 0);
  const expected = { ruleId: 'policy/missing-version', range: { start: { line: 1, character: 2 }, end: { line: 1, character: 13 } } };
  assert.deepEqual(
    (JSON.parse(r.stdout) as { file: string; ruleId: string; range: unknown }[]).map((f) => ({ file: f.file, ruleId: f.ruleId, range: f.range })),
    ['bom.json', 'utf16be.json', 'utf16le.json'].map((file) => ({ file, ...expected })),
  );
  assert.equal(cli(dir, ['lint', 'clean-bom.json']).stdout, 'No problems found in 1 policy file.\n');
});

test('a binary or undecodable file is a per-file error (exit 2); the other files are still reported', () => {
  const dir = workspace({
    'a.json': NO_VERSION_POLICY,
    'image.json': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]),
    'latin1.json': Buffer.from('{"Sid": "caf\xe9"}', 'latin1'),
  });
  const r = cli(dir, ['lint', '--format', 'json']);
  assert.equal(r.status, 2);
  assert.equal(
    r.stderr,
    'bedrock-security: image.json: cannot read the file: binary content (NUL bytes); UTF-16 text needs a byte order mark\n' +
      'bedrock-security: latin1.json: cannot read the file: not valid UTF-8 text (nor UTF-16 with a byte order mark)\n',
  );
  assert.deepEqual((JSON.parse(r.stdout) as { file: string }[]).map((f) => f.file), ['a.json']);
});
