// What every real-editor test file does around its UI steps: on a failing step, a screenshot and
// the code-server and workbench logs in the error; screenshots for the README on request
// (BEDROCK_SECURITY_UPDATE_SCREENSHOTS=1 copies them into docs/images/).
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { logTails, repoRoot, type CodeServer, type CodeServerDirs } from './code-server';

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
