// `npm run lint:examples`: lints the bundled example workspace (examples/) with the built CLI,
// prints the text report, writes the SARIF log to dist/examples.sarif, and compares the findings
// with examples/expected-findings.json. The examples contain problems on purpose, so the exit
// code is 0 when the findings are exactly the expected ones and 1 when the engine finds more,
// fewer or different problems (a regression, or a rule change that needs `--update`).
//   node scripts/check-examples.mjs [--update]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const examples = join(root, 'examples');
const cli = join(root, 'dist', 'cli.js');
const expectedFile = join(examples, 'expected-findings.json');
const update = process.argv.includes('--update');

if (!existsSync(cli)) {
  console.error('check-examples: dist/cli.js is missing: run `npm run build` first');
  process.exit(2);
}

/** Runs the CLI in examples/ (so that examples/.bedrock-security.json applies) with `format`. */
function lint(format) {
  const r = spawnSync(process.execPath, [cli, 'lint', '--format', format], { cwd: examples, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw r.error;
  if (r.status !== 0 && r.status !== 1) {
    process.stderr.write(r.stderr);
    console.error(`check-examples: the CLI failed with exit code ${r.status ?? r.signal}`);
    process.exit(2);
  }
  return r;
}

/** One finding as compared: what it is and where it starts (messages may be reworded freely). */
const key = (f) => `${f.file}:${f.line} ${f.severity} ${f.ruleId}`;

const text = lint('text');
process.stdout.write(text.stdout);
process.stderr.write(text.stderr);
mkdirSync(join(root, 'dist'), { recursive: true });
writeFileSync(join(root, 'dist', 'examples.sarif'), lint('sarif').stdout);

const actual = JSON.parse(lint('json').stdout).map((f) => ({ file: f.file, line: f.range.start.line + 1, severity: f.severity, ruleId: f.ruleId }));
if (update) {
  // One finding per line, so that a change of the engine shows as a readable diff.
  writeFileSync(expectedFile, `[\n${actual.map((f) => `  ${JSON.stringify(f)}`).join(',\n')}\n]\n`);
  console.log(`check-examples: wrote ${actual.length} findings to examples/expected-findings.json`);
  process.exit(0);
}
const expected = JSON.parse(readFileSync(expectedFile, 'utf8'));
const count = (list) => list.reduce((m, f) => m.set(key(f), (m.get(key(f)) ?? 0) + 1), new Map());
const want = count(expected);
const got = count(actual);
const missing = [...want].filter(([k, n]) => (got.get(k) ?? 0) < n).map(([k]) => k);
const unexpected = [...got].filter(([k, n]) => (want.get(k) ?? 0) < n).map(([k]) => k);
if (missing.length || unexpected.length) {
  console.error('\ncheck-examples: the findings on examples/ differ from examples/expected-findings.json');
  for (const k of missing) console.error(`  missing:    ${k}`);
  for (const k of unexpected) console.error(`  unexpected: ${k}`);
  console.error('If the change is intended, run `node scripts/check-examples.mjs --update` and review the diff.');
  process.exit(1);
}
console.log(`\ncheck-examples: ${actual.length} findings, as expected (SARIF log in dist/examples.sarif)`);
