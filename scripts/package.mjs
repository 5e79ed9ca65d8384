// Packages the extension: builds the bundles, runs `vsce package --no-dependencies` (the bundles
// carry every dependency) into dist/bedrock-security-<version>.vsix, then checks the VSIX against
// the allowlist below, which mirrors .vscodeignore, and prints its size and file count.
//   node scripts/package.mjs [--no-build] [--json] [--out <file>]
//     --no-build  package the current dist/ as is (the e2e test runs right after `npm test` built)
//     --json      print {"vsix", "bytes", "files": [...]} on stdout instead of the summary line
//     --out       write the VSIX there instead (e2e test files package in parallel, each to its own file)
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const json = args.includes('--json');

/** Files the VSIX may hold (paths inside it, below `extension/`). */
const ALLOWED = [
  /^package\.json$/,
  /^readme\.md$/i,
  /^license(\.txt)?$/i,
  /^dist\/(client|server|cli|posture|typescript)\.js$/,
  /^dist\/models\.js$/,
  /^dist\/iam-data\/.+\.json$/,
  /^docs\/rules\/.+\.md$/,
  /^snippets\/[^/]+\.json$/,
  /^syntaxes\/[^/]+\.json$/,
  /^schemas\/[^/]+\.json$/,
  /^images\/icon\.png$/,
  /^resources\/[^/]+\.svg$/,
];
/** Files the VSIX must hold for the extension to work. */
const REQUIRED = ['package.json', 'dist/client.js', 'dist/server.js', 'dist/cli.js', 'dist/typescript.js', 'dist/posture.js', 'dist/iam-data/services.json', 'dist/iam-data/version.json'];

function fail(message) {
  console.error(`package: ${message}`);
  process.exit(1);
}

function run(cmd, cmdArgs, what) {
  // stdin is closed so that a vsce question (a missing manifest field, say) fails instead of hanging.
  const r = spawnSync(cmd, cmdArgs, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  if (r.status !== 0) {
    if (r.stdout) process.stderr.write(r.stdout);
    if (r.stderr) process.stderr.write(r.stderr);
    fail(`${what} failed (exit code ${r.status ?? r.signal})`);
  }
  for (const line of `${r.stdout}\n${r.stderr}`.split('\n')) if (/\bWARNING\b/.test(line)) console.error(line.trim());
  return r;
}

/**
 * Lists the entries of a zip file from its central directory (no decompression needed).
 * VSIX files are plain zip files without zip64 records (APPNOTE.TXT 4.3.12, 4.3.16).
 */
function zipEntries(file) {
  const buf = readFileSync(file);
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error(`${file} is not a zip file (no end-of-central-directory record)`);
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const entries = [];
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error(`${file}: broken central directory at byte ${p}`);
    const size = buf.readUInt32LE(p + 24);
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const commentLength = buf.readUInt16LE(p + 32);
    entries.push({ name: buf.toString('utf8', p + 46, p + 46 + nameLength), size });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * The files package.json points at (entry point, icon, schemas, grammars, snippets, language
 * configurations, view icons): each must be in the VSIX, or that contribution breaks silently.
 */
function manifestPaths(manifest) {
  const c = manifest.contributes ?? {};
  const icons = (icon) => (typeof icon === 'string' ? [icon] : icon && typeof icon === 'object' ? [icon.light, icon.dark] : []);
  const refs = [
    manifest.main,
    manifest.icon,
    ...(c.jsonValidation ?? []).map((v) => v.url),
    ...(c.grammars ?? []).map((g) => g.path),
    ...(c.snippets ?? []).map((s) => s.path),
    ...(c.languages ?? []).flatMap((l) => [l.configuration, ...icons(l.icon)]),
    ...Object.values(c.viewsContainers ?? {}).flatMap((list) => list.flatMap((v) => icons(v.icon))),
    ...(c.commands ?? []).flatMap((cmd) => icons(cmd.icon)),
  ];
  // Only local files: not URLs (http:, https:) and not theme icons such as "$(shield)".
  const local = refs.filter((r) => typeof r === 'string' && !/^[a-z]+:/i.test(r) && !r.startsWith('$('));
  return local.map((r) => r.replace(/^\.?\//, ''));
}

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const outIndex = args.indexOf('--out');
const vsix = outIndex >= 0 && args[outIndex + 1] ? args[outIndex + 1] : join(root, 'dist', `${pkg.name}-${pkg.version}.vsix`);
const start = Date.now();

if (!args.includes('--no-build')) run(process.execPath, [join(root, 'scripts', 'build.mjs')], 'node scripts/build.mjs');
for (const f of REQUIRED.filter((f) => f.startsWith('dist/'))) {
  if (!existsSync(join(root, f))) fail(`${f} is missing: run node scripts/build.mjs`);
}

rmSync(vsix, { force: true });
const vsce = join(dirname(require.resolve('@vscode/vsce/package.json')), 'vsce');
run(process.execPath, [vsce, 'package', '--no-dependencies', '--out', vsix], 'vsce package');

const entries = zipEntries(vsix);
const files = entries.filter((e) => e.name.startsWith('extension/')).map((e) => e.name.slice('extension/'.length));
const unexpected = files.filter((f) => !ALLOWED.some((re) => re.test(f)));
if (unexpected.length) fail(`the VSIX holds files it must not (fix .vscodeignore):\n  ${unexpected.slice(0, 20).join('\n  ')}`);
const missing = [...REQUIRED, ...manifestPaths(pkg)].filter((f) => !files.includes(f));
if (missing.length) fail(`the VSIX lacks ${missing.join(', ')} (fix .vscodeignore, or the path in package.json)`);

const bytes = statSync(vsix).size;
if (json) {
  process.stdout.write(`${JSON.stringify({ vsix, bytes, files })}\n`);
} else {
  const unpacked = entries.reduce((sum, e) => sum + e.size, 0);
  const mb = (n) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  console.log(`package: ${relative(root, vsix)}: ${mb(bytes)} (${mb(unpacked)} unpacked), ${files.length} files, in ${((Date.now() - start) / 1000).toFixed(1)} s`);
}
