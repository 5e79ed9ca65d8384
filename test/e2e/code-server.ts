// code-server for the e2e tests: VS Code 1.100 (workbench and extension host) served to a browser.
// Finds the copy scripts/setup-e2e.sh installed, packages and installs the extension, and runs
// the server in its own process group on a free loopback port, with private user-data,
// extensions and config folders, so that nothing outlives or leaks out of a test run.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** The repository root (this file runs from out/test/e2e/). */
export const repoRoot = join(__dirname, '..', '..', '..');

/** code-server 4.100.3 is VS Code 1.100.3, the newest release that runs on Node 20. */
export const CODE_SERVER_VERSION = '4.100.3';

/** Where scripts/setup-e2e.sh installs code-server; both compute it the same way. */
export function codeServerDir(): string {
  const cache = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return process.env.BEDROCK_SECURITY_CODE_SERVER_DIR || join(cache, 'bedrock-security', `code-server-${CODE_SERVER_VERSION}`);
}

/** code-server's entry script; throws with the way out when setup has not run. */
export function codeServerEntry(): string {
  const dir = codeServerDir();
  const entry = join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  if (!existsSync(join(dir, '.bedrock-security-complete')) || !existsSync(entry)) {
    throw new Error(`code-server ${CODE_SERVER_VERSION} is not installed in ${dir}: run "bash scripts/setup-e2e.sh" (npm test runs it first)`);
  }
  return entry;
}

/** A packaged extension and the files inside it (paths below `extension/`). */
export interface PackagedExtension {
  vsix: string;
  bytes: number;
  files: string[];
}

/**
 * Packages the extension from the current dist/ with scripts/package.mjs (which also checks the
 * VSIX against its allowlist). `npm test` has just built dist/, so this does not rebuild. `out`
 * is the VSIX file to write (default: dist/bedrock-security-<version>.vsix); test files that run
 * in parallel each pass their own.
 */
export function packageExtension(out?: string): PackagedExtension {
  const args = [join(repoRoot, 'scripts', 'package.mjs'), '--no-build', '--json', ...(out ? ['--out', out] : [])];
  const r = spawnSync(process.execPath, args, { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.status !== 0) throw new Error(`node scripts/package.mjs failed (${r.status ?? r.signal}):\n${r.stdout}\n${r.stderr}`);
  const lastLine = r.stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(lastLine) as PackagedExtension;
}

/** Runs a code-server command that exits (such as --install-extension); throws with its output. */
export function codeServerCli(args: string[], env: NodeJS.ProcessEnv): string {
  const r = spawnSync(process.execPath, [codeServerEntry(), ...args], { encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });
  if (r.status !== 0) throw new Error(`code-server ${args.join(' ')} failed (${r.status ?? r.signal}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/** A free TCP port on 127.0.0.1 (the OS picks it; it is released just before use). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** The private folders of one code-server instance. */
export interface CodeServerDirs {
  userDataDir: string;
  extensionsDir: string;
  /** HOME-like folder for XDG config/data/cache, so that nothing is written to the real home. */
  homeDir: string;
}

/** Creates the private folders under `base` and writes the user settings the tests rely on. */
export function prepareDirs(base: string, settings: Record<string, unknown>): CodeServerDirs {
  const dirs = { userDataDir: join(base, 'user-data'), extensionsDir: join(base, 'extensions'), homeDir: join(base, 'home') };
  for (const d of Object.values(dirs)) mkdirSync(d, { recursive: true });
  mkdirSync(join(dirs.userDataDir, 'User'), { recursive: true });
  writeFileSync(join(dirs.userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  return dirs;
}

/**
 * The environment code-server runs with: XDG folders inside the test's own home folder, plus
 * `extra` (a test's own variables; an undefined value removes an inherited one).
 */
export function codeServerEnv(dirs: CodeServerDirs, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    XDG_CONFIG_HOME: join(dirs.homeDir, 'config'),
    XDG_DATA_HOME: join(dirs.homeDir, 'data'),
    XDG_CACHE_HOME: join(dirs.homeDir, 'cache'),
    CS_DISABLE_FILE_DOWNLOADS: '1',
    ...extra,
  };
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete env[key];
  return env;
}

/** Installs a VSIX into the private extensions folder, as a user would with `code --install-extension`. */
export function installExtension(vsix: string, dirs: CodeServerDirs): void {
  codeServerCli(['--extensions-dir', dirs.extensionsDir, '--user-data-dir', dirs.userDataDir, '--install-extension', vsix, '--force'], codeServerEnv(dirs));
}

/** A running code-server. */
export interface CodeServer {
  /** http://127.0.0.1:<port> */
  url: string;
  /** Everything code-server printed so far. */
  output(): string;
  /** Ends the whole process group (server, extension host, language server, watchers). */
  stop(): Promise<void>;
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (condition()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return condition();
}

/**
 * Starts code-server on a free loopback port, in its own process group, and resolves when it
 * listens. The group is also killed if this test process exits without calling stop(). `env`
 * adds to (or, with undefined values, removes from) the environment of the server and the
 * extension host.
 */
export async function startCodeServer(workspace: string, dirs: CodeServerDirs, timeoutMs = 60_000, env: NodeJS.ProcessEnv = {}): Promise<CodeServer> {
  const port = await freePort();
  const args = [
    codeServerEntry(),
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--config', join(dirs.homeDir, 'code-server.yaml'),
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--extensions-dir', dirs.extensionsDir,
    '--user-data-dir', dirs.userDataDir,
    workspace,
  ];
  const child = spawn(process.execPath, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: codeServerEnv(dirs, env) });
  const pgid = child.pid;
  if (pgid === undefined) throw new Error('code-server did not start');
  const killOnExit = (): void => {
    if (groupAlive(pgid)) process.kill(-pgid, 'SIGKILL');
  };
  process.once('exit', killOnExit);
  let out = '';
  child.stdout.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr.on('data', (b: Buffer) => (out += b.toString()));
  let exited: number | string | null = null;
  child.once('exit', (code, signal) => (exited = code ?? signal));

  const stop = async (): Promise<void> => {
    process.removeListener('exit', killOnExit);
    if (!groupAlive(pgid)) return;
    process.kill(-pgid, 'SIGTERM');
    if (!(await waitUntil(() => !groupAlive(pgid), 10_000))) {
      process.kill(-pgid, 'SIGKILL');
      await waitUntil(() => !groupAlive(pgid), 5_000);
    }
  };

  const ready = await waitUntil(() => /HTTP server listening/.test(out) || exited !== null, timeoutMs);
  if (!ready || exited !== null) {
    await stop();
    throw new Error(`code-server did not start (${exited !== null ? `exited with ${exited}` : `no "HTTP server listening" within ${timeoutMs} ms`}):\n${out}`);
  }
  return { url: `http://127.0.0.1:${port}`, output: () => out, stop };
}

/**
 * The last lines of the workbench logs under the user-data folder (extension host, the
 * extension's output channel, the remote agent): printed when a test fails.
 */
export function logTails(userDataDir: string, lines = 40): string {
  const logs: string[] = [];
  const walk = (dir: string): void => {
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.log') && statSync(p).size > 0) logs.push(p);
    }
  };
  walk(join(userDataDir, 'logs'));
  return logs
    .filter((p) => /exthost|Bedrock|remoteagent|sharedprocess/i.test(p))
    .map((p) => `--- ${p.slice(userDataDir.length + 1)}\n${readFileSync(p, 'utf8').trimEnd().split('\n').slice(-lines).join('\n')}`)
    .join('\n');
}
