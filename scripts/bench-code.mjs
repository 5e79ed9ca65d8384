// Benchmark of code analysis (TypeScript/JavaScript), run by `npm run bench` after bench.mjs:
//  - per Bedrock file, the whole engine (pre-filter, parse, one walk, resolution, every code and
//    policy rule) against `ts.createSourceFile` alone on the same text (aim: at most 1.3×);
//  - the pre-filter's throughput on files without Bedrock code (they are never parsed);
//  - a 5 MB TypeScript file: analysed with the size limit lifted, and skipped under the default
//    maxFileSize (what the language server does).
// Files: the realistic fixtures of test/engine/fixtures/code, the SDK's own Bedrock runtime
// sources and this project's server sources (they mention Bedrock, so they are parsed and
// analysed), and up to 3,000 JavaScript files of other installed packages for the pre-filter.
// Writes dist/bench-code.json.
//   node scripts/bench-code.mjs            (after node scripts/build.mjs)
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const TARGET_RATIO = 1.3;
const WARMUP = 3;
const RUNS = 9;
const MAX_BLOCKING_MS = 1000;

if (!existsSync(join(root, 'out/server/src/engine/linter.js'))) {
  console.error('bench-code: out/ is missing: run "node scripts/build.mjs" first.');
  process.exit(2);
}
const ts = require('typescript');
const { Linter } = require(join(root, 'out/server/src/engine/linter.js'));
const { sharedIamData } = require(join(root, 'out/server/src/engine/iam/data.js'));
const { defaultSettings } = require(join(root, 'out/server/src/engine/settings.js'));
const { mayContainFindings, codeLanguageOfPath } = require(join(root, 'out/server/src/engine/code/languages.js'));

const sortNum = (xs) => [...xs].sort((a, b) => a - b);
const quantile = (xs, q) => {
  const s = sortNum(xs);
  return s.length ? s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] : NaN;
};
const median = (xs) => quantile(xs, 0.5);
const sum = (xs) => xs.reduce((a, b) => a + b, 0);
const round = (x, d = 3) => Number(x.toFixed(d));
const ms = (x) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(3)) + ' ms';

function walk(dir, test, out, max) {
  if (out.length >= max || !existsSync(dir)) return out;
  for (const name of readdirSync(dir).sort()) {
    if (out.length >= max) break;
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) walk(p, test, out, max);
    else if (test(p, st.size)) out.push(p);
  }
  return out;
}

const scriptKinds = { typescript: ts.ScriptKind.TS, typescriptreact: ts.ScriptKind.TSX, javascript: ts.ScriptKind.JS, javascriptreact: ts.ScriptKind.JSX };
const linter = new Linter(sharedIamData());
const settings = defaultSettings();
const lintOptions = (file, language, s = settings) => ({ path: relative(root, file), filePath: file, language, settings: s });

/** Median time of `fn` over RUNS runs after WARMUP runs. */
function time(fn) {
  for (let i = 0; i < WARMUP; i++) fn();
  const samples = [];
  for (let i = 0; i < RUNS; i++) {
    const a = performance.now();
    fn();
    samples.push(performance.now() - a);
  }
  return median(samples);
}

// --- Bedrock files: engine against parse only ------------------------------------------------

const runtimeSources = join(root, 'node_modules/@aws-sdk/client-bedrock-runtime/dist-es');
const bedrockFiles = [
  ...walk(join(root, 'test/engine/fixtures/code'), (p) => !!codeLanguageOfPath(p), [], 50),
  ...walk(runtimeSources, (p, size) => p.endsWith('.js') && size > 2000, [], 40),
  // This project's own sources: real TypeScript that mentions Bedrock everywhere.
  ...walk(join(root, 'server/src'), (p) => !!codeLanguageOfPath(p) && mayContainFindings(readFileSync(p, 'utf8')), [], 400),
];
// As the policy benchmark does: warm-up passes over every file, then measured passes; per file
// the median of its passes (so that one file's timing does not depend on where it comes).
const inputs = bedrockFiles
  .map((file) => ({ file, text: readFileSync(file, 'utf8'), language: codeLanguageOfPath(file) }))
  .filter((x) => mayContainFindings(x.text));
const parseSamples = inputs.map(() => []);
const engineSamples = inputs.map(() => []);
const findingCounts = inputs.map(() => 0);
for (let pass = 0; pass < WARMUP + RUNS; pass++) {
  inputs.forEach(({ file, text, language }, i) => {
    const a = performance.now();
    ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, scriptKinds[language]);
    const b = performance.now();
    findingCounts[i] = linter.lint(text, lintOptions(file, language)).findings.length;
    const c = performance.now();
    if (pass >= WARMUP) {
      parseSamples[i].push(b - a);
      engineSamples[i].push(c - b);
    }
  });
}
const perFile = inputs.map(({ file, text }, i) => {
  const parseMs = median(parseSamples[i]);
  const engineMs = median(engineSamples[i]);
  return { file: relative(root, file), chars: text.length, parseMs: round(parseMs), engineMs: round(engineMs), ratio: round(engineMs / parseMs, 2), findings: findingCounts[i] };
});
const ratioOfTotals = sum(perFile.map((f) => f.engineMs)) / sum(perFile.map((f) => f.parseMs));

// --- Files without Bedrock code: the pre-filter ----------------------------------------------

const others = walk(join(root, 'node_modules'), (p, size) => /\.(c|m)?js$/.test(p) && !p.includes('bedrock') && size < 2_000_000, [], 3000).map((p) => readFileSync(p, 'utf8'));
const otherBytes = sum(others.map((t) => Buffer.byteLength(t)));
let passed = 0;
const prefilterMs = time(() => {
  passed = 0;
  for (const t of others) if (mayContainFindings(t)) passed++;
});
const skippedLintMs = time(() => {
  for (const t of others) if (!mayContainFindings(t)) linter.lint(t, { settings, language: 'javascript' });
});

// --- A 5 MB TypeScript file --------------------------------------------------------------------

const service = readFileSync(join(root, 'test/engine/fixtures/code/chat-service.ts'), 'utf8');
const body = service.replace(/^import[^\n]*\n/gm, '');
const head = service.match(/^import[^\n]*\n/gm).join('');
const parts = [head];
let size = head.length;
for (let i = 0; size < 5_000_000; i++) {
  const part = body.replace(/ChatService/g, `ChatService${i}`).replace(/\bMODEL_ID\b/g, `MODEL_ID_${i}`).replace(/\bGUARDRAIL\b/g, `GUARDRAIL_${i}`);
  parts.push(part);
  size += part.length;
}
const huge = parts.join('');
const hugeFile = join(root, 'huge.ts');
const unlimited = { ...settings, maxFileSize: Number.MAX_SAFE_INTEGER };
const once = (fn) => {
  const a = performance.now();
  const r = fn();
  return { ms: performance.now() - a, r };
};
const hugeParse = once(() => ts.createSourceFile(hugeFile, huge, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS));
const hugeAnalysed = once(() => linter.lint(huge, lintOptions(hugeFile, 'typescript', unlimited)));
const hugeAnalysedWarm = once(() => linter.lint(huge, lintOptions(hugeFile, 'typescript', unlimited)));
const hugeDefault = once(() => linter.lint(huge, lintOptions(hugeFile, 'typescript')));

// --- Report ------------------------------------------------------------------------------------

const ok = (pass) => (pass ? '✅' : '❌');
const rows = [
  [`Code analysis / ts.createSourceFile, ${perFile.length} Bedrock files (${ms(sum(perFile.map((f) => f.engineMs)))} / ${ms(sum(perFile.map((f) => f.parseMs)))})`, `${round(ratioOfTotals, 2)}×`, `≤ ${TARGET_RATIO}×`, ok(ratioOfTotals <= TARGET_RATIO)],
  ['… per file (median / p95 of the ratios)', `${round(median(perFile.map((f) => f.ratio)), 2)}× / ${round(quantile(perFile.map((f) => f.ratio), 0.95), 2)}×`, '', ''],
  [`Pre-filter on ${others.length} files without Bedrock code (${(otherBytes / 1e6).toFixed(1)} MB; ${passed} pass it)`, `${ms(prefilterMs)} (${((otherBytes / 1e6) / (prefilterMs / 1000)).toFixed(0)} MB/s)`, '', ''],
  ['… Linter.lint on the files the pre-filter skips (never parsed)', ms(skippedLintMs), '', ''],
  [`${(huge.length / 1e6).toFixed(1)} MB TypeScript file: ts.createSourceFile alone`, ms(hugeParse.ms), '', ''],
  [`… analysed with maxFileSize lifted (first / second run; ${hugeAnalysedWarm.r.findings.length} findings)`, `${ms(hugeAnalysed.ms)} / ${ms(hugeAnalysedWarm.ms)}`, '', ''],
  ['… with the default maxFileSize (skipped: one information finding)', ms(hugeDefault.ms), `≤ ${MAX_BLOCKING_MS} ms`, ok(hugeDefault.ms <= MAX_BLOCKING_MS)],
];
console.log(`bench-code: node ${process.version}, ${cpus().length} CPUs, typescript ${ts.version}\n`);
console.log(['| Measure | Measured | Target | |', '|---|---|---|---|', ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n'));
console.log('\nSlowest files by ratio (engine / parse only):');
for (const f of [...perFile].sort((a, b) => b.ratio - a.ratio).slice(0, 12)) console.log(`  ${f.file} (${f.chars} chars, ${f.findings} findings): ${ms(f.engineMs)} / ${ms(f.parseMs)} = ${f.ratio}×`);
const report = {
  date: new Date().toISOString(),
  node: process.version,
  typescript: ts.version,
  method: `${WARMUP} warm-up passes over every file, then ${RUNS} measured passes, in one process; per file the median of its passes; engine = Linter.lint (pre-filter, parse, walk, resolution, every rule); parse = ts.createSourceFile with the same script kind`,
  target: { ratio: TARGET_RATIO, hugeDefaultMs: MAX_BLOCKING_MS },
  ratioOfTotals: round(ratioOfTotals, 2),
  perFile,
  prefilter: { files: others.length, bytes: otherBytes, passed, ms: round(prefilterMs), lintSkippedMs: round(skippedLintMs) },
  huge: { chars: huge.length, parseMs: round(hugeParse.ms), analysedMs: round(hugeAnalysed.ms), analysedWarmMs: round(hugeAnalysedWarm.ms), findings: hugeAnalysedWarm.r.findings.length, defaultLimitMs: round(hugeDefault.ms) },
};
writeFileSync(join(root, 'dist', 'bench-code.json'), JSON.stringify(report, null, 2) + '\n');
console.log('\nbench-code: wrote dist/bench-code.json');
