// Hover, completion and highlighting in a real VS Code: the packaged VSIX in code-server (VS Code
// 1.100), driven in headless Chromium. Proves that the injection grammar colours an action in a
// policy with the theme's colours, that pointing at the action shows the language server's hover
// (the markdown rendered: heading, description, resource types, the reference link), and that
// typing `bedrock:` in an Action string opens the actions, filters them as the user types and
// inserts the chosen one. Screenshot: docs/images/hover.png with BEDROCK_SECURITY_UPDATE_SCREENSHOTS=1.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { type CodeServer, type CodeServerDirs } from './code-server';
import { goToPosition, openFile, UI_TIMEOUT, waitForValue } from './workbench';
import { RESULTS, saveScreenshot, startEditorSession, stopEditorSession, uiStep, type EditorSession } from './steps';


/** Settings over the quiet workbench's (QUIET_SETTINGS). */
const SETTINGS = {
  'editor.hover.delay': 100,
};

/** A policy that lints clean, so that the hover shows only ours (no diagnostic above it). */
const POLICY = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "InvokeHaikuWithGuardrail",
      "Effect": "Allow",
      "Action": ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"],
      "Resource": "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0",
      "Condition": {
        "StringEquals": {"bedrock:GuardrailIdentifier": "arn:aws:bedrock:us-east-1:111122223333:guardrail/abc123xyz456:1"}
      }
    },
    {
      "Sid": "ApplyGuardrail",
      "Effect": "Allow",
      "Action": "bedrock:ApplyGuardrail",
      "Resource": "arn:aws:bedrock:us-east-1:111122223333:guardrail/abc123xyz456"
    }
  ]
}
`;

/** A statement being written: the cursor goes between the quotes of the Action string. */
const DRAFT = '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Action": [""],\n      "Resource": "*"\n    }\n  ]\n}\n';

/** The hover widget's rendered text and link targets. */
interface HoverView {
  text: string;
  links: string[];
}

describe('hover, completion and highlighting in VS Code (code-server)', { timeout: 600_000 }, () => {
  let base: string;
  let dirs: CodeServerDirs;
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  let page: Page;
  const session: Partial<EditorSession> = {};

  before(async () => {
    base = mkdtempSync(join(tmpdir(), 'bedrock-security-e2e-hover-'));
    const workspace = join(base, 'workspace');
    mkdirSync(workspace);
    writeFileSync(join(workspace, 'policy.json'), POLICY);
    writeFileSync(join(workspace, 'draft.json'), DRAFT);
    ({ dirs, server, browser, page } = await startEditorSession(session, base, workspace, { settings: SETTINGS }));
  });

  after(async () => {
    await stopEditorSession(session, base);
  });

  const step = uiStep('hover-', () => ({ page, server, dirs }));

  /** The colour a rendered token is drawn in, as CSS computes it (`rgb(r, g, b)`). */
  function colorOf(t: Locator): Promise<string> {
    return t.evaluate((e) => (globalThis as unknown as { getComputedStyle(el: unknown): { color: string } }).getComputedStyle(e).color);
  }

  /** The rendered token of the editor whose text is exactly `text` (the first one). */
  function token(text: string): Locator {
    return page.locator('.editor-instance .view-lines .view-line span span').filter({ hasText: new RegExp(`^${text}$`) }).first();
  }

  async function readHover(): Promise<HoverView> {
    const hover = page.locator('.monaco-hover:not(.hidden) .hover-contents');
    if (!(await hover.count())) return { text: '', links: [] };
    return hover.evaluateAll((els) => ({
      text: els.map((e) => (e as unknown as { innerText: string }).innerText).join('\n'),
      links: els.flatMap((e) => [...e.querySelectorAll('a')].map((a) => a.getAttribute('data-href') ?? a.getAttribute('href') ?? '')),
    }));
  }

  test('the grammar colours the action, and pointing at it shows the server\'s hover', async () => {
    await step('hover', async () => {
      await openFile(page, 'policy.json');
      const action = token('InvokeModel');
      await action.waitFor({ timeout: UI_TIMEOUT });
      // Default Dark Modern: entity.name.function #DCDCAA, entity.name.namespace #4EC9B0.
      assert.equal(await colorOf(action), 'rgb(220, 220, 170)');
      assert.equal(await colorOf(token('bedrock')), 'rgb(78, 201, 176)');
      // Until the language server answers, the hover is empty: point again until it shows ours.
      const seen = await waitForValue(
        async () => {
          await page.mouse.move(5, 5);
          await action.hover();
          await page.locator('.monaco-hover:not(.hidden) .hover-contents').first().waitFor({ timeout: 5_000 }).catch(() => undefined);
          return readHover();
        },
        (h) => h.text.includes('bedrock:InvokeModel — Read'),
        'the hover of bedrock:InvokeModel',
      );
      const lines = seen.text.split('\n').map((l) => l.trim()).filter(Boolean);
      assert.equal(lines[0], 'bedrock:InvokeModel — Read');
      assert.equal(lines[1], 'Grants permission to invoke the specified Bedrock model to run inference using the input provided in the request body');
      assert.ok(lines.includes('foundation-model* arn:${Partition}:bedrock:${Region}::foundation-model/${ResourceId}'), lines.join('\n'));
      assert.ok(seen.links.includes('https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonbedrock.html#amazonbedrock-InvokeModel'), seen.links.join('\n'));
      // The hover fades in: wait until its animations have finished before the screenshot.
      await waitForValue(
        () => page.locator('.monaco-hover:not(.hidden)').first().evaluate((e) => (e as unknown as { getAnimations(o: { subtree: boolean }): { playState: string }[] }).getAnimations({ subtree: true }).every((x) => x.playState === 'finished')),
        (done) => done,
        'the hover to finish fading in',
      );
      await saveScreenshot(page, 'hover.png');
      await page.mouse.move(5, 5);
    });
  });

  test('typing bedrock: in an Action string lists the actions, filters them, and inserts the chosen one', async () => {
    await step('completion', async () => {
      await openFile(page, 'draft.json');
      await goToPosition(page, 6, 19);
      await page.keyboard.type('bedrock:', { delay: 50 });
      const rows = page.locator('.suggest-widget.visible .monaco-list-row');
      await rows.first().waitFor({ timeout: UI_TIMEOUT });
      await page.keyboard.type('InvokeMo', { delay: 50 });
      // VS Code filters and ranks the server's list with its own fuzzy matcher: the best matches first.
      const labels = await waitForValue(
        () => rows.evaluateAll((els) => els.map((e) => e.querySelector('.label-name')?.textContent?.trim() ?? '')),
        (l) => l[0] === 'InvokeModel' && !l.includes('ListFoundationModels'),
        'the suggestions filtered to InvokeMo…',
      );
      assert.deepEqual(labels.slice(0, 2), ['InvokeModel', 'InvokeModelWithResponseStream']);
      await page.screenshot({ path: join(RESULTS, 'completion.png') });
      const focused = await page.locator('.suggest-widget.visible .monaco-list-row.focused .label-name').textContent();
      assert.equal(focused?.trim(), 'InvokeModel');
      await page.keyboard.press('Enter');
      const line = await waitForValue(
        () => page.locator('.editor-instance .view-lines .view-line').evaluateAll((els) => els.map((e) => (e.textContent ?? '').replace(/\u00a0/g, ' ')).find((t) => t.includes('"Action"')) ?? ''),
        (t) => t.includes('bedrock:InvokeModel"'),
        'the chosen action in the Action string',
      );
      assert.equal(line, '      "Action": ["bedrock:InvokeModel"],');
    });
  });
});
