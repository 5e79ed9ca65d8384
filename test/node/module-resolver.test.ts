// The workspace module index: which file a relative import names, parsing once per version
// (open buffers first, then disk), importers remembered for re-linting, and the SCP Regions of a
// folder read from its SCP files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { candidatePaths, WorkspaceModules } from '../../server/src/node/module-resolver';
import { workspaceScpRegions } from '../../server/src/node/scp-regions';
import { defaultSettings } from '../../server/src/engine/settings';

function folder(files: Record<string, string>): string {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'bedrock-modules-')));
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(join(root, p, '..'), { recursive: true });
    writeFileSync(join(root, p), text);
  }
  return root;
}

test('a relative specifier is tried as written, with code extensions, .js as .ts, and as a folder index', () => {
  assert.deepEqual(candidatePaths('/w/src/main.ts', './input').slice(0, 3), ['/w/src/input.ts', '/w/src/input.tsx', '/w/src/input.mts']);
  assert.deepEqual(candidatePaths('/w/src/main.ts', './input.js').slice(0, 2), ['/w/src/input.js', '/w/src/input.ts']);
  assert.ok(candidatePaths('/w/src/main.ts', '../lib').includes('/w/lib/index.ts'));
});

test('modules are parsed once per version, open buffers win over disk, importers are remembered', () => {
  const root = folder({ 'src/input.ts': 'export const a = 1;\n', 'src/lib/index.js': 'exports.b = 2;\n', 'src/types.d.ts': 'export declare const c: number;\n' });
  try {
    let open: { text: string; version: number } | undefined;
    const modules = new WorkspaceModules((p) => (p === join(root, 'src/input.ts') ? open : undefined));
    const main = join(root, 'src/main.ts');
    const first = modules.resolve(main, './input');
    assert.ok(first?.exports.has('a'));
    assert.equal(modules.resolve(main, './input'), first, 'cached while the file is unchanged');
    assert.ok(modules.resolve(main, './lib')?.exports.has('b'));
    assert.equal(modules.resolve(main, './types'), undefined, 'declaration files are not modules to follow');
    assert.equal(modules.resolve(main, './missing'), undefined);
    assert.deepEqual(modules.importersOf(join(root, 'src/input.ts')), [main]);
    open = { text: 'export const z = 1;\n', version: 3 };
    assert.ok(modules.resolve(main, './input')?.exports.has('z'), 'the open buffer wins');
    open = undefined;
    writeFileSync(join(root, 'src/input.ts'), 'export const y = 1;\n');
    utimesSync(join(root, 'src/input.ts'), new Date(), new Date(Date.now() + 5000));
    assert.ok(modules.resolve(main, './input')?.exports.has('y'), 'a changed file is parsed again');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('the Regions of the SCP files of a folder (by the scpFiles globs), undefined without one', () => {
  const deny = (regions: string[]) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: '*', Resource: '*', Condition: { StringNotEquals: { 'aws:RequestedRegion': regions } } }] });
  const root = folder({ 'org/scps/regions.json': deny(['eu-central-1', 'eu-west-1']), 'policies/deny-outside-us.json': deny(['us-east-1']), 'node_modules/x/scp.json': deny(['ap-south-1']) });
  try {
    assert.deepEqual(workspaceScpRegions(root, defaultSettings()), ['eu-central-1', 'eu-west-1']);
    assert.equal(workspaceScpRegions(root, { ...defaultSettings(), scpFiles: ['nothing/**'] }), undefined);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
