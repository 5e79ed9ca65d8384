// The posture engine is editor-agnostic: nothing under server/src/posture imports `vscode`, an
// LSP library or a front end (server/src/cli, server/src/lsp, server/src/node, client/). The VS
// Code view and the CLI build on it, never the reverse.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const root = join(__dirname, '..', '..', '..');
const postureDir = join(root, 'server', 'src', 'posture');
const FORBIDDEN_PACKAGES = /^(vscode|vscode-languageserver(-[a-z-]+)?|vscode-languageclient|vscode-jsonrpc)(\/|$)/;
const FORBIDDEN_DIRS = ['server/src/lsp', 'server/src/node', 'server/src/cli', 'client'].map((d) => join(root, ...d.split('/')));

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? tsFiles(p) : name.endsWith('.ts') ? [p] : [];
  });
}

test('no module under server/src/posture imports vscode, an LSP library or a front end', () => {
  const files = tsFiles(postureDir);
  assert.ok(files.length >= 25, 'the posture sources were found');
  const problems: string[] = [];
  for (const file of files) {
    const source = readFileSync(file, 'utf8');
    for (const m of source.matchAll(/\b(?:from|import)\s*\(?\s*['"]([^'"]+)['"]|\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g)) {
      const spec = m[1] ?? m[2];
      if (FORBIDDEN_PACKAGES.test(spec)) problems.push(`${relative(root, file)} imports ${spec}`);
      if (spec.startsWith('.')) {
        const target = resolve(dirname(file), spec);
        if (FORBIDDEN_DIRS.some((d) => target === d || target.startsWith(d + sep))) problems.push(`${relative(root, file)} imports ${relative(root, target)}`);
      }
    }
  }
  assert.deepEqual(problems, []);
});
