// The text and JSON outputs, pinned exactly on a small workspace whose files trigger only
// policy/missing-version, policy/outdated-version and policy/syntax; the exit codes and
// --max-warnings / --quiet; colour only on a terminal without NO_COLOR.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { runCli } from '../../server/src/cli/run';
import { CLEAN_POLICY, CLEAN_STATEMENT, CLI, cli, NO_VERSION_POLICY, TRAILING_COMMA_POLICY, workspace } from './cli-helpers';

// "😀" is two UTF-16 code units (four UTF-8 bytes): the trailing comma after it is at character 134.
const EMOJI_POLICY = `{"Version": "😀", "Statement": [${CLEAN_STATEMENT}],}\n`;

const dir = workspace({
  'clean.json': CLEAN_POLICY,
  'emoji.json': EMOJI_POLICY,
  'policies/no-version.json': NO_VERSION_POLICY,
  'policies/trailing-comma.json': TRAILING_COMMA_POLICY.replace(/\n/g, '\r\n'),
  'package.json': '{ "name": "not-a-policy" }\n',
});

const range = (sl: number, sc: number, el: number, ec: number) => ({ start: { line: sl, character: sc }, end: { line: el, character: ec } });

const MISSING_VERSION = 'The policy has no "Version": add "Version": "2012-10-17" so that policy variables and current features work.';
const TRAILING_COMMA = 'Trailing commas are not allowed in IAM policies.';
const BAD_VERSION = '"Version" must be "2012-10-17" (or the outdated "2008-10-17"), not "😀".';

test('--format json prints every finding with 0-based UTF-16 positions, sorted by file then position', () => {
  const r = cli(dir, ['lint', '--format', 'json']);
  assert.equal(r.status, 1);
  assert.equal(r.stderr, '');
  assert.deepEqual(JSON.parse(r.stdout), [
    { file: 'emoji.json', ruleId: 'policy/outdated-version', severity: 'warning', message: BAD_VERSION, range: range(0, 12, 0, 16) },
    { file: 'emoji.json', ruleId: 'policy/syntax', severity: 'error', message: TRAILING_COMMA, range: range(0, 134, 0, 135) },
    { file: 'policies/no-version.json', ruleId: 'policy/missing-version', severity: 'warning', message: MISSING_VERSION, range: range(1, 2, 1, 13) },
    { file: 'policies/trailing-comma.json', ruleId: 'policy/syntax', severity: 'error', message: TRAILING_COMMA, range: range(3, 105, 3, 106) },
  ]);
  // Key order is part of the format, and the output is one JSON document.
  assert.match(r.stdout, /^\[\n {2}\{\n {4}"file": "emoji.json",\n {4}"ruleId": "policy\/outdated-version",\n {4}"severity": "warning",\n {4}"message": /);
  assert.ok(r.stdout.endsWith(']\n'));
});

test('--format text prints path:line:col (1-based), severity, message and rule id per file, then a summary', () => {
  const r = cli(dir, ['lint']);
  assert.equal(r.status, 1);
  assert.equal(r.stderr, '');
  assert.equal(
    r.stdout,
    [
      `emoji.json:1:13   warning  ${BAD_VERSION}  policy/outdated-version`,
      `emoji.json:1:135  error    ${TRAILING_COMMA}  policy/syntax`,
      '',
      `policies/no-version.json:2:3  warning  ${MISSING_VERSION}  policy/missing-version`,
      '',
      `policies/trailing-comma.json:4:106  error  ${TRAILING_COMMA}  policy/syntax`,
      '',
      '✖ 4 problems (2 errors, 2 warnings, 0 info)',
      '',
    ].join('\n'),
  );
});

test('a clean workspace exits 0 and counts only the files that are policies', () => {
  const clean = workspace({ 'a.json': CLEAN_POLICY, 'b/c.json': CLEAN_POLICY, 'package.json': '{}', 'tsconfig.json': '{ // comment\n}' });
  const r = cli(clean, ['lint']);
  assert.equal(r.status, 0);
  assert.equal(r.stdout, 'No problems found in 2 policy files.\n');
  assert.equal(cli(clean, ['lint', 'a.json']).stdout, 'No problems found in 1 policy file.\n');
  assert.equal(cli(clean, ['lint', '--format', 'json']).stdout, '[]\n');
});

test('warnings alone exit 0 unless there are more than --max-warnings; errors exit 1', () => {
  const warn = workspace({ 'a.json': NO_VERSION_POLICY, 'b.json': NO_VERSION_POLICY });
  assert.equal(cli(warn, ['lint']).status, 0);
  assert.equal(cli(warn, ['lint', '--max-warnings', '2']).status, 0);
  assert.equal(cli(warn, ['lint', '--max-warnings', '-1']).status, 0);
  const over = cli(warn, ['lint', '--max-warnings', '1', '--format', 'json']);
  assert.equal(over.status, 1);
  assert.equal(over.stderr, 'bedrock-security: too many warnings: 2, more than --max-warnings 1\n');
  assert.equal(JSON.parse(over.stdout).length, 2);
  const err = workspace({ 'a.json': TRAILING_COMMA_POLICY });
  assert.equal(cli(err, ['lint', '--max-warnings', '10']).status, 1);
});

test('--quiet reports errors only, but --max-warnings still counts the hidden warnings', () => {
  const r = cli(dir, ['lint', '--quiet', '--format', 'json']);
  assert.equal(r.status, 1);
  assert.deepEqual(
    JSON.parse(r.stdout).map((f: { file: string; ruleId: string }) => `${f.file} ${f.ruleId}`),
    ['emoji.json policy/syntax', 'policies/trailing-comma.json policy/syntax'],
  );
  const text = cli(dir, ['lint', '-q']);
  assert.match(text.stdout, /\n✖ 2 problems \(2 errors, 0 warnings, 0 info\)\n$/);
  const warn = workspace({ 'a.json': NO_VERSION_POLICY });
  const quiet = cli(warn, ['lint', '--quiet']);
  assert.deepEqual([quiet.status, quiet.stdout], [0, 'No problems found in 1 policy file.\n']);
  assert.equal(cli(warn, ['lint', '--quiet', '--max-warnings', '0']).status, 1);
});

test('text output is coloured only on a terminal and without NO_COLOR', async () => {
  const io = { cwd: dir, env: {}, stdoutIsTty: true };
  const coloured = (await runCli(['lint', 'policies/no-version.json'], io)).stdout;
  assert.ok(coloured.includes('\u001b[33mwarning\u001b[0m'), coloured);
  assert.ok(coloured.includes('\u001b[2mpolicy/missing-version\u001b[0m'), coloured);
  assert.ok(!(await runCli(['lint', 'policies/no-version.json'], { ...io, env: { NO_COLOR: '1' } })).stdout.includes('\u001b['));
  assert.ok(!(await runCli(['lint', 'policies/no-version.json'], { ...io, stdoutIsTty: false })).stdout.includes('\u001b['));
  // Piped output of the real command has no escape codes either.
  assert.ok(!cli(dir, ['lint']).stdout.includes('\u001b['));
});

test('a reader that closes the pipe early ends the run quietly with the exit code so far', async () => {
  // 3,000 trailing commas: far more output than a pipe buffer holds.
  const statements = Array.from({ length: 3000 }, (_, i) => `{ "Sid": "S${i}", "Effect": "Allow", "Action": "bedrock:ListFoundationModels", "Resource": "*", }`);
  const big = workspace({ 'big.json': `{ "Version": "2012-10-17", "Statement": [\n${statements.join(',\n')}\n] }\n` });
  const child = spawn(process.execPath, [CLI, 'lint'], { cwd: big });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdout.once('data', () => child.stdout.destroy());
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  assert.equal(stderr, '');
  assert.equal(code, 1);
});
