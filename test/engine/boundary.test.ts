// The engine boundary: nothing under server/src/engine may import an editor or LSP library
// (`vscode`, `vscode-languageserver*`, `vscode-languageclient`, `vscode-jsonrpc`) or a front-end
// module (server/src/lsp, server/src/node, server/src/cli, server/src/server.ts, client/). The
// CLI, the language server and later front ends all build on the engine, never the reverse.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const root = join(__dirname, '..', '..', '..');
const engineDir = join(root, 'server', 'src', 'engine');

const FORBIDDEN_PACKAGES = [/^vscode$/, /^vscode-languageserver(-[a-z-]+)?(\/|$)/, /^vscode-languageclient(\/|$)/, /^vscode-jsonrpc(\/|$)/];
const FORBIDDEN_DIRS = ['server/src/lsp', 'server/src/node', 'server/src/cli', 'client'].map((d) => join(root, ...d.split('/')));
const FORBIDDEN_FILES = [join(root, 'server', 'src', 'server')];

/** Every module specifier in a TypeScript source: static and dynamic imports, re-exports, require. */
function importSpecifiers(source: string): string[] {
  const out: string[] = [];
  const patterns = [/\bfrom\s*['"]([^'"]+)['"]/g, /\bimport\s*['"]([^'"]+)['"]/g, /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g, /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g];
  for (const re of patterns) for (const m of source.matchAll(re)) out.push(m[1]);
  return out;
}

/** Why importing `spec` from `file` crosses the boundary, or undefined when it does not. */
function violation(file: string, spec: string): string | undefined {
  if (FORBIDDEN_PACKAGES.some((re) => re.test(spec))) return `imports the editor/LSP package "${spec}"`;
  if (!spec.startsWith('.')) return undefined;
  const target = resolve(dirname(file), spec);
  if (FORBIDDEN_DIRS.some((d) => target === d || target.startsWith(d + sep))) return `imports the front-end module ${relative(root, target)}`;
  if (FORBIDDEN_FILES.some((f) => target === f || target === f + '.ts')) return `imports the front-end module ${relative(root, target)}`;
  return undefined;
}

function tsFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...tsFiles(p));
    else if (name.endsWith('.ts')) out.push(p);
  }
  return out;
}

test('the detector finds every import form and flags what crosses the boundary', () => {
  const src = [
    "import * as vscode from 'vscode';",
    "import { createConnection } from 'vscode-languageserver/node';",
    "import type { Diagnostic } from 'vscode-languageserver-types';",
    "export { x } from '../../lsp/session';",
    "import '../../node/workspace';",
    "const j = require('vscode-jsonrpc');",
    "const s = await import('../../server');",
    "import { Linter } from './linter';",
    "import picomatch from 'picomatch';",
  ].join('\n');
  const file = join(engineDir, 'rules', 'example.ts');
  const specs = importSpecifiers(src);
  assert.deepEqual(specs.sort(), ['../../lsp/session', '../../node/workspace', '../../server', './linter', 'picomatch', 'vscode', 'vscode-jsonrpc', 'vscode-languageserver-types', 'vscode-languageserver/node'].sort());
  assert.deepEqual(
    specs.filter((s) => violation(file, s)).sort(),
    ['../../lsp/session', '../../node/workspace', '../../server', 'vscode', 'vscode-jsonrpc', 'vscode-languageserver-types', 'vscode-languageserver/node'].sort(),
  );
});

test('no module under server/src/engine imports vscode, an LSP library or a front-end module', () => {
  const files = tsFiles(engineDir);
  assert.ok(files.length > 10, 'the engine sources were found');
  const problems: string[] = [];
  let imports = 0;
  for (const file of files) {
    for (const spec of importSpecifiers(readFileSync(file, 'utf8'))) {
      imports++;
      const why = violation(file, spec);
      if (why) problems.push(`${relative(root, file)} ${why}`);
    }
  }
  assert.ok(imports > files.length, 'imports were found');
  assert.deepEqual(problems, []);
});
