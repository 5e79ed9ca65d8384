// Helpers for the CLI tests: build throw-away workspaces on disk and run the real bundled
// command (`node dist/cli.js`) in them, as a user or CI would.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after } from 'node:test';

/** The repository root (tests run from out/test/cli/). */
export const ROOT = join(__dirname, '..', '..', '..');
export const CLI = join(ROOT, 'dist', 'cli.js');
export const FIXTURES = join(ROOT, 'test', 'cli', 'fixtures');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node dist/cli.js ...args` in `cwd` with stdout and stderr piped (so no colour). */
export function cli(cwd: string, args: readonly string[], env: Record<string, string | undefined> = {}): CliRun {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, ...env } });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const created: string[] = [];
after(() => {
  for (const d of created) rmSync(d, { recursive: true, force: true });
});

/**
 * Creates a temporary directory holding `files` (path → text or bytes; folders are created) and
 * removes it after the test file. Returns its real path (so relative paths print predictably).
 */
export function workspace(files: Record<string, string | Uint8Array>): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'bedrock-security-cli-')));
  created.push(dir);
  for (const [rel, content] of Object.entries(files)) {
    const abs = join(dir, rel);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, content);
  }
  return dir;
}

/** A policy whose only statement no rule should object to (a list action needs `Resource: "*"`). */
export const CLEAN_STATEMENT = '{ "Sid": "ListModels", "Effect": "Allow", "Action": "bedrock:ListFoundationModels", "Resource": "*" }';

/** A complete clean policy. */
export const CLEAN_POLICY = `{\n  "Version": "2012-10-17",\n  "Statement": [\n    ${CLEAN_STATEMENT}\n  ]\n}\n`;

/** The same statement without "Version": one policy/missing-version warning at 1:2 (0-based). */
export const NO_VERSION_POLICY = `{\n  "Statement": [\n    ${CLEAN_STATEMENT}\n  ]\n}\n`;

/** A trailing comma: one policy/syntax error. */
export const TRAILING_COMMA_POLICY = `{\n  "Version": "2012-10-17",\n  "Statement": [\n    ${CLEAN_STATEMENT},\n  ]\n}\n`;
