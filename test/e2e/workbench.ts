// Drives the VS Code workbench served by code-server in Debian's Chromium through playwright-core
// (no browser download): opening files, reading the Problems panel, moving the cursor and using
// the quick-fix menu from the keyboard, as a user would. Every wait is on a UI state, with a
// timeout and a message that says what was seen instead.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

/** Debian's Chromium (apt-get install chromium; scripts/setup-e2e.sh). */
export const CHROMIUM = '/usr/bin/chromium';

/**
 * Headless Chromium on a machine without a GPU or internet access: without the
 * background-networking flags Chromium keeps trying to reach Google services.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Launches headless Chromium; its profile is a temporary folder of Playwright's. Given `homeDir`
 * (the test's private home, see prepareDirs), Chromium's crash-report folder and dconf cache go
 * there (XDG folders) instead of under the real home.
 */
export async function launchBrowser(homeDir?: string): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run "bash scripts/setup-e2e.sh" (npm test runs it first)`);
  const env = homeDir ? { ...process.env, XDG_CONFIG_HOME: join(homeDir, 'config'), XDG_CACHE_HOME: join(homeDir, 'cache') } : undefined;
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, env });
}

/**
 * How long any single UI state may take to appear. Generous: a loaded 2-core CI machine can be
 * many times slower than a developer's, and a wait ends as soon as the state is there.
 */
export const UI_TIMEOUT = 60_000;

/** Polls `read` until `done` accepts its value; throws with the last value seen on timeout. */
export async function waitForValue<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string, timeoutMs = UI_TIMEOUT): Promise<T> {
  const end = Date.now() + timeoutMs;
  let value = await read();
  while (!done(value)) {
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last seen:\n${JSON.stringify(value, null, 2)}`);
    await new Promise((r) => setTimeout(r, 100));
    value = await read();
  }
  return value;
}

/** Opens the workbench on a folder and waits until it is laid out. */
export async function openWorkbench(page: Page, url: string, folder: string): Promise<void> {
  await page.goto(`${url}/?folder=${encodeURIComponent(folder)}`);
  await page.waitForSelector('.monaco-workbench .part.editor', { timeout: UI_TIMEOUT });
}

/** Opens a file at the top of the workspace from the Explorer and waits for its editor tab. */
export async function openFile(page: Page, name: string): Promise<void> {
  await page.getByRole('treeitem', { name, exact: true }).click({ timeout: UI_TIMEOUT });
  await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor({ timeout: UI_TIMEOUT });
  await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor({ timeout: UI_TIMEOUT });
}

/** One finding as the Problems panel shows it. */
export interface ProblemRow {
  /** The marker icon: `error`, `warning` or `info` (hints are not listed in the Problems panel). */
  severity: string;
  message: string;
  source: string;
  code: string;
  /** Where the rule id links to (the diagnostic's codeDescription.href). */
  href: string;
  line: number;
  column: number;
}

const SEVERITIES = ['error', 'warning', 'info'];

/** The Problems panel: its per-file header rows and its marker rows, as rendered. */
export interface ProblemsView {
  /** aria-labels of the file rows, e.g. `3 problems in file policy.json of folder .` */
  files: string[];
  rows: ProblemRow[];
}

/**
 * Presses `key` until `target` shows: a key press that arrives while the workbench is still busy
 * (a slow machine, an editor that is just opening) can go unheard. Never presses while the
 * target is visible, so toggling shortcuts are safe.
 */
export async function pressUntilVisible(page: Page, key: string, target: Locator, what: string): Promise<void> {
  const end = Date.now() + UI_TIMEOUT;
  while (!(await target.isVisible())) {
    if (Date.now() > end) throw new Error(`${key} did not bring up ${what} within ${UI_TIMEOUT} ms`);
    await page.keyboard.press(key);
    await target.waitFor({ state: 'visible', timeout: Math.max(1, Math.min(10_000, end - Date.now())) }).catch(() => undefined);
  }
}

/** Opens the Problems panel with its keyboard shortcut. */
export async function showProblems(page: Page): Promise<void> {
  await pressUntilVisible(page, 'Control+Shift+M', page.locator('.markers-panel'), 'the Problems panel');
}

/** Reads the Problems panel. Rows are virtualised: keep the fixture small enough to fit. */
export async function readProblems(page: Page): Promise<ProblemsView> {
  const rendered = await page.locator('.markers-panel .monaco-list-row').evaluateAll((els) =>
    els.map((row) => {
      const text = (selector: string): string | null => row.querySelector(selector)?.textContent?.trim() ?? null;
      return { label: row.getAttribute('aria-label') ?? '', icon: row.querySelector('.marker-icon')?.className ?? '', message: text('.marker-message'), source: text('.marker-source'), code: text('.marker-code'), href: row.querySelector('a.monaco-link')?.getAttribute('href') ?? '', at: text('.marker-line') };
    }),
  );
  const view: ProblemsView = { files: [], rows: [] };
  for (const r of rendered) {
    if (r.message === null) {
      view.files.push(r.label);
      continue;
    }
    const at = /Ln (\d+), Col (\d+)/.exec(r.at ?? '');
    view.rows.push({
      severity: SEVERITIES.find((s) => r.icon.split(/\s+/).includes(s)) ?? 'unknown',
      message: r.message,
      source: r.source ?? '',
      code: r.code ?? '',
      href: r.href,
      line: at ? Number(at[1]) : 0,
      column: at ? Number(at[2]) : 0,
    });
  }
  return view;
}

/** The cursor position the status bar shows, e.g. `Ln 2, Col 3`. */
export async function cursorStatus(page: Page): Promise<string> {
  return (await page.locator('#status\\.editor\\.selection').textContent({ timeout: UI_TIMEOUT }))?.trim() ?? '';
}

/** Moves the cursor of the active editor with Go to Line/Column (Ctrl+G) and checks the status bar. */
export async function goToPosition(page: Page, line: number, column: number): Promise<void> {
  const input = page.locator('.quick-input-widget input');
  await pressUntilVisible(page, 'Control+G', input, 'Go to Line/Column');
  await page.keyboard.type(`${line}:${column}`);
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
  await waitForValue(() => cursorStatus(page), (s) => s === `Ln ${line}, Col ${column}`, `the cursor at Ln ${line}, Col ${column}`);
}

/** One entry of the quick-fix (code action) menu. */
export interface MenuAction {
  title: string;
  focused: boolean;
}

/** Opens the quick-fix menu at the cursor with Ctrl+. and returns its entries once it shows. */
export async function openQuickFixMenu(page: Page): Promise<MenuAction[]> {
  const rows = page.locator('.action-widget .monaco-list-row.action');
  await pressUntilVisible(page, 'Control+.', rows.first(), 'the quick-fix menu');
  return rows.evaluateAll((els) => els.map((el) => ({ title: el.querySelector('.title')?.textContent?.trim() ?? '', focused: el.classList.contains('focused') })));
}
