// The whole test suite: installs what the editor tests need (idempotent), builds, type-checks,
// then runs every test file with node:test. `.ci/run` calls `npm test`, which runs this.
//   node scripts/test.mjs [--skip-e2e] [--only <glob>]
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const skipE2e = args.includes('--skip-e2e') || process.env.BEDROCK_SECURITY_SKIP_E2E === '1';

function run(cmd, cmdArgs, opts = {}) {
  const r = spawnSync(cmd, cmdArgs, { cwd: root, stdio: 'inherit', ...opts });
  if (r.status !== 0) {
    console.error(`test: "${cmd} ${cmdArgs.join(' ')}" failed with exit code ${r.status ?? r.signal}`);
    process.exit(r.status || 1);
  }
}

function testFiles(dir) {
  const out = [];
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...testFiles(p));
    else if (name.endsWith('.test.js')) out.push(p);
  }
  return out;
}

run('node', ['scripts/build.mjs']);
run('npx', ['tsc', '-b']);
let files = testFiles(join(root, 'out', 'test'));
if (skipE2e) files = files.filter((f) => !relative(root, f).includes(`test${'/'}e2e`));
const only = args.indexOf('--only');
if (only >= 0) files = files.filter((f) => relative(root, f).includes(args[only + 1]));
if (!skipE2e && files.some((f) => f.includes('/e2e/')) && existsSync(join(root, 'scripts', 'setup-e2e.sh'))) run('bash', ['scripts/setup-e2e.sh']);
run('node', ['--test', '--test-concurrency=2', ...files.map((f) => relative(root, f))]);
