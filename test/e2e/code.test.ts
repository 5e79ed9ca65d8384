// Code analysis in a real VS Code: the packaged VSIX in code-server (VS Code 1.100), driven in
// headless Chromium. A TypeScript file that calls Converse without a guardrail shows
// sdk/missing-guardrail in the Problems panel exactly as the engine reports it; the quick fix,
// chosen with the keyboard (Go to Line, Ctrl+., Enter, Ctrl+S), inserts guardrailConfig, the file
// on disk is byte for byte the expected text, and the finding is gone. The built-in TypeScript
// validation is off so that the Problems panel holds only this extension's findings.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { docsUrl } from '../../server/src/engine/rules/docs-url';
import { LineIndex } from '../../server/src/engine/text';
import type { Severity } from '../../server/src/engine/types';
import { codeFindingsOf } from '../code-helpers';
import { type CodeServer, type CodeServerDirs } from './code-server';
import { goToPosition, openFile, openQuickFixMenu, readProblems, showProblems, waitForValue, type ProblemRow } from './workbench';
import { saveScreenshot, startEditorSession, stopEditorSession, uiStep, type EditorSession } from './steps';

const FIRST_DIAGNOSTICS_TIMEOUT = 120_000;
const FILE = 'chat.ts';

/** Settings over the quiet workbench's (QUIET_SETTINGS). */
const SETTINGS = {
  // The workspace has no node_modules: TypeScript's own "cannot find module" errors would crowd
  // the panel.
  'typescript.validate.enable': false,
  'javascript.validate.enable': false,
};

const CHAT = `import { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';

const client = new BedrockRuntimeClient({ region: 'us-east-1' });

export async function ask(question: string): Promise<string | undefined> {
  const response = await client.send(new ConverseCommand({
    modelId: 'amazon.nova-lite-v1:0',
    messages: [{ role: 'user', content: [{ text: question }] }],
  }));
  return response.output?.message?.content?.[0]?.text;
}
`;

const FIXED = CHAT.replace(
  "content: [{ text: question }] }],\n",
  "content: [{ text: question }] }],\n    guardrailConfig: {\n      guardrailIdentifier: process.env.BEDROCK_GUARDRAIL_ID,\n      guardrailVersion: process.env.BEDROCK_GUARDRAIL_VERSION\n    },\n",
);

const ICONS: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'info', hint: 'hint' };

/** What the Problems panel should show for the file: the engine's findings (hints are not listed). */
function expectedRows(text: string): ProblemRow[] {
  const lines = new LineIndex(text);
  return codeFindingsOf(undefined, text, { path: `/workspace/${FILE}` })
    .filter((f) => f.severity !== 'hint')
    .map((f) => {
      const { start } = lines.rangeOf(f.span);
      return { severity: ICONS[f.severity], message: f.message, source: 'bedrock-security', code: f.ruleId, href: docsUrl(f.ruleId), line: start.line + 1, column: start.character + 1 };
    });
}

const ours = (rows: ProblemRow[]) => rows.filter((r) => r.source === 'bedrock-security').sort((a, b) => a.line - b.line || a.column - b.column);

describe('code analysis in VS Code (code-server)', { timeout: 600_000 }, () => {
  let base: string;
  let workspace: string;
  let dirs: CodeServerDirs;
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  let page: Page;
  const session: Partial<EditorSession> = {};

  before(async () => {
    base = mkdtempSync(join(tmpdir(), 'bedrock-security-e2e-code-'));
    workspace = join(base, 'workspace');
    mkdirSync(workspace);
    writeFileSync(join(workspace, FILE), CHAT);
    ({ dirs, server, browser, page } = await startEditorSession(session, base, workspace, { settings: SETTINGS }));
  });

  after(async () => {
    await stopEditorSession(session, base);
  });

  const step = uiStep('code-', () => ({ page, server, dirs }));

  const screenshot = (name: string) => saveScreenshot(page, name);

  test('the Problems panel shows sdk/missing-guardrail for the TypeScript file', async () => {
    await step('problems', async () => {
      const expected = expectedRows(CHAT);
      assert.deepEqual(
        expected.map((r) => `${r.code}@${r.line}:${r.column}`),
        ['sdk/missing-guardrail@6:42'],
      );
      await openFile(page, FILE);
      await showProblems(page);
      const seen = await waitForValue(() => readProblems(page), (v) => ours(v.rows).length >= expected.length, 'sdk/missing-guardrail in the Problems panel', FIRST_DIAGNOSTICS_TIMEOUT);
      assert.deepEqual(ours(seen.rows), expected);
      await screenshot('code-problems.png');
    });
  });

  test('its quick fix, chosen with the keyboard, inserts guardrailConfig; saved, the file is exactly the fixed text', async () => {
    await step('quick-fix', async () => {
      await goToPosition(page, 6, 42);
      const menu = await openQuickFixMenu(page);
      const title = 'Add guardrailConfig (BEDROCK_GUARDRAIL_ID and BEDROCK_GUARDRAIL_VERSION)';
      assert.deepEqual(menu.find((a) => a.focused), { title, focused: true }, `menu: ${JSON.stringify(menu)}`);
      await screenshot('code-quick-fix-menu.png');
      await page.keyboard.press('Enter');
      await waitForValue(() => readProblems(page), (v) => !ours(v.rows).some((r) => r.code === 'sdk/missing-guardrail'), 'the Problems panel without sdk/missing-guardrail');
      await page.keyboard.press('Control+S');
      const onDisk = await waitForValue(async () => readFileSync(join(workspace, FILE), 'utf8'), (t) => t !== CHAT, `${FILE} to be saved`);
      assert.equal(onDisk, FIXED);
      assert.deepEqual(expectedRows(FIXED), []);
    });
  });
});
