// Lints the AWS managed policies in ../shared/corpora/managed-policies with the built engine
// (out/) and prints a count of findings per rule and severity, plus examples of errors.
//   node scripts/corpus-check.mjs [--rule <id>] [--examples N]
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { Linter } = require(join(root, 'out/server/src/engine/linter.js'));
const { sharedIamData } = require(join(root, 'out/server/src/engine/iam/data.js'));
const { defaultSettings } = require(join(root, 'out/server/src/engine/settings.js'));

const args = process.argv.slice(2);
const ruleFilter = args.includes('--rule') ? args[args.indexOf('--rule') + 1] : undefined;
const examples = args.includes('--examples') ? Number(args[args.indexOf('--examples') + 1]) : 5;
const dir = process.env.CORPUS_DIR ?? join(root, '..', 'shared', 'corpora', 'managed-policies');
if (!existsSync(dir)) {
  console.error(`corpus-check: no corpus at ${dir}`);
  process.exit(2);
}
const linter = new Linter(sharedIamData());
const settings = defaultSettings();
const counts = new Map();
const shown = new Map();
let files = 0;
for (const f of readdirSync(dir).filter((x) => x.endsWith('.json')).sort()) {
  files++;
  const text = readFileSync(join(dir, f), 'utf8');
  for (const finding of linter.lintJson(text, { path: f, settings }).findings) {
    if (ruleFilter && finding.ruleId !== ruleFilter) continue;
    const key = `${finding.severity.padEnd(11)} ${finding.ruleId}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    const n = shown.get(finding.ruleId) ?? 0;
    if ((finding.severity === 'error' || ruleFilter) && n < examples) {
      shown.set(finding.ruleId, n + 1);
      console.log(`${f}: ${finding.ruleId}: ${finding.message} [${JSON.stringify(text.slice(finding.span.start, finding.span.end)).slice(0, 120)}]`);
    }
  }
}
console.log(`\n${files} policies`);
for (const [k, v] of [...counts].sort()) console.log(`${String(v).padStart(6)}  ${k}`);
