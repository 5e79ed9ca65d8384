// Benchmarks of the engine, the CLI and the language server on the AWS managed policies in
// ../shared/corpora/managed-policies (read in place; skipped with a message when absent).
//   npm run bench                      build, then measure everything (about a minute)
//   node scripts/bench.mjs [--no-profile] [--skip-cli] [--skip-lsp] [--server-node-args "<node options>"]
// The engine is timed as it ships: server/src/engine bundled by esbuild (as in dist/server.js and
// dist/cli.js) into a temporary file; out/'s one-module-per-file build pays for a getter on every
// cross-module call. The language server runs with the Node options the extension starts it with
// (client/src/server-runtime.ts) unless --server-node-args says otherwise. Also samples the warm
// engine (out/ modules, so that samples map to files) with the V8 CPU profiler and prints where
// its time goes: per rule (inclusive) and per function (self time). Prints a Markdown table
// (targets next to measured values) and writes the same as JSON to dist/bench.json. Needs
// `node scripts/build.mjs` first (out/ and dist/). Other work on the machine inflates wall times:
// compare CPU times and repeated minima.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { createRequire } from 'node:module';
import { cpus, tmpdir } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const corpus = process.env.CORPUS_DIR ?? join(root, '..', 'shared', 'corpora', 'managed-policies');

/** Targets of the product; the table shows each measurement against its target. */
const TARGETS = {
  engineOverParse: 3,
  cliWallMs: 1500,
  lspOpenMedianMs: 2,
  serverPeakMb: 120,
};
const WARMUP_PASSES = 2;
const MEASURED_PASSES = 5;
const CLI_RUNS = 5;
const BIG_EDITS = 20;
const PROFILED_PASSES = 3;
/**
 * Node options of the server process: those the extension starts it with (client/src/server-runtime.ts),
 * or `--server-node-args "<options>"` to compare others (`--server-node-args ""` for none).
 */
function serverNodeArgs() {
  if (args.includes('--server-node-args')) return args[args.indexOf('--server-node-args') + 1].split(/\s+/).filter(Boolean);
  return [...require(join(root, 'out/client/src/server-runtime.js')).SERVER_EXEC_ARGV];
}
const LSP_TIMEOUT_MS = 15_000;

if (!existsSync(corpus)) {
  console.log(`bench: no corpus at ${corpus}; nothing to measure.`);
  process.exit(0);
}
for (const f of ['out/server/src/engine/linter.js', 'out/server/src/lsp/session.js', 'out/client/src/server-runtime.js', 'dist/cli.js', 'dist/server.js']) {
  if (!existsSync(join(root, f))) {
    console.error(`bench: ${f} is missing: run "node scripts/build.mjs" first.`);
    process.exit(2);
  }
}

// --- Helpers ---------------------------------------------------------------------------------

const quantile = (sorted, q) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] : NaN);
const sortNum = (xs) => [...xs].sort((a, b) => a - b);
const median = (xs) => quantile(sortNum(xs), 0.5);
const p95 = (xs) => quantile(sortNum(xs), 0.95);
const sum = (xs) => xs.reduce((a, b) => a + b, 0);
const round = (x, digits = 3) => Number(x.toFixed(digits));
const ms = (x) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(3)) + ' ms';
const mb = (kb) => (kb / 1024).toFixed(1) + ' MB';

/** `VmHWM` (peak resident set) and `VmRSS` of a live process, in kB (Linux only). */
function procMemory(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const field = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
    return { peakKb: field('VmHWM'), rssKb: field('VmRSS') };
  } catch {
    return { peakKb: NaN, rssKb: NaN };
  }
}

const files = readdirSync(corpus)
  .filter((f) => f.endsWith('.json'))
  .sort();
const texts = files.map((f) => readFileSync(join(corpus, f), 'utf8'));
const corpusBytes = sum(texts.map((t) => Buffer.byteLength(t)));
console.log(`bench: ${files.length} policies, ${(corpusBytes / 1e6).toFixed(1)} MB, node ${process.version}, ${cpus().length} CPUs\n`);

// --- Engine, in process ----------------------------------------------------------------------

/** The engine bundled as the front ends bundle it (one file, one scope), written to `dir`. */
async function bundleEngine(dir) {
  const outfile = join(dir, 'engine.js');
  const contents = ['linter', 'iam/data', 'settings'].map((m) => `export * from './server/src/engine/${m}';`).join('\n');
  await esbuild.build({ stdin: { contents, resolveDir: root, loader: 'ts' }, outfile, bundle: true, platform: 'node', target: 'node20', format: 'cjs', mainFields: ['module', 'main'], external: ['typescript'], logLevel: 'error' });
  return outfile;
}

async function benchEngine(tmp) {
  const bundle = await bundleEngine(tmp);
  const t0 = performance.now();
  const { Linter, IamData, defaultSettings } = require(bundle);
  const { parseTree } = require('jsonc-parser');
  const moduleLoadMs = performance.now() - t0;
  const settings = defaultSettings();
  const iamDir = join(root, 'dist', 'iam-data');

  // Cold: a fresh IamData (no service loaded yet) and unoptimised code, one pass.
  const t1 = performance.now();
  const c1 = process.cpuUsage();
  const linter = new Linter(new IamData(iamDir));
  let findings = 0;
  for (let i = 0; i < files.length; i++) findings += linter.lintJson(texts[i], { path: files[i], settings }).findings.length;
  const coldTotalMs = performance.now() - t1;
  const coldCpu = process.cpuUsage(c1);
  const coldCpuMs = (coldCpu.user + coldCpu.system) / 1000;

  const parseOptions = { allowTrailingComma: false, disallowComments: true, allowEmptyContent: true };
  const engineSamples = files.map(() => []);
  const parseSamples = files.map(() => []);
  for (let pass = 0; pass < WARMUP_PASSES + MEASURED_PASSES; pass++) {
    for (let i = 0; i < files.length; i++) {
      const a = performance.now();
      parseTree(texts[i], [], parseOptions);
      const b = performance.now();
      linter.lintJson(texts[i], { path: files[i], settings });
      const c = performance.now();
      if (pass >= WARMUP_PASSES) {
        parseSamples[i].push(b - a);
        engineSamples[i].push(c - b);
      }
    }
  }
  // Per policy: the median of its measured passes; then statistics over the policies.
  const engine = engineSamples.map(median);
  const parse = parseSamples.map(median);
  const ratios = engine.map((e, i) => e / parse[i]);
  const slowest = engine
    .map((e, i) => ({ file: files[i], engineMs: round(e), parseMs: round(parse[i]), ratio: round(ratios[i], 2), bytes: texts[i].length }))
    .sort((x, y) => y.engineMs - x.engineMs)
    .slice(0, 5);

  // The profile runs the out/ modules, whose file names attribute samples to rules.
  const profile = args.includes('--no-profile')
    ? undefined
    : await (() => {
        const { Linter: OutLinter } = require(join(root, 'out/server/src/engine/linter.js'));
        const { IamData: OutIamData } = require(join(root, 'out/server/src/engine/iam/data.js'));
        const profiled = new OutLinter(new OutIamData(iamDir));
        const pass = () => {
          for (let i = 0; i < files.length; i++) profiled.lintJson(texts[i], { path: files[i], settings });
        };
        pass();
        pass();
        return profileEngine(() => {
          for (let k = 0; k < PROFILED_PASSES; k++) pass();
        });
      })();

  return {
    moduleLoadMs: round(moduleLoadMs),
    coldTotalMs: round(coldTotalMs),
    coldCpuMs: round(coldCpuMs),
    findings,
    engineMedianMs: round(median(engine)),
    engineP95Ms: round(p95(engine)),
    engineTotalMs: round(sum(engine)),
    parseMedianMs: round(median(parse)),
    parseP95Ms: round(p95(parse)),
    parseTotalMs: round(sum(parse)),
    ratioOfTotals: round(sum(engine) / sum(parse), 2),
    ratioMedian: round(median(ratios), 2),
    ratioP95: round(p95(ratios), 2),
    slowest,
    profile,
  };
}

/**
 * Runs `work` under the V8 sampling profiler. Returns the functions with the most self time
 * (frames of the profiler itself left out) and the inclusive time of each rule (stacks under a
 * rule module's frames) and of building the policy model.
 */
async function profileEngine(work) {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  await session.post('Profiler.start');
  work();
  const { profile } = await session.post('Profiler.stop');
  session.disconnect();
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfUs = new Map();
  for (let i = 0; i < profile.samples.length; i++) selfUs.set(profile.samples[i], (selfUs.get(profile.samples[i]) ?? 0) + (profile.timeDeltas[i] ?? 0));
  const where = (cf) => (cf.url.startsWith('file:') || cf.url.startsWith('/') ? `${relative(root, cf.url.startsWith('file:') ? fileURLToPath(cf.url) : cf.url)}:${cf.lineNumber + 1}` : cf.url);
  const ours = (cf) => cf.url.startsWith('file:') || cf.url.startsWith('/') || cf.functionName === '(garbage collector)';
  const byFunction = new Map();
  const byRule = new Map();
  let totalUs = 0;
  for (const [id, us] of selfUs) {
    const node = nodes.get(id);
    if (!ours(node.callFrame)) continue;
    totalUs += us;
    const key = `${node.callFrame.functionName || '(anonymous)'} ${where(node.callFrame)}`.trim();
    byFunction.set(key, (byFunction.get(key) ?? 0) + us);
    // The outermost rule frame (or the model builder) on the stack gets the sample.
    let owner;
    for (let n = node; n; n = nodes.get(parent.get(n.id))) {
      const rule = /engine\/rules\/(\w+)\/([\w-]+)\.js$/.exec(n.callFrame.url);
      if (rule && rule[2] !== 'index') owner = `${rule[1]}/${rule[2]}`;
      else if (n.callFrame.functionName === 'parseJsonPolicy') owner = '(policy model: parseJsonPolicy)';
    }
    if (owner) byRule.set(owner, (byRule.get(owner) ?? 0) + us);
  }
  const top = (m, n) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, us]) => ({ name, ms: round(us / 1000, 1), percent: round((100 * us) / totalUs, 1) }));
  return { sampledMs: round(totalUs / 1000), functions: top(byFunction, 15), rules: top(byRule, 12) };
}

// --- CLI, spawned ----------------------------------------------------------------------------

/** A preload that writes the process's peak resident set (VmHWM) to a file when it exits. */
function writeHwmPreload(dir) {
  const file = join(dir, 'hwm.cjs');
  writeFileSync(
    file,
    "process.on('exit', () => { try { const s = require('fs').readFileSync('/proc/self/status', 'utf8'); const c = process.cpuUsage(); require('fs').writeFileSync(process.env.BENCH_HWM_FILE, /^VmHWM:\\s+(\\d+)/m.exec(s)[1] + ' ' + (c.user + c.system) / 1000); } catch {} });\n",
  );
  return file;
}

function runOnce(cmd, cmdArgs, env) {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(cmd, cmdArgs, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let outBytes = 0;
    let err = '';
    child.stdout.on('data', (d) => (outBytes += d.length));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ ms: performance.now() - start, code, outBytes, err }));
  });
}

async function benchCli(tmp) {
  const preload = writeHwmPreload(tmp);
  const hwmFile = join(tmp, 'cli-hwm');
  const cliArgs = ['--require', preload, join(root, 'dist/cli.js'), 'lint', corpus, '--format', 'json'];
  const runs = [];
  const peaks = [];
  const cpus = [];
  for (let i = 0; i < CLI_RUNS; i++) {
    const r = await runOnce(process.execPath, cliArgs, { BENCH_HWM_FILE: hwmFile });
    if (r.code !== 0 && r.code !== 1) throw new Error(`the CLI exited with ${r.code}: ${r.err.slice(0, 500)}`);
    runs.push(r.ms);
    const [hwmKb, cpuMs] = readFileSync(hwmFile, 'utf8').split(' ').map(Number);
    peaks.push(hwmKb);
    cpus.push(cpuMs);
    if (i === 0) console.log(`cli: exit code ${r.code}, ${(r.outBytes / 1e6).toFixed(1)} MB of JSON`);
  }
  return { command: `node dist/cli.js lint ${relative(root, corpus)} --format json`, runs: CLI_RUNS, wallMedianMs: round(median(runs)), wallMinMs: round(Math.min(...runs)), wallMaxMs: round(Math.max(...runs)), cpuMedianMs: round(median(cpus)), cpuMinMs: round(Math.min(...cpus)), peakRssKb: Math.max(...peaks) };
}

// --- Language server over stdio --------------------------------------------------------------

async function benchLsp() {
  const rpc = require('vscode-jsonrpc/node');
  const { DEFAULT_SESSION_OPTIONS } = require(join(root, 'out/server/src/lsp/session.js'));
  const child = spawn(process.execPath, [...serverNodeArgs(), join(root, 'dist/server.js'), '--stdio'], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const conn = rpc.createMessageConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
  /** Waiters for the next publishDiagnostics of a URI (and version, when given). */
  const waiters = new Map();
  conn.onNotification('textDocument/publishDiagnostics', (p) => {
    const w = waiters.get(p.uri);
    if (w && (w.version === undefined || p.version === w.version)) {
      waiters.delete(p.uri);
      w.resolve({ at: performance.now(), count: p.diagnostics.length });
    }
  });
  conn.onNotification('window/logMessage', () => {});
  conn.onRequest(() => null);
  conn.listen();
  const diagnosticsFor = (uri, version) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} v${version} within ${LSP_TIMEOUT_MS} ms; server stderr: ${stderr.slice(0, 500)}`)), LSP_TIMEOUT_MS);
      waiters.set(uri, { version, resolve: (v) => (clearTimeout(timer), resolve(v)) });
    });

  // No workspace folder (nothing to scan) and no client capabilities (default settings).
  await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, workspaceFolders: null, capabilities: {} });
  await conn.sendNotification('initialized', {});
  const uriOf = (name) => `file:///bedrock-security-bench/${name}`;

  /** didOpen → publishDiagnostics, then didClose; returns the latency of each policy. */
  async function openAll() {
    const latencies = [];
    for (let i = 0; i < files.length; i++) {
      const uri = uriOf(files[i]);
      const wait = diagnosticsFor(uri, 1);
      const start = performance.now();
      await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'json', version: 1, text: texts[i] } });
      const { at } = await wait;
      latencies.push(at - start);
      await conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
    }
    return latencies;
  }
  await openAll(); // warm-up: IAM data, JIT
  const open = await openAll();

  // The largest policy near 100 KB, opened once and then edited: each edit renames one action
  // back and forth (a real action, then an unknown one), waiting for its diagnostics.
  const bigIndex = texts.map((t, i) => ({ i, d: Math.abs(t.length - 100_000) })).sort((a, b) => a.d - b.d)[0].i;
  const big = texts[bigIndex];
  const bigUri = uriOf('big-' + files[bigIndex]);
  const reopen = [];
  for (let k = 0; k < BIG_EDITS; k++) {
    const wait = diagnosticsFor(bigUri, 1);
    const start = performance.now();
    await conn.sendNotification('textDocument/didOpen', { textDocument: { uri: bigUri, languageId: 'json', version: 1, text: big } });
    reopen.push((await wait).at - start);
    await conn.sendNotification('textDocument/didClose', { textDocument: { uri: bigUri } });
  }
  const firstOpen = diagnosticsFor(bigUri, 1);
  await conn.sendNotification('textDocument/didOpen', { textDocument: { uri: bigUri, languageId: 'json', version: 1, text: big } });
  await firstOpen;
  const anchor = big.indexOf(':Describe');
  const line = big.slice(0, anchor).split('\n').length - 1;
  const character = anchor - (big.lastIndexOf('\n', anchor - 1) + 1) + 1;
  const change = [];
  let diagnosticsSeen = new Set();
  for (let v = 2; v < BIG_EDITS + 2; v++) {
    // Even versions insert "X" after the colon (unknown action), odd versions remove it.
    const contentChanges = v % 2 === 0 ? [{ range: { start: { line, character }, end: { line, character } }, text: 'X' }] : [{ range: { start: { line, character }, end: { line, character: character + 1 } }, text: '' }];
    const wait = diagnosticsFor(bigUri, v);
    const start = performance.now();
    await conn.sendNotification('textDocument/didChange', { textDocument: { uri: bigUri, version: v }, contentChanges });
    const r = await wait;
    diagnosticsSeen.add(r.count);
    change.push(r.at - start);
  }
  const memory = procMemory(child.pid);
  await conn.sendRequest('shutdown');
  await conn.sendNotification('exit');
  conn.dispose();
  await new Promise((resolve) => (child.exitCode !== null ? resolve() : child.on('exit', resolve)));
  return {
    debounceMs: DEFAULT_SESSION_OPTIONS.debounceMs,
    openMedianMs: round(median(open)),
    openP95Ms: round(p95(open)),
    openTotalMs: round(sum(open)),
    big: { file: files[bigIndex], chars: big.length, edits: BIG_EDITS, diagnosticCounts: [...diagnosticsSeen].sort((a, b) => a - b) },
    bigOpenMedianMs: round(median(reopen)),
    bigOpenP95Ms: round(p95(reopen)),
    bigChangeMedianMs: round(median(change)),
    bigChangeP95Ms: round(p95(change)),
    serverPeakRssKb: memory.peakKb,
    serverRssKb: memory.rssKb,
  };
}

// --- Run and report --------------------------------------------------------------------------

const tmp = mkdtempSync(join(tmpdir(), 'bedrock-bench-'));
const started = performance.now();
try {
  const phases = {};
  const phase = async (name, fn) => {
    const t = performance.now();
    const r = await fn();
    phases[name] = round((performance.now() - t) / 1000, 1);
    console.log(`${name}: done in ${phases[name]} s`);
    return r;
  };
  const engine = await phase('engine', () => benchEngine(tmp));
  const cli = args.includes('--skip-cli') ? undefined : await phase('cli', () => benchCli(tmp));
  const lsp = args.includes('--skip-lsp') ? undefined : await phase('lsp', benchLsp);
  const debounceMs = lsp?.debounceMs;

  const ok = (pass) => (pass ? '✅' : '❌');
  const rows = [
    ['Engine, warm, per policy (median / p95)', `${ms(engine.engineMedianMs)} / ${ms(engine.engineP95Ms)}`, '', ''],
    ['Parse only (jsonc-parser parseTree), per policy (median / p95)', `${ms(engine.parseMedianMs)} / ${ms(engine.parseP95Ms)}`, '', ''],
    [`Engine / parse, whole corpus (${files.length} policies: ${ms(engine.engineTotalMs)} / ${ms(engine.parseTotalMs)})`, `${engine.ratioOfTotals}×`, `≤ ${TARGETS.engineOverParse}×`, ok(engine.ratioOfTotals <= TARGETS.engineOverParse)],
    ['Engine / parse, per policy (median / p95)', `${engine.ratioMedian}× / ${engine.ratioP95}×`, '', ''],
    ['Engine, cold first pass (incl. IAM data loading; wall / CPU)', `${ms(engine.coldTotalMs)} / ${ms(engine.coldCpuMs)}`, '', ''],
  ];
  if (cli) {
    rows.push([`CLI wall time, whole corpus (median of ${cli.runs}; min)`, `${ms(cli.wallMedianMs)}; ${ms(cli.wallMinMs)}`, `≤ ${ms(TARGETS.cliWallMs)}`, ok(cli.wallMedianMs <= TARGETS.cliWallMs)]);
    rows.push(['CLI CPU time, user + system (median; min)', `${ms(cli.cpuMedianMs)}; ${ms(cli.cpuMinMs)}`, '', '']);
    rows.push(['CLI peak memory (VmHWM)', mb(cli.peakRssKb), '', '']);
  }
  if (lsp) {
    rows.push(['LSP didOpen → diagnostics, per policy incl. IPC (median / p95)', `${ms(lsp.openMedianMs)} / ${ms(lsp.openP95Ms)}`, `median ≤ ${ms(TARGETS.lspOpenMedianMs)}`, ok(lsp.openMedianMs <= TARGETS.lspOpenMedianMs)]);
    rows.push([`LSP ${Math.round(lsp.big.chars / 1000)} KB policy, didOpen → diagnostics (p50 / p95)`, `${ms(lsp.bigOpenMedianMs)} / ${ms(lsp.bigOpenP95Ms)}`, '', '']);
    rows.push([`LSP ${Math.round(lsp.big.chars / 1000)} KB policy, didChange → diagnostics, ${lsp.big.edits} edits (p50 / p95; includes the ${debounceMs} ms debounce)`, `${ms(lsp.bigChangeMedianMs)} / ${ms(lsp.bigChangeP95Ms)}`, '', '']);
    rows.push([`… of which after the debounce (p50 / p95 minus ${debounceMs} ms)`, `${ms(lsp.bigChangeMedianMs - debounceMs)} / ${ms(lsp.bigChangeP95Ms - debounceMs)}`, '', '']);
    rows.push(['LSP server peak memory (VmHWM, after the run)', mb(lsp.serverPeakRssKb), `≤ ${TARGETS.serverPeakMb} MB`, ok(lsp.serverPeakRssKb / 1024 <= TARGETS.serverPeakMb)]);
  }
  const table = ['| Measure | Measured | Target | |', '|---|---|---|---|', ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
  console.log('\n' + table + '\n');
  console.log('Slowest policies (engine, warm):');
  for (const s of engine.slowest) console.log(`  ${s.file}: ${ms(s.engineMs)} (parse ${ms(s.parseMs)}, ${s.ratio}×, ${s.bytes} chars)`);
  if (engine.profile) {
    const line = (h) => `  ${ms(h.ms).padStart(10)} ${String(h.percent).padStart(5)}%  ${h.name}`;
    console.log(`\nWhere the engine's time goes (CPU profile of ${PROFILED_PASSES} warm passes, ${ms(engine.profile.sampledMs)} sampled):`);
    console.log(' by rule (inclusive):');
    for (const h of engine.profile.rules) console.log(line(h));
    console.log(' by function (self time):');
    for (const h of engine.profile.functions) console.log(line(h));
  }
  const report = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: cpus().length,
    corpus: { dir: relative(root, corpus), files: files.length, bytes: corpusBytes },
    method: {
      engine: `server/src/engine bundled with esbuild as in the shipped bundles; ${WARMUP_PASSES} warm-up passes, then ${MEASURED_PASSES} measured passes in the same process; per policy the median of its passes; parse = jsonc-parser parseTree with the engine's options`,
      cli: `${CLI_RUNS} spawned runs, wall time from spawn to exit, output piped to the benchmark; CPU time and peak memory read by a preload at exit`,
      lsp: lsp && `node ${[...serverNodeArgs(), ''].join(' ')}dist/server.js --stdio; one warm-up pass, then one measured pass of didOpen → publishDiagnostics per policy (a newly opened document is linted without debounce); didChange is debounced by ${debounceMs} ms, so the edit latency includes it`,
    },
    targets: TARGETS,
    engine,
    cli,
    lsp,
    phaseSeconds: phases,
    totalSeconds: round((performance.now() - started) / 1000, 1),
  };
  writeFileSync(join(root, 'dist', 'bench.json'), JSON.stringify(report, null, 2) + '\n');
  console.log(`\nbench: wrote dist/bench.json (${report.totalSeconds} s)`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
