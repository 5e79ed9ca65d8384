// What every real-editor test file does around its UI steps: a quiet workbench started on a
// workspace with the packaged extension installed, and torn down afterwards; on a failing step, a screenshot and
// the code-server and workbench logs in the error; screenshots for the README on request
// (BEDROCK_SECURITY_UPDATE_SCREENSHOTS=1 copies them into docs/images/).
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { installExtension, logTails, packageExtension, prepareDirs, repoRoot, startCodeServer, type CodeServer, type CodeServerDirs } from './code-server';
import { launchBrowser, openWorkbench } from './workbench';

/** Where failure screenshots and test screenshots go. */
export const RESULTS = join(repoRoot, 'test-results', 'e2e');
const UPDATE_SCREENSHOTS = process.env.BEDROCK_SECURITY_UPDATE_SCREENSHOTS === '1';

/** The parts of a running test session a failure report reads (any may not exist yet). */
export interface UiSession {
  page?: Page;
  server?: CodeServer;
  dirs?: CodeServerDirs;
}

/**
 * Returns `step(name, fn)`: runs a UI step; on failure saves `failure-<prefix><name>.png` and
 * rethrows with the screenshot's path and the logs, so a CI failure can be read without a rerun.
 */
export function uiStep(prefix: string, session: () => UiSession): (name: string, fn: () => Promise<void>) => Promise<void> {
  return async (name, fn) => {
    try {
      await fn();
    } catch (e) {
      const { page, server, dirs } = session();
      const shot = `failure-${prefix}${name}.png`;
      mkdirSync(RESULTS, { recursive: true });
      await page?.screenshot({ path: join(RESULTS, shot) }).catch(() => undefined);
      const logs = `${server?.output() ?? ''}\n${dirs ? logTails(dirs.userDataDir) : ''}`;
      throw new Error(`${(e as Error).message}\n\nscreenshot: test-results/e2e/${shot}\ncode-server and workbench logs:\n${logs}`, { cause: e });
    }
  };
}

/** Saves a screenshot under test-results/e2e/ (and into docs/images/ when updating them). */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  mkdirSync(RESULTS, { recursive: true });
  const file = join(RESULTS, name);
  await page.screenshot({ path: file });
  if (UPDATE_SCREENSHOTS) copyFileSync(file, join(repoRoot, 'docs', 'images', name));
}

/** User settings every real-editor test starts from: a quiet workbench with a fixed look. */
export const QUIET_SETTINGS: Record<string, unknown> = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.colorTheme': 'Default Dark Modern',
  'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'json.schemaDownload.enable': false,
  'editor.minimap.enabled': false,
  'files.autoSave': 'off',
  'chat.commandCenter.enabled': false,
};

/** A running code-server with the extension installed, and a Chromium page on its workbench. */
export interface EditorSession {
  dirs: CodeServerDirs;
  server: CodeServer;
  browser: Browser;
  page: Page;
}

export interface EditorSessionOptions {
  /** Settings over QUIET_SETTINGS. */
  settings?: Record<string, unknown>;
  /** Environment of code-server (undefined removes a variable). */
  env?: NodeJS.ProcessEnv;
  /** An already packaged VSIX; by default one is packaged into `base`. */
  vsix?: string;
  /** Browser permissions of the page (e.g. the clipboard). */
  permissions?: string[];
}

/**
 * Packages and installs the extension, starts code-server on `workspace` and opens the workbench.
 * `session` is filled as each part comes up, so that `stopEditorSession` also ends a half-started one.
 */
export async function startEditorSession(session: Partial<EditorSession>, base: string, workspace: string, opts: EditorSessionOptions = {}): Promise<EditorSession> {
  mkdirSync(RESULTS, { recursive: true });
  const vsix = opts.vsix ?? packageExtension(join(base, 'bedrock-security.vsix')).vsix;
  session.dirs = prepareDirs(base, { ...QUIET_SETTINGS, ...opts.settings });
  installExtension(vsix, session.dirs);
  session.server = await startCodeServer(workspace, session.dirs, 60_000, opts.env ?? {});
  session.browser = await launchBrowser(session.dirs.homeDir);
  session.page = await session.browser.newPage({ viewport: { width: 1440, height: 810 }, permissions: opts.permissions });
  await openWorkbench(session.page, session.server.url, workspace);
  return session as EditorSession;
}

/** Closes the browser, stops code-server (its whole process group) and removes `base`. */
export async function stopEditorSession(session: Partial<EditorSession>, base: string | undefined): Promise<void> {
  await session.browser?.close().catch(() => undefined);
  await session.server?.stop();
  if (base) rmSync(base, { recursive: true, force: true });
}
